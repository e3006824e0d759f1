//! Tickets read back: found by protocol, listed by filters newest first a page at a time,
//! and their history.
//!
//! The list walks an index that ends in `(opened_at, id)` for its most selective filter
//! (`migrations/20261128000004_ticket_lists.sql`) and stops at the page's limit, so a page
//! costs about the rows it returns, not the number of tickets.
use helpdesk_core::customer::MAX_LIMIT;
use helpdesk_core::protocol::Protocol;
use helpdesk_core::sla_state::SlaState;
use helpdesk_core::ticket::{TicketEvent, TicketFilter, TicketStatus, TicketSummary};
use helpdesk_core::wizard::Origin;
use sqlx::{QueryBuilder, Sqlite};
use uuid::Uuid;

use crate::assignee_row::AssigneeColumns;
use crate::{Result, Store};

/// The columns of a [`TicketSummary`] ([`SummaryRow`]), from `tickets t` and its joins
/// ([`SUMMARY_JOINS`]).
pub(super) const SUMMARY_COLUMNS: &str = "SELECT t.id, t.protocol, t.status, t.customer_id,
        c.code AS customer_code, c.name AS customer_name, t.ticket_type_id,
        k.name AS ticket_type_name, t.assigned_user_id AS user_id, u.name AS user_name,
        u.active = 1 AND u.deleted = 0 AS user_active, t.assigned_role_id AS role_id,
        r.name AS role_name, t.origin, t.opened_by, t.opened_at, t.due_at, t.resolved_at";

/// The ticket and what its summary names. Left joins, so the ticket always drives the query
/// and a missing name (not possible while foreign keys hold) cannot hide a ticket.
pub(super) const SUMMARY_JOINS: &str = "
         LEFT JOIN customers c ON c.id = t.customer_id
         LEFT JOIN ticket_types k ON k.id = t.ticket_type_id
         LEFT JOIN users u ON u.id = t.assigned_user_id
         LEFT JOIN roles r ON r.id = t.assigned_role_id";

/// One row of [`SUMMARY_COLUMNS`].
#[derive(sqlx::FromRow)]
pub(super) struct SummaryRow {
    id: Uuid,
    protocol: String,
    status: String,
    customer_id: Uuid,
    customer_code: Option<String>,
    customer_name: Option<String>,
    ticket_type_id: Option<Uuid>,
    ticket_type_name: Option<String>,
    #[sqlx(flatten)]
    assignee: AssigneeColumns,
    origin: String,
    opened_by: Uuid,
    opened_at: i64,
    due_at: Option<i64>,
    resolved_at: Option<i64>,
}

/// The ticket of `protocol`, unless it was deleted. One lookup in the protocol's unique index.
pub async fn find_by_protocol(store: &Store, protocol: &Protocol) -> Result<Option<TicketSummary>> {
    let sql = format!(
        "{SUMMARY_COLUMNS} FROM tickets t{SUMMARY_JOINS} WHERE t.protocol = ?1 AND t.deleted = 0"
    );
    let row = sqlx::query_as::<_, SummaryRow>(&sql)
        .bind(protocol.digits())
        .fetch_optional(store.pool())
        .await?;
    row.map(SummaryRow::into_summary).transpose()
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
    rows.into_iter().map(SummaryRow::into_summary).collect()
}

/// The query of [`list`], after `prefix` (`EXPLAIN QUERY PLAN` in the tests). Only fixed
/// SQL and bound values.
fn list_query<'a>(prefix: &str, filter: &'a TicketFilter) -> QueryBuilder<'a, Sqlite> {
    let mut query = QueryBuilder::<Sqlite>::new(prefix);
    query.push(SUMMARY_COLUMNS);
    query.push(" FROM tickets t").push(SUMMARY_JOINS);
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
    // Checked on each ticket the index walk reaches (`+`: never an index of their own).
    if let Some(origin) = filter.origin {
        query.push(" AND +t.origin = ").push_bind(origin.stored());
    }
    if let Some(id) = filter.opened_by {
        query.push(" AND +t.opened_by = ").push_bind(id);
    }
    // A range on the `opened_at` that every list index has after its first column.
    if let Some(from) = filter.opened_from {
        query.push(" AND t.opened_at >= ").push_bind(from);
    }
    if let Some(until) = filter.opened_until {
        query.push(" AND t.opened_at < ").push_bind(until);
    }
    if let Some(state) = filter.sla {
        push_sla(&mut query, state, filter.now);
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

/// The tickets in `state` at `now` ([`SlaState::of`]): open ones by the range of due
/// times [`SlaState::due_bounds`] gives, resolved ones by comparing the two instants.
fn push_sla(query: &mut QueryBuilder<'_, Sqlite>, state: SlaState, now: i64) {
    match state.due_bounds(now) {
        Some((from, to)) => {
            query.push(" AND +t.resolved_at IS NULL AND +t.due_at IS NOT NULL");
            if let Some(from) = from {
                query.push(" AND +t.due_at >= ").push_bind(from);
            }
            if let Some(to) = to {
                query.push(" AND +t.due_at < ").push_bind(to);
            }
        }
        None if state == SlaState::Met => {
            query.push(" AND +t.resolved_at <= +t.due_at");
        }
        None => {
            query.push(" AND +t.resolved_at > +t.due_at");
        }
    }
}

/// One entry of [`history`].
#[derive(sqlx::FromRow)]
struct HistoryRow {
    id: Uuid,
    kind: String,
    payload: String,
    user_id: Uuid,
    user_name: Option<String>,
    at: i64,
}

/// The history of the ticket `ticket_id`, in the order it happened (by `at`, then by id,
/// which the store makes in increasing order, so events written together keep the order
/// they were written in). Empty for an unknown ticket.
pub async fn history(store: &Store, ticket_id: Uuid) -> Result<Vec<TicketEvent>> {
    let rows = sqlx::query_as::<_, HistoryRow>(
        "SELECT e.id, e.kind, e.payload, e.user_id, u.name AS user_name, e.at
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
        .map(|row| TicketEvent {
            id: row.id,
            kind: row.kind,
            payload: row.payload,
            user_id: row.user_id,
            user_name: row.user_name.unwrap_or_default(),
            at: row.at,
        })
        .collect())
}

impl SummaryRow {
    pub(super) fn into_summary(self) -> Result<TicketSummary> {
        let SummaryRow {
            id,
            protocol,
            status,
            customer_id,
            customer_code,
            customer_name,
            ticket_type_id,
            ticket_type_name,
            assignee,
            origin,
            opened_by,
            opened_at,
            due_at,
            resolved_at,
        } = self;
        Ok(TicketSummary {
            id,
            protocol: protocol.parse().map_err(|error| {
                undecodable(format!("ticket {id}: protocol {protocol:?}: {error}"))
            })?,
            status: TicketStatus::from_label(&status)
                .ok_or_else(|| undecodable(format!("ticket {id}: unknown status {status:?}")))?,
            customer_id,
            customer_code: customer_code.unwrap_or_default(),
            customer_name: customer_name.unwrap_or_default(),
            ticket_type_id,
            ticket_type_name,
            assignee: assignee.assignee(),
            origin: Origin::from_stored(&origin)
                .ok_or_else(|| undecodable(format!("ticket {id}: unknown origin {origin:?}")))?,
            opened_by,
            opened_at,
            due_at,
            resolved_at,
        })
    }
}

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
                    ..TicketFilter::default()
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
