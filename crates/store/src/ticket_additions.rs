//! What the ticket's page adds to a ticket after the wizard: a file, a task, a work order, an
//! e-mail. Each is a thin transaction around the writer the wizard's save uses (the module
//! that owns the table), appending the same history entry ("attachment", "task",
//! "work_order", "email_queued"); a closed ticket takes none of them.
use helpdesk_core::attachment::DraftAttachment;
use helpdesk_core::task::NewTask;
use helpdesk_core::ticket::{TicketEmail, TicketStatus};
use helpdesk_core::work_order_form::NewWorkOrder;
use serde_json::Value;
use sqlx::{Sqlite, SqliteConnection, Transaction};
use uuid::Uuid;

use crate::email_outbox::{self, NewEmail};
use crate::ticket_events::{self, NewEvent};
use crate::tickets::SaveOutcome;
use crate::{attachments, support_messages, tasks, tickets, work_orders, Result, Store};

/// What became of an addition; only `Added` wrote anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddOutcome {
    Added,
    /// No such ticket (or a deleted one).
    NotFound,
    /// The ticket is closed: it changes no more.
    Closed,
    /// The work order was refused as the wizard's save refuses it: its technician, type or
    /// status gone, or a clash not accepted (never `Saved`).
    WorkOrder(SaveOutcome),
}

/// The ticket as an addition needs it.
#[derive(sqlx::FromRow)]
struct TicketRow {
    status: String,
    customer_id: Uuid,
    support_message_id: Option<Uuid>,
}

/// Opens the addition's transaction and reads the ticket `ticket_id`: `Err` with the
/// outcome when it is unknown or closed.
async fn begin(
    store: &Store,
    ticket_id: Uuid,
) -> Result<std::result::Result<(Transaction<'static, Sqlite>, TicketRow), AddOutcome>> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let row: Option<TicketRow> = sqlx::query_as(
        "SELECT status, customer_id, support_message_id FROM tickets
         WHERE id = ?1 AND deleted = 0",
    )
    .bind(ticket_id)
    .fetch_optional(&mut *tx)
    .await?;
    Ok(match row {
        None => Err(AddOutcome::NotFound),
        Some(row) if row.status == TicketStatus::Closed.label() => Err(AddOutcome::Closed),
        Some(row) => Ok((tx, row)),
    })
}

/// Appends `kind` with `payload` to the ticket's history on `conn`.
async fn event(
    conn: &mut SqliteConnection,
    store: &Store,
    ticket_id: Uuid,
    kind: &str,
    payload: &Value,
    user_id: Uuid,
    now: i64,
) -> Result<()> {
    let event = NewEvent {
        ticket_id,
        kind,
        payload,
        user_id,
        at: now,
    };
    ticket_events::append(conn, store, &event).await
}

/// Attaches `attachment` (its file already stored) to the ticket, by `user_id` at `now`.
pub async fn add_attachment(
    store: &Store,
    ticket_id: Uuid,
    attachment: &DraftAttachment,
    user_id: Uuid,
    now: i64,
) -> Result<AddOutcome> {
    let (mut tx, _) = match begin(store, ticket_id).await? {
        Ok(open) => open,
        Err(outcome) => return Ok(outcome),
    };
    attachments::insert_in(&mut tx, store, ticket_id, attachment, user_id, now).await?;
    let payload = tickets::attachment_payload(attachment);
    event(
        &mut tx,
        store,
        ticket_id,
        "attachment",
        &payload,
        user_id,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(AddOutcome::Added)
}

/// Creates `task` (already checked) for the ticket, by `user_id` at `now`.
pub async fn add_task(
    store: &Store,
    ticket_id: Uuid,
    task: &NewTask,
    user_id: Uuid,
    now: i64,
) -> Result<AddOutcome> {
    let (mut tx, _) = match begin(store, ticket_id).await? {
        Ok(open) => open,
        Err(outcome) => return Ok(outcome),
    };
    tasks::insert_in(&mut tx, store, ticket_id, task, user_id).await?;
    let payload = tickets::task_payload(task);
    event(&mut tx, store, ticket_id, "task", &payload, user_id, now).await?;
    tx.commit().await?;
    Ok(AddOutcome::Added)
}

/// Schedules `order` (already checked) for the ticket, by `user_id` at `now`: its technician,
/// type and status as stored now, and its time against the visits saved meanwhile (unless
/// the operator accepted the clash), as the wizard's save does.
pub async fn add_work_order(
    store: &Store,
    ticket_id: Uuid,
    order: &NewWorkOrder,
    user_id: Uuid,
    now: i64,
) -> Result<AddOutcome> {
    let (mut tx, ticket) = match begin(store, ticket_id).await? {
        Ok(open) => open,
        Err(outcome) => return Ok(outcome),
    };
    let refused = |outcome| Ok(AddOutcome::WorkOrder(outcome));
    let Some(names) = tickets::work_order_names(&mut tx, order).await? else {
        return refused(SaveOutcome::TechnicianRemoved);
    };
    if !names.kind_active {
        return refused(SaveOutcome::WorkOrderTypeInactive);
    }
    if !names.status_active {
        return refused(SaveOutcome::WorkOrderStatusInactive);
    }
    let clashes = work_orders::clashes_in(&mut tx, &order.slot, None).await?;
    if !clashes.is_empty() && !order.allow_clash {
        return refused(SaveOutcome::Clash(clashes));
    }
    work_orders::insert_in(&mut tx, store, ticket_id, ticket.customer_id, order).await?;
    let payload = tickets::work_order_payload(order, &names);
    event(
        &mut tx,
        store,
        ticket_id,
        "work_order",
        &payload,
        user_id,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(AddOutcome::Added)
}

/// Queues `email` (already checked) for the ticket, by `user_id` at `now`: in the thread of
/// the customer's message when the ticket answers one, as the wizard's save does.
pub async fn add_email(
    store: &Store,
    ticket_id: Uuid,
    email: &TicketEmail,
    user_id: Uuid,
    now: i64,
) -> Result<AddOutcome> {
    let (mut tx, ticket) = match begin(store, ticket_id).await? {
        Ok(open) => open,
        Err(outcome) => return Ok(outcome),
    };
    let thread = match ticket.support_message_id {
        Some(message) => Some(support_messages::thread_in(&mut tx, message).await?),
        None => None,
    };
    let queued = NewEmail {
        ticket_id: Some(ticket_id),
        from_address: &email.from_address,
        email: &email.email,
        created_by: user_id,
        thread: thread.as_ref(),
    };
    email_outbox::enqueue_in(&mut tx, store, &queued, now).await?;
    tx.commit().await?;
    Ok(AddOutcome::Added)
}

/// What an e-mail from the ticket's page fills `{protocolo}`, `{cliente}` and `{problema}`
/// with: the ticket as stored, not as the window sent it. `None` for an unknown ticket.
pub async fn email_facts(
    store: &Store,
    ticket_id: Uuid,
) -> Result<Option<(String, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT t.protocol, c.name, t.problem FROM tickets t
         JOIN customers c ON c.id = t.customer_id
         WHERE t.id = ?1 AND t.deleted = 0",
    )
    .bind(ticket_id)
    .fetch_optional(store.pool())
    .await?)
}
