//! The rows changed here and not yet acknowledged by the server, oldest change first.
use std::collections::BTreeMap;

use std::collections::HashSet;

use helpdesk_core::sync::{SetAsideDirection, SetAsideKey, SyncRow, SyncTable, SYNC_TABLES};
use uuid::Uuid;

use super::{rows, set_aside};
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
    pending_after(store, 0, limit).await
}

/// [`pending`] after the changes `through` covers: the batch that follows one not yet
/// acknowledged, read while that one is pushed (acknowledging forgets only changes up to
/// its own `through`, so the two never overlap).
pub async fn pending_after(
    store: &Store,
    through: i64,
    limit: u32,
) -> Result<Option<PendingBatch>> {
    let mut tx = store.pool().begin().await?;
    let changes: Vec<(i64, String, Uuid, i64)> = sqlx::query_as(
        "SELECT seq, table_name, row_id, stamp FROM sync_outbox WHERE seq > ?1
         ORDER BY seq LIMIT ?2",
    )
    .bind(through)
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

/// A row of a push the server refused for good, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedPush {
    pub row: SyncRow,
    /// The server's code (`table_forbidden`, say).
    pub code: String,
    /// The server's reason, in pt-BR.
    pub message: String,
}

/// The server took `batch`: its changes leave the outbox, and the clock will restart after
/// its stamps.
pub async fn acknowledge(store: &Store, batch: &PendingBatch) -> Result<()> {
    acknowledge_refusing(store, batch, &[]).await
}

/// The server took `batch` but `refused` (rows of it) for good: every change of the batch
/// leaves the outbox, the refused rows into the set-aside table (sent again only once
/// changed here again, or on an administrator's "Tentar novamente"), and the entries of the
/// rows it took, set aside by an earlier push, are dropped.
pub async fn acknowledge_refusing(
    store: &Store,
    batch: &PendingBatch,
    refused: &[RefusedPush],
) -> Result<()> {
    let mut tx = store.pool().begin().await?;
    sqlx::query("DELETE FROM sync_outbox WHERE seq <= ?1")
        .bind(batch.through)
        .execute(&mut *tx)
        .await?;
    let refused_keys: HashSet<(&str, Uuid)> = refused
        .iter()
        .map(|refusal| (refusal.row.table.as_str(), refusal.row.id))
        .collect();
    let aside = set_aside::keys_in(&mut tx, SetAsideDirection::Push).await?;
    for (table, id) in aside {
        let sent = batch
            .rows
            .iter()
            .any(|row| row.table == table && row.id == id);
        if sent && !refused_keys.contains(&(table.as_str(), id)) {
            set_aside::drop_in(&mut tx, SetAsideDirection::Push, &table, id).await?;
        }
    }
    for refusal in refused {
        let error = format!("{}: {}", refusal.code, refusal.message);
        set_aside::put_in(
            &mut tx,
            SetAsideDirection::Push,
            &refusal.row,
            &refusal.message,
            &error,
        )
        .await?;
    }
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

/// Queues the row of `key` (a change the server refused, set aside) to be sent again as it
/// is now; its entry stays until the server takes it. Answers whether the row exists here.
pub async fn requeue(store: &Store, key: &SetAsideKey) -> Result<bool> {
    let Some(table) = SyncTable::named(&key.table) else {
        return Ok(false);
    };
    let mut tx = store.pool().begin().await?;
    let origin = rows::local_origin(&mut tx).await?;
    let Some(row) = rows::read(&mut tx, table, &[key.id], origin).await?.pop() else {
        return Ok(false);
    };
    sqlx::query("INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES (?1, ?2, ?3)")
        .bind(table.name)
        .bind(key.id)
        .bind(row.latest().map_or(0, |version| version.stamp))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}
