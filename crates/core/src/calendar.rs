//! The month a date field's calendar shows: its weeks, Sunday first (as Brazilian
//! calendars are), and the month's pt-BR name.
use chrono::{Datelike, Months, NaiveDate};

/// The days' initials, Sunday first.
pub const WEEKDAYS: [&str; 7] = ["D", "S", "T", "Q", "Q", "S", "S"];

const MONTHS: [&str; 12] = [
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
];

/// The first day of the month of `day`.
pub fn month_of(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// The first day of the month `delta` months from `month` (negative: back).
pub fn shift_month(month: NaiveDate, delta: i32) -> NaiveDate {
    let month = month_of(month);
    let shifted = match delta {
        0.. => month.checked_add_months(Months::new(delta.unsigned_abs())),
        _ => month.checked_sub_months(Months::new(delta.unsigned_abs())),
    };
    shifted.unwrap_or(month)
}

/// "março de 2026".
pub fn month_title(month: NaiveDate) -> String {
    let name = MONTHS
        .get(month.month0() as usize)
        .copied()
        .unwrap_or_default();
    format!("{name} de {}", month.year())
}

/// The weeks of the month of `month`, Sunday to Saturday; the days of the weeks' ends that
/// fall in the months before and after are `None`.
pub fn weeks(month: NaiveDate) -> Vec<[Option<NaiveDate>; 7]> {
    let first = month_of(month);
    let mut weeks = Vec::with_capacity(6);
    let mut week = [None; 7];
    let mut slot = first.weekday().num_days_from_sunday() as usize;
    let mut day = Some(first);
    while let Some(today) = day.filter(|day| day.month() == first.month()) {
        week[slot] = Some(today);
        slot += 1;
        if slot == 7 {
            weeks.push(week);
            week = [None; 7];
            slot = 0;
        }
        day = today.succ_opt();
    }
    if slot > 0 {
        weeks.push(week);
    }
    weeks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn march_2026_starts_on_a_sunday_and_takes_five_weeks() {
        let weeks = weeks(date(2026, 3, 17));
        assert_eq!(weeks.len(), 5);
        assert_eq!(weeks[0][0], Some(date(2026, 3, 1)));
        assert_eq!(weeks[4][2], Some(date(2026, 3, 31)));
        assert_eq!(weeks[4][3], None);
    }

    #[test]
    fn a_month_starting_on_saturday_has_blank_days_before_it() {
        // August 2026 begins on a Saturday: six weeks.
        let weeks = weeks(date(2026, 8, 1));
        assert_eq!(weeks.len(), 6);
        assert_eq!(weeks[0][..6], [None; 6]);
        assert_eq!(weeks[0][6], Some(date(2026, 8, 1)));
        assert_eq!(weeks[5][1], Some(date(2026, 8, 31)));
        let days: usize = weeks.iter().flatten().flatten().count();
        assert_eq!(days, 31);
    }

    #[test]
    fn february_of_a_leap_year() {
        let days: usize = weeks(date(2028, 2, 10)).iter().flatten().flatten().count();
        assert_eq!(days, 29);
    }

    #[test]
    fn months_shift_across_years_and_are_named_in_portuguese() {
        assert_eq!(shift_month(date(2026, 12, 31), 1), date(2027, 1, 1));
        assert_eq!(shift_month(date(2026, 1, 15), -1), date(2025, 12, 1));
        assert_eq!(shift_month(date(2026, 3, 31), 0), date(2026, 3, 1));
        assert_eq!(month_title(date(2026, 3, 5)), "março de 2026");
        assert_eq!(month_title(date(2027, 12, 1)), "dezembro de 2027");
    }
}
