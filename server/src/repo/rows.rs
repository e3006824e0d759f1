//! `sync_rows`: every synced row, merged field by field, in the order pulls read them.
use std::collections::{BTreeMap, HashMap, HashSet};

use helpdesk_core::sync::{FieldVersion, MergeOutcome, PullCursor, SyncRow};
use sqlx::types::Json;
use sqlx::{PgConnection, PgExecutor, PgPool, Row};
use uuid::Uuid;

type Fields = BTreeMap<String, FieldVersion>;

/// The rows a batch touches, locked for its transaction: each as stored, and as the batch
/// leaves it so far (`None` while the batch has not changed it).
#[derive(Debug, Default)]
pub struct Locked {
    rows: HashMap<(String, Uuid), (SyncRow, Option<SyncRow>)>,
}

impl Locked {
    /// `row`'s table and id as stored before the batch (without fields if new).
    pub fn stored(&self, row: &SyncRow) -> Option<&SyncRow> {
        self.rows
            .get(&(row.table.clone(), row.id))
            .map(|(before, _)| before)
    }

    /// `row`'s table and id as the batch leaves it so far.
    pub fn current(&self, row: &SyncRow) -> Option<&SyncRow> {
        self.rows
            .get(&(row.table.clone(), row.id))
            .map(|(before, current)| current.as_ref().unwrap_or(before))
    }

    /// Takes `row` as the row's new state (a row that was locked).
    pub fn set(&mut self, row: SyncRow) {
        if let Some((_, current)) = self.rows.get_mut(&(row.table.clone(), row.id)) {
            *current = Some(row);
        }
    }

    /// Undoes what the batch did to a row: it stays as stored.
    pub fn revert(&mut self, table: &str, id: Uuid) {
        if let Some((_, current)) = self.rows.get_mut(&(table.to_owned(), id)) {
            *current = None;
        }
    }

    /// Every locked row as the batch leaves it, by table and id.
    pub fn rows(&self) -> Vec<&SyncRow> {
        let mut rows: Vec<&SyncRow> = self
            .rows
            .values()
            .map(|(before, current)| current.as_ref().unwrap_or(before))
            .collect();
        rows.sort_unstable_by(|left, right| (&left.table, left.id).cmp(&(&right.table, right.id)));
        rows
    }
}

/// Locks every row of `incoming` and those named in `also` (call inside a transaction), in
/// (table, id) order,
/// whatever the order of the batch: concurrent pushes touching the same rows wait for each
/// other instead of deadlocking. Rows not stored yet are first inserted empty, so they are
/// locked alike; [`write`] removes those the batch left empty.
pub async fn lock(
    conn: &mut PgConnection,
    incoming: &[SyncRow],
    also: &[(&str, Uuid)],
) -> Result<Locked, sqlx::Error> {
    let mut keys: Vec<(&str, Uuid)> = incoming
        .iter()
        .filter(|row| !row.fields.is_empty())
        .map(|row| (row.table.as_str(), row.id))
        .chain(also.iter().copied())
        .collect();
    keys.sort_unstable();
    keys.dedup();
    if keys.is_empty() {
        return Ok(Locked::default());
    }
    let tables: Vec<&str> = keys.iter().map(|(table, _)| *table).collect();
    let ids: Vec<Uuid> = keys.iter().map(|(_, id)| *id).collect();
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
    let mut rows = HashMap::new();
    for row in locked {
        let Json(fields): Json<Fields> = row.try_get("fields")?;
        let before = SyncRow {
            table: row.try_get("table_name")?,
            id: row.try_get("row_id")?,
            fields,
        };
        rows.insert((before.table.clone(), before.id), (before, None));
    }
    Ok(Locked { rows })
}

/// Writes back the rows the batch changed (which then take this transaction's id and new
/// sequence numbers), and removes those inserted empty by [`lock`]
/// that stayed empty (a refused new row leaves nothing behind).
///
/// A changed row sends only the fields that differ from the row as locked, laid over the
/// stored ones (`fields || changes`: the row is locked, so it is still as read); a row that
/// lost a field (a merge group taken whole from a row without it) is sent whole. Either
/// way the stored row ends exactly as the batch left it, and PostgreSQL parses a few
/// fields per row instead of every one.
pub async fn write(conn: &mut PgConnection, locked: Locked) -> Result<(), sqlx::Error> {
    let mut writes: Vec<(String, Uuid, bool, Fields)> = Vec::new();
    let (mut empty_tables, mut empty_ids) = (Vec::new(), Vec::new());
    for (before, current) in locked.rows.into_values() {
        let Some(row) = current else {
            // As stored: nothing to write, unless inserted empty by [`lock`].
            if before.fields.is_empty() {
                empty_tables.push(before.table);
                empty_ids.push(before.id);
            }
            continue;
        };
        if row.fields.is_empty() {
            empty_tables.push(row.table);
            empty_ids.push(row.id);
            continue;
        }
        let whole = before
            .fields
            .keys()
            .any(|name| !row.fields.contains_key(name));
        let fields: Fields = if whole {
            row.fields
        } else {
            row.fields
                .into_iter()
                .filter(|(name, field)| before.fields.get(name) != Some(field))
                .collect()
        };
        if whole || !fields.is_empty() {
            writes.push((row.table, row.id, whole, fields));
        }
    }
    if !writes.is_empty() {
        let mut tables = Vec::with_capacity(writes.len());
        let mut ids = Vec::with_capacity(writes.len());
        let mut wholes = Vec::with_capacity(writes.len());
        let mut fields = Vec::with_capacity(writes.len());
        for (table, id, whole, changes) in writes {
            tables.push(table);
            ids.push(id);
            wholes.push(whole);
            fields.push(Json(changes));
        }
        sqlx::query(
            "UPDATE sync_rows AS s
             SET fields = CASE WHEN u.whole THEN u.fields ELSE s.fields || u.fields END,
                 txid = pg_current_xact_id(), seq = nextval('sync_rows_seq')
             FROM unnest($1::text[], $2::uuid[], $3::boolean[], $4::jsonb[])
                  AS u(t, id, whole, fields)
             WHERE s.table_name = u.t AND s.row_id = u.id",
        )
        .bind(&tables)
        .bind(&ids)
        .bind(&wholes)
        .bind(&fields)
        .execute(&mut *conn)
        .await?;
    }
    if !empty_ids.is_empty() {
        sqlx::query(
            "DELETE FROM sync_rows AS s
             USING unnest($1::text[], $2::uuid[]) AS u(t, id)
             WHERE s.table_name = u.t AND s.row_id = u.id AND s.fields = '{}'::jsonb",
        )
        .bind(&empty_tables)
        .bind(&empty_ids)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Merges `incoming` (rows the server itself made) whole into the stored rows
/// ([`lock`], merge, [`write`]). Call inside a transaction.
pub async fn merge_all(conn: &mut PgConnection, incoming: &[SyncRow]) -> Result<(), sqlx::Error> {
    let mut locked = lock(conn, incoming, &[]).await?;
    for row in incoming {
        if let Some(current) = locked.current(row) {
            let mut merged = current.clone();
            if merged.merge(row) == MergeOutcome::Changed {
                locked.set(merged);
            }
        }
    }
    write(conn, locked).await
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

/// The users whose role is one of `roles`.
pub async fn users_of_roles(
    executor: impl PgExecutor<'_>,
    roles: &[Uuid],
) -> Result<Vec<Uuid>, sqlx::Error> {
    if roles.is_empty() {
        return Ok(Vec::new());
    }
    let hex: Vec<String> = roles
        .iter()
        .map(|role| helpdesk_core::hex::encode(role.as_bytes()))
        .collect();
    sqlx::query_scalar(
        "SELECT row_id FROM sync_rows
         WHERE table_name = 'users' AND fields #>> '{role_id,value,v}' = ANY($1)",
    )
    .bind(&hex)
    .fetch_all(executor)
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
