//! "Ordens de Serviço": the work orders listed by filters, newest first a page at a time,
//! each with its technician, team and the visit's actual times, report and outcome.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::work_order::Visit;
use crate::work_order_life::VisitOutcome;

/// One work order of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct WorkOrderLine {
    pub visit: Visit,
    pub technician_name: String,
    /// The technician's team.
    pub team_id: Uuid,
    pub team_name: String,
    /// The technician's actual arrival, Unix ms UTC.
    #[specta(type = Option<f64>)]
    pub started_at: Option<i64>,
    /// The technician's actual departure, Unix ms UTC.
    #[specta(type = Option<f64>)]
    pub finished_at: Option<i64>,
    /// The technician's report ('' when none).
    pub report: String,
    /// `None` until the visit is done.
    pub outcome: Option<VisitOutcome>,
}

/// Where the next page starts: after the last work order shown, in `(starts_at, id)` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct WorkOrderCursor {
    /// Unix ms UTC.
    #[specta(type = f64)]
    pub starts_at: i64,
    pub id: Uuid,
}

impl WorkOrderCursor {
    /// The cursor of the page after the one ending with `last`.
    pub fn after(last: &WorkOrderLine) -> Self {
        Self {
            starts_at: last.visit.slot.starts_at,
            id: last.visit.id,
        }
    }
}

/// Which work orders the list shows, latest start first: every filter given must match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct WorkOrderFilter {
    pub technician_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    pub status_id: Option<Uuid>,
    pub type_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    /// Scheduled to start at or after this instant (Unix ms UTC).
    #[specta(type = Option<f64>)]
    pub from: Option<i64>,
    /// Scheduled to start before this instant (Unix ms UTC).
    #[specta(type = Option<f64>)]
    pub to: Option<i64>,
    /// At most this many, 1 to [`crate::customer::MAX_LIMIT`].
    pub limit: u32,
    /// Only work orders before this one: the next page.
    pub before: Option<WorkOrderCursor>,
}

impl Default for WorkOrderFilter {
    fn default() -> Self {
        Self {
            technician_id: None,
            team_id: None,
            status_id: None,
            type_id: None,
            customer_id: None,
            from: None,
            to: None,
            limit: crate::customer::DEFAULT_LIMIT,
            before: None,
        }
    }
}
