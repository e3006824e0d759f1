//! "Equipes": the technicians' (and users') teams, the only module writing `teams`.
use helpdesk_core::catalog::{CatalogEntry, CatalogValues};
use sqlx::SqliteConnection;
use uuid::Uuid;

use super::{Refusal, Written};
use crate::{new_id, Result, Store};

/// Creates a team, as given (trusted data: tests, benchmarks), and returns its id.
pub async fn insert_team(store: &Store, name: &str) -> Result<Uuid> {
    let mut conn = store.pool().acquire().await?;
    insert(&mut conn, store.stamp(), name).await
}

async fn insert(conn: &mut SqliteConnection, stamp: i64, name: &str) -> Result<Uuid> {
    let id = new_id();
    sqlx::query("INSERT INTO teams (id, name, changed_at) VALUES (?1, ?2, ?3)")
        .bind(id)
        .bind(name)
        .bind(stamp)
        .execute(conn)
        .await?;
    Ok(id)
}

/// Creates the team, or renames team `id`.
pub(super) async fn write(
    conn: &mut SqliteConnection,
    stamp: i64,
    id: Option<Uuid>,
    name: &str,
) -> Result<Written> {
    let Some(id) = id else {
        return Ok(Written::Saved(insert(conn, stamp, name).await?));
    };
    let updated =
        sqlx::query("UPDATE teams SET name = ?1, changed_at = ?2 WHERE id = ?3 AND deleted = 0")
            .bind(name)
            .bind(stamp)
            .bind(id)
            .execute(conn)
            .await?;
    Ok(Written::updated(id, updated.rows_affected()))
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
    let rows: Vec<(Uuid, String, bool)> =
        sqlx::query_as("SELECT id, name, active FROM teams WHERE deleted = 0")
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, active)| CatalogEntry {
            id,
            fields: CatalogValues::Teams { name }.fields(),
            active,
        })
        .collect())
}
