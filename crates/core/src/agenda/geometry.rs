//! Time ↔ pixels on a time grid ("Dia", "Semana"): which hours are shown, where a visit's
//! block sits in its day's column, and which slot a click lands on.
use super::lanes::lanes;
use super::view::DayRange;
use super::DAY;
use crate::work_order::{Slot, MINUTE, SNAP_MINUTES};

/// The hours a time grid shows, as minutes of the day: `[first, last)`, whole hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HourSpan {
    pub first: i64,
    pub last: i64,
}

const HOUR: i64 = 60;

impl HourSpan {
    /// 07:00 to 22:00, a technician's usual day.
    pub const USUAL: HourSpan = HourSpan {
        first: 7 * HOUR,
        last: 22 * HOUR,
    };

    /// The usual span widened to whole hours that hold every part of `slots` falling on
    /// the consecutive days of `range` (a visit crossing midnight widens the first day to
    /// 24:00 and the next from 00:00).
    pub fn covering<'a>(slots: impl IntoIterator<Item = &'a Slot>, range: DayRange) -> HourSpan {
        let mut span = HourSpan::USUAL;
        for slot in slots {
            let (start, end) = (slot.starts_at.max(range.from), slot.ends_at.min(range.to));
            if start >= end {
                continue;
            }
            let first_day = (start - range.from).div_euclid(DAY);
            let last_day = (end - 1 - range.from).div_euclid(DAY);
            for day in first_day..=last_day {
                let day_start = range.from + day * DAY;
                let from = (start.max(day_start) - day_start) / MINUTE;
                let to = (end.min(day_start + DAY) - day_start + MINUTE - 1) / MINUTE;
                span.first = span.first.min(from / HOUR * HOUR);
                span.last = span.last.max((to + HOUR - 1) / HOUR * HOUR);
            }
        }
        span
    }

    /// How many minutes the span shows.
    pub fn minutes(self) -> i64 {
        self.last - self.first
    }

    /// The hours labelled down the grid's side ("07:00" …), as minutes of the day.
    pub fn hours(self) -> impl Iterator<Item = i64> {
        (self.first..self.last).step_by(HOUR as usize)
    }
}

/// Where a visit's block sits in a column: `top` and `height` in pixels from the span's
/// first hour, its lane, and whether it goes on before or after what the column shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Block {
    pub top: f64,
    pub height: f64,
    pub lane: usize,
    pub lanes: usize,
    pub continues_before: bool,
    pub continues_after: bool,
}

/// The block of `slot` in the column of the day starting at `day_start` (Unix ms), showing
/// `span` at `px_per_minute`; `None` when no part of it is shown there.
pub fn place(slot: &Slot, day_start: i64, span: HourSpan, px_per_minute: f64) -> Option<Block> {
    let shown_from = day_start + span.first * MINUTE;
    let shown_to = day_start + span.last * MINUTE;
    let (start, end) = (slot.starts_at.max(shown_from), slot.ends_at.min(shown_to));
    (start < end).then(|| Block {
        top: minutes_between(shown_from, start) * px_per_minute,
        height: minutes_between(start, end) * px_per_minute,
        lane: 0,
        lanes: 1,
        continues_before: slot.starts_at < start,
        continues_after: slot.ends_at > end,
    })
}

/// The blocks of `slots` in one day's column (see [`place`]), in input order, overlapping
/// ones side by side in lanes.
pub fn layout_column(
    slots: &[Slot],
    day_start: i64,
    span: HourSpan,
    px_per_minute: f64,
) -> Vec<Option<Block>> {
    let mut blocks: Vec<Option<Block>> = slots
        .iter()
        .map(|slot| place(slot, day_start, span, px_per_minute))
        .collect();
    let shown: Vec<usize> = (0..blocks.len())
        .filter(|&at| blocks[at].is_some())
        .collect();
    let intervals: Vec<(i64, i64)> = shown
        .iter()
        .filter_map(|&at| {
            blocks[at].map(|block| (px_key(block.top), px_key(block.top + block.height)))
        })
        .collect();
    for (lane, &at) in lanes(&intervals).into_iter().zip(&shown) {
        if let Some(block) = blocks[at].as_mut() {
            block.lane = lane.index;
            block.lanes = lane.count;
        }
    }
    blocks
}

/// The minute of the day (on the [`SNAP_MINUTES`] grid, inside `span`) of the slot under
/// a point `y` pixels below the span's first hour.
pub fn minute_at(y: f64, span: HourSpan, px_per_minute: f64) -> i64 {
    let minutes = if px_per_minute > 0.0 {
        (y / px_per_minute).floor() as i64
    } else {
        0
    };
    let snapped = minutes.div_euclid(SNAP_MINUTES) * SNAP_MINUTES;
    (span.first + snapped).clamp(span.first, span.last - SNAP_MINUTES)
}

fn minutes_between(from: i64, to: i64) -> f64 {
    (to - from) as f64 / MINUTE as f64
}

/// Pixels as whole thousandths, so lanes compare them exactly.
fn px_key(px: f64) -> i64 {
    (px * 1000.0).round() as i64
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use uuid::Uuid;

    use super::*;
    use crate::agenda::view::{range_of, View};
    use crate::date::start_of_day;

    const SAO_PAULO: i32 = -180;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date")
    }

    /// A slot on 28/11/2026 in São Paulo, from and to local minutes of that day.
    fn slot(from: i64, to: i64) -> Slot {
        let start = start_of_day(day(), SAO_PAULO);
        Slot {
            technician_id: Uuid::from_u128(1),
            starts_at: start + from * MINUTE,
            ends_at: start + to * MINUTE,
        }
    }

    #[test]
    fn the_usual_hours_widen_to_the_visits() {
        let range = range_of(View::Day, day(), SAO_PAULO);
        assert_eq!(HourSpan::covering([], range), HourSpan::USUAL);
        let inside = [slot(8 * 60, 9 * 60)];
        assert_eq!(HourSpan::covering(&inside, range), HourSpan::USUAL);
        let early_and_late = [
            slot(6 * 60 + 30, 7 * 60 + 15),
            slot(21 * 60 + 45, 22 * 60 + 15),
        ];
        assert_eq!(
            HourSpan::covering(&early_and_late, range),
            HourSpan {
                first: 360,
                last: 23 * 60
            }
        );
        let elsewhere = [slot(-5 * 60, -4 * 60), slot(30 * 60, 31 * 60)];
        assert_eq!(HourSpan::covering(&elsewhere, range), HourSpan::USUAL);
        assert_eq!(HourSpan::USUAL.hours().count(), 15);
        assert_eq!(HourSpan::USUAL.minutes(), 900);
    }

    #[test]
    fn a_visit_crossing_midnight_widens_both_days() {
        // Saturday 23:00 to Sunday 01:30, in the week of 23/11.
        let night = [slot(23 * 60, 25 * 60 + 30)];
        let week = range_of(View::Week, day(), SAO_PAULO);
        assert_eq!(
            HourSpan::covering(&night, week),
            HourSpan {
                first: 0,
                last: 24 * 60
            }
        );
        // Only Saturday shown: the part after midnight is not on it.
        let saturday = range_of(View::Day, day(), SAO_PAULO);
        assert_eq!(
            HourSpan::covering(&night, saturday),
            HourSpan {
                first: 7 * 60,
                last: 24 * 60
            }
        );
        let span = HourSpan {
            first: 0,
            last: 24 * 60,
        };
        let start = start_of_day(day(), SAO_PAULO);
        let late = place(&night[0], start, span, 1.0).expect("on saturday");
        assert_eq!((late.top, late.height), (1380.0, 60.0));
        assert!(!late.continues_before && late.continues_after);
        let early = place(&night[0], start + DAY, span, 1.0).expect("on sunday");
        assert_eq!((early.top, early.height), (0.0, 90.0));
        assert!(early.continues_before && !early.continues_after);
    }

    #[test]
    fn blocks_sit_at_their_minutes_times_the_scale() {
        let start = start_of_day(day(), SAO_PAULO);
        let block = place(
            &slot(9 * 60 + 15, 10 * 60 + 45),
            start,
            HourSpan::USUAL,
            1.2,
        )
        .expect("shown");
        assert!((block.top - 135.0 * 1.2).abs() < 1e-9);
        assert!((block.height - 90.0 * 1.2).abs() < 1e-9);
        let clipped = place(&slot(6 * 60, 8 * 60), start, HourSpan::USUAL, 1.0).expect("shown");
        assert_eq!((clipped.top, clipped.height), (0.0, 60.0));
        assert!(clipped.continues_before);
        assert_eq!(
            place(&slot(22 * 60, 23 * 60), start, HourSpan::USUAL, 1.0),
            None
        );
    }

    #[test]
    fn a_column_puts_overlapping_blocks_side_by_side() {
        let start = start_of_day(day(), SAO_PAULO);
        let slots = [
            slot(540, 600),
            slot(570, 660),
            slot(23 * 60, 24 * 60),
            slot(700, 760),
        ];
        let blocks = layout_column(&slots, start, HourSpan::USUAL, 1.0);
        let lanes: Vec<Option<(usize, usize)>> = blocks
            .iter()
            .map(|block| block.map(|b| (b.lane, b.lanes)))
            .collect();
        assert_eq!(lanes, [Some((0, 2)), Some((1, 2)), None, Some((0, 1))]);
    }

    #[test]
    fn a_click_lands_on_the_quarter_hour_under_it() {
        let span = HourSpan::USUAL;
        assert_eq!(minute_at(0.0, span, 1.2), 7 * 60);
        assert_eq!(minute_at(17.9, span, 1.2), 7 * 60, "14.9 minutes down");
        assert_eq!(minute_at(18.0, span, 1.2), 7 * 60 + 15);
        assert_eq!(minute_at(-40.0, span, 1.2), 7 * 60, "above the grid");
        assert_eq!(minute_at(5000.0, span, 1.2), 22 * 60 - 15, "below the grid");
        assert_eq!(minute_at(100.0, span, 0.0), 7 * 60);
    }
}
