//! A ticket after the wizard: each action ("Novo contato", a change of status,
//! "Reatribuir", "Alterar tipo", "Fechar") in one transaction that reads the ticket as it
//! is, applies [`TicketAction::change`] (the rules live in the core), updates the ticket and
//! appends its history entry.
use helpdesk_core::form::FieldError;
use helpdesk_core::ticket::TicketStatus;
use helpdesk_core::ticket_type::Assignee;
use helpdesk_core::ticket_update::{fields, NewType, TicketAction, TicketState};
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::assignee_row::AssigneeColumns;
use crate::ticket_events::{self, NewEvent};
use crate::{business_hours, ticket_types, tickets, Result, Store, StoreError};

/// What became of an action.
#[derive(Debug, Clone, PartialEq)]
pub enum UpdateOutcome {
    /// Applied: the ticket's state afterwards.
    Done(TicketState),
    /// Refused by a rule (a closed ticket, a removed user ...), at its field; nothing written.
    Refused(FieldError),
    /// No such ticket (or a deleted one).
    NotFound,
}

/// Applies `action` (already [`TicketAction::validate`]d) to the ticket `ticket_id`, done by
/// `user_id` at `now` (Unix ms): the ticket's row and its history entry, all or nothing.
///
/// A reassignment goes to the user or role as stored: its name and whether the user is
/// still active are read here, not taken from the request. A change of type goes to the
/// type as stored (refused once deactivated or removed), with the ticket's due time counted
/// again from its opening in the provider's calendar as stored now
/// ([`business_hours::calendar_in`]).
pub async fn apply(
    store: &Store,
    ticket_id: Uuid,
    action: &TicketAction,
    user_id: Uuid,
    now: i64,
) -> Result<UpdateOutcome> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let outcome = apply_in(&mut tx, store, ticket_id, action, user_id, now).await?;
    if matches!(outcome, UpdateOutcome::Done(_)) {
        tx.commit().await?;
    }
    Ok(outcome)
}

/// [`apply`] on `conn`, the caller's write transaction (a work order closed with "Resolver o
/// atendimento"): nothing is written unless the outcome is [`UpdateOutcome::Done`], and the
/// caller commits or rolls back.
pub async fn apply_in(
    conn: &mut SqliteConnection,
    store: &Store,
    ticket_id: Uuid,
    action: &TicketAction,
    user_id: Uuid,
    now: i64,
) -> Result<UpdateOutcome> {
    let Some((current, opened_at)) = state(&mut *conn, ticket_id).await? else {
        return Ok(UpdateOutcome::NotFound);
    };
    let new_type = match action {
        TicketAction::ChangeType { ticket_type_id } => {
            match ticket_types::active_in(&mut *conn, *ticket_type_id).await? {
                Some(ticket_type) => {
                    let calendar = business_hours::calendar_in(&mut *conn, store).await?;
                    let due_at = calendar.due_at(opened_at, &ticket_type);
                    Some(NewType {
                        ticket_type,
                        due_at,
                    })
                }
                None => None,
            }
        }
        _ => None,
    };
    let action = match action {
        TicketAction::Reassign { assignee } => match stored_assignee(&mut *conn, assignee).await? {
            Some(assignee) => TicketAction::Reassign { assignee },
            None => {
                return Ok(UpdateOutcome::Refused(FieldError::new(
                    fields::ASSIGNEE,
                    "Este destinatário não existe mais: escolha outro.",
                )))
            }
        },
        other => other.clone(),
    };
    let change = match action.change(&current, now, new_type.as_ref()) {
        Ok(change) => change,
        Err(refusal) => return Ok(UpdateOutcome::Refused(refusal)),
    };
    tickets::set_state_in(&mut *conn, store, ticket_id, &change.state).await?;
    let event = NewEvent {
        ticket_id,
        kind: change.kind,
        payload: &change.payload,
        user_id,
        at: now,
    };
    ticket_events::append(&mut *conn, store, &event).await?;
    Ok(UpdateOutcome::Done(change.state))
}

/// One row of the ticket's state.
#[derive(sqlx::FromRow)]
struct StateRow {
    status: String,
    resolved_at: Option<i64>,
    ticket_type_id: Option<Uuid>,
    ticket_type_name: Option<String>,
    opened_at: i64,
    due_at: Option<i64>,
    #[sqlx(flatten)]
    assignee: AssigneeColumns,
}

/// The ticket's state as stored and when it was opened (Unix ms), unless it does not exist
/// or was deleted.
async fn state(tx: &mut SqliteConnection, ticket_id: Uuid) -> Result<Option<(TicketState, i64)>> {
    let row = sqlx::query_as::<_, StateRow>(
        "SELECT t.status, t.resolved_at, t.ticket_type_id, k.name AS ticket_type_name,
                t.opened_at, t.due_at, t.assigned_user_id AS user_id, u.name AS user_name,
                u.active = 1 AND u.deleted = 0 AS user_active, t.assigned_role_id AS role_id,
                r.name AS role_name
         FROM tickets t
         LEFT JOIN ticket_types k ON k.id = t.ticket_type_id
         LEFT JOIN users u ON u.id = t.assigned_user_id
         LEFT JOIN roles r ON r.id = t.assigned_role_id
         WHERE t.id = ?1 AND t.deleted = 0",
    )
    .bind(ticket_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let status = TicketStatus::from_label(&row.status).ok_or_else(|| {
        StoreError::from(sqlx::Error::Decode(
            format!("ticket {ticket_id}: unknown status {:?}", row.status).into(),
        ))
    })?;
    let state = TicketState {
        status,
        assignee: row.assignee.assignee(),
        resolved_at: row.resolved_at,
        ticket_type_id: row.ticket_type_id,
        ticket_type_name: row.ticket_type_name,
        due_at: row.due_at,
    };
    Ok(Some((state, row.opened_at)))
}

/// The user or role `assignee` names, as stored (a user's `active` false once deactivated
/// or removed); `None` when there is no such user or role, or the role was deactivated or
/// removed.
async fn stored_assignee(
    tx: &mut SqliteConnection,
    assignee: &Assignee,
) -> Result<Option<Assignee>> {
    Ok(match assignee {
        Assignee::User { id, .. } => sqlx::query_as::<_, (String, bool)>(
            "SELECT name, active = 1 AND deleted = 0 FROM users WHERE id = ?1",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|(name, active)| Assignee::User {
            id: *id,
            name,
            active,
        }),
        Assignee::Role { id, .. } => sqlx::query_scalar::<_, String>(
            "SELECT name FROM roles WHERE id = ?1 AND active = 1 AND deleted = 0",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|name| Assignee::Role { id: *id, name }),
    })
}
