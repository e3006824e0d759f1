//! A ticket as the list of tickets shows it, and which tickets the list shows.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use super::TicketStatus;
use crate::protocol::Protocol;
use crate::sla_state::SlaState;
use crate::ticket_type::Assignee;
use crate::wizard::Origin;

/// A ticket as the list of tickets and the search by protocol show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketSummary {
    pub id: Uuid,
    pub protocol: Protocol,
    pub status: TicketStatus,
    pub customer_id: Uuid,
    /// The customer's code, as "Localizar Cliente" shows it.
    pub customer_code: String,
    pub customer_name: String,
    /// "Tipo de Atendimento", if the ticket has one.
    pub ticket_type_id: Option<Uuid>,
    pub ticket_type_name: Option<String>,
    /// Who the ticket is assigned to, if anyone: a user (`active` false once removed or
    /// deactivated) or a role.
    pub assignee: Option<Assignee>,
    /// "Origem".
    pub origin: Origin,
    /// The operator who opened it.
    pub opened_by: Uuid,
    /// When it was opened, Unix ms UTC.
    #[specta(type = f64)]
    pub opened_at: i64,
    /// When it is due (the type's SLA), Unix ms UTC.
    #[specta(type = Option<f64>)]
    pub due_at: Option<i64>,
    /// When it was resolved, Unix ms UTC.
    #[specta(type = Option<f64>)]
    pub resolved_at: Option<i64>,
}

/// Where a page of tickets starts: after the ticket opened at `opened_at` with `id`, the last
/// one of the previous page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketCursor {
    /// Unix ms UTC.
    #[specta(type = f64)]
    pub opened_at: i64,
    pub id: Uuid,
}

impl TicketCursor {
    /// The cursor of the page after the one ending with `last`.
    pub fn after(last: &TicketSummary) -> Self {
        Self {
            opened_at: last.opened_at,
            id: last.id,
        }
    }
}

/// Which tickets the list shows, newest first: every filter given must match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketFilter {
    pub status: Option<TicketStatus>,
    pub ticket_type_id: Option<Uuid>,
    pub assigned_user_id: Option<Uuid>,
    pub assigned_role_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    /// "Origem".
    #[serde(default)]
    pub origin: Option<Origin>,
    /// The operator who opened it ("Aberto por").
    #[serde(default)]
    pub opened_by: Option<Uuid>,
    /// Opened at or after this instant, Unix ms UTC ("Período").
    #[serde(default)]
    #[specta(type = Option<f64>)]
    pub opened_from: Option<i64>,
    /// Opened before this instant, Unix ms UTC.
    #[serde(default)]
    #[specta(type = Option<f64>)]
    pub opened_until: Option<i64>,
    /// Where it stands against its SLA ("Prazo").
    #[serde(default)]
    pub sla: Option<SlaState>,
    /// The instant `sla` is judged at, Unix ms UTC: set by the shell, never sent.
    #[serde(skip)]
    pub now: i64,
    /// At most this many tickets, 1 to [`crate::customer::MAX_LIMIT`].
    pub limit: u32,
    /// Only tickets older than this one (in `(opened_at, id)` order): the next page.
    pub before: Option<TicketCursor>,
}

impl Default for TicketFilter {
    fn default() -> Self {
        Self {
            status: None,
            ticket_type_id: None,
            assigned_user_id: None,
            assigned_role_id: None,
            customer_id: None,
            origin: None,
            opened_by: None,
            opened_from: None,
            opened_until: None,
            sla: None,
            now: 0,
            limit: crate::customer::DEFAULT_LIMIT,
            before: None,
        }
    }
}
