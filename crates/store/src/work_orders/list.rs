//! "Ordens de Serviço": work orders listed by filters, latest start first, a page at a
//! time, each with its technician, team, actual times, report and outcome.
//!
//! The list walks an index ending in `(starts_at, id)` for its most selective filter (the
//! technician's, the customer's, else the start's; `migrations/20261208000030_work_order_lists.sql`)
//! and stops at the page's limit, so a page costs about the rows it returns.
use helpdesk_core::customer::MAX_LIMIT;
use helpdesk_core::protocol::Protocol;
use helpdesk_core::work_order::{Slot, Visit};
use helpdesk_core::work_order_life::VisitOutcome;
use helpdesk_core::work_order_list::{WorkOrderFilter, WorkOrderLine};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use uuid::Uuid;

use super::{kind, stage_of, undecodable};
use crate::{Result, Store};

/// The columns of a [`WorkOrderLine`] ([`LineRow`]), from `work_orders w` and its joins.
const LINE_SELECT: &str = "SELECT w.id, w.ticket_id, t.protocol, w.customer_id,
        c.name AS customer_name, w.address, w.technician_id, te.name AS technician_name,
        te.team_id, e.name AS team_name, w.starts_at, w.ends_at, w.type_id, ty.name AS type_name,
        ty.is_site_survey, ty.color AS type_color, w.status_id, s.name AS status_name,
        s.color AS status_color, s.is_final, s.stage, w.description, w.changed_at,
        w.started_at, w.finished_at, w.report, w.outcome
     FROM work_orders w
     JOIN tickets t ON t.id = w.ticket_id
     JOIN customers c ON c.id = w.customer_id
     JOIN technicians te ON te.id = w.technician_id
     JOIN teams e ON e.id = te.team_id
     JOIN work_order_types ty ON ty.id = w.type_id
     JOIN work_order_statuses s ON s.id = w.status_id
     WHERE w.deleted = 0";

/// One row of [`LINE_SELECT`].
#[derive(sqlx::FromRow)]
struct LineRow {
    id: Uuid,
    ticket_id: Uuid,
    protocol: String,
    customer_id: Uuid,
    customer_name: String,
    address: String,
    technician_id: Uuid,
    technician_name: String,
    team_id: Uuid,
    team_name: String,
    starts_at: i64,
    ends_at: i64,
    type_id: Uuid,
    type_name: String,
    is_site_survey: bool,
    type_color: String,
    status_id: Uuid,
    status_name: String,
    status_color: String,
    is_final: bool,
    stage: String,
    description: String,
    changed_at: i64,
    started_at: Option<i64>,
    finished_at: Option<i64>,
    report: String,
    outcome: Option<String>,
}

/// The work orders matching every filter given, latest start first (by `starts_at`, then
/// `id`), at most `filter.limit` (brought into 1 to [`MAX_LIMIT`]), after `filter.before`.
/// Deleted work orders are left out.
pub async fn list(store: &Store, filter: &WorkOrderFilter) -> Result<Vec<WorkOrderLine>> {
    let rows = list_query("", filter)
        .build_query_as::<LineRow>()
        .fetch_all(store.pool())
        .await?;
    rows.into_iter().map(LineRow::into_line).collect()
}

/// The work order `id` as the list shows it, unless it does not exist or was deleted.
pub(super) async fn line_in(
    conn: &mut SqliteConnection,
    id: Uuid,
) -> Result<Option<WorkOrderLine>> {
    let row = QueryBuilder::<Sqlite>::new(LINE_SELECT)
        .push(" AND w.id = ")
        .push_bind(id)
        .build_query_as::<LineRow>()
        .fetch_optional(&mut *conn)
        .await?;
    row.map(LineRow::into_line).transpose()
}

/// The query of [`list`], after `prefix` (`EXPLAIN QUERY PLAN ` in the tests). The first
/// filter of technician and customer given is the index walked; the others are written
/// `+w.column` so SQLite (without statistics) does not walk theirs instead.
fn list_query<'a>(prefix: &str, filter: &'a WorkOrderFilter) -> QueryBuilder<'a, Sqlite> {
    let mut query = QueryBuilder::<Sqlite>::new(prefix);
    query.push(LINE_SELECT);
    let mut walked = false;
    for (column, value) in [
        ("w.technician_id", filter.technician_id),
        ("w.customer_id", filter.customer_id),
        ("w.status_id", filter.status_id),
        ("w.type_id", filter.type_id),
    ] {
        if let Some(id) = value {
            query.push(if walked { " AND +" } else { " AND " });
            query.push(column).push(" = ").push_bind(id);
            walked = walked || column != "w.status_id";
        }
    }
    if let Some(team_id) = filter.team_id {
        query.push(" AND +te.team_id = ").push_bind(team_id);
    }
    if let Some(from) = filter.from {
        query.push(" AND w.starts_at >= ").push_bind(from);
    }
    if let Some(to) = filter.to {
        query.push(" AND w.starts_at < ").push_bind(to);
    }
    if let Some(cursor) = filter.before {
        query
            .push(" AND (w.starts_at, w.id) < (")
            .push_bind(cursor.starts_at)
            .push(", ")
            .push_bind(cursor.id)
            .push(")");
    }
    query
        .push(" ORDER BY w.starts_at DESC, w.id DESC LIMIT ")
        .push_bind(filter.limit.clamp(1, MAX_LIMIT));
    query
}

impl LineRow {
    fn into_line(self) -> Result<WorkOrderLine> {
        let protocol = self.protocol.parse::<Protocol>().map_err(|error| {
            undecodable(format!(
                "work order {}: ticket protocol {:?}: {error}",
                self.id, self.protocol
            ))
        })?;
        let outcome = self
            .outcome
            .as_deref()
            .map(|code| {
                VisitOutcome::from_code(code).ok_or_else(|| {
                    undecodable(format!("work order {}: unknown outcome {code:?}", self.id))
                })
            })
            .transpose()?;
        Ok(WorkOrderLine {
            visit: Visit {
                id: self.id,
                ticket_id: self.ticket_id,
                protocol: protocol.to_string(),
                customer_id: self.customer_id,
                customer_name: self.customer_name,
                address: self.address,
                slot: Slot {
                    technician_id: self.technician_id,
                    starts_at: self.starts_at,
                    ends_at: self.ends_at,
                },
                type_id: self.type_id,
                type_name: self.type_name,
                kind: kind(self.is_site_survey),
                type_color: self.type_color,
                status_id: self.status_id,
                status_name: self.status_name,
                status_color: self.status_color,
                is_final: self.is_final,
                stage: stage_of(&self.stage),
                description: self.description,
                changed_at: self.changed_at,
            },
            technician_name: self.technician_name,
            team_id: self.team_id,
            team_name: self.team_name,
            started_at: self.started_at,
            finished_at: self.finished_at,
            report: self.report,
            outcome,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use helpdesk_core::work_order_list::WorkOrderCursor;

    /// Each filter's page walks a range of an index ending in `(starts_at, id)`, in its
    /// order (no sorting step), and takes the rest by primary key (a type or status filtered
    /// on is one row, which SQLite may read first): never a scan of the work orders.
    #[tokio::test]
    async fn a_page_walks_a_range_of_an_index_in_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("list.db"))
            .await
            .expect("open");
        let id = Some(Uuid::from_u128(7));
        let cursor = Some(WorkOrderCursor {
            starts_at: 5,
            id: Uuid::from_u128(8),
        });
        let cases = [
            (WorkOrderFilter::default(), "work_orders_time"),
            (
                WorkOrderFilter {
                    from: Some(1),
                    to: Some(9),
                    status_id: id,
                    team_id: id,
                    type_id: id,
                    before: cursor,
                    ..WorkOrderFilter::default()
                },
                "work_orders_time",
            ),
            (
                WorkOrderFilter {
                    technician_id: id,
                    customer_id: id,
                    before: cursor,
                    ..WorkOrderFilter::default()
                },
                "work_orders_technician_time",
            ),
            (
                WorkOrderFilter {
                    customer_id: id,
                    status_id: id,
                    from: Some(1),
                    ..WorkOrderFilter::default()
                },
                "work_orders_customer_time",
            ),
        ];
        for (filter, index) in cases {
            let plan = crate::query_plan(&store, list_query("EXPLAIN QUERY PLAN ", &filter)).await;
            let walk = plan
                .iter()
                .find(|step| step.contains(" w "))
                .cloned()
                .unwrap_or_default();
            assert!(
                walk.starts_with(&format!("SCAN w USING INDEX {index}"))
                    || walk.starts_with(&format!("SEARCH w USING INDEX {index}")),
                "{filter:?}: {plan:?}"
            );
            assert!(
                plan.iter()
                    .filter(|step| **step != walk)
                    .all(|step| step.ends_with("(id=?)")),
                "{filter:?}: {plan:?}"
            );
        }
    }
}
