//! The ticket page below its summary: the plan it is about, the history, the files
//! attached, the tasks, the other tickets of its online-support message, its origin, work
//! orders and e-mails ([`crate::ticket_sections`]).
use helpdesk_core::protocol::Protocol;
use helpdesk_core::ticket::TicketPlanInfo;
use helpdesk_core::ticket_details::TicketDetails;
use uuid::Uuid;

use crate::{attachments, tasks, ticket_sections, tickets, Result, Store};

/// The history, attachments and tasks of the ticket `ticket_id` (all empty for an unknown
/// ticket).
pub async fn details(store: &Store, ticket_id: Uuid) -> Result<TicketDetails> {
    Ok(TicketDetails {
        history: tickets::history(store, ticket_id).await?,
        attachments: attachments::of_ticket(store, ticket_id).await?,
        tasks: tasks::of_ticket(store, ticket_id).await?,
        plan: plan(store, ticket_id).await?,
        same_message: same_message(store, ticket_id).await?,
        origin: ticket_sections::origin(store, ticket_id).await?,
        work_orders: ticket_sections::work_orders(store, ticket_id).await?,
        emails: ticket_sections::emails(store, ticket_id).await?,
    })
}

/// The protocols of the other tickets linked to the online-support message of the ticket
/// `ticket_id`, oldest first (through `tickets_support_message`).
async fn same_message(store: &Store, ticket_id: Uuid) -> Result<Vec<Protocol>> {
    let digits: Vec<String> = sqlx::query_scalar(
        "SELECT other.protocol FROM tickets t
         JOIN tickets other ON other.support_message_id = t.support_message_id
         WHERE t.id = ?1 AND other.id <> t.id AND other.deleted = 0
         ORDER BY other.opened_at, other.protocol",
    )
    .bind(ticket_id)
    .fetch_all(store.pool())
    .await?;
    Ok(digits.iter().filter_map(|text| text.parse().ok()).collect())
}

/// The contract's plan and login, or the new plan chosen, of the ticket `ticket_id`.
async fn plan(store: &Store, ticket_id: Uuid) -> Result<Option<TicketPlanInfo>> {
    let row: Option<(Option<String>, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT contracted.name, cp.login, chosen.name
         FROM tickets t
         LEFT JOIN customer_plans cp ON cp.id = t.customer_plan_id
         LEFT JOIN plans contracted ON contracted.id = cp.plan_id
         LEFT JOIN plans chosen ON chosen.id = t.new_plan_id
         WHERE t.id = ?1",
    )
    .bind(ticket_id)
    .fetch_optional(store.pool())
    .await?;
    Ok(row.and_then(|row| match row {
        (Some(name), login, _) => Some(TicketPlanInfo {
            name,
            login: Some(login.unwrap_or_default()),
        }),
        (None, _, Some(name)) => Some(TicketPlanInfo { name, login: None }),
        _ => None,
    }))
}
