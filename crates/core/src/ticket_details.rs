//! The ticket page's contents beyond the summary: the history, the files attached and the
//! tasks of the ticket.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::protocol::Protocol;
use crate::task_list::TaskSummary;
use crate::ticket::{TicketEvent, TicketPlanInfo};

/// A file attached to a ticket, as the ticket page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct AttachmentInfo {
    pub id: Uuid,
    pub file_name: String,
    #[specta(type = f64)]
    pub size_bytes: i64,
    pub notes: String,
    pub added_by_name: String,
    /// Unix ms UTC.
    #[specta(type = f64)]
    pub added_at: i64,
}

/// What the ticket page shows below the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketDetails {
    /// In the order it happened.
    pub history: Vec<TicketEvent>,
    /// In the order they were attached.
    pub attachments: Vec<AttachmentInfo>,
    /// Open ones first by due date, then the done ones.
    pub tasks: Vec<TaskSummary>,
    /// The contract or the new plan the ticket is about (`None` for tickets from before
    /// either was kept, or whose plan is gone).
    #[serde(default)]
    pub plan: Option<TicketPlanInfo>,
    /// The other tickets of the online-support message this one answers (two operators,
    /// maybe offline on two desktops, took it), oldest first.
    #[serde(default)]
    pub same_message: Vec<Protocol>,
}
