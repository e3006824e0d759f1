//! The "Mês" grid: each day's visits as chips, the rest counted ("+N").
use chrono::NaiveDate;

use super::view::DayRange;
use super::DAY;
use crate::work_order::Slot;

/// A day of the month grid: the visits shown on it as chips (indexes into the slots given,
/// by start) and how many more it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthCell {
    pub date: NaiveDate,
    pub shown: Vec<usize>,
    pub more: usize,
}

/// The cells of `days` (consecutive, spanning `range`) with the `slots` on each day, at
/// most `chips` shown per day. A visit crossing midnight is on every day it touches.
pub fn month_cells(
    days: &[NaiveDate],
    range: DayRange,
    slots: &[Slot],
    chips: usize,
) -> Vec<MonthCell> {
    let mut cells: Vec<MonthCell> = days
        .iter()
        .map(|&date| MonthCell {
            date,
            shown: Vec::new(),
            more: 0,
        })
        .collect();
    let mut order: Vec<usize> = (0..slots.len()).collect();
    order.sort_by_key(|&at| (slots[at].starts_at, slots[at].ends_at));
    for at in order {
        let slot = &slots[at];
        let (start, end) = (slot.starts_at.max(range.from), slot.ends_at.min(range.to));
        if start >= end {
            continue;
        }
        let first = (start - range.from).div_euclid(DAY);
        let last = (end - 1 - range.from).div_euclid(DAY);
        for day in first..=last {
            if let Some(cell) = usize::try_from(day).ok().and_then(|day| cells.get_mut(day)) {
                if cell.shown.len() < chips {
                    cell.shown.push(at);
                } else {
                    cell.more += 1;
                }
            }
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::agenda::view::{days_of, range_of, View};
    use crate::work_order::MINUTE;

    #[test]
    fn visits_land_on_their_days_by_start_and_overflow_is_counted() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 17).expect("a date");
        let (days, range) = (
            days_of(View::Month, date),
            range_of(View::Month, date, -180),
        );
        // The grid's first day is Monday 26/10; day 3 is 29/10.
        let at = |day: i64, minute: i64, minutes: i64| Slot {
            technician_id: Uuid::from_u128(1),
            starts_at: range.from + day * DAY + minute * MINUTE,
            ends_at: range.from + day * DAY + (minute + minutes) * MINUTE,
        };
        let slots = [
            at(3, 600, 60),
            at(3, 480, 60),
            at(3, 900, 60),
            at(3, 1020, 60),
            at(4, 23 * 60, 120),
            at(-1, 600, 60),
            at(42, 600, 60),
        ];
        let cells = month_cells(&days, range, &slots, 3);
        assert_eq!(cells.len(), 42);
        assert_eq!(
            cells[3].date,
            NaiveDate::from_ymd_opt(2026, 10, 29).expect("a date")
        );
        assert_eq!(cells[3].shown, [1, 0, 2]);
        assert_eq!(cells[3].more, 1);
        assert_eq!(cells[4].shown, [4]);
        assert_eq!(cells[5].shown, [4], "after midnight");
        assert_eq!(cells[0].shown, Vec::<usize>::new());
        assert_eq!(cells[41].shown, Vec::<usize>::new());
    }
}
