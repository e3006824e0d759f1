//! "Relatórios", read-only: one aggregate query per report over an index range of the
//! period (`tickets.opened_at`, `work_orders.starts_at`; the protocols' a range of
//! `protocol_reservations.reserved_at` per day, from covering indexes,
//! `migrations/20261208000060_queue_and_reports.sql`),
//! its keys named (types, users, roles, technicians), then [`Report::new`] in the core.
use helpdesk_core::date::format_date;
use helpdesk_core::report::{RawRow, Report, ReportFilters, ReportKind, ReportPeriod};
use helpdesk_core::sla_state::SlaState;
use helpdesk_core::wizard::Origin;
use sqlx::{QueryBuilder, Sqlite};

use crate::{Result, Store};

const DAY: i64 = 24 * 60 * 60 * 1000;

/// The report of `kind` over `period` with `filters` (those the kind takes), its SLA
/// states taken at `now` (Unix ms).
pub async fn run(
    store: &Store,
    kind: ReportKind,
    period: &ReportPeriod,
    filters: &ReportFilters,
    now: i64,
) -> Result<Report> {
    let filters = filters.for_kind(kind);
    let rows: Vec<(Option<String>, Vec<i64>)> = match kind {
        ReportKind::ProtocolsPerDay => {
            let rows: Vec<(i64, i64, i64)> = query("", kind, period, &filters, now)
                .build_query_as()
                .fetch_all(store.pool())
                .await?;
            rows.into_iter()
                .map(|(day, given, used)| {
                    let date = chrono::NaiveDate::default() + chrono::Days::new(day as u64);
                    (Some(format_date(date)), vec![given, used, given - used])
                })
                .collect()
        }
        ReportKind::WorkOrdersByTechnician => {
            let rows: Vec<(Option<String>, i64, i64, i64, i64)> =
                query("", kind, period, &filters, now)
                    .build_query_as()
                    .fetch_all(store.pool())
                    .await?;
            rows.into_iter()
                .map(|(name, total, done, timed, on_site)| {
                    (name, vec![total, done, timed, on_site])
                })
                .collect()
        }
        ReportKind::SlaByType => {
            let rows: Vec<(Option<String>, i64, i64, i64, i64, i64)> =
                query("", kind, period, &filters, now)
                    .build_query_as()
                    .fetch_all(store.pool())
                    .await?;
            rows.into_iter()
                .map(|(name, met, missed, open, none, total)| {
                    (name, vec![met, missed, open, none, total])
                })
                .collect()
        }
        ReportKind::FirstContactByOperator => {
            let rows: Vec<(Option<String>, i64, i64)> = query("", kind, period, &filters, now)
                .build_query_as()
                .fetch_all(store.pool())
                .await?;
            rows.into_iter()
                .map(|(name, total, first)| (name, vec![total, first]))
                .collect()
        }
        ReportKind::TicketsByOrigin
        | ReportKind::TicketsByType
        | ReportKind::TicketsByOperator
        | ReportKind::TicketsByAssignee => {
            let rows: Vec<(Option<String>, i64)> = query("", kind, period, &filters, now)
                .build_query_as()
                .fetch_all(store.pool())
                .await?;
            rows.into_iter()
                .map(|(name, total)| (name, vec![total]))
                .collect()
        }
    };
    let raw = rows
        .into_iter()
        .map(|(name, values)| RawRow {
            label: label(kind, name),
            values,
        })
        .collect();
    Ok(Report::new(kind, period, raw))
}

/// The label of a row whose key reads `name` (`None`: no key, or a key whose row is gone).
fn label(kind: ReportKind, name: Option<String>) -> String {
    match (kind, name) {
        (ReportKind::TicketsByOrigin, Some(stored)) => Origin::ALL
            .into_iter()
            .find(|origin| format!("{origin:?}") == stored)
            .map_or(stored, |origin| origin.label().to_owned()),
        (_, Some(name)) => name,
        (ReportKind::TicketsByType | ReportKind::SlaByType, None) => "Sem tipo".into(),
        (ReportKind::TicketsByAssignee, None) => "Sem responsável".into(),
        (_, None) => "(removido)".into(),
    }
}

/// The query of a report, after `prefix` (`EXPLAIN QUERY PLAN ` in the tests). Tickets are
/// grouped by their key in a subquery over the `opened_at` range, then named.
fn query(
    prefix: &str,
    kind: ReportKind,
    period: &ReportPeriod,
    filters: &ReportFilters,
    now: i64,
) -> QueryBuilder<'static, Sqlite> {
    let mut sql = QueryBuilder::new(prefix);
    match kind {
        ReportKind::ProtocolsPerDay => {
            // Day by day, a count of each day's range of reservations: no grouping of the
            // period's reservations in a temporary B-tree (a third of a year's time).
            let offset = i64::from(period.offset_minutes) * 60_000;
            sql.push("WITH RECURSIVE days(at) AS (SELECT ")
                .push_bind(period.start)
                .push(" UNION ALL SELECT at + ")
                .push_bind(DAY)
                .push(" FROM days WHERE at + ")
                .push_bind(DAY)
                .push(" < ")
                .push_bind(period.end)
                .push(") SELECT day, given, used FROM (SELECT (at + ")
                .push_bind(offset)
                .push(") / ")
                .push_bind(DAY)
                .push(" AS day, (SELECT count(*) FROM protocol_reservations p");
            day_of_reservations(&mut sql, filters);
            sql.push(
                ") AS given, (SELECT count(*) FROM protocol_reservations p \
                      JOIN tickets t ON t.protocol = p.protocol AND t.deleted = 0",
            );
            day_of_reservations(&mut sql, filters);
            sql.push(") AS used FROM days) WHERE given > 0 ORDER BY day");
        }
        ReportKind::WorkOrdersByTechnician => {
            sql.push(
                "SELECT te.name, g.total, g.done, g.timed, g.on_site FROM (\
                 SELECT w.technician_id AS key, count(*) AS total, \
                 count(CASE WHEN s.stage = 'done' THEN 1 END) AS done, \
                 count(CASE WHEN w.finished_at > w.started_at THEN 1 END) AS timed, \
                 coalesce(sum(CASE WHEN w.finished_at > w.started_at \
                     THEN w.finished_at - w.started_at END), 0) AS on_site \
                 FROM work_orders w JOIN work_order_statuses s ON s.id = w.status_id",
            );
            if filters.team_id.is_some() {
                sql.push(" JOIN technicians tt ON tt.id = w.technician_id");
            }
            sql.push(" WHERE w.deleted = 0 AND w.starts_at >= ")
                .push_bind(period.start)
                .push(" AND w.starts_at < ")
                .push_bind(period.end);
            if let Some(id) = filters.technician_id {
                sql.push(" AND w.technician_id = ").push_bind(id);
            }
            if let Some(id) = filters.team_id {
                sql.push(" AND tt.team_id = ").push_bind(id);
            }
            sql.push(" GROUP BY w.technician_id) g LEFT JOIN technicians te ON te.id = g.key");
        }
        _ => {
            let (key, values, names) = match kind {
                ReportKind::TicketsByOrigin => ("t.origin", "count(*)", "g.key"),
                ReportKind::TicketsByType => (
                    "t.ticket_type_id",
                    "count(*)",
                    "(SELECT name FROM ticket_types WHERE id = g.key)",
                ),
                ReportKind::TicketsByOperator => (
                    "t.opened_by",
                    "count(*)",
                    "(SELECT name FROM users WHERE id = g.key)",
                ),
                ReportKind::TicketsByAssignee => (
                    "coalesce(t.assigned_user_id, t.assigned_role_id)",
                    "count(*)",
                    "coalesce((SELECT name FROM users WHERE id = g.key), \
                     (SELECT name FROM roles WHERE id = g.key))",
                ),
                ReportKind::SlaByType => (
                    "t.ticket_type_id",
                    // The columns of `SlaColumn::of(SlaState::of(due_at, resolved_at, now))`.
                    "count(CASE WHEN t.resolved_at <= t.due_at THEN 1 END), \
                     count(CASE WHEN t.resolved_at > t.due_at \
                         OR (t.resolved_at IS NULL AND t.due_at < ?) THEN 1 END), \
                     count(CASE WHEN t.resolved_at IS NULL AND t.due_at >= ? THEN 1 END), \
                     count(CASE WHEN t.due_at IS NULL THEN 1 END), count(*)",
                    "(SELECT name FROM ticket_types WHERE id = g.key)",
                ),
                _ => (
                    "t.opened_by",
                    "count(*), count(CASE WHEN t.first_contact_resolved = 1 THEN 1 END)",
                    "(SELECT name FROM users WHERE id = g.key)",
                ),
            };
            sql.push(format!("SELECT {names}, g.* FROM (SELECT "));
            if kind == ReportKind::SlaByType {
                // Overdue: due before `now + 1`, as `SlaState::due_bounds` says.
                let overdue_until = SlaState::Overdue
                    .due_bounds(now)
                    .and_then(|(_, until)| until)
                    .unwrap_or(now + 1);
                let mut parts = values.split('?');
                sql.push(parts.next().unwrap_or_default())
                    .push_bind(overdue_until)
                    .push(parts.next().unwrap_or_default())
                    .push_bind(overdue_until)
                    .push(parts.next().unwrap_or_default());
            } else {
                sql.push(values);
            }
            sql.push(format!(
                ", {key} AS key FROM tickets t WHERE t.opened_at >= "
            ))
            .push_bind(period.start)
            .push(" AND t.opened_at < ")
            .push_bind(period.end)
            .push(" AND t.deleted = 0");
            ticket_filters(&mut sql, filters);
            sql.push(" GROUP BY key) g");
        }
    }
    sql
}

/// The reservations of the day starting at `days.at` (local midnight), with the operator
/// filter, on the alias `p`.
fn day_of_reservations(sql: &mut QueryBuilder<'static, Sqlite>, filters: &ReportFilters) {
    sql.push(" WHERE p.reserved_at >= at AND p.reserved_at < at + ")
        .push_bind(DAY);
    if let Some(id) = filters.operator_id {
        sql.push(" AND p.user_id = ").push_bind(id);
    }
}

/// The ticket reports' filters, on the alias `t`.
fn ticket_filters(sql: &mut QueryBuilder<'static, Sqlite>, filters: &ReportFilters) {
    if let Some(origin) = filters.origin {
        sql.push(" AND t.origin = ")
            .push_bind(format!("{origin:?}"));
    }
    if let Some(id) = filters.ticket_type_id {
        sql.push(" AND t.ticket_type_id = ").push_bind(id);
    }
    if let Some(id) = filters.operator_id {
        sql.push(" AND t.opened_by = ").push_bind(id);
    }
    if let Some(id) = filters.assigned_user_id {
        sql.push(" AND t.assigned_user_id = ").push_bind(id);
    }
    if let Some(id) = filters.assigned_role_id {
        sql.push(" AND t.assigned_role_id = ").push_bind(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use helpdesk_core::report::{ReportKind, ReportRequest};
    use uuid::Uuid;

    /// Every report walks a range of an index of its period's column (or of a filter's
    /// column with it), never a scan of its table (the protocols' a range per day).
    #[tokio::test]
    async fn each_report_walks_a_range_of_an_index() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("plans.db"))
            .await
            .expect("open");
        let period = ReportRequest {
            kind: ReportKind::TicketsByOrigin,
            from: "01/12/2026".into(),
            to: "31/12/2026".into(),
            filters: ReportFilters::default(),
        }
        .period(-180)
        .expect("valid");
        let id = Some(Uuid::from_u128(7));
        let filter_sets = [
            ReportFilters::default(),
            ReportFilters {
                origin: Some(Origin::Phone),
                ticket_type_id: id,
                operator_id: id,
                assigned_user_id: id,
                technician_id: id,
                team_id: id,
                ..ReportFilters::default()
            },
            ReportFilters {
                assigned_role_id: id,
                team_id: id,
                ..ReportFilters::default()
            },
        ];
        for kind in ReportKind::ALL {
            for filters in &filter_sets {
                let filters = filters.for_kind(kind);
                let plan = crate::query_plan(
                    &store,
                    query("EXPLAIN QUERY PLAN ", kind, &period, &filters, 0),
                )
                .await;
                let walk = plan
                    .iter()
                    .find(|step| {
                        step.contains(" t USING")
                            || step.contains(" w USING")
                            || step.contains(" p USING")
                    })
                    .expect("a step on the period's table");
                assert!(walk.starts_with("SEARCH"), "{kind:?} {filters:?}: {plan:?}");
                assert!(
                    walk.contains("opened_at>?")
                        || walk.contains("starts_at>?")
                        || walk.contains("reserved_at>?"),
                    "{kind:?} {filters:?}: {plan:?}"
                );
                // Only the grouped rows, or the protocols' days, are scanned.
                assert!(
                    !plan.iter().any(|step| step.starts_with("SCAN")
                        && !["SCAN g", "SCAN days", "SCAN CONSTANT ROW"]
                            .iter()
                            .any(|allowed| step.starts_with(allowed))),
                    "{kind:?} {filters:?}: {plan:?}"
                );
            }
        }
    }
}
