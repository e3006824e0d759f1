//! The ticket page's contents beyond the summary: where it came from, the history, the files
//! attached, the tasks, work orders and e-mails of the ticket.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::protocol::Protocol;
use crate::task_list::TaskSummary;
use crate::ticket::{TicketEvent, TicketPlanInfo};
use crate::wizard::Origin;

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
    /// Origin, originating message, routing point and problem (`None` for an unknown ticket).
    #[serde(default)]
    pub origin: Option<TicketOrigin>,
    /// Its work orders, by visit time.
    #[serde(default)]
    pub work_orders: Vec<TicketWorkOrder>,
    /// Its e-mails from the outbox, oldest first.
    #[serde(default)]
    pub emails: Vec<TicketEmailLine>,
}

/// Where an e-mail of the outbox is (`email_outbox.state`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub enum OutboxState {
    Queued,
    Sending,
    Sent,
    Failed,
    Cancelled,
}

impl OutboxState {
    /// The state stored as `text` (`queued`, `sending`, `sent`, `failed`, `cancelled`).
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "queued" => Self::Queued,
            "sending" => Self::Sending,
            "sent" => Self::Sent,
            "failed" => Self::Failed,
            "cancelled" => Self::Cancelled,
            _ => return None,
        })
    }

    /// The pt-BR label shown on the e-mail's line.
    pub fn label(self) -> &'static str {
        match self {
            Self::Queued => "Na fila",
            Self::Sending => "Enviando",
            Self::Sent => "Enviado",
            Self::Failed => "Falhou",
            Self::Cancelled => "Cancelado",
        }
    }
}

/// An e-mail of a ticket, as its page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketEmailLine {
    /// The outbox id.
    pub id: Uuid,
    pub to: Vec<String>,
    pub subject: String,
    pub state: OutboxState,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
    pub attempts: u32,
    /// Unix ms UTC.
    #[specta(type = f64)]
    pub queued_at: i64,
    /// Unix ms UTC.
    #[specta(type = Option<f64>)]
    pub sent_at: Option<i64>,
}

impl TicketEmailLine {
    /// "Falhou: <error>" for a failed one, the state's label otherwise.
    pub fn state_text(&self) -> String {
        match (&self.state, &self.last_error) {
            (OutboxState::Failed, Some(error)) => format!("Falhou: {error}"),
            (state, _) => state.label().to_owned(),
        }
    }
}

/// A work order of a ticket, as its page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketWorkOrder {
    pub id: Uuid,
    pub type_name: String,
    pub technician_name: String,
    pub status_name: String,
    /// Scheduled visit, Unix ms UTC.
    #[specta(type = f64)]
    pub starts_at: i64,
    #[specta(type = f64)]
    pub ends_at: i64,
    /// The technician's actual arrival and departure, Unix ms UTC.
    #[specta(type = Option<f64>)]
    pub started_at: Option<i64>,
    #[specta(type = Option<f64>)]
    pub finished_at: Option<i64>,
}

/// The online-support or e-mail message a ticket answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct OriginMessage {
    pub sender: String,
    pub subject: String,
    pub body: String,
    /// Unix ms UTC.
    #[specta(type = f64)]
    pub received_at: i64,
}

/// Where the ticket came from and what it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketOrigin {
    /// `None` for an origin this version does not know.
    pub origin: Option<Origin>,
    pub message: Option<OriginMessage>,
    /// The node serving the ticket's contract, if it has one.
    pub routing_point: Option<String>,
    pub problem: String,
}
