//! "Pontos de Roteamento": the network nodes serving plans, the only module writing
//! `routing_points`.
use helpdesk_core::catalog::{CatalogEntry, CatalogValues};
use sqlx::SqliteConnection;
use uuid::Uuid;

use super::Written;
use crate::{new_id, Result, Store};

/// A network node serving plans ("Ponto de Roteamento").
#[derive(Debug, Clone)]
pub struct NewRoutingPoint {
    pub name: String,
    pub kind: String,
    pub address: String,
    pub ip: String,
    pub status: String,
}

/// Creates routing points in one transaction, as given (trusted data: tests, benchmarks);
/// returns their ids in order.
pub async fn insert_routing_points(store: &Store, points: &[NewRoutingPoint]) -> Result<Vec<Uuid>> {
    super::insert_each(store, points, insert).await
}

async fn insert(conn: &mut SqliteConnection, stamp: i64, point: &NewRoutingPoint) -> Result<Uuid> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO routing_points (id, name, kind, address, ip, status, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .bind(id)
    .bind(&point.name)
    .bind(&point.kind)
    .bind(&point.address)
    .bind(&point.ip)
    .bind(&point.status)
    .bind(stamp)
    .execute(conn)
    .await?;
    Ok(id)
}

/// Creates the routing point, or replaces point `id`'s values.
pub(super) async fn write(
    conn: &mut SqliteConnection,
    stamp: i64,
    id: Option<Uuid>,
    point: &NewRoutingPoint,
) -> Result<Written> {
    let Some(id) = id else {
        return Ok(Written::Saved(insert(conn, stamp, point).await?));
    };
    let updated = sqlx::query(
        "UPDATE routing_points SET name = ?1, kind = ?2, address = ?3, ip = ?4, status = ?5,
                                   changed_at = ?6
         WHERE id = ?7 AND deleted = 0",
    )
    .bind(&point.name)
    .bind(&point.kind)
    .bind(&point.address)
    .bind(&point.ip)
    .bind(&point.status)
    .bind(stamp)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(Written::updated(id, updated.rows_affected()))
}

/// Every routing point not deleted.
pub(super) async fn list(conn: &mut SqliteConnection) -> Result<Vec<CatalogEntry>> {
    let rows: Vec<(Uuid, String, String, String, String, String, bool)> = sqlx::query_as(
        "SELECT id, name, kind, address, ip, status, active FROM routing_points
         WHERE deleted = 0",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, kind, address, ip, status, active)| {
            super::entry(
                id,
                CatalogValues::RoutingPoints {
                    name,
                    kind,
                    address,
                    ip,
                    status,
                },
                active,
            )
        })
        .collect())
}
