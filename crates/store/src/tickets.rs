//! Tickets: written whole, in one transaction, with their append-only history.
use helpdesk_core::ticket::{NewTicket, SavedTicket, TicketStatus};
use helpdesk_core::ticket_type::Assignee;
use serde_json::json;
use uuid::Uuid;

use crate::{new_id, Result, Store};

/// Writes `ticket`, opened by `user_id` at `now` (Unix ms): the ticket, its history (opened,
/// the script's report, the first contact, resolved) and the end of the operator's wizard
/// draft, all or nothing. `None` when its protocol was already used by another ticket.
pub async fn save(
    store: &Store,
    ticket: &NewTicket,
    user_id: Uuid,
    now: i64,
) -> Result<Option<SavedTicket>> {
    let id = new_id();
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let taken: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM tickets WHERE protocol = ?1)")
            .bind(ticket.protocol.digits())
            .fetch_one(&mut *tx)
            .await?;
    if taken {
        return Ok(None);
    }
    let (assigned_user, assigned_role) = match &ticket.ticket_type.assignee {
        Some(Assignee::User { id, .. }) => (Some(*id), None),
        Some(Assignee::Role { id, .. }) => (None, Some(*id)),
        None => (None, None),
    };
    let resolved_at = (ticket.status == TicketStatus::Resolved).then_some(now);
    sqlx::query(
        "INSERT INTO tickets (id, protocol, origin, customer_id, customer_plan_id,
                              support_message_id, problem, ticket_type_id, assigned_user_id,
                              assigned_role_id, status, opened_by, opened_at, due_at,
                              resolved_at, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )
    .bind(id)
    .bind(ticket.protocol.digits())
    .bind(format!("{:?}", ticket.origin))
    .bind(ticket.customer_id)
    .bind(ticket.customer_plan_id)
    .bind(ticket.support_message_id)
    .bind(&ticket.problem)
    .bind(ticket.ticket_type.id)
    .bind(assigned_user)
    .bind(assigned_role)
    .bind(ticket.status.label())
    .bind(user_id)
    .bind(now)
    .bind(ticket.ticket_type.due_at(now))
    .bind(resolved_at)
    .bind(store.stamp())
    .execute(&mut *tx)
    .await?;

    let mut events = vec![(
        "opened",
        json!({ "protocol": ticket.protocol.to_string(), "origin": ticket.origin.label() }),
    )];
    if let Some(run) = &ticket.script {
        events.push(("script_report", serde_json::to_value(run)?));
    }
    events.push((
        "first_contact",
        json!({ "description": ticket.first_contact, "ticket_type": ticket.ticket_type.name }),
    ));
    if ticket.status == TicketStatus::Resolved {
        events.push(("resolved", json!({})));
    }
    for (kind, payload) in events {
        sqlx::query(
            "INSERT INTO ticket_events (id, ticket_id, kind, payload, user_id, at, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )
        .bind(new_id())
        .bind(id)
        .bind(kind)
        .bind(payload.to_string())
        .bind(user_id)
        .bind(now)
        .bind(store.stamp())
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("DELETE FROM wizard_drafts WHERE user_id = ?1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Some(SavedTicket {
        id,
        protocol: ticket.protocol,
        status: ticket.status,
    }))
}
