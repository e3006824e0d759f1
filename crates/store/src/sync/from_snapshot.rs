//! A first sync from the server's snapshot (`helpdesk_core::sync::SnapshotChunk`): each
//! chunk written in one transaction with the number of the next, so a cut first sync goes
//! on where it stopped; at the end the pull cursor takes the snapshot's. Rows this desktop
//! does not hold yet (all of them, on a new desktop) are inserted as they come, many to a
//! statement; a chunk that meets a row here (an id, a unique value) or that a table refuses
//! is merged row by row as pulled rows are ([`super::apply`]), with rows set aside. Tables
//! that hold nothing when the load begins load without their secondary indexes, built once
//! at the end ([`super::deferred_indexes`]).
use helpdesk_core::clock;
use helpdesk_core::hex;
use helpdesk_core::sync::{
    ColumnKind, CompactRow, CompactValue, SnapshotChunk, SnapshotManifest, SyncRow, SyncTable,
};
use sqlx::{Connection, SqliteConnection};
use uuid::Uuid;

use super::apply::{self, ApplyReport, SearchRefresh};
use super::{deferred_indexes, rows};
use crate::{customers, Result, Store, StoreError};

/// Bound values per insert statement, at most (SQLite allows 32,766).
const MAX_BINDS: usize = 30_000;

/// The page cache of the connection that inserts a chunk, in KiB (SQLite's default, which
/// the connection gets back after, is 2,000): the unique indexes kept through the load take
/// keys in random order, and a page read again from the cache is not read from the file.
const LOAD_CACHE_KIB: u32 = 65_536;

/// The snapshot being applied and the next chunk to apply, if one is under way.
pub async fn snapshot_progress(store: &Store) -> Result<Option<(SnapshotManifest, u32)>> {
    let (manifest, next): (Option<String>, i64) =
        sqlx::query_as("SELECT snapshot, snapshot_next FROM sync_state")
            .fetch_one(store.pool())
            .await?;
    let Some(manifest) = manifest else {
        return Ok(None);
    };
    let manifest = serde_json::from_str(&manifest)
        .map_err(|error| StoreError::Corrupt(format!("sync_state.snapshot: {error}")))?;
    Ok(Some((manifest, u32::try_from(next).unwrap_or(0))))
}

/// Starts applying `manifest` from its first chunk, setting aside the secondary indexes of
/// the tables that hold nothing (or forgets the snapshot under way with `None`: gone from
/// the server, or unreadable here; the indexes are built and the pull goes page by page).
pub async fn begin_snapshot(store: &Store, manifest: Option<&SnapshotManifest>) -> Result<()> {
    let json = manifest.map(serde_json::to_string).transpose()?;
    let mut tx = store.pool().begin().await?;
    sqlx::query("UPDATE sync_state SET snapshot = ?1, snapshot_next = 0")
        .bind(json)
        .execute(&mut *tx)
        .await?;
    if manifest.is_some() {
        deferred_indexes::defer(&mut tx).await?;
    }
    tx.commit().await?;
    if manifest.is_none() {
        deferred_indexes::restore(store.pool()).await?;
    }
    Ok(())
}

/// Every chunk applied: the indexes set aside are built, and the pull goes on from the
/// snapshot's cursor.
pub async fn finish_snapshot(store: &Store, manifest: &SnapshotManifest) -> Result<()> {
    deferred_indexes::restore(store.pool()).await?;
    sqlx::query(
        "UPDATE sync_state SET pull_epoch = ?1, pull_transaction = ?2, pull_sequence = ?3,
             snapshot = NULL, snapshot_next = 0",
    )
    .bind(manifest.cursor.epoch)
    .bind(manifest.cursor.transaction)
    .bind(manifest.cursor.sequence)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// Applies chunk `number` of the snapshot under way. An error of `Corrupt` means the chunk
/// cannot be read as this version's rows (then the snapshot is better left).
pub async fn apply_chunk(store: &Store, number: u32, chunk: &SnapshotChunk) -> Result<ApplyReport> {
    let table = SyncTable::named(&chunk.table).filter(|_| chunk.loose.is_empty());
    if let Some(table) = table {
        let mut conn = store.pool().acquire().await?;
        sqlx::query(&format!(
            "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -{LOAD_CACHE_KIB}"
        ))
        .execute(&mut *conn)
        .await?;
        let inserted = insert_new(&mut conn, table, number, chunk, store).await;
        sqlx::query("PRAGMA foreign_keys = ON; PRAGMA cache_size = -2000")
            .execute(&mut *conn)
            .await?;
        if let Some(high) = inserted? {
            store.observe(high);
            return Ok(ApplyReport {
                changed: chunk.rows.len(),
                ..ApplyReport::default()
            });
        }
    }
    // Merged as pulled rows are, then the chunk counted: a kill between the two applies
    // the chunk again, which changes nothing.
    let rows = chunk_rows(chunk)?;
    let cursor = super::load_state(store).await?.cursor();
    let report = apply::apply(store, &rows, cursor, SearchRefresh::Deferred).await?;
    sqlx::query("UPDATE sync_state SET snapshot_next = ?1")
        .bind(i64::from(number) + 1)
        .execute(store.pool())
        .await?;
    Ok(report)
}

/// Inserts the chunk's rows in one transaction with the next chunk's number; answers the
/// greatest stamp to observe, or `None` (nothing written) when a row is here already or
/// the table refuses one.
async fn insert_new(
    conn: &mut SqliteConnection,
    table: &'static SyncTable,
    number: u32,
    chunk: &SnapshotChunk,
    store: &Store,
) -> Result<Option<i64>> {
    let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::query("UPDATE sync_control SET applying = 1")
        .execute(&mut *tx)
        .await?;
    let local = rows::local_origin(&mut tx).await?;
    let per_statement = (MAX_BINDS / rows::bound_per_row(table)).max(1);
    for part in chunk.rows.chunks(per_statement) {
        match insert(&mut tx, table, part, local).await {
            Ok(()) => {}
            Err(StoreError::Database(sqlx::Error::Database(_))) => return Ok(None),
            Err(error) => return Err(error),
        }
    }
    let now = store.server_now();
    let high = chunk
        .rows
        .iter()
        .map(|row| row.1)
        .filter(|stamp| !clock::is_ahead(*stamp, now))
        .max()
        .unwrap_or(0);
    sqlx::query(
        "UPDATE sync_state SET snapshot_next = ?1, clock_high = max(clock_high, ?2),
             search_stale = search_stale OR ?3",
    )
    .bind(i64::from(number) + 1)
    .bind(high)
    .bind(
        customers::SEARCH_SOURCES
            .iter()
            .any(|(name, _, _)| *name == table.name),
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE sync_control SET applying = 0")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Some(high))
}

/// One statement inserting `part`, with the versions as [`rows::write`] keeps them.
async fn insert(
    conn: &mut SqliteConnection,
    table: &'static SyncTable,
    part: &[CompactRow],
    local: Uuid,
) -> Result<()> {
    let sql = rows::insert_sql(table, part.len());
    let mut query = sqlx::query(&sql);
    for CompactRow(id, stamp, origin, others, values) in part {
        if values.len() != table.columns.len() {
            return Err(StoreError::Corrupt(format!("{} {id}: values", table.name)));
        }
        query = query.bind(*id);
        for (column, value) in table.columns.iter().zip(values) {
            query = match (value, column.kind) {
                (CompactValue::Null, _) => query.bind(None::<i64>),
                (CompactValue::Integer(number), ColumnKind::Integer) => query.bind(*number),
                (CompactValue::Text(text), ColumnKind::Text) => query.bind(text.as_str()),
                (CompactValue::Text(text), ColumnKind::Blob) => {
                    query.bind(hex::decode(text).ok_or_else(|| {
                        StoreError::Corrupt(format!("{} {id}: {} not hex", table.name, column.name))
                    })?)
                }
                _ => {
                    return Err(StoreError::Corrupt(format!(
                        "{} {id}: {} of another kind",
                        table.name, column.name
                    )))
                }
            };
        }
        let others = others.as_ref().map(serde_json::to_string).transpose()?;
        query = query
            .bind(*stamp)
            .bind(others)
            .bind((*origin != local).then_some(*origin));
    }
    query.execute(conn).await?;
    Ok(())
}

/// The rows of `chunk` as they travel (for their attachments' files, say).
pub fn chunk_rows(chunk: &SnapshotChunk) -> Result<Vec<SyncRow>> {
    let mut rows = chunk.loose.clone();
    if let Some(table) = SyncTable::named(&chunk.table) {
        for compact in &chunk.rows {
            rows.push(compact.expand(table).map_err(StoreError::Corrupt)?);
        }
    }
    Ok(rows)
}
