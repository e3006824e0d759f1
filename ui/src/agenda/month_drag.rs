//! Dragging a chip to another day of "Mês": the chip follows the pointer, and the day under
//! it on release is where the visit moves (the same hours). Outside Yew's state, as on the
//! time grid, so nothing else is redrawn while it moves.
use helpdesk_core::agenda::{dragged, DragMode, DragTarget};
use web_sys::HtmlElement;

use super::css::{clear, set};
use super::items::Item;
use super::state::Change;

/// The month grid's six weeks of seven days on screen, measured when a drag starts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthGeometry {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

const WEEK: usize = 7;
const WEEKS: usize = 6;

impl MonthGeometry {
    /// Measured on the grid of day cells.
    pub fn of(grid: &HtmlElement) -> Self {
        let rect = grid.get_bounding_client_rect();
        Self {
            left: rect.left(),
            top: rect.top(),
            width: rect.width(),
            height: rect.height(),
        }
    }

    /// The index of the day cell under the point (`None` outside the grid).
    pub fn cell_at(&self, x: f64, y: f64) -> Option<usize> {
        let column = ((x - self.left) / (self.width / WEEK as f64)).floor();
        let row = ((y - self.top) / (self.height / WEEKS as f64)).floor();
        let inside = (0.0..WEEK as f64).contains(&column) && (0.0..WEEKS as f64).contains(&row);
        inside.then(|| row as usize * WEEK + column as usize)
    }
}

/// A chip being dragged.
pub struct MonthDrag {
    pub item: Item,
    pub element: HtmlElement,
    pub geometry: MonthGeometry,
    /// The day cell it was grabbed in, and the pointer there.
    pub cell: usize,
    pub x: f64,
    pub y: f64,
    pub moved: bool,
}

/// How far a pointer goes before a press becomes a drag, in pixels.
const DRAG_THRESHOLD: f64 = 4.0;

impl MonthDrag {
    /// The chip follows the pointer.
    pub fn follow(&mut self, x: f64, y: f64) {
        let (dx, dy) = (x - self.x, y - self.y);
        if !self.moved && dx.hypot(dy) < DRAG_THRESHOLD {
            return;
        }
        self.moved = true;
        let _ = self.element.set_attribute("data-dragging", "true");
        set(
            &self.element,
            "transform",
            &format!("translate({dx:.1}px, {dy:.1}px)"),
        );
    }

    /// Ends the drag where the pointer is: the change to the day under it (`Ok(None)` for a
    /// click or the same day), or `Err(())` outside the grid.
    pub fn finish(self, x: f64, y: f64) -> Result<Option<Change>, ()> {
        clear(&self.element, "transform");
        let _ = self.element.remove_attribute("data-dragging");
        if !self.moved {
            return Ok(None);
        }
        let cell = self.geometry.cell_at(x, y).ok_or(())?;
        let target = DragTarget {
            technician_id: None,
            days: cell as i64 - self.cell as i64,
        };
        let to = dragged(&self.item.slot, DragMode::Move, 0.0, 1.0, target);
        Ok((to != self.item.slot).then_some(Change {
            target: self.item.target,
            from: self.item.own,
            to,
            undo: false,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_under_a_point_is_counted_by_weeks() {
        let grid = MonthGeometry {
            left: 100.0,
            top: 0.0,
            width: 700.0,
            height: 600.0,
        };
        assert_eq!(grid.cell_at(100.0, 0.0), Some(0));
        assert_eq!(grid.cell_at(250.0, 150.0), Some(8), "second week, Tuesday");
        assert_eq!(grid.cell_at(799.0, 599.0), Some(41));
        assert_eq!(grid.cell_at(99.0, 10.0), None);
        assert_eq!(grid.cell_at(300.0, 600.0), None);
    }
}
