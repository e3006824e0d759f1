//! The ticket page below its summary: the history, the files attached and the tasks.
use helpdesk_core::ticket_details::TicketDetails;
use uuid::Uuid;

use crate::{attachments, tasks, tickets, Result, Store};

/// The history, attachments and tasks of the ticket `ticket_id` (all empty for an unknown
/// ticket).
pub async fn details(store: &Store, ticket_id: Uuid) -> Result<TicketDetails> {
    Ok(TicketDetails {
        history: tickets::history(store, ticket_id).await?,
        attachments: attachments::of_ticket(store, ticket_id).await?,
        tasks: tasks::of_ticket(store, ticket_id).await?,
    })
}
