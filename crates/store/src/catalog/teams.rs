//! "Equipes": the technicians' (and users') teams; written through `super::named`.
use helpdesk_core::catalog::{CatalogEntry, CatalogKind, CatalogValues};
use sqlx::SqliteConnection;
use uuid::Uuid;

use super::{named, Refusal, Written};
use crate::{Result, Store};

/// Creates a team, as given (trusted data: tests, benchmarks), and returns its id.
pub async fn insert_team(store: &Store, name: &str) -> Result<Uuid> {
    let mut conn = store.pool().acquire().await?;
    named::insert(&mut conn, CatalogKind::Teams, store.stamp(), name).await
}

/// Creates the team, or renames team `id`.
pub(super) async fn write(
    conn: &mut SqliteConnection,
    stamp: i64,
    id: Option<Uuid>,
    name: &str,
) -> Result<Written> {
    named::write(conn, CatalogKind::Teams, stamp, id, name).await
}

/// A team with active technicians stays active: they are moved or deactivated first.
pub(super) async fn before_deactivating(
    conn: &mut SqliteConnection,
    id: Uuid,
) -> Result<Option<Refusal>> {
    let technicians: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM technicians WHERE team_id = ?1 AND active = 1 AND deleted = 0",
    )
    .bind(id)
    .fetch_one(conn)
    .await?;
    Ok((technicians > 0).then_some(Refusal::TeamInUse(technicians)))
}

/// Every team not deleted.
pub(super) async fn list(conn: &mut SqliteConnection) -> Result<Vec<CatalogEntry>> {
    let rows = named::list(conn, CatalogKind::Teams).await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, active)| super::entry(id, CatalogValues::Teams { name }, active))
        .collect())
}
