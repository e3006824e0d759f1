//! Tickets: written whole, in one transaction, with their append-only history; found by
//! protocol, listed by filters newest first a page at a time, and their history read back.
//!
//! The list walks an index that ends in `(opened_at, id)` for its most selective filter
//! (`migrations/20261128000004_ticket_lists.sql`) and stops at the page's limit, so a page
//! costs about the rows it returns, not the number of tickets.
use helpdesk_core::customer::MAX_LIMIT;
use helpdesk_core::protocol::Protocol;
use helpdesk_core::ticket::{
    NewTicket, SavedTicket, TicketEvent, TicketFilter, TicketStatus, TicketSummary,
};
use helpdesk_core::ticket_type::Assignee;
use helpdesk_core::work_order::Visit;
use helpdesk_core::work_order_form::NewWorkOrder;
use serde_json::json;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use uuid::Uuid;

use crate::assignee_row::assignee;
use crate::email_outbox::{self, NewEmail};
use crate::{new_id, work_orders, Result, Store};

/// Writes `ticket`, opened by `user_id` at `now` (Unix ms): the ticket, its attachments,
/// task and work order, its e-mail in the outbox, its history (opened, the script's report, the first contact, each
/// attachment, the task, the work order, resolved) and the end of the operator's wizard
/// draft, all or nothing. Writes nothing when the protocol was used by another ticket or the
/// work order cannot take its technician's time (see [`SaveOutcome`]).
pub async fn save(
    store: &Store,
    ticket: &NewTicket,
    user_id: Uuid,
    now: i64,
) -> Result<SaveOutcome> {
    let id = new_id();
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let taken: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM tickets WHERE protocol = ?1)")
            .bind(ticket.protocol.digits())
            .fetch_one(&mut *tx)
            .await?;
    if taken {
        return Ok(SaveOutcome::ProtocolTaken);
    }
    // The work order's technician and time, checked where another desktop's or operator's
    // visit may have been saved since the operator looked at the agenda.
    let work_order = match &ticket.work_order {
        Some(order) => {
            let names = work_order_names(&mut tx, order).await?;
            let Some(names) = names else {
                return Ok(SaveOutcome::TechnicianRemoved);
            };
            let clashes = work_orders::clashes_in(&mut tx, &order.slot, None).await?;
            if !clashes.is_empty() && !order.allow_clash {
                return Ok(SaveOutcome::Clash(clashes));
            }
            Some((order, names))
        }
        None => None,
    };
    let (assigned_user, assigned_role) = Assignee::ids_of(ticket.ticket_type.assignee.as_ref());
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
    for attachment in &ticket.attachments {
        sqlx::query(
            "INSERT INTO attachments (id, ticket_id, file_name, content_hash, size_bytes, notes,
                                      added_by, added_at, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .bind(new_id())
        .bind(id)
        .bind(&attachment.file_name)
        .bind(&attachment.content_hash)
        .bind(i64::try_from(attachment.size_bytes).unwrap_or(i64::MAX))
        .bind(&attachment.notes)
        .bind(user_id)
        .bind(now)
        .bind(store.stamp())
        .execute(&mut *tx)
        .await?;
        events.push((
            "attachment",
            json!({
                "file_name": attachment.file_name,
                "size_bytes": attachment.size_bytes,
                "notes": attachment.notes,
            }),
        ));
    }
    if let Some(task) = &ticket.task {
        let (assignee_user, assignee_role) = task.assignee.ids();
        sqlx::query(
            "INSERT INTO tasks (id, ticket_id, title, description, assignee_user_id,
                                assignee_role_id, due_at, created_by, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .bind(new_id())
        .bind(id)
        .bind(&task.title)
        .bind(&task.description)
        .bind(assignee_user)
        .bind(assignee_role)
        .bind(task.due_at)
        .bind(user_id)
        .bind(store.stamp())
        .execute(&mut *tx)
        .await?;
        events.push((
            "task",
            json!({
                "title": task.title,
                "description": task.description,
                "assignee": task.assignee.describe(),
                "due_at": task.due_at,
            }),
        ));
    }
    if let Some((order, names)) = work_order {
        sqlx::query(
            "INSERT INTO work_orders (id, ticket_id, customer_id, technician_id, type_id,
                                      status_id, starts_at, ends_at, description, address,
                                      changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )
        .bind(new_id())
        .bind(id)
        .bind(ticket.customer_id)
        .bind(order.slot.technician_id)
        .bind(order.type_id)
        .bind(order.status_id)
        .bind(order.slot.starts_at)
        .bind(order.slot.ends_at)
        .bind(&order.description)
        .bind(&order.address)
        .bind(store.stamp())
        .execute(&mut *tx)
        .await?;
        events.push((
            "work_order",
            json!({
                "technician": names.technician,
                "type": names.kind,
                "status": names.status,
                "starts_at": order.slot.starts_at,
                "ends_at": order.slot.ends_at,
                "address": order.address,
                "description": order.description,
            }),
        ));
    }
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
    // After the ticket's own history, so "email_queued" reads after "opened".
    if let Some(email) = &ticket.email {
        let queued = NewEmail {
            ticket_id: Some(id),
            from_address: &email.from_address,
            email: &email.email,
            created_by: user_id,
        };
        email_outbox::enqueue_in(&mut tx, store, &queued, now).await?;
    }
    sqlx::query("DELETE FROM wizard_drafts WHERE user_id = ?1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
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
    /// The work order's technician was removed or deactivated.
    TechnicianRemoved,
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

/// The names a work order's history entry shows.
struct WorkOrderNames {
    technician: String,
    kind: String,
    status: String,
}

/// The names of the work order's technician, type and status; `None` when the technician is
/// not active (or the type or status is gone).
async fn work_order_names(
    conn: &mut SqliteConnection,
    order: &NewWorkOrder,
) -> Result<Option<WorkOrderNames>> {
    let row: Option<(String, String, String)> = sqlx::query_as(
        "SELECT t.name, k.name, s.name FROM technicians t, work_order_types k,
                work_order_statuses s
         WHERE t.id = ?1 AND t.active = 1 AND t.deleted = 0
           AND k.id = ?2 AND k.deleted = 0 AND s.id = ?3 AND s.deleted = 0",
    )
    .bind(order.slot.technician_id)
    .bind(order.type_id)
    .bind(order.status_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(technician, kind, status)| WorkOrderNames {
        technician,
        kind,
        status,
    }))
}

/// The columns of a [`TicketSummary`], from `tickets t` and its joins ([`SUMMARY_FROM`]).
const SUMMARY_COLUMNS: &str = "SELECT t.id, t.protocol, t.status, t.customer_id, c.code, c.name,
        t.ticket_type_id, k.name, t.assigned_user_id, u.name, u.active = 1 AND u.deleted = 0,
        t.assigned_role_id, r.name, t.opened_at, t.due_at, t.resolved_at";

/// The ticket and what its summary names. Left joins, so the ticket always drives the query
/// and a missing name (not possible while foreign keys hold) cannot hide a ticket.
const SUMMARY_FROM: &str = " FROM tickets t
         LEFT JOIN customers c ON c.id = t.customer_id
         LEFT JOIN ticket_types k ON k.id = t.ticket_type_id
         LEFT JOIN users u ON u.id = t.assigned_user_id
         LEFT JOIN roles r ON r.id = t.assigned_role_id";

/// One row of [`SUMMARY_COLUMNS`].
type SummaryRow = (
    Uuid,
    String,
    String,
    Uuid,
    Option<String>,
    Option<String>,
    Option<Uuid>,
    Option<String>,
    Option<Uuid>,
    Option<String>,
    Option<bool>,
    Option<Uuid>,
    Option<String>,
    i64,
    Option<i64>,
    Option<i64>,
);

/// The ticket of `protocol`, unless it was deleted. One lookup in the protocol's unique index.
pub async fn find_by_protocol(store: &Store, protocol: &Protocol) -> Result<Option<TicketSummary>> {
    let sql = format!("{SUMMARY_COLUMNS}{SUMMARY_FROM} WHERE t.protocol = ?1 AND t.deleted = 0");
    let row = sqlx::query_as::<_, SummaryRow>(&sql)
        .bind(protocol.digits())
        .fetch_optional(store.pool())
        .await?;
    row.map(summary).transpose()
}

/// The tickets matching every filter given, newest first (by `opened_at`, then `id`), at
/// most `filter.limit` of them (a limit outside 1 to [`MAX_LIMIT`] is brought into it),
/// starting after `filter.before`. Deleted tickets are left out.
///
/// Pages follow each other with no ticket shown twice or skipped, even when tickets share
/// the same `opened_at`, as long as the next page starts after the last ticket shown
/// ([`helpdesk_core::ticket::TicketCursor::after`]).
pub async fn list(store: &Store, filter: &TicketFilter) -> Result<Vec<TicketSummary>> {
    let rows = list_query("", filter)
        .build_query_as::<SummaryRow>()
        .fetch_all(store.pool())
        .await?;
    rows.into_iter().map(summary).collect()
}

/// The query of [`list`], after `prefix` (`EXPLAIN QUERY PLAN` in the tests). Only fixed
/// SQL and bound values.
fn list_query<'a>(prefix: &str, filter: &'a TicketFilter) -> QueryBuilder<'a, Sqlite> {
    let mut query = QueryBuilder::<Sqlite>::new(prefix);
    query.push(SUMMARY_COLUMNS);
    query.push(SUMMARY_FROM);
    query.push(" WHERE t.deleted = 0");
    // The filters given, the one whose index the query walks first: the most selective in
    // a help desk's data (a customer has tens of tickets, a user up to thousands, a role, a
    // type or a status a large share of them). The others are written `+t.column`, which
    // keeps SQLite from walking their index: without statistics (the app never runs
    // ANALYZE) it cannot tell a customer's 20 tickets from a status's 900,000. The indexes
    // of users, roles and types carry the status (and the type) after `(opened_at, id)`, so
    // those are checked in the index before the ticket's row is read.
    let blob_filters = [
        ("t.customer_id", filter.customer_id),
        ("t.assigned_user_id", filter.assigned_user_id),
        ("t.assigned_role_id", filter.assigned_role_id),
        ("t.ticket_type_id", filter.ticket_type_id),
    ];
    let mut walked = false;
    for (column, value) in blob_filters {
        if let Some(id) = value {
            query.push(if walked { " AND +" } else { " AND " });
            query.push(column).push(" = ").push_bind(id);
            walked = true;
        }
    }
    if let Some(status) = filter.status {
        query.push(if walked { " AND +" } else { " AND " });
        query.push("t.status = ").push_bind(status.label());
    }
    if let Some(cursor) = filter.before {
        // A row value: one range on the index's `(opened_at, id)`, not a scan from the top.
        query
            .push(" AND (t.opened_at, t.id) < (")
            .push_bind(cursor.opened_at)
            .push(", ")
            .push_bind(cursor.id)
            .push(")");
    }
    query
        .push(" ORDER BY t.opened_at DESC, t.id DESC LIMIT ")
        .push_bind(filter.limit.clamp(1, MAX_LIMIT));
    query
}

/// The history of the ticket `ticket_id`, in the order it happened (by `at`, then by id,
/// which the store makes in increasing order, so events written together keep the order
/// they were written in). Empty for an unknown ticket.
pub async fn history(store: &Store, ticket_id: Uuid) -> Result<Vec<TicketEvent>> {
    let rows = sqlx::query_as::<_, (Uuid, String, String, Uuid, Option<String>, i64)>(
        "SELECT e.id, e.kind, e.payload, e.user_id, u.name, e.at
         FROM ticket_events e
         LEFT JOIN users u ON u.id = e.user_id
         WHERE e.ticket_id = ?1
         ORDER BY e.at, e.id",
    )
    .bind(ticket_id)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, kind, payload, user_id, user_name, at)| TicketEvent {
            id,
            kind,
            payload,
            user_id,
            user_name: user_name.unwrap_or_default(),
            at,
        })
        .collect())
}

fn summary(
    (
        id,
        protocol,
        status,
        customer_id,
        customer_code,
        customer_name,
        ticket_type_id,
        ticket_type_name,
        user_id,
        user_name,
        user_active,
        role_id,
        role_name,
        opened_at,
        due_at,
        resolved_at,
    ): SummaryRow,
) -> Result<TicketSummary> {
    let assignee = assignee((user_id, user_name, user_active), (role_id, role_name));
    Ok(TicketSummary {
        id,
        protocol: protocol
            .parse()
            .map_err(|error| undecodable(format!("ticket {id}: protocol {protocol:?}: {error}")))?,
        status: TicketStatus::from_label(&status)
            .ok_or_else(|| undecodable(format!("ticket {id}: unknown status {status:?}")))?,
        customer_id,
        customer_code: customer_code.unwrap_or_default(),
        customer_name: customer_name.unwrap_or_default(),
        ticket_type_id,
        ticket_type_name,
        assignee,
        opened_at,
        due_at,
        resolved_at,
    })
}

/// The status whose stored label is `label`.
/// A stored value this build cannot read (damaged, or written by a later version of the app).
fn undecodable(message: String) -> crate::StoreError {
    sqlx::Error::Decode(message.into()).into()
}

#[cfg(test)]
mod tests {
    use helpdesk_core::ticket::TicketCursor;

    use super::*;

    /// Every combination of filters, with and without a cursor.
    fn filters() -> Vec<TicketFilter> {
        let id = Uuid::from_u128(7);
        let mut all = Vec::new();
        for mask in 0..32_u8 {
            for before in [None, Some(TicketCursor { opened_at: 1, id })] {
                let on = |bit: u8| mask & (1 << bit) != 0;
                all.push(TicketFilter {
                    status: on(0).then_some(TicketStatus::Open),
                    ticket_type_id: on(1).then_some(id),
                    assigned_user_id: on(2).then_some(id),
                    assigned_role_id: on(3).then_some(id),
                    customer_id: on(4).then_some(id),
                    limit: 50,
                    before,
                });
            }
        }
        all
    }

    /// Every combination of filters walks one index in the list's order (the most selective
    /// filter's), so a page stops at its limit.
    #[tokio::test]
    async fn every_filter_walks_an_index() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("plans.db"))
            .await
            .expect("open");
        for filter in filters() {
            let plan = crate::query_plan(&store, list_query("EXPLAIN QUERY PLAN ", &filter)).await;
            let index = if filter.customer_id.is_some() {
                "tickets_customer"
            } else if filter.assigned_user_id.is_some() {
                "tickets_assigned_user"
            } else if filter.assigned_role_id.is_some() {
                "tickets_assigned_role"
            } else if filter.ticket_type_id.is_some() {
                "tickets_type"
            } else if filter.status.is_some() {
                "tickets_status"
            } else {
                "tickets_opened"
            };
            // The tickets first, through that index, and each name by primary key.
            assert!(
                plan[0].starts_with(&format!("SEARCH t USING INDEX {index} "))
                    || plan[0] == format!("SCAN t USING INDEX {index}"),
                "{filter:?}: {plan:?}"
            );
            assert!(
                plan[1..5]
                    .iter()
                    .all(|step| step.contains("(id=?) LEFT-JOIN")),
                "{filter:?}: {plan:?}"
            );
            // Never a sort of every match; only of the tickets sharing one `opened_at`,
            // with the two indexes that end there.
            let sorts = &plan[5..];
            assert!(
                sorts.is_empty()
                    || (sorts == ["USE TEMP B-TREE FOR LAST TERM OF ORDER BY"]
                        && ["tickets_customer", "tickets_status"].contains(&index)),
                "{filter:?}: {plan:?}"
            );
        }
    }
}
