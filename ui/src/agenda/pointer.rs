//! Pointer drags on the time grid, kept out of Yew's state so that a drag redraws only the
//! block dragged: a visit moved or resized, or a range of slots selected in one column.
use helpdesk_core::agenda::{dragged, minute_at, DragMode, DragTarget, HourSpan, DAY};
use helpdesk_core::work_order::{Slot, MINUTE, SNAP_MINUTES};
use web_sys::HtmlElement;

use super::css::{clear, place_box, set};
use super::items::{hours, Column, Item};
use super::state::Change;

/// Where the grid's columns are on screen when a drag starts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
    pub columns: usize,
    pub px_per_minute: f64,
}

impl Geometry {
    /// Measured on the columns' overlay, which shows `span` from its top to its bottom.
    pub fn of(overlay: &HtmlElement, columns: usize, span: HourSpan) -> Self {
        let rect = overlay.get_bounding_client_rect();
        Self {
            left: rect.left(),
            top: rect.top(),
            width: rect.width(),
            height: rect.height(),
            columns,
            px_per_minute: rect.height() / span.minutes().max(1) as f64,
        }
    }

    fn column_width(&self) -> f64 {
        self.width / self.columns.max(1) as f64
    }

    /// The column under the point (`None` outside the grid).
    pub fn column_at(&self, x: f64, y: f64) -> Option<usize> {
        let inside = x >= self.left
            && x < self.left + self.width
            && y >= self.top
            && y <= self.top + self.height;
        let column = ((x - self.left) / self.column_width()).floor();
        (inside && column >= 0.0)
            .then_some(column as usize)
            .filter(|&column| column < self.columns)
    }
}

/// A visit being dragged.
pub struct Drag {
    pub item: Item,
    pub mode: DragMode,
    pub element: HtmlElement,
    pub geometry: Geometry,
    /// The column it was grabbed in, and the pointer there.
    pub column: usize,
    pub x: f64,
    pub y: f64,
    /// Past the few pixels that tell a drag from a click.
    pub moved: bool,
    /// The slot under the pointer; `None` outside the grid.
    pub to: Option<Slot>,
    pub offset_minutes: i32,
    /// The block's height as drawn, in pixels.
    pub height: f64,
}

/// How far a pointer goes before a press becomes a drag, in pixels.
const DRAG_THRESHOLD: f64 = 4.0;

impl Drag {
    /// Follows the pointer: the block is shifted (or stretched) to the snapped slot under it
    /// and shows its new hours; nothing else is redrawn.
    pub fn follow(&mut self, x: f64, y: f64, columns: &[Column]) {
        let (dx, dy) = (x - self.x, y - self.y);
        if !self.moved && dx.hypot(dy) < DRAG_THRESHOLD {
            return;
        }
        if !self.moved {
            self.moved = true;
            let _ = self.element.set_attribute("data-dragging", "true");
        }
        let over = self.geometry.column_at(x, y);
        let column = match (self.mode, over) {
            (DragMode::Move, Some(column)) => column,
            (DragMode::Resize, _) => self.column,
            (DragMode::Move, None) => {
                self.to = None;
                let _ = self.element.set_attribute("data-outside", "true");
                return;
            }
        };
        let _ = self.element.remove_attribute("data-outside");
        let (Some(from), Some(to)) = (columns.get(self.column), columns.get(column)) else {
            return;
        };
        let target = DragTarget {
            technician_id: to.technician_id,
            days: (to.day_start - from.day_start).div_euclid(DAY),
        };
        let own = self.item.slot;
        let slot = dragged(&own, self.mode, dy, self.geometry.px_per_minute, target);
        let ppm = self.geometry.px_per_minute;
        match self.mode {
            DragMode::Move => {
                let shift_x = (column as f64 - self.column as f64) * self.geometry.column_width();
                let minutes =
                    (slot.starts_at - own.starts_at - target.days * DAY) as f64 / MINUTE as f64;
                set(
                    &self.element,
                    "transform",
                    &format!("translate({shift_x:.1}px, {:.1}px)", minutes * ppm),
                );
            }
            DragMode::Resize => {
                let minutes = (slot.ends_at - own.ends_at) as f64 / MINUTE as f64;
                let height = (self.height + minutes * ppm).max(ppm * SNAP_MINUTES as f64);
                set(&self.element, "height", &format!("{height:.1}px"));
            }
        }
        self.show_hours(&slot);
        self.to = Some(slot);
    }

    fn show_hours(&self, slot: &Slot) {
        // The text node Yew drew is changed, not replaced, so Yew's next change reaches it.
        if let Ok(Some(time)) = self.element.query_selector(".visit-time") {
            let text = hours(slot, self.offset_minutes);
            match time.first_child() {
                Some(node) => node.set_node_value(Some(&text)),
                None => time.set_text_content(Some(&text)),
            }
        }
    }

    /// Ends the drag: the block goes back to where Yew drew it (the change, if any, then
    /// redraws it in its new place). The change, `Err(())` when dropped outside the grid,
    /// or `Ok(None)` for a click or a drop where it was.
    pub fn finish(self) -> Result<Option<Change>, ()> {
        clear(&self.element, "transform");
        set(&self.element, "height", &format!("{:.2}px", self.height));
        let _ = self.element.remove_attribute("data-dragging");
        let _ = self.element.remove_attribute("data-outside");
        self.show_hours(&self.item.slot);
        if !self.moved {
            return Ok(None);
        }
        let to = self.to.ok_or(())?;
        Ok((to != self.item.slot).then_some(Change {
            target: self.item.target,
            from: self.item.own,
            to,
            undo: false,
        }))
    }
}

/// A range of slots being selected in one column.
pub struct Selecting {
    pub column: usize,
    pub technician_id: helpdesk_api::Uuid,
    pub day_start: i64,
    pub span: HourSpan,
    pub geometry: Geometry,
    /// The minute of the day where the press was.
    pub first: i64,
    pub slot: Slot,
    pub element: HtmlElement,
}

impl Selecting {
    /// The slots from the press to the pointer, both included, drawn on the selection box.
    pub fn follow(&mut self, y: f64) {
        let minute = minute_at(
            y - self.geometry.top,
            self.span,
            self.geometry.px_per_minute,
        );
        let (from, to) = (
            self.first.min(minute),
            self.first.max(minute) + SNAP_MINUTES,
        );
        self.slot = Slot {
            technician_id: self.technician_id,
            starts_at: self.day_start + from * MINUTE,
            ends_at: self.day_start + to * MINUTE,
        };
        let ppm = self.geometry.px_per_minute;
        place_box(
            &self.element,
            (from - self.span.first) as f64 * ppm,
            (to - from) as f64 * ppm,
            self.column,
            self.geometry.columns,
            0,
            1,
        );
        let _ = self.element.set_attribute("data-selecting", "true");
    }
}

/// What the pointer is doing on the grid.
pub enum Session {
    Drag(Drag),
    Select(Selecting),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_column_under_a_point_is_found_inside_the_grid_only() {
        let geometry = Geometry {
            left: 100.0,
            top: 50.0,
            width: 300.0,
            height: 900.0,
            columns: 3,
            px_per_minute: 1.0,
        };
        assert_eq!(geometry.column_at(100.0, 50.0), Some(0));
        assert_eq!(geometry.column_at(250.0, 500.0), Some(1));
        assert_eq!(geometry.column_at(399.0, 950.0), Some(2));
        assert_eq!(geometry.column_at(400.0, 500.0), None, "right of the grid");
        assert_eq!(geometry.column_at(99.0, 500.0), None, "left of the grid");
        assert_eq!(geometry.column_at(250.0, 951.0), None, "below the grid");
        assert_eq!(geometry.column_at(250.0, 49.0), None, "above the grid");
    }
}
