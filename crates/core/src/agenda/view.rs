//! The agenda's views and the days and times each one shows for a date.
use chrono::{Datelike, Days, Months, NaiveDate};

use super::DAY;
use crate::date::start_of_day;

/// "Dia", "Semana" or "Mês".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// One day, the technicians side by side, hours down.
    Day,
    /// Monday to Sunday, days side by side, hours down.
    Week,
    /// The month as six weeks from a Monday.
    Month,
}

impl View {
    /// Every view, in the order of the switch buttons.
    pub const ALL: [View; 3] = [View::Day, View::Week, View::Month];

    /// The pt-BR label of its button.
    pub fn label(self) -> &'static str {
        match self {
            View::Day => "Dia",
            View::Week => "Semana",
            View::Month => "Mês",
        }
    }
}

/// How many days the month grid shows: six weeks, enough for any month from a Monday.
const MONTH_GRID_DAYS: u64 = 42;

/// The days `view` shows around `date`, in order: the date itself, its week from Monday,
/// or the six weeks from the Monday on or before the first of its month.
pub fn days_of(view: View, date: NaiveDate) -> Vec<NaiveDate> {
    let (first, count) = match view {
        View::Day => (date, 1),
        View::Week => (monday_of(date), 7),
        View::Month => (monday_of(date.with_day(1).unwrap_or(date)), MONTH_GRID_DAYS),
    };
    first.iter_days().take(count as usize).collect()
}

/// `[from, to)` in Unix ms: from the start of the first day shown to the start of the day
/// after the last, at the UTC offset `offset_minutes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    pub from: i64,
    pub to: i64,
}

/// The instants `view` shows around `date` at the UTC offset `offset_minutes`: what the
/// agenda asks the shell for.
pub fn range_of(view: View, date: NaiveDate, offset_minutes: i32) -> DayRange {
    let days = days_of(view, date);
    let first = days.first().copied().unwrap_or(date);
    let from = start_of_day(first, offset_minutes);
    DayRange {
        from,
        to: from + DAY * days.len() as i64,
    }
}

/// The date ‹ (`steps` = -1) or › (+1) leads to: a day, a week, or a month away (the 31st
/// becomes the last day of a shorter month).
pub fn shift_date(view: View, date: NaiveDate, steps: i32) -> NaiveDate {
    let shifted = match view {
        View::Day => shift_days(date, i64::from(steps)),
        View::Week => shift_days(date, 7 * i64::from(steps)),
        View::Month => {
            let months = Months::new(steps.unsigned_abs());
            if steps < 0 {
                date.checked_sub_months(months)
            } else {
                date.checked_add_months(months)
            }
        }
    };
    shifted.unwrap_or(date)
}

/// `date` moved by `days` (back when negative); `None` out of chrono's range.
pub(crate) fn shift_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    let by = Days::new(days.unsigned_abs());
    if days < 0 {
        date.checked_sub_days(by)
    } else {
        date.checked_add_days(by)
    }
}

fn monday_of(date: NaiveDate) -> NaiveDate {
    let back = i64::from(date.weekday().num_days_from_monday());
    shift_days(date, -back).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::format_instant;

    const SAO_PAULO: i32 = -180;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("a date")
    }

    #[test]
    fn a_day_is_its_own_local_midnight_to_the_next() {
        let range = range_of(View::Day, date(2026, 11, 28), SAO_PAULO);
        assert_eq!(format_instant(range.from, SAO_PAULO), "28/11/2026 00:00");
        assert_eq!(format_instant(range.from, 0), "28/11/2026 03:00");
        assert_eq!(range.to - range.from, DAY);
    }

    #[test]
    fn a_week_runs_from_monday_to_sunday() {
        // Saturday 28/11/2026.
        let days = days_of(View::Week, date(2026, 11, 28));
        assert_eq!(days.first(), Some(&date(2026, 11, 23)));
        assert_eq!(days.last(), Some(&date(2026, 11, 29)));
        assert_eq!(
            days_of(View::Week, date(2026, 11, 23))[0],
            date(2026, 11, 23)
        );
        let range = range_of(View::Week, date(2026, 11, 29), SAO_PAULO);
        assert_eq!(format_instant(range.from, SAO_PAULO), "23/11/2026 00:00");
        assert_eq!(format_instant(range.to, SAO_PAULO), "30/11/2026 00:00");
    }

    #[test]
    fn a_month_is_six_weeks_from_the_monday_before_its_first() {
        // 01/11/2026 is a Sunday: the grid starts on Monday 26/10.
        let days = days_of(View::Month, date(2026, 11, 17));
        assert_eq!(days.len(), 42);
        assert_eq!(days[0], date(2026, 10, 26));
        assert_eq!(days[41], date(2026, 12, 6));
        // 01/06/2026 is a Monday: the grid starts on it.
        assert_eq!(days_of(View::Month, date(2026, 6, 30))[0], date(2026, 6, 1));
        let range = range_of(View::Month, date(2026, 11, 17), SAO_PAULO);
        assert_eq!(range.to - range.from, 42 * DAY);
        assert!(range.to - range.from <= crate::work_order::MAX_AGENDA_DAYS * DAY);
    }

    #[test]
    fn arrows_beside_the_date_move_by_the_view() {
        let date31 = date(2026, 1, 31);
        assert_eq!(shift_date(View::Day, date31, 1), date(2026, 2, 1));
        assert_eq!(shift_date(View::Week, date31, -1), date(2026, 1, 24));
        assert_eq!(shift_date(View::Month, date31, 1), date(2026, 2, 28));
        assert_eq!(shift_date(View::Month, date31, -2), date(2025, 11, 30));
    }
}
