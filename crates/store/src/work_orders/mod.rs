//! Work orders on the "Agenda Técnica": the catalog a work order is given (types, statuses,
//! technicians), writing a work order (with its ticket, [`crate::tickets::save`]), the
//! visits of a range, the clashes of a slot, and moving a visit; a visit's change of status
//! ([`change_status`]) and the list of work orders ([`list`]).
use helpdesk_core::protocol::Protocol;
use helpdesk_core::text::fold;
use helpdesk_core::work_order::{
    AgendaQuery, Reschedule, Slot, Technician, Visit, VisitKind, WorkOrderCatalog, WorkOrderStatus,
    WorkOrderType, MAX_VISIT_MINUTES, MINUTE,
};
use helpdesk_core::work_order_form::NewWorkOrder;
use helpdesk_core::work_order_life::WorkOrderStage;
use serde::Deserialize;
use serde_json::json;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use uuid::Uuid;

use crate::ticket_events::{self, NewEvent};
use crate::{new_id, Result, Store, StoreError};

mod list;
mod status;

pub use list::list;
pub use status::{change_status, line, StatusOutcome};

/// What became of a reschedule.
#[derive(Debug, Clone, PartialEq)]
pub enum RescheduleOutcome {
    /// Moved: the visit as it is now.
    Saved(Box<Visit>),
    /// Someone else changed the visit since the operator saw it: the visit as it is now,
    /// not moved.
    Changed(Box<Visit>),
    /// The technician asked for was deactivated or removed; nothing written.
    TechnicianRemoved,
    /// The slot clashes with these visits of the technician, and the clash was not
    /// accepted; nothing written.
    Clash(Vec<Visit>),
    /// No such visit (or a deleted one).
    NotFound,
    /// The visit is done or cancelled (a final status): its time is history; nothing
    /// written.
    Closed,
}

/// One work-order type of [`catalog`].
#[derive(sqlx::FromRow)]
struct TypeRow {
    id: Uuid,
    name: String,
    is_site_survey: bool,
    default_minutes: i64,
    color: String,
}

/// One technician of [`catalog`].
#[derive(sqlx::FromRow)]
struct TechnicianRow {
    id: Uuid,
    name: String,
    team_id: Uuid,
    team_name: String,
    user_id: Option<Uuid>,
}

/// What the wizard offers: the active work-order types (by name), the active statuses (in
/// workflow order) and the active technicians with their teams (by name), none of them
/// deleted. A work order of a type or status deactivated since still shows its name (the
/// visits' queries read it whatever its state).
pub async fn catalog(store: &Store) -> Result<WorkOrderCatalog> {
    let mut types = sqlx::query_as::<_, TypeRow>(
        "SELECT id, name, is_site_survey, default_minutes, color
         FROM work_order_types WHERE active = 1 AND deleted = 0",
    )
    .fetch_all(store.pool())
    .await?
    .into_iter()
    .map(|row| WorkOrderType {
        id: row.id,
        name: row.name,
        kind: kind(row.is_site_survey),
        default_minutes: u32::try_from(row.default_minutes).unwrap_or(0),
        color: row.color,
    })
    .collect::<Vec<_>>();
    types.sort_by_cached_key(|kind| fold(&kind.name));
    let statuses = sqlx::query_as::<_, (Uuid, String, String, bool, String)>(
        "SELECT id, name, color, is_final, stage FROM work_order_statuses
         WHERE active = 1 AND deleted = 0 ORDER BY position, name",
    )
    .fetch_all(store.pool())
    .await?
    .into_iter()
    .map(|(id, name, color, is_final, stage)| WorkOrderStatus {
        id,
        name,
        color,
        is_final,
        stage: stage_of(&stage),
    })
    .collect();
    let mut technicians = sqlx::query_as::<_, TechnicianRow>(
        "SELECT t.id, t.name, t.team_id, e.name AS team_name, t.user_id
         FROM technicians t JOIN teams e ON e.id = t.team_id
         WHERE t.active = 1 AND t.deleted = 0",
    )
    .fetch_all(store.pool())
    .await?
    .into_iter()
    .map(|row| Technician {
        id: row.id,
        name: row.name,
        team_id: row.team_id,
        team_name: row.team_name,
        user_id: row.user_id,
    })
    .collect::<Vec<_>>();
    technicians.sort_by_cached_key(|technician| fold(&technician.name));
    Ok(WorkOrderCatalog {
        types,
        statuses,
        technicians,
    })
}

/// The visits overlapping `[query.from, query.to)` of the technicians listed (all when
/// none is) and of the kind asked for, by start.
///
/// A visit lasts at most [`MAX_VISIT_MINUTES`] (a trigger refuses longer ones), so those
/// overlapping the range start in `[from - MAX_VISIT_MINUTES, to)`: a range of
/// `work_orders_technician_time` (or `work_orders_time`), whatever the table's size.
pub async fn agenda(store: &Store, query: &AgendaQuery) -> Result<Vec<Visit>> {
    let mut conn = store.pool().acquire().await?;
    fetch_visits(&mut conn, agenda_query("", query)).await
}

/// The query of [`agenda`], after `prefix` (`EXPLAIN QUERY PLAN ` in the tests).
fn agenda_query(prefix: &str, query: &AgendaQuery) -> QueryBuilder<'static, Sqlite> {
    let mut sql = select_visits(prefix);
    overlapping(&mut sql, query.from, query.to);
    if !query.technician_ids.is_empty() {
        sql.push(" AND w.technician_id IN (");
        let mut ids = sql.separated(", ");
        for id in &query.technician_ids {
            ids.push_bind(*id);
        }
        sql.push(")");
    }
    if let Some(kind) = query.kind {
        sql.push(" AND ty.is_site_survey = ")
            .push_bind(kind == VisitKind::SiteSurvey);
    }
    sql
}

/// A work order's row as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkOrderRow<'a> {
    pub id: Uuid,
    pub ticket_id: Uuid,
    pub customer_id: Uuid,
    pub slot: Slot,
    pub type_id: Uuid,
    pub status_id: Uuid,
    pub description: &'a str,
    pub address: &'a str,
    /// Its change stamp.
    pub changed_at: i64,
}

/// Work orders per INSERT statement of [`insert_many_in`]: full chunks share one prepared
/// statement.
const ROWS_PER_INSERT: usize = 500;

/// Writes `order` (already checked against its technician's agenda) for the ticket
/// `ticket_id` of `customer_id`, on `conn` (the caller's transaction: the ticket's save).
pub async fn insert_in(
    conn: &mut SqliteConnection,
    store: &Store,
    ticket_id: Uuid,
    customer_id: Uuid,
    order: &NewWorkOrder,
) -> Result<()> {
    let row = WorkOrderRow {
        id: new_id(),
        ticket_id,
        customer_id,
        slot: order.slot,
        type_id: order.type_id,
        status_id: order.status_id,
        description: &order.description,
        address: &order.address,
        changed_at: store.stamp(),
    };
    insert_many_in(conn, std::slice::from_ref(&row)).await
}

/// Writes `rows` as they are on `conn` (the caller's transaction), [`ROWS_PER_INSERT`] a
/// statement: bulk loading (the benchmarks' data sets).
pub async fn insert_many_in(conn: &mut SqliteConnection, rows: &[WorkOrderRow<'_>]) -> Result<()> {
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        let mut query = QueryBuilder::<Sqlite>::new(
            "INSERT INTO work_orders (id, ticket_id, customer_id, technician_id, type_id,
                                      status_id, starts_at, ends_at, description, address,
                                      changed_at) ",
        );
        query.push_values(chunk, |mut values, row| {
            values
                .push_bind(row.id)
                .push_bind(row.ticket_id)
                .push_bind(row.customer_id)
                .push_bind(row.slot.technician_id)
                .push_bind(row.type_id)
                .push_bind(row.status_id)
                .push_bind(row.slot.starts_at)
                .push_bind(row.slot.ends_at)
                .push_bind(row.description)
                .push_bind(row.address)
                .push_bind(row.changed_at);
        });
        query.build().execute(&mut *conn).await?;
    }
    Ok(())
}

/// The visits of `slot`'s technician that `slot` clashes with, leaving out `except` (the
/// visit being moved) and visits whose status is final; by start. Takes a connection so it
/// can run inside the transaction that then writes the slot.
pub async fn clashes_in(
    conn: &mut SqliteConnection,
    slot: &Slot,
    except: Option<Uuid>,
) -> Result<Vec<Visit>> {
    let mut sql = select_visits("");
    overlapping(&mut sql, slot.starts_at, slot.ends_at);
    sql.push(" AND w.technician_id = ")
        .push_bind(slot.technician_id)
        .push(" AND s.is_final = 0");
    if let Some(except) = except {
        sql.push(" AND w.id <> ").push_bind(except);
    }
    fetch_visits(conn, sql).await
}

/// Moves or resizes a visit (its slot already [`Slot::check`]ed), done by `user_id` at
/// `now` (Unix ms), in one `BEGIN IMMEDIATE` transaction: checked against the visit and the
/// technician as stored, then the visit's row and a `work_order_rescheduled` entry in its
/// ticket's history (from and to: technician's name, start, end), all or nothing.
pub async fn reschedule(
    store: &Store,
    request: &Reschedule,
    user_id: Uuid,
    now: i64,
) -> Result<RescheduleOutcome> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let Some(current) = visit_in(&mut tx, request.visit_id).await? else {
        return Ok(RescheduleOutcome::NotFound);
    };
    if current.changed_at != request.changed_at {
        return Ok(RescheduleOutcome::Changed(Box::new(current)));
    }
    if current.is_final {
        return Ok(RescheduleOutcome::Closed);
    }
    let to = request.slot;
    if current.slot == to {
        return Ok(RescheduleOutcome::Saved(Box::new(current)));
    }
    let Some((to_name, true)) = technician(&mut tx, to.technician_id).await? else {
        return Ok(RescheduleOutcome::TechnicianRemoved);
    };
    if !request.allow_clash {
        let clashing = clashes_in(&mut tx, &to, Some(current.id)).await?;
        if !clashing.is_empty() {
            return Ok(RescheduleOutcome::Clash(clashing));
        }
    }
    let from_name = technician(&mut tx, current.slot.technician_id)
        .await?
        .map(|(name, _)| name)
        .unwrap_or_default();
    sqlx::query(
        "UPDATE work_orders SET technician_id = ?2, starts_at = ?3, ends_at = ?4,
                                changed_at = ?5
         WHERE id = ?1",
    )
    .bind(current.id)
    .bind(to.technician_id)
    .bind(to.starts_at)
    .bind(to.ends_at)
    .bind(store.stamp())
    .execute(&mut *tx)
    .await?;
    let place = |name: &str, slot: &Slot| json!({"technician": name, "starts_at": slot.starts_at, "ends_at": slot.ends_at});
    let payload = json!({
        "work_order": current.id.to_string(),
        "from": place(&from_name, &current.slot),
        "to": place(&to_name, &to),
    });
    let event = NewEvent {
        ticket_id: current.ticket_id,
        kind: "work_order_rescheduled",
        payload: &payload,
        user_id,
        at: now,
    };
    ticket_events::append(&mut tx, store, &event).await?;
    let saved = visit_in(&mut tx, current.id).await?.ok_or_else(|| {
        undecodable(format!(
            "work order {} vanished while rescheduled",
            current.id
        ))
    })?;
    tx.commit().await?;
    Ok(RescheduleOutcome::Saved(Box::new(saved)))
}

/// The visit `id`, unless it does not exist or was deleted.
pub async fn visit(store: &Store, id: Uuid) -> Result<Option<Visit>> {
    let mut conn = store.pool().acquire().await?;
    visit_in(&mut conn, id).await
}

/// The name of the technician `id` (active or not), unless they were deleted.
pub async fn technician_name(store: &Store, id: Uuid) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT name FROM technicians WHERE id = ?1 AND deleted = 0")
            .bind(id)
            .fetch_optional(store.pool())
            .await?,
    )
}

pub(crate) async fn visit_in(conn: &mut SqliteConnection, id: Uuid) -> Result<Option<Visit>> {
    let mut sql = select_visits("");
    sql.push(" AND w.id = ").push_bind(id);
    Ok(fetch_visits(conn, sql).await?.pop())
}

/// The technician's name and whether they can take visits (active, not deleted); `None`
/// when there is no such technician.
pub(crate) async fn technician(
    conn: &mut SqliteConnection,
    id: Uuid,
) -> Result<Option<(String, bool)>> {
    Ok(
        sqlx::query_as("SELECT name, active = 1 AND deleted = 0 FROM technicians WHERE id = ?1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// The visits of the work orders not deleted, as one JSON array of [`VisitRow`]s, after
/// `prefix`; the conditions follow with ` AND`, then [`fetch_visits`] reads them.
///
/// One row of JSON instead of a row per visit: sqlx hands SQLite's rows over one by one and
/// copies every value, which took most of the time for a month's 3,000 visits (about 45 ms,
/// against 22 to 35 ms this way; docs/PERFORMANCE.md). Keys go as hex, flags as 0 or 1.
pub(crate) fn select_visits(prefix: &str) -> QueryBuilder<'static, Sqlite> {
    QueryBuilder::new(format!(
        "{prefix}SELECT json_group_array(json_array(
                    hex(w.id), hex(w.ticket_id), t.protocol, hex(w.customer_id), c.name,
                    w.address, hex(w.technician_id), w.starts_at, w.ends_at, hex(w.type_id),
                    ty.name, ty.is_site_survey, ty.color, hex(w.status_id), s.name, s.color,
                    s.is_final, w.description, w.changed_at, s.stage))
         FROM work_orders w
         JOIN tickets t ON t.id = w.ticket_id
         JOIN customers c ON c.id = w.customer_id
         JOIN work_order_types ty ON ty.id = w.type_id
         JOIN work_order_statuses s ON s.id = w.status_id
         WHERE w.deleted = 0"
    ))
}

/// Runs a [`select_visits`] query: its visits by start (then id).
pub(crate) async fn fetch_visits(
    conn: &mut SqliteConnection,
    mut sql: QueryBuilder<'static, Sqlite>,
) -> Result<Vec<Visit>> {
    let json: String = sql.build_query_scalar().fetch_one(&mut *conn).await?;
    let rows: Vec<VisitRow> = serde_json::from_str(&json)?;
    let mut visits = rows
        .into_iter()
        .map(VisitRow::into_visit)
        .collect::<Result<Vec<_>>>()?;
    visits.sort_unstable_by_key(|visit| (visit.slot.starts_at, visit.id));
    Ok(visits)
}

/// Visits overlapping `[from, to)`: starting before `to` and ending after `from`, and
/// (what the index walks) starting at most [`MAX_VISIT_MINUTES`] before `from`.
fn overlapping(sql: &mut QueryBuilder<'static, Sqlite>, from: i64, to: i64) {
    sql.push(" AND w.starts_at >= ")
        .push_bind(from.saturating_sub(MAX_VISIT_MINUTES * MINUTE))
        .push(" AND w.starts_at < ")
        .push_bind(to)
        .push(" AND w.ends_at > ")
        .push_bind(from);
}

/// A visit of [`select_visits`]: a JSON array of its columns, in this order.
#[derive(Deserialize)]
struct VisitRow {
    id: Uuid,
    ticket_id: Uuid,
    protocol: String,
    customer_id: Uuid,
    customer_name: String,
    address: String,
    technician_id: Uuid,
    starts_at: i64,
    ends_at: i64,
    type_id: Uuid,
    type_name: String,
    is_site_survey: u8,
    type_color: String,
    status_id: Uuid,
    status_name: String,
    status_color: String,
    is_final: u8,
    description: String,
    changed_at: i64,
    stage: String,
}

impl VisitRow {
    fn into_visit(self) -> Result<Visit> {
        let protocol = self.protocol.parse::<Protocol>().map_err(|error| {
            undecodable(format!(
                "work order {}: ticket protocol {:?}: {error}",
                self.id, self.protocol
            ))
        })?;
        Ok(Visit {
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
            kind: kind(self.is_site_survey != 0),
            type_color: self.type_color,
            status_id: self.status_id,
            status_name: self.status_name,
            status_color: self.status_color,
            is_final: self.is_final != 0,
            stage: stage_of(&self.stage),
            description: self.description,
            changed_at: self.changed_at,
        })
    }
}

/// The stage stored as `code`; a code this build does not know reads as open.
fn stage_of(code: &str) -> WorkOrderStage {
    WorkOrderStage::from_code(code).unwrap_or(WorkOrderStage::Open)
}

fn kind(is_site_survey: bool) -> VisitKind {
    if is_site_survey {
        VisitKind::SiteSurvey
    } else {
        VisitKind::WorkOrder
    }
}

pub(crate) fn undecodable(message: String) -> StoreError {
    StoreError::from(sqlx::Error::Decode(message.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The agenda walks a range of the technicians' index when they are listed, else of
    /// the start's, and takes the rest by primary key: never a scan of the work orders.
    #[tokio::test]
    async fn the_agenda_walks_a_range_of_an_index() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("plans.db"))
            .await
            .expect("open");
        let technician = Uuid::from_u128(7);
        for technician_ids in [vec![], vec![technician], vec![technician; 50]] {
            for kind in [None, Some(VisitKind::SiteSurvey)] {
                let query = AgendaQuery {
                    from: 0,
                    to: 1,
                    technician_ids: technician_ids.clone(),
                    kind,
                };
                let plan =
                    crate::query_plan(&store, agenda_query("EXPLAIN QUERY PLAN ", &query)).await;
                let walk = if technician_ids.is_empty() {
                    "SEARCH w USING INDEX work_orders_time (starts_at>? AND starts_at<?)"
                } else {
                    "SEARCH w USING INDEX work_orders_technician_time \
                     (technician_id=? AND starts_at>? AND starts_at<?)"
                };
                assert_eq!(plan[0], walk, "{query:?}: {plan:?}");
                assert_eq!(plan.len(), 5, "{query:?}: {plan:?}");
                assert!(
                    plan[1..].iter().all(|step| step.ends_with("(id=?)")),
                    "{query:?}: {plan:?}"
                );
            }
        }
    }
}
