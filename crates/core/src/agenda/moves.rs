//! How a drag or an arrow key changes a visit's slot, on the [`SNAP_MINUTES`] grid.
use uuid::Uuid;

use super::DAY;
use crate::work_order::{snap, Slot, MAX_VISIT_MINUTES, MINUTE, SNAP_MINUTES};

/// What a drag changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DragMode {
    /// The visit's body: another time, day or technician, the same duration.
    Move,
    /// The visit's bottom edge: another end, the same start.
    Resize,
}

/// Where a move is dropped, relative to where it started: the technician of the column
/// under the pointer (`None` keeps the visit's, as in "Semana"), and how many days right
/// (negative: left) of the column it was grabbed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DragTarget {
    pub technician_id: Option<Uuid>,
    pub days: i64,
}

/// The slot of `original` after a drag of `dy` pixels down (negative: up) at
/// `px_per_minute`, to `target`. A move keeps the duration and snaps the start; a resize
/// snaps the end, keeps at least [`SNAP_MINUTES`] and at most [`MAX_VISIT_MINUTES`], and
/// ignores the target.
pub fn dragged(
    original: &Slot,
    mode: DragMode,
    dy: f64,
    px_per_minute: f64,
    target: DragTarget,
) -> Slot {
    let delta = if px_per_minute > 0.0 {
        (dy / px_per_minute * MINUTE as f64).round() as i64
    } else {
        0
    };
    match mode {
        DragMode::Move => {
            let starts_at = snap(original.starts_at + delta + target.days * DAY);
            Slot {
                technician_id: target.technician_id.unwrap_or(original.technician_id),
                starts_at,
                ends_at: starts_at + (original.ends_at - original.starts_at),
            }
        }
        DragMode::Resize => with_end(original, snap(original.ends_at + delta)),
    }
}

/// An arrow key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrow {
    Up,
    Down,
    Left,
    Right,
}

/// What Left and Right step through in the view shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShownAxis<'a> {
    /// "Dia": the technicians' columns, in order; Up and Down move 15 minutes.
    Technicians(&'a [Uuid]),
    /// "Semana": days; Up and Down move 15 minutes.
    Days,
    /// "Mês": days, and Up and Down move a week.
    Weeks,
}

/// The slot of `slot` after an arrow key: with `resize` (Shift), Up and Down make it end 15
/// minutes sooner or later (at least 15 minutes long) and Left and Right do nothing;
/// otherwise it moves as [`ShownAxis`] says. At the first or last technician it stays.
pub fn keyboard_move(slot: &Slot, arrow: Arrow, resize: bool, axis: ShownAxis) -> Slot {
    let step = SNAP_MINUTES * MINUTE;
    if resize {
        return match arrow {
            Arrow::Up => with_end(slot, slot.ends_at - step),
            Arrow::Down => with_end(slot, slot.ends_at + step),
            Arrow::Left | Arrow::Right => *slot,
        };
    }
    let shift = |by: i64| Slot {
        starts_at: slot.starts_at + by,
        ends_at: slot.ends_at + by,
        ..*slot
    };
    match (arrow, axis) {
        (Arrow::Up, ShownAxis::Weeks) => shift(-7 * DAY),
        (Arrow::Down, ShownAxis::Weeks) => shift(7 * DAY),
        (Arrow::Up, _) => shift(-step),
        (Arrow::Down, _) => shift(step),
        (Arrow::Left, ShownAxis::Technicians(columns)) => beside(slot, columns, -1),
        (Arrow::Right, ShownAxis::Technicians(columns)) => beside(slot, columns, 1),
        (Arrow::Left, _) => shift(-DAY),
        (Arrow::Right, _) => shift(DAY),
    }
}

/// `slot` given to the technician `step` columns away; a technician not shown goes to the
/// first column.
fn beside(slot: &Slot, columns: &[Uuid], step: isize) -> Slot {
    let to = match columns.iter().position(|id| *id == slot.technician_id) {
        Some(at) => at.checked_add_signed(step).and_then(|to| columns.get(to)),
        None => columns.first(),
    };
    Slot {
        technician_id: to.copied().unwrap_or(slot.technician_id),
        ..*slot
    }
}

/// `slot` ending at `ends_at`, kept between [`SNAP_MINUTES`] and [`MAX_VISIT_MINUTES`] long.
fn with_end(slot: &Slot, ends_at: i64) -> Slot {
    Slot {
        ends_at: ends_at.clamp(
            slot.starts_at + SNAP_MINUTES * MINUTE,
            slot.starts_at + MAX_VISIT_MINUTES * MINUTE,
        ),
        ..*slot
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(technician: u128, from: i64, to: i64) -> Slot {
        Slot {
            technician_id: Uuid::from_u128(technician),
            starts_at: from * MINUTE,
            ends_at: to * MINUTE,
        }
    }

    const STAY: DragTarget = DragTarget {
        technician_id: None,
        days: 0,
    };

    #[test]
    fn a_move_keeps_the_duration_and_snaps_the_start() {
        let nine = slot(1, 540, 600);
        // 1.2 px a minute: 46 px is 38.3 minutes, snapped to 45; 44 px (36.7) to 30.
        assert_eq!(
            dragged(&nine, DragMode::Move, 46.0, 1.2, STAY),
            slot(1, 585, 645)
        );
        assert_eq!(
            dragged(&nine, DragMode::Move, 44.0, 1.2, STAY),
            slot(1, 570, 630)
        );
        // 8 px up is 6.7 minutes: back on 09:00.
        assert_eq!(dragged(&nine, DragMode::Move, -8.0, 1.2, STAY), nine);
        let target = DragTarget {
            technician_id: Some(Uuid::from_u128(2)),
            days: -1,
        };
        assert_eq!(
            dragged(&nine, DragMode::Move, -72.0, 1.2, target),
            slot(2, 480 - 24 * 60, 540 - 24 * 60)
        );
    }

    #[test]
    fn a_resize_snaps_the_end_and_keeps_fifteen_minutes() {
        let nine = slot(1, 540, 600);
        let other = DragTarget {
            technician_id: Some(Uuid::from_u128(2)),
            days: 3,
        };
        assert_eq!(
            dragged(&nine, DragMode::Resize, 40.0, 1.0, other),
            slot(1, 540, 645),
            "the target is ignored"
        );
        assert_eq!(
            dragged(&nine, DragMode::Resize, -500.0, 1.0, STAY),
            slot(1, 540, 555)
        );
        assert_eq!(
            dragged(&nine, DragMode::Resize, 5000.0, 1.0, STAY),
            slot(1, 540, 540 + MAX_VISIT_MINUTES)
        );
        assert_eq!(dragged(&nine, DragMode::Resize, 7.0, 0.0, STAY), nine);
    }

    #[test]
    fn arrows_move_a_quarter_hour_a_technician_or_a_day() {
        let columns = [Uuid::from_u128(1), Uuid::from_u128(2), Uuid::from_u128(3)];
        let day = ShownAxis::Technicians(&columns);
        let nine = slot(2, 540, 600);
        assert_eq!(
            keyboard_move(&nine, Arrow::Down, false, day),
            slot(2, 555, 615)
        );
        assert_eq!(
            keyboard_move(&nine, Arrow::Up, false, day),
            slot(2, 525, 585)
        );
        assert_eq!(
            keyboard_move(&nine, Arrow::Left, false, day),
            slot(1, 540, 600)
        );
        assert_eq!(
            keyboard_move(&nine, Arrow::Right, false, day),
            slot(3, 540, 600)
        );
        let first = slot(1, 540, 600);
        assert_eq!(
            keyboard_move(&first, Arrow::Left, false, day),
            first,
            "the edge"
        );
        assert_eq!(
            keyboard_move(&slot(9, 540, 600), Arrow::Right, false, day),
            first,
            "a technician not shown"
        );
        assert_eq!(
            keyboard_move(&nine, Arrow::Right, false, ShownAxis::Days),
            slot(2, 540 + 1440, 600 + 1440)
        );
        assert_eq!(
            keyboard_move(&nine, Arrow::Up, false, ShownAxis::Weeks),
            slot(2, 540 - 7 * 1440, 600 - 7 * 1440)
        );
        assert_eq!(
            keyboard_move(&nine, Arrow::Down, false, ShownAxis::Days),
            slot(2, 555, 615)
        );
    }

    #[test]
    fn shift_arrows_resize_down_to_fifteen_minutes() {
        let nine = slot(1, 540, 570);
        let axis = ShownAxis::Days;
        assert_eq!(
            keyboard_move(&nine, Arrow::Down, true, axis),
            slot(1, 540, 585)
        );
        let shorter = keyboard_move(&nine, Arrow::Up, true, axis);
        assert_eq!(shorter, slot(1, 540, 555));
        assert_eq!(keyboard_move(&shorter, Arrow::Up, true, axis), shorter);
        assert_eq!(keyboard_move(&nine, Arrow::Left, true, axis), nine);
    }
}
