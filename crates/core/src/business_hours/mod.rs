//! "Expediente e feriados": the provider's week of business hours and its holidays, and a
//! ticket's due time counted in them.
//!
//! A ticket type's SLA counts business hours (the minutes inside the week's opening
//! intervals, on days that are not holidays, in the provider's local time at a fixed UTC
//! offset: Brazil has had no daylight saving since 2019) or, where the type says so,
//! calendar hours. With no business hours set at all, every SLA counts calendar hours.
mod form;
mod national;

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::ticket_type::TicketType;
pub use form::{
    check_year, format_time, parse_time, HolidayForm, IntervalForm, NewHoliday, WeekForm,
    MAX_HOLIDAY_NAME_CHARS, MAX_YEAR, MIN_YEAR,
};
pub use national::{easter, national_holidays};

/// Minutes in a day: an interval closes at most at 24:00.
pub const DAY_MINUTES: u16 = 24 * 60;
const MINUTE_MS: i64 = 60_000;
const HOUR_MS: i64 = 60 * MINUTE_MS;
const DAY_MS: i64 = 24 * HOUR_MS;

/// The weekdays as the week lists them, 0 = domingo ... 6 = sábado (the tables' numbering).
pub const WEEKDAYS: [&str; 7] = [
    "Domingo",
    "Segunda-feira",
    "Terça-feira",
    "Quarta-feira",
    "Quinta-feira",
    "Sexta-feira",
    "Sábado",
];

/// The fields of "Expediente e feriados" (the UI's `data-field`).
pub mod fields {
    /// What every field of a weekday's intervals starts with (weekday `0..=6`).
    pub fn day(weekday: usize) -> String {
        format!("expediente-{weekday}-")
    }

    /// An interval's opening time: its weekday, its place in the day as typed.
    pub fn opens(weekday: usize, index: usize) -> String {
        format!("{}{index}-inicio", day(weekday))
    }

    /// An interval's closing time.
    pub fn closes(weekday: usize, index: usize) -> String {
        format!("{}{index}-fim", day(weekday))
    }

    /// A new holiday's date ("dd/mm/aaaa").
    pub const HOLIDAY_DAY: &str = "feriado-data";
    /// A new holiday's name.
    pub const HOLIDAY_NAME: &str = "feriado-nome";
    /// The year whose holidays are listed (and whose national ones are included).
    pub const YEAR: &str = "feriados-ano";
}

/// An opening interval of a day, in minutes after the local midnight: `[opens_at, closes_at)`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type,
)]
pub struct Interval {
    pub opens_at: u16,
    pub closes_at: u16,
}

impl Interval {
    /// Its length in minutes (0 for an interval that does not end after it starts).
    pub fn minutes(self) -> u16 {
        self.closes_at.saturating_sub(self.opens_at)
    }

    /// "08:00–12:00".
    pub fn describe(self) -> String {
        format!(
            "{}–{}",
            format_time(self.opens_at),
            format_time(self.closes_at)
        )
    }
}

/// The provider's week: each weekday's opening intervals (index 0 = domingo), in order,
/// none overlapping. Built by [`Week::from_openings`] (or a checked [`WeekForm`]), which
/// sorts and merges whatever it is given, so the rows two desktops wrote offline still make
/// one week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Week {
    /// Seven days, domingo first.
    pub days: Vec<Vec<Interval>>,
}

impl Default for Week {
    fn default() -> Self {
        Self {
            days: vec![Vec::new(); 7],
        }
    }
}

impl Week {
    /// The week of `(weekday, opens_at, closes_at)` openings (the table's rows): a weekday
    /// out of `0..=6` or an interval that does not end after it starts is left out (the
    /// table's checks forbid them), a closing after 24:00 is read as 24:00, and overlapping
    /// or touching intervals of a day are merged.
    pub fn from_openings(openings: impl IntoIterator<Item = (u8, u16, u16)>) -> Self {
        let mut week = Week::default();
        for (weekday, opens_at, closes_at) in openings {
            let closes_at = closes_at.min(DAY_MINUTES);
            if let Some(day) = week.days.get_mut(usize::from(weekday)) {
                if closes_at > opens_at {
                    day.push(Interval {
                        opens_at,
                        closes_at,
                    });
                }
            }
        }
        for day in &mut week.days {
            day.sort();
            let mut merged: Vec<Interval> = Vec::with_capacity(day.len());
            for interval in day.drain(..) {
                match merged.last_mut() {
                    Some(last) if interval.opens_at <= last.closes_at => {
                        last.closes_at = last.closes_at.max(interval.closes_at);
                    }
                    _ => merged.push(interval),
                }
            }
            *day = merged;
        }
        week
    }

    /// Every opening as `(weekday, opens_at, closes_at)`, the table's rows.
    pub fn openings(&self) -> Vec<(u8, u16, u16)> {
        (0u8..)
            .zip(&self.days)
            .flat_map(|(weekday, day)| {
                day.iter()
                    .map(move |interval| (weekday, interval.opens_at, interval.closes_at))
            })
            .collect()
    }

    /// The open minutes of a week; 0 when no business hours are set.
    pub fn open_minutes(&self) -> u32 {
        self.days
            .iter()
            .flatten()
            .map(|interval| u32::from(interval.minutes()))
            .sum()
    }

    /// Whether no business hours are set (SLAs then count calendar hours).
    pub fn is_empty(&self) -> bool {
        self.open_minutes() == 0
    }

    /// The intervals of `weekday` (0 = domingo); none for a day out of the week.
    pub fn day(&self, weekday: usize) -> &[Interval] {
        self.days.get(weekday).map_or(&[], Vec::as_slice)
    }
}

/// A holiday as the administrator's list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Holiday {
    pub id: Uuid,
    pub day: NaiveDate,
    pub name: String,
}

/// What a due time is counted with: the week, the holidays and the provider's UTC offset.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
pub struct SlaCalendar {
    pub week: Week,
    /// The days with no business hours, in order.
    pub holidays: Vec<NaiveDate>,
    /// Minutes east of UTC (Brasília: −180).
    pub utc_offset_minutes: i32,
}

impl SlaCalendar {
    /// When a ticket of `kind` opened at `opened_at` (Unix ms) is due: see [`due_at`].
    pub fn due_at(&self, opened_at: i64, kind: &TicketType) -> i64 {
        due_at(
            opened_at,
            kind.sla_hours,
            kind.sla_calendar,
            &self.week,
            &self.holidays,
            self.utc_offset_minutes,
        )
    }

    /// Whether a type's SLA counts business hours: not when the type counts calendar hours,
    /// nor while no business hours are set.
    pub fn counts_business_hours(&self, kind: &TicketType) -> bool {
        !kind.sla_calendar && !self.week.is_empty()
    }

    /// How a type's SLA reads: "4 h úteis" or "4 h corridas".
    pub fn describe_sla(&self, kind: &TicketType) -> String {
        if self.counts_business_hours(kind) {
            format!("{} h úteis", kind.sla_hours)
        } else {
            format!("{} h corridas", kind.sla_hours)
        }
    }
}

/// When a ticket opened at `opened_at_ms` (Unix ms) with an SLA of `sla_hours` is due, in
/// Unix ms.
///
/// In calendar hours (`calendar_hours`, or a week with no open minute) that is
/// `opened_at + sla_hours`. In business hours only the minutes inside the week's intervals
/// count, on days not in `holidays`, in local time at `utc_offset_minutes` east of UTC: a
/// ticket opened outside them starts counting at the next opening, and one whose hours end
/// exactly at a closing is due at that closing.
pub fn due_at(
    opened_at_ms: i64,
    sla_hours: u32,
    calendar_hours: bool,
    week: &Week,
    holidays: &[NaiveDate],
    utc_offset_minutes: i32,
) -> i64 {
    let calendar = opened_at_ms.saturating_add(i64::from(sla_hours) * HOUR_MS);
    let week_minutes = i64::from(week.open_minutes());
    if calendar_hours || week_minutes == 0 {
        return calendar;
    }
    let holidays: BTreeSet<NaiveDate> = holidays.iter().copied().collect();
    let offset_ms = i64::from(utc_offset_minutes) * MINUTE_MS;
    let local = opened_at_ms.saturating_add(offset_ms);
    let first_day = local.div_euclid(DAY_MS);
    let mut remaining = i64::from(sla_hours) * HOUR_MS;
    // Every seven days not touched by a holiday give `week_minutes`; each holiday takes at
    // most one day, which may cost a whole week's wait. Past this many days the count has
    // gone wrong (it cannot, but a loop must end): fall back to calendar hours.
    let whole_weeks = (remaining / MINUTE_MS) / week_minutes + 2;
    let bound = whole_weeks
        .saturating_add(i64::try_from(holidays.len()).unwrap_or(i64::MAX))
        .saturating_mul(7);
    for day_number in first_day..first_day.saturating_add(bound) {
        let day_start = day_number * DAY_MS;
        let Some(date) = date_of(day_number) else {
            break;
        };
        if holidays.contains(&date) {
            continue;
        }
        let weekday = date.weekday().num_days_from_sunday() as usize;
        for interval in week.day(weekday) {
            let opens = day_start + i64::from(interval.opens_at) * MINUTE_MS;
            let closes = day_start + i64::from(interval.closes_at) * MINUTE_MS;
            let start = opens.max(local);
            if start >= closes {
                continue;
            }
            if remaining <= closes - start {
                return start + remaining - offset_ms;
            }
            remaining -= closes - start;
        }
    }
    calendar
}

/// The date of day `day_number` after 1970-01-01.
fn date_of(day_number: i64) -> Option<NaiveDate> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    epoch.checked_add_signed(chrono::TimeDelta::try_days(day_number)?)
}

#[cfg(test)]
mod tests;
