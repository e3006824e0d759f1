//! "Status de OS": the work-order statuses in their workflow order, the only module writing
//! `work_order_statuses`.
use helpdesk_core::catalog::{CatalogEntry, CatalogValues};
use helpdesk_core::work_order_life::WorkOrderStage;
use sqlx::SqliteConnection;
use uuid::Uuid;

use super::Written;
use crate::{Result, Store};

/// A work-order status.
#[derive(Debug, Clone)]
pub struct NewWorkOrderStatus {
    pub name: String,
    pub color: String,
    /// What the status means for the visit's life; `is_final` is written from it.
    pub stage: WorkOrderStage,
}

/// Creates work-order statuses after the existing ones, in the order given (trusted data:
/// tests, benchmarks); returns their ids.
pub async fn insert_work_order_statuses(
    store: &Store,
    statuses: &[NewWorkOrderStatus],
) -> Result<Vec<Uuid>> {
    super::insert_each(store, statuses, insert).await
}

/// Inserts the status last in the workflow.
async fn insert(
    conn: &mut SqliteConnection,
    stamp: i64,
    status: &NewWorkOrderStatus,
) -> Result<Uuid> {
    let id = crate::new_id();
    sqlx::query(
        "INSERT INTO work_order_statuses (id, name, color, is_final, stage, position, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5,
                 (SELECT coalesce(max(position) + 1, 0) FROM work_order_statuses), ?6)",
    )
    .bind(id)
    .bind(&status.name)
    .bind(&status.color)
    .bind(status.stage.is_final())
    .bind(status.stage.code())
    .bind(stamp)
    .execute(conn)
    .await?;
    Ok(id)
}

/// Creates the status (last in the workflow), or replaces status `id`'s values (keeping its
/// place).
pub(super) async fn write(
    conn: &mut SqliteConnection,
    stamp: i64,
    id: Option<Uuid>,
    status: &NewWorkOrderStatus,
) -> Result<Written> {
    let Some(id) = id else {
        return Ok(Written::Saved(insert(conn, stamp, status).await?));
    };
    let updated = sqlx::query(
        "UPDATE work_order_statuses SET name = ?1, color = ?2, is_final = ?3, stage = ?6,
                                        changed_at = ?4
         WHERE id = ?5 AND deleted = 0",
    )
    .bind(&status.name)
    .bind(&status.color)
    .bind(status.stage.is_final())
    .bind(stamp)
    .bind(id)
    .bind(status.stage.code())
    .execute(conn)
    .await?;
    Ok(Written::updated(id, updated.rows_affected()))
}

/// Every status not deleted, in workflow order.
pub(super) async fn list(conn: &mut SqliteConnection) -> Result<Vec<CatalogEntry>> {
    let rows: Vec<(Uuid, String, String, String, bool)> = sqlx::query_as(
        "SELECT id, name, color, stage, active FROM work_order_statuses
         WHERE deleted = 0 ORDER BY position, name",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, color, stage, active)| {
            let stage = WorkOrderStage::from_code(&stage).unwrap_or(WorkOrderStage::Open);
            super::entry(
                id,
                CatalogValues::WorkOrderStatuses { name, stage, color },
                active,
            )
        })
        .collect())
}
