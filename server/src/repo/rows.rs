//! `sync_rows`: every synced row, merged field by field, in the order pulls read them.
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use helpdesk_core::sync::{FieldVersion, MergeOutcome, PullCursor, SyncRow};
use sqlx::types::Json;
use sqlx::{PgConnection, PgExecutor, PgPool, Row};
use uuid::Uuid;

type Fields = BTreeMap<String, FieldVersion>;

/// What merging a pushed batch did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// Pushed rows where at least one field took the pushed value.
    pub changed: u32,
    /// Pushed rows the server already held as new or newer.
    pub unchanged: u32,
    /// Every row of the batch as stored now, once each, by table and id.
    pub rows: Vec<SyncRow>,
}

/// Merges `incoming` into the stored rows and writes back those that changed (which then
/// take this transaction's id and new sequence numbers). Call inside a transaction.
///
/// Every row of the batch is locked first, in (table, id) order, whatever the order of
/// the batch: concurrent pushes touching the same rows wait for each other instead of
/// deadlocking. Rows not stored yet are first inserted empty, so they are locked alike.
/// Each pushed row then goes through `admit`, with the row as stored (locked, so it cannot
/// change meanwhile; without fields if new): what it answers is merged, and its first error
/// ends the merge (the caller rolls the transaction back).
pub async fn merge_batch<E: From<sqlx::Error>>(
    conn: &mut PgConnection,
    incoming: &[SyncRow],
    admit: impl for<'a> Fn(&'a SyncRow, &SyncRow) -> Result<Cow<'a, SyncRow>, E>,
) -> Result<Merged, E> {
    let mut keys: Vec<(&str, Uuid)> = incoming
        .iter()
        .filter(|row| !row.fields.is_empty())
        .map(|row| (row.table.as_str(), row.id))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let tables: Vec<&str> = keys.iter().map(|(table, _)| *table).collect();
    let ids: Vec<Uuid> = keys.iter().map(|(_, id)| *id).collect();

    if !keys.is_empty() {
        sqlx::query(
            "INSERT INTO sync_rows (table_name, row_id, fields)
             SELECT t, id, '{}'::jsonb FROM unnest($1::text[], $2::uuid[]) AS k(t, id)
             ORDER BY t COLLATE \"C\", id
             ON CONFLICT (table_name, row_id) DO NOTHING",
        )
        .bind(&tables)
        .bind(&ids)
        .execute(&mut *conn)
        .await?;
    }
    let locked = sqlx::query(
        "SELECT s.table_name, s.row_id, s.fields FROM sync_rows AS s
         JOIN unnest($1::text[], $2::uuid[]) AS k(t, id) ON s.table_name = k.t AND s.row_id = k.id
         ORDER BY s.table_name, s.row_id
         FOR UPDATE OF s",
    )
    .bind(&tables)
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;

    // Each row as locked, and as the batch leaves it.
    let mut stored: HashMap<(String, Uuid), (SyncRow, SyncRow)> = HashMap::new();
    for row in locked {
        let Json(fields): Json<Fields> = row.try_get("fields")?;
        let before = SyncRow {
            table: row.try_get("table_name")?,
            id: row.try_get("row_id")?,
            fields,
        };
        stored.insert((before.table.clone(), before.id), (before.clone(), before));
    }

    let (mut changed, mut unchanged) = (0u32, 0u32);
    for row in incoming {
        let outcome = match stored.get_mut(&(row.table.clone(), row.id)) {
            Some((before, current)) => current.merge(&*admit(row, before)?),
            // Only a row without fields has no stored row: it brings nothing.
            None => MergeOutcome::Unchanged,
        };
        match outcome {
            MergeOutcome::Changed => changed += 1,
            MergeOutcome::Unchanged => unchanged += 1,
        }
    }

    let mut rows: Vec<SyncRow> = Vec::with_capacity(stored.len());
    let (mut write_tables, mut write_ids, mut write_fields) = (Vec::new(), Vec::new(), Vec::new());
    for (before, row) in stored.into_values() {
        if row.fields != before.fields {
            write_tables.push(row.table.clone());
            write_ids.push(row.id);
            write_fields.push(Json(row.fields.clone()));
        }
        rows.push(row);
    }
    if !write_ids.is_empty() {
        sqlx::query(
            "UPDATE sync_rows AS s
             SET fields = u.fields, txid = pg_current_xact_id(), seq = nextval('sync_rows_seq')
             FROM unnest($1::text[], $2::uuid[], $3::jsonb[]) AS u(t, id, fields)
             WHERE s.table_name = u.t AND s.row_id = u.id",
        )
        .bind(&write_tables)
        .bind(&write_ids)
        .bind(&write_fields)
        .execute(&mut *conn)
        .await?;
    }
    rows.sort_unstable_by(|left, right| (&left.table, left.id).cmp(&(&right.table, right.id)));
    Ok(Merged {
        changed,
        unchanged,
        rows,
    })
}

/// A page of rows written after `after`, in write order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub rows: Vec<SyncRow>,
    /// The position of the last row, or `after` when there is none (the start of the
    /// epoch if `after` was of another).
    pub cursor: PullCursor,
    /// Another row waits after `cursor`, readable now or held back by a transaction still
    /// running.
    pub more: bool,
}

/// At most `limit` rows written after `after`, ordered by (transaction, sequence), and
/// only those of transactions older than every transaction still running: one that
/// commits later can never have a position before a cursor already handed out. A cursor
/// of another epoch than the database's (taken before it was restored from a dump, say),
/// or one past every transaction of this cluster (taken in a history it does not have: a
/// physical backup restored in place, a replica promoted without the last writes), is read
/// as the start.
pub async fn pull(pool: &PgPool, after: PullCursor, limit: usize) -> Result<Page, sqlx::Error> {
    let (epoch, horizon) = super::lineage::epoch_and_horizon(pool).await?;
    let after = if after.epoch == epoch && after.transaction < horizon {
        after
    } else {
        PullCursor::start(epoch)
    };
    let fetch = i64::try_from(limit.saturating_add(1)).unwrap_or(i64::MAX);
    let found = sqlx::query(
        // Qualified names: `ORDER BY txid` would sort by an output column of that name
        // instead of walking the (txid, seq) index.
        "SELECT s.table_name, s.row_id, s.fields, s.txid::text::bigint AS transaction, s.seq
         FROM sync_rows AS s
         WHERE (s.txid, s.seq) > ($1::text::xid8, $2)
           AND s.txid < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY s.txid, s.seq
         LIMIT $3",
    )
    .bind(after.transaction.to_string())
    .bind(after.sequence)
    .bind(fetch)
    .fetch_all(pool)
    .await?;
    let more = found.len() > limit || held_back(pool, after).await?;
    let mut rows = Vec::with_capacity(found.len().min(limit));
    let mut cursor = after;
    for row in found.iter().take(limit) {
        let Json(fields): Json<Fields> = row.try_get("fields")?;
        rows.push(SyncRow {
            table: row.try_get("table_name")?,
            id: row.try_get("row_id")?,
            fields,
        });
        cursor = PullCursor {
            epoch,
            transaction: row.try_get("transaction")?,
            sequence: row.try_get("seq")?,
        };
    }
    Ok(Page { rows, cursor, more })
}

/// Whether rows after `after` are committed but not readable yet: written by a transaction
/// newer than one still running somewhere in the cluster, so a pull cannot pass them
/// without risking to skip that older one's rows once it commits.
async fn held_back(pool: &PgPool, after: PullCursor) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (
             SELECT 1 FROM sync_rows AS s
             WHERE (s.txid, s.seq) > ($1::text::xid8, $2)
               AND s.txid >= pg_snapshot_xmin(pg_current_snapshot()))",
    )
    .bind(after.transaction.to_string())
    .bind(after.sequence)
    .fetch_one(pool)
    .await
}

/// The ids of the roles that administer (`is_administrator` = 1).
pub async fn administrator_roles(
    executor: impl PgExecutor<'_>,
) -> Result<HashSet<Uuid>, sqlx::Error> {
    let ids: Vec<Uuid> = sqlx::query_scalar(
        "SELECT row_id FROM sync_rows
         WHERE table_name = 'roles' AND fields #>> '{is_administrator,value,v}' = '1'",
    )
    .fetch_all(executor)
    .await?;
    Ok(ids.into_iter().collect())
}
