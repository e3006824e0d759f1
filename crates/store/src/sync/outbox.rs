//! The rows changed here and not yet acknowledged by the server, oldest change first.
use std::collections::BTreeMap;

use helpdesk_core::sync::{SyncRow, SyncTable, SYNC_TABLES};
use uuid::Uuid;

use super::rows;
use crate::{Result, Store, StoreError};

/// Rows to push: each changed row once, as it is now, and the last change it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingBatch {
    pub rows: Vec<SyncRow>,
    /// Acknowledging the batch forgets the changes up to this one (later ones stay).
    pub through: i64,
    /// The highest stamp among those changes.
    pub high_stamp: i64,
}

/// The next changes to push, at most `limit` of them, or `None` when nothing waits. Read in
/// one transaction, so the rows are as they were together.
pub async fn pending(store: &Store, limit: u32) -> Result<Option<PendingBatch>> {
    let mut tx = store.pool().begin().await?;
    let changes: Vec<(i64, String, Uuid, i64)> = sqlx::query_as(
        "SELECT seq, table_name, row_id, stamp FROM sync_outbox ORDER BY seq LIMIT ?1",
    )
    .bind(limit)
    .fetch_all(&mut *tx)
    .await?;
    let Some(&(through, ..)) = changes.last() else {
        return Ok(None);
    };
    let high_stamp = changes.iter().map(|change| change.3).max().unwrap_or(0);
    let mut by_table: BTreeMap<usize, Vec<Uuid>> = BTreeMap::new();
    for (_, table_name, row_id, _) in &changes {
        let position = SYNC_TABLES
            .iter()
            .position(|table| table.name == table_name)
            .ok_or_else(|| StoreError::Corrupt(format!("sync_outbox names {table_name}")))?;
        let ids = by_table.entry(position).or_default();
        if !ids.contains(row_id) {
            ids.push(*row_id);
        }
    }
    let origin = rows::local_origin(&mut tx).await?;
    let mut batch = Vec::with_capacity(changes.len());
    for (position, ids) in by_table {
        let table: &'static SyncTable = &SYNC_TABLES[position];
        batch.extend(rows::read(&mut tx, table, &ids, origin).await?);
    }
    tx.commit().await?;
    Ok(Some(PendingBatch {
        rows: batch,
        through,
        high_stamp,
    }))
}

/// The server took `batch`: its changes leave the outbox, and the clock will restart after
/// its stamps.
pub async fn acknowledge(store: &Store, batch: &PendingBatch) -> Result<()> {
    let mut tx = store.pool().begin().await?;
    sqlx::query("DELETE FROM sync_outbox WHERE seq <= ?1")
        .bind(batch.through)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE sync_state SET clock_high = max(clock_high, ?1)")
        .bind(batch.high_stamp)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// How many changes wait to be pushed.
pub async fn waiting(store: &Store) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM sync_outbox")
        .fetch_one(store.pool())
        .await?)
}

/// The tables with changes waiting to be pushed, by name.
pub async fn waiting_tables(store: &Store) -> Result<Vec<String>> {
    Ok(
        sqlx::query_scalar("SELECT DISTINCT table_name FROM sync_outbox ORDER BY table_name")
            .fetch_all(store.pool())
            .await?,
    )
}
