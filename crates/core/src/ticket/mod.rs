//! A ticket ("Atendimento") as the wizard saves it: everything the operator did, checked to
//! be complete, written at once.
//! Its status, the plan it is about and its history here; the list's rows and filters in
//! `list`, the wizard's submission checked into a [`NewTicket`] in `submission`.
mod list;
mod submission;

use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::attachment::DraftAttachment;
use crate::protocol::Protocol;
use crate::script::ScriptRun;
use crate::task::NewTask;
use crate::ticket_type::TicketType;
use crate::wizard::Origin;
use crate::work_order_form::NewWorkOrder;

pub use list::{TicketCursor, TicketFilter, TicketSummary};
pub use submission::{ticket_email, TicketEmail, TicketSubmission, EMAIL_NOT_CONFIGURED};

/// A ticket's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum TicketStatus {
    /// Open, with its assignee.
    Open,
    /// Solved ("Atend. Resolvido").
    Resolved,
    /// Closed for good: it changes no more.
    Closed,
}

impl TicketStatus {
    /// Every status, in the order the list's filter offers them.
    pub const ALL: [TicketStatus; 3] = [
        TicketStatus::Open,
        TicketStatus::Resolved,
        TicketStatus::Closed,
    ];

    /// The pt-BR label, also the stored value.
    pub fn label(self) -> &'static str {
        match self {
            TicketStatus::Open => "Aberto",
            TicketStatus::Resolved => "Resolvido",
            TicketStatus::Closed => "Fechado",
        }
    }

    /// The status whose label (the stored value) is `label`.
    pub fn from_label(label: &str) -> Option<TicketStatus> {
        TicketStatus::ALL
            .into_iter()
            .find(|status| status.label() == label)
    }
}

/// What a ticket is about: one of the customer's contracts, or a new plan chosen for them
/// ("escolher um novo plano").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketPlan {
    /// The contract's id (`customer_plans`).
    Contract(Uuid),
    /// The plan's id (`plans`).
    New(Uuid),
}

impl TicketPlan {
    /// The contract's id, when it is one (`tickets.customer_plan_id`).
    pub fn contract_id(self) -> Option<Uuid> {
        match self {
            TicketPlan::Contract(id) => Some(id),
            TicketPlan::New(_) => None,
        }
    }

    /// The new plan's id, when it is one (`tickets.new_plan_id`).
    pub fn new_plan_id(self) -> Option<Uuid> {
        match self {
            TicketPlan::New(id) => Some(id),
            TicketPlan::Contract(_) => None,
        }
    }
}

/// The plan a saved ticket is about, as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketPlanInfo {
    /// The plan's name.
    pub name: String,
    /// The contract's PPPoE login; `None` for a new plan chosen in the wizard.
    pub login: Option<String>,
}

/// A complete ticket, ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTicket {
    pub protocol: Protocol,
    pub origin: Origin,
    pub customer_id: Uuid,
    /// The contract, or the new plan, the ticket is about.
    pub plan: TicketPlan,
    /// The online-support message it came from, if any.
    pub support_message_id: Option<Uuid>,
    pub problem: String,
    pub first_contact: String,
    pub ticket_type: TicketType,
    /// The script run and ended, if one was.
    pub script: Option<ScriptRun>,
    /// The files attached ("Anexo"), each already stored by its content hash.
    pub attachments: Vec<DraftAttachment>,
    /// The task created from it ("Tarefa"), if one was.
    pub task: Option<NewTask>,
    /// The work order asked for ("Ord. Serviço"), if one was.
    pub work_order: Option<NewWorkOrder>,
    /// The e-mail to send ("Enviar E-mail"), filled and checked with the settings
    /// ([`TicketSubmission::email`]): queued with the ticket.
    pub email: Option<TicketEmail>,
    pub status: TicketStatus,
}

impl NewTicket {
    /// Every file the ticket keeps, as content hash and name: its attachments, then its
    /// e-mail's.
    pub fn files(&self) -> impl Iterator<Item = (&str, &str)> {
        let attached = self
            .attachments
            .iter()
            .map(|file| (file.content_hash.as_str(), file.file_name.as_str()));
        let emailed = self.email.iter().flat_map(|queued| {
            queued
                .email
                .attachments
                .iter()
                .map(|file| (file.hash.as_str(), file.name.as_str()))
        });
        attached.chain(emailed)
    }
}

/// The ticket saved: its id and the protocol to tell the customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SavedTicket {
    pub id: Uuid,
    pub protocol: Protocol,
    pub status: TicketStatus,
}

/// One entry of a ticket's history, as written (append-only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketEvent {
    pub id: Uuid,
    /// What happened: "opened", "script_report", "first_contact", "resolved", ...
    pub kind: String,
    /// Its details, a JSON document whose shape depends on `kind`.
    pub payload: String,
    /// The operator who did it.
    pub user_id: Uuid,
    pub user_name: String,
    /// When, Unix ms UTC.
    #[specta(type = f64)]
    pub at: i64,
}
