//! A hybrid logical clock: the version stamped on every syncable row.
//!
//! A stamp is the wall-clock time in milliseconds shifted left 16 bits, plus a counter for
//! changes within the same millisecond. Stamps from one clock only grow, even when the wall
//! clock steps back, and a clock that observes a newer remote stamp moves past it, so the
//! order of changes survives desktops whose clocks disagree.

const COUNTER_BITS: u32 = 16;

/// A clock that hands out strictly increasing stamps.
#[derive(Debug, Clone, Default)]
pub struct HybridClock {
    last: i64,
}

impl HybridClock {
    /// A clock that will never hand out a stamp at or below `last`.
    pub fn starting_after(last: i64) -> Self {
        Self { last }
    }

    /// The next stamp, given the wall clock in Unix milliseconds.
    pub fn tick(&mut self, now_ms: i64) -> i64 {
        let physical = now_ms << COUNTER_BITS;
        self.last = physical.max(self.last + 1);
        self.last
    }

    /// Takes note of a stamp made elsewhere, so the next local stamp is newer.
    pub fn observe(&mut self, remote: i64) {
        self.last = self.last.max(remote);
    }
}

/// The wall-clock milliseconds of a stamp.
pub fn stamp_millis(stamp: i64) -> i64 {
    stamp >> COUNTER_BITS
}

/// Stamps (and other 64-bit numbers) cross the IPC bridge and the sync wire as decimal text: a stamp (milliseconds shifted 16
/// bits, [`crate::clock`]) is beyond 2^53, which the bridge's JavaScript numbers cannot hold
/// exactly. A JSON integer is accepted too.
pub mod stamp_text {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(stamp: &i64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(stamp)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stamp {
            Text(String),
            Number(i64),
        }
        match Stamp::deserialize(deserializer)? {
            Stamp::Text(text) => text.parse().map_err(serde::de::Error::custom),
            Stamp::Number(number) => Ok(number),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn stamps_carry_the_wall_clock() {
        let mut clock = HybridClock::default();
        let stamp = clock.tick(1_700_000_000_000);
        assert_eq!(stamp_millis(stamp), 1_700_000_000_000);
    }

    #[test]
    fn observing_a_newer_stamp_moves_past_it() {
        let mut clock = HybridClock::default();
        let remote = HybridClock::default().tick(2_000);
        clock.observe(remote);
        assert!(clock.tick(1_000) > remote);
    }

    proptest! {
        #[test]
        fn stamps_strictly_increase(times in proptest::collection::vec(0i64..4_000_000_000_000, 1..200)) {
            let mut clock = HybridClock::default();
            let mut previous = i64::MIN;
            for now in times {
                let stamp = clock.tick(now);
                prop_assert!(stamp > previous);
                previous = stamp;
            }
        }
    }
}
