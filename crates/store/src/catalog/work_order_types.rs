//! "Tipos de OS": the work-order types, the only module writing `work_order_types`.
use helpdesk_core::catalog::{CatalogEntry, CatalogValues};
use sqlx::SqliteConnection;
use uuid::Uuid;

use super::Written;
use crate::{new_id, Result, Store};

/// A work-order type ("Tipo de OS").
#[derive(Debug, Clone)]
pub struct NewWorkOrderType {
    pub name: String,
    pub is_site_survey: bool,
    pub default_minutes: i64,
    pub color: String,
}

/// Creates a work-order type, as given (trusted data: tests, benchmarks), and returns its
/// id.
pub async fn insert_work_order_type(store: &Store, kind: &NewWorkOrderType) -> Result<Uuid> {
    let mut conn = store.pool().acquire().await?;
    insert(&mut conn, store.stamp(), kind).await
}

async fn insert(conn: &mut SqliteConnection, stamp: i64, kind: &NewWorkOrderType) -> Result<Uuid> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO work_order_types (id, name, is_site_survey, default_minutes, color,
                                       changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .bind(id)
    .bind(&kind.name)
    .bind(kind.is_site_survey)
    .bind(kind.default_minutes)
    .bind(&kind.color)
    .bind(stamp)
    .execute(conn)
    .await?;
    Ok(id)
}

/// Creates the type, or replaces type `id`'s values.
pub(super) async fn write(
    conn: &mut SqliteConnection,
    stamp: i64,
    id: Option<Uuid>,
    kind: &NewWorkOrderType,
) -> Result<Written> {
    let Some(id) = id else {
        return Ok(Written::Saved(insert(conn, stamp, kind).await?));
    };
    let updated = sqlx::query(
        "UPDATE work_order_types SET name = ?1, is_site_survey = ?2, default_minutes = ?3,
                                     color = ?4, changed_at = ?5
         WHERE id = ?6 AND deleted = 0",
    )
    .bind(&kind.name)
    .bind(kind.is_site_survey)
    .bind(kind.default_minutes)
    .bind(&kind.color)
    .bind(stamp)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(Written::updated(id, updated.rows_affected()))
}

/// Every work-order type not deleted.
pub(super) async fn list(conn: &mut SqliteConnection) -> Result<Vec<CatalogEntry>> {
    let rows: Vec<(Uuid, String, bool, i64, String, bool)> = sqlx::query_as(
        "SELECT id, name, is_site_survey, default_minutes, color, active
         FROM work_order_types WHERE deleted = 0",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, site_survey, minutes, color, active)| {
            super::entry(
                id,
                CatalogValues::WorkOrderTypes {
                    name,
                    minutes: super::whole(minutes),
                    site_survey,
                    color,
                },
                active,
            )
        })
        .collect())
}
