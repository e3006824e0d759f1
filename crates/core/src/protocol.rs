//! Protocol numbers: every customer contact gets one at its start (Brazilian telecom rules),
//! read to the customer over the phone and traceable later.
//!
//! A number is the contact's date, the desktop's number and a sequence of that desktop on
//! that day: `AAMMDD DDD SSSSS`, 14 digits, shown as `261128-042-00017`. Desktops never
//! share a number, and a desktop never repeats a sequence on a day, so numbers made offline
//! on many desktops at once never collide.
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

/// The highest desktop number (three digits).
pub const MAX_DESKTOP: u16 = 999;
/// The most protocols one desktop gives in one day (five digits).
pub const MAX_SEQUENCE: u32 = 99_999;

/// A protocol number.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type,
)]
pub struct Protocol {
    /// The day it was given, in the desktop's time zone.
    pub date: NaiveDate,
    /// The desktop that gave it (1 to 999).
    pub desktop: u16,
    /// Its place among that desktop's protocols of the day (1 to 99,999).
    pub sequence: u32,
}

/// Why a protocol cannot be made or read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ProtocolError {
    #[error("O número deste computador deve estar entre 1 e {MAX_DESKTOP}.")]
    Desktop,
    #[error("Este computador já deu {MAX_SEQUENCE} protocolos hoje.")]
    DayFull,
    #[error("O protocolo tem 14 números: AAMMDD, o computador e a sequência.")]
    Format,
}

impl Protocol {
    /// The protocol after `last` (the desktop's latest of `date`, if any).
    pub fn next(date: NaiveDate, desktop: u16, last: Option<u32>) -> Result<Self, ProtocolError> {
        if !(1..=MAX_DESKTOP).contains(&desktop) {
            return Err(ProtocolError::Desktop);
        }
        let sequence = last.unwrap_or(0) + 1;
        if sequence > MAX_SEQUENCE {
            return Err(ProtocolError::DayFull);
        }
        Ok(Self {
            date,
            desktop,
            sequence,
        })
    }

    /// The 14 digits, as stored and searched.
    pub fn digits(&self) -> String {
        format!(
            "{:02}{:02}{:02}{:03}{:05}",
            self.date.year().rem_euclid(100),
            self.date.month(),
            self.date.day(),
            self.desktop,
            self.sequence
        )
    }
}

impl fmt::Display for Protocol {
    /// `AAMMDD-DDD-SSSSS`, grouped to be read aloud.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.digits();
        write!(f, "{}-{}-{}", &digits[..6], &digits[6..9], &digits[9..])
    }
}

impl FromStr for Protocol {
    type Err = ProtocolError;

    /// Reads the 14 digits, whatever separates them (as an operator types them).
    fn from_str(typed: &str) -> Result<Self, Self::Err> {
        if typed
            .chars()
            .any(|c| !c.is_ascii_digit() && !" -./".contains(c))
        {
            return Err(ProtocolError::Format);
        }
        let digits = crate::text::digits(typed);
        if digits.len() != 14 {
            return Err(ProtocolError::Format);
        }
        let number = |range: std::ops::Range<usize>| -> Result<u32, ProtocolError> {
            digits[range].parse().map_err(|_| ProtocolError::Format)
        };
        let year = 2000 + i32::try_from(number(0..2)?).map_err(|_| ProtocolError::Format)?;
        let date = NaiveDate::from_ymd_opt(year, number(2..4)?, number(4..6)?)
            .ok_or(ProtocolError::Format)?;
        let desktop = u16::try_from(number(6..9)?).map_err(|_| ProtocolError::Format)?;
        let sequence = number(9..14)?;
        if desktop == 0 || sequence == 0 {
            return Err(ProtocolError::Format);
        }
        Ok(Self {
            date,
            desktop,
            sequence,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use proptest::prelude::*;

    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("date")
    }

    #[test]
    fn reads_aloud_and_back() {
        let protocol = Protocol::next(day(28), 42, Some(16)).expect("protocol");
        assert_eq!(protocol.to_string(), "261128-042-00017");
        assert_eq!(protocol.digits(), "26112804200017");
        assert_eq!("26112804200017".parse(), Ok(protocol));
        assert_eq!(" 261128 042 00017 ".parse(), Ok(protocol));
        for wrong in [
            "",
            "2611280420001",
            "261131-042-00017",
            "261128-000-00017",
            "abc",
        ] {
            assert_eq!(
                wrong.parse::<Protocol>(),
                Err(ProtocolError::Format),
                "{wrong}"
            );
        }
    }

    #[test]
    fn desktops_and_days_are_bounded() {
        assert_eq!(Protocol::next(day(1), 0, None), Err(ProtocolError::Desktop));
        assert_eq!(
            Protocol::next(day(1), 1000, None),
            Err(ProtocolError::Desktop)
        );
        assert_eq!(
            Protocol::next(day(1), 1, Some(MAX_SEQUENCE)),
            Err(ProtocolError::DayFull)
        );
        assert_eq!(Protocol::next(day(1), 999, None).map(|p| p.sequence), Ok(1));
    }

    proptest! {
        /// Desktops giving protocols at once, offline, each from its own sequence: no
        /// number is given twice, and each reads back as itself.
        #[test]
        fn many_desktops_never_collide(
            desktops in proptest::collection::hash_set(1u16..=MAX_DESKTOP, 1..30),
            rounds in proptest::collection::vec((0usize..30, 1u32..4), 1..300),
        ) {
            let desktops: Vec<u16> = desktops.into_iter().collect();
            let mut last: Vec<std::collections::HashMap<NaiveDate, u32>> =
                vec![Default::default(); desktops.len()];
            let mut given = HashSet::new();
            for (who, date) in rounds {
                let who = who % desktops.len();
                let date = day(date);
                let protocol = Protocol::next(date, desktops[who], last[who].get(&date).copied())
                    .expect("protocol");
                last[who].insert(date, protocol.sequence);
                prop_assert!(given.insert(protocol.digits()), "{} given twice", protocol);
                prop_assert_eq!(protocol.to_string().parse::<Protocol>(), Ok(protocol));
            }
        }
    }
}
