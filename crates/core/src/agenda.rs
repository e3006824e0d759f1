//! The "Agenda Técnica" as a calendar: which days and hours a view shows, where each visit
//! sits on screen (pixels, side-by-side lanes, month cells), how a drag or an arrow key
//! changes a visit's slot, and which technicians the filters select. No IO and no DOM: the
//! UI draws what these functions compute, and the tests check them natively.
//!
//! Times are Unix ms UTC, as in [`crate::work_order`]; a day is cut at the desktop's UTC
//! offset (minutes east, São Paulo: -180, without daylight saving time since 2019).
mod filter;
mod geometry;
mod lanes;
mod month;
mod moves;
mod view;

pub use filter::{teams, TechnicianFilter};
pub use geometry::{layout_column, minute_at, place, Block, HourSpan};
pub use lanes::{lanes, Lane};
pub use month::{month_cells, MonthCell};
pub use moves::{dragged, keyboard_move, Arrow, DragMode, DragTarget, ShownAxis};
pub use view::{days_of, range_of, shift_date, DayRange, View};

/// A day, in Unix ms.
pub const DAY: i64 = 24 * 60 * crate::work_order::MINUTE;
