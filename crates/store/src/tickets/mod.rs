//! Tickets: written whole, in one transaction, with their append-only history, each table
//! by the module that owns it; found by protocol, listed by filters newest first a page at
//! a time, and their history read back ([`find_by_protocol`], [`list`], [`history`]).
mod queries;
mod queue;
mod rows;

pub use queries::{find_by_protocol, history, list};
pub use queue::{queue_count, queue_tickets, Destined};
pub use rows::{insert_many_in, set_state_in, TicketRow};

use helpdesk_core::attachment::DraftAttachment;
use helpdesk_core::task::NewTask;
use helpdesk_core::ticket::{NewTicket, SavedTicket, TicketStatus};
use helpdesk_core::ticket_type::{Assignee, TicketType};
use helpdesk_core::work_order::Visit;
use helpdesk_core::work_order_form::NewWorkOrder;
use serde_json::{json, Value};
use sqlx::SqliteConnection;
use uuid::Uuid;

use self::rows::protocol_taken_in;
use crate::email_outbox::{self, NewEmail};
use crate::ticket_events::{self, NewEvent};
use crate::{
    attachments, business_hours, drafts, new_id, support_messages, tasks, ticket_types,
    work_orders, Result, Store,
};

/// Writes `ticket`, opened by `user_id` at `now` (Unix ms) and due by its type's SLA in the
/// provider's business hours and holidays as stored ([`business_hours::calendar_in`]), or in
/// calendar hours where the type says so: the ticket, its attachments, task and work order,
/// its history (opened, the script's report, the first contact, each attachment, the task,
/// the work order, resolved), its e-mail in the outbox and the end of the operator's wizard
/// draft, each by the module that owns its table, in one transaction: all or nothing. Writes
/// nothing when the protocol was used by another ticket or the work order cannot take its
/// technician's time (see [`SaveOutcome`]).
pub async fn save(
    store: &Store,
    ticket: &NewTicket,
    user_id: Uuid,
    now: i64,
) -> Result<SaveOutcome> {
    let id = new_id();
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    if protocol_taken_in(&mut tx, &ticket.protocol).await? {
        return Ok(SaveOutcome::ProtocolTaken);
    }
    // The type as stored now (its destination and SLA), not as the window sent it: it may
    // have been changed or deactivated since the wizard listed it.
    let ticket_type = ticket_types::active_in(&mut tx, ticket.ticket_type.id).await?;
    let Some(ticket_type) = ticket_type.filter(TicketType::is_assignable) else {
        return Ok(SaveOutcome::TicketTypeUnavailable);
    };
    let ticket = &NewTicket {
        ticket_type,
        ..ticket.clone()
    };
    // A new plan must still be on offer: it may have been taken out of the catalog since
    // the wizard listed it.
    if let Some(plan) = ticket.plan.new_plan_id() {
        if !plan_active_in(&mut tx, plan).await? {
            return Ok(SaveOutcome::PlanUnavailable);
        }
    }
    // The work order's technician and time, checked where another desktop's or operator's
    // visit may have been saved since the operator looked at the agenda.
    let work_order = match &ticket.work_order {
        Some(order) => {
            let Some(names) = work_order_names(&mut tx, order).await? else {
                return Ok(SaveOutcome::TechnicianRemoved);
            };
            if !names.kind_active {
                return Ok(SaveOutcome::WorkOrderTypeInactive);
            }
            if !names.status_active {
                return Ok(SaveOutcome::WorkOrderStatusInactive);
            }
            let clashes = work_orders::clashes_in(&mut tx, &order.slot, None).await?;
            if !clashes.is_empty() && !order.allow_clash {
                return Ok(SaveOutcome::Clash(clashes));
            }
            Some((order, names))
        }
        None => None,
    };
    let (assigned_user_id, assigned_role_id) =
        Assignee::ids_of(ticket.ticket_type.assignee.as_ref());
    // Counted in the provider's business hours and holidays as stored now, unless the type
    // counts calendar hours.
    let calendar = business_hours::calendar_in(&mut tx, store).await?;
    let resolved_in_wizard = ticket.status == TicketStatus::Resolved;
    let row = TicketRow {
        id,
        protocol: ticket.protocol,
        origin: ticket.origin,
        customer_id: ticket.customer_id,
        customer_plan_id: ticket.plan.contract_id(),
        new_plan_id: ticket.plan.new_plan_id(),
        support_message_id: ticket.support_message_id,
        problem: &ticket.problem,
        ticket_type_id: Some(ticket.ticket_type.id),
        assigned_user_id,
        assigned_role_id,
        status: ticket.status,
        opened_by: user_id,
        opened_at: now,
        due_at: Some(calendar.due_at(now, &ticket.ticket_type)),
        resolved_at: resolved_in_wizard.then_some(now),
        first_contact_resolved: resolved_in_wizard,
        changed_at: store.stamp(),
    };
    insert_many_in(&mut tx, std::slice::from_ref(&row)).await?;
    for attachment in &ticket.attachments {
        attachments::insert_in(&mut tx, store, id, attachment, user_id, now).await?;
    }
    if let Some(task) = &ticket.task {
        tasks::insert_in(&mut tx, store, id, task, user_id).await?;
    }
    if let Some((order, _)) = &work_order {
        work_orders::insert_in(&mut tx, store, id, ticket.customer_id, order).await?;
    }
    let names = work_order.as_ref().map(|(_, names)| names);
    for (kind, payload) in history_entries(ticket, names)? {
        let event = NewEvent {
            ticket_id: id,
            kind,
            payload: &payload,
            user_id,
            at: now,
        };
        ticket_events::append(&mut tx, store, &event).await?;
    }
    // After the ticket's own history, so "email_queued" reads after "opened". It answers
    // the customer's message in its thread.
    if let Some(email) = &ticket.email {
        let thread = match ticket.support_message_id {
            Some(message) => Some(support_messages::thread_in(&mut tx, message).await?),
            None => None,
        };
        let queued = NewEmail {
            ticket_id: Some(id),
            from_address: &email.from_address,
            email: &email.email,
            created_by: user_id,
            thread: thread.as_ref(),
        };
        email_outbox::enqueue_in(&mut tx, store, &queued, now).await?;
    }
    drafts::discard_in(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(SaveOutcome::Saved(SavedTicket {
        id,
        protocol: ticket.protocol,
        status: ticket.status,
    }))
}

/// What became of [`save`]; only `Saved` wrote anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    Saved(SavedTicket),
    /// Another ticket already has the protocol.
    ProtocolTaken,
    /// The ticket type was deactivated or removed, or its tickets go to a user no longer
    /// active.
    TicketTypeUnavailable,
    /// The new plan chosen was deactivated or removed.
    PlanUnavailable,
    /// The work order's technician was removed or deactivated.
    TechnicianRemoved,
    /// The work order's type was deactivated.
    WorkOrderTypeInactive,
    /// The work order's status was deactivated.
    WorkOrderStatusInactive,
    /// The work order's time clashes with these visits of its technician, and the operator
    /// had not accepted that.
    Clash(Vec<Visit>),
}

impl SaveOutcome {
    /// The ticket, if it was saved.
    pub fn saved(self) -> Option<SavedTicket> {
        match self {
            SaveOutcome::Saved(saved) => Some(saved),
            _ => None,
        }
    }
}

/// The history a new ticket starts with, in order: opened, the script's report, the first
/// contact, each attachment, the task, the work order (with `names`), resolved.
fn history_entries(
    ticket: &NewTicket,
    names: Option<&WorkOrderNames>,
) -> Result<Vec<(&'static str, Value)>> {
    let mut entries = vec![(
        "opened",
        json!({ "protocol": ticket.protocol.to_string(), "origin": ticket.origin.label() }),
    )];
    if let Some(run) = &ticket.script {
        entries.push(("script_report", serde_json::to_value(run)?));
    }
    entries.push((
        "first_contact",
        json!({ "description": ticket.first_contact, "ticket_type": ticket.ticket_type.name }),
    ));
    for attachment in &ticket.attachments {
        entries.push(("attachment", attachment_payload(attachment)));
    }
    if let Some(task) = &ticket.task {
        entries.push(("task", task_payload(task)));
    }
    if let (Some(order), Some(names)) = (&ticket.work_order, names) {
        entries.push(("work_order", work_order_payload(order, names)));
    }
    if ticket.status == TicketStatus::Resolved {
        entries.push(("resolved", json!({})));
    }
    Ok(entries)
}

/// The details of an `attachment` history entry.
pub(crate) fn attachment_payload(attachment: &DraftAttachment) -> Value {
    json!({
        "file_name": attachment.file_name,
        "size_bytes": attachment.size_bytes,
        "notes": attachment.notes,
    })
}

/// The details of a `task` history entry.
pub(crate) fn task_payload(task: &NewTask) -> Value {
    json!({
        "title": task.title,
        "description": task.description,
        "assignee": task.assignee.describe(),
        "due_at": task.due_at,
    })
}

/// The details of a `work_order` history entry, with the names of its technician, type and
/// status.
pub(crate) fn work_order_payload(order: &NewWorkOrder, names: &WorkOrderNames) -> Value {
    json!({
        "technician": names.technician,
        "type": names.kind,
        "status": names.status,
        "starts_at": order.slot.starts_at,
        "ends_at": order.slot.ends_at,
        "address": order.address,
        "description": order.description,
    })
}

/// Whether the plan `id` is active (a choice for a new plan).
async fn plan_active_in(conn: &mut SqliteConnection, id: Uuid) -> Result<bool> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM plans WHERE id = ?1 AND active = 1 AND deleted = 0)",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?)
}

/// The names a work order's history entry shows.
#[derive(sqlx::FromRow)]
pub(crate) struct WorkOrderNames {
    pub(crate) technician: String,
    pub(crate) kind: String,
    pub(crate) status: String,
    pub(crate) kind_active: bool,
    pub(crate) status_active: bool,
}

/// The names of the work order's technician, type and status, and whether the type and
/// status are active; `None` when the technician is not active (or the type or status is
/// gone).
pub(crate) async fn work_order_names(
    conn: &mut SqliteConnection,
    order: &NewWorkOrder,
) -> Result<Option<WorkOrderNames>> {
    Ok(sqlx::query_as(
        "SELECT t.name AS technician, k.name AS kind, s.name AS status,
                k.active = 1 AS kind_active, s.active = 1 AS status_active
         FROM technicians t, work_order_types k, work_order_statuses s
         WHERE t.id = ?1 AND t.active = 1 AND t.deleted = 0
           AND k.id = ?2 AND k.deleted = 0 AND s.id = ?3 AND s.deleted = 0",
    )
    .bind(order.slot.technician_id)
    .bind(order.type_id)
    .bind(order.status_id)
    .fetch_optional(&mut *conn)
    .await?)
}
