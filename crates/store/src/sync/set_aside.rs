//! Rows set aside ("Pendências", `sync_set_aside`, written only here): a pulled row this
//! desktop cannot apply, or a local change the server refused for good. The table is local:
//! it has no sync triggers. And the attachment files the server could not send
//! (`sync_missing_blobs`), asked for again at every exchange.
use helpdesk_core::sync::{table_label, SetAsideDirection, SetAsideEntry, SetAsideKey, SyncRow};
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::{now_millis, Result, Store, StoreError};

/// Keeps `row` aside, replacing an earlier entry of the same row and direction (whose time
/// stays when the row is the same: a retry that failed again).
pub(super) async fn put_in(
    conn: &mut SqliteConnection,
    direction: SetAsideDirection,
    row: &SyncRow,
    reason: &str,
    error: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO sync_set_aside
             (direction, table_name, row_id, row_json, reason, error, set_aside_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (direction, table_name, row_id) DO UPDATE SET
             row_json = excluded.row_json, reason = excluded.reason, error = excluded.error,
             set_aside_at = CASE WHEN row_json = excluded.row_json THEN set_aside_at
                                 ELSE excluded.set_aside_at END",
    )
    .bind(direction.code())
    .bind(&row.table)
    .bind(row.id)
    .bind(serde_json::to_string(row)?)
    .bind(reason)
    .bind(error)
    .bind(now_millis())
    .execute(conn)
    .await?;
    Ok(())
}

/// Drops the entry of `table`/`id` in `direction`, if any.
pub(super) async fn drop_in(
    conn: &mut SqliteConnection,
    direction: SetAsideDirection,
    table: &str,
    id: Uuid,
) -> Result<()> {
    sqlx::query(
        "DELETE FROM sync_set_aside WHERE direction = ?1 AND table_name = ?2 AND row_id = ?3",
    )
    .bind(direction.code())
    .bind(table)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// The rows set aside in `direction`, as kept (oldest first), or only `only`'s.
pub(super) async fn rows_in(
    conn: &mut SqliteConnection,
    direction: SetAsideDirection,
    only: Option<&SetAsideKey>,
) -> Result<Vec<SyncRow>> {
    let kept: Vec<(String, Uuid, String)> = sqlx::query_as(
        "SELECT table_name, row_id, row_json FROM sync_set_aside
         WHERE direction = ?1 AND (?2 IS NULL OR (table_name = ?2 AND row_id = ?3))
         ORDER BY set_aside_at, table_name, row_id",
    )
    .bind(direction.code())
    .bind(only.map(|key| key.table.as_str()))
    .bind(only.map(|key| key.id))
    .fetch_all(conn)
    .await?;
    kept.into_iter()
        .map(|(table, id, json)| {
            serde_json::from_str(&json)
                .map_err(|error| StoreError::Corrupt(format!("set aside {table} {id}: {error}")))
        })
        .collect()
}

/// The tables and ids set aside in `direction`.
pub(super) async fn keys_in(
    conn: &mut SqliteConnection,
    direction: SetAsideDirection,
) -> Result<Vec<(String, Uuid)>> {
    Ok(
        sqlx::query_as("SELECT table_name, row_id FROM sync_set_aside WHERE direction = ?1")
            .bind(direction.code())
            .fetch_all(conn)
            .await?,
    )
}

#[derive(sqlx::FromRow)]
struct Kept {
    direction: String,
    table_name: String,
    row_id: Uuid,
    reason: String,
    error: String,
    set_aside_at: i64,
}

/// Every row set aside, newest first.
pub async fn list(store: &Store) -> Result<Vec<SetAsideEntry>> {
    let kept: Vec<Kept> = sqlx::query_as(
        "SELECT direction, table_name, row_id, reason, error, set_aside_at FROM sync_set_aside
         ORDER BY set_aside_at DESC, table_name, row_id",
    )
    .fetch_all(store.pool())
    .await?;
    kept.into_iter()
        .map(|kept| {
            let direction = SetAsideDirection::from_code(&kept.direction).ok_or_else(|| {
                StoreError::Corrupt(format!("set aside direction {}", kept.direction))
            })?;
            Ok(SetAsideEntry {
                table_label: table_label(&kept.table_name),
                key: SetAsideKey {
                    direction,
                    table: kept.table_name,
                    id: kept.row_id,
                },
                reason: kept.reason,
                error: kept.error,
                at: kept.set_aside_at,
            })
        })
        .collect()
}

/// How many rows are set aside.
pub async fn count(store: &Store) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM sync_set_aside")
        .fetch_one(store.pool())
        .await?)
}

/// An attachment file a pulled row names could not be fetched: asked for again later.
pub async fn blob_missing(store: &Store, content_hash: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO sync_missing_blobs (content_hash, since) VALUES (?1, ?2)
         ON CONFLICT (content_hash) DO NOTHING",
    )
    .bind(content_hash)
    .bind(now_millis())
    .execute(store.pool())
    .await?;
    Ok(())
}

/// The file arrived (or is here after all).
pub async fn blob_arrived(store: &Store, content_hash: &str) -> Result<()> {
    sqlx::query("DELETE FROM sync_missing_blobs WHERE content_hash = ?1")
        .bind(content_hash)
        .execute(store.pool())
        .await?;
    Ok(())
}

/// The files still missing, oldest first.
pub async fn missing_blobs(store: &Store) -> Result<Vec<String>> {
    Ok(
        sqlx::query_scalar("SELECT content_hash FROM sync_missing_blobs ORDER BY since")
            .fetch_all(store.pool())
            .await?,
    )
}
