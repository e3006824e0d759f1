//! `sync_snapshots` and `sync_snapshot_chunks`: every row as of one moment, prepared ahead
//! for new desktops' first syncs (`helpdesk_core::sync::SnapshotChunk`, gzip-compressed).
use std::collections::{BTreeMap, HashSet};
use std::io::{Read, Write};

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use futures_util::TryStreamExt;
use helpdesk_core::sync::{
    CompactRow, FieldVersion, PullCursor, SnapshotChunk, SnapshotManifest, SyncRow, SyncTable,
    SNAPSHOT_CHUNK_ROWS,
};
use sqlx::{PgConnection, PgPool, Row};
use uuid::Uuid;

/// The advisory lock that makes one instance at a time prepare a snapshot.
const SNAPSHOT_LOCK: i64 = 0x6865_6c70_736e_6170;

/// Snapshots kept finished: the newest, and the one before for desktops still reading it.
const KEPT: i64 = 2;

/// The latest finished snapshot of the current epoch, with the roles that administered
/// then.
pub async fn latest(pool: &PgPool) -> Result<Option<(SnapshotManifest, Vec<Uuid>)>, sqlx::Error> {
    let found = sqlx::query(
        "SELECT s.id, s.epoch, s.cursor_transaction, s.cursor_sequence, s.chunks, s.row_count,
                (extract(epoch FROM s.taken_at) * 1000)::bigint AS taken_at_ms,
                s.administrator_roles
         FROM sync_snapshots AS s JOIN sync_lineage AS l ON l.epoch = s.epoch
         WHERE s.finished_at IS NOT NULL
         ORDER BY s.taken_at DESC LIMIT 1",
    )
    .fetch_optional(pool)
    .await?;
    let Some(row) = found else {
        return Ok(None);
    };
    let manifest = SnapshotManifest {
        id: row.try_get("id")?,
        cursor: PullCursor {
            epoch: row.try_get("epoch")?,
            transaction: row.try_get("cursor_transaction")?,
            sequence: row.try_get("cursor_sequence")?,
        },
        chunks: u32::try_from(row.try_get::<i32, _>("chunks")?).unwrap_or(0),
        rows: u64::try_from(row.try_get::<i64, _>("row_count")?).unwrap_or(0),
        taken_at_ms: row.try_get("taken_at_ms")?,
    };
    Ok(Some((manifest, row.try_get("administrator_roles")?)))
}

/// A chunk of the finished snapshot `id`: its table and its compressed content.
pub async fn chunk(
    pool: &PgPool,
    id: Uuid,
    number: u32,
) -> Result<Option<(String, Vec<u8>)>, sqlx::Error> {
    let number = i32::try_from(number).unwrap_or(i32::MAX);
    sqlx::query_as(
        "SELECT c.table_name, c.content FROM sync_snapshot_chunks AS c
         JOIN sync_snapshots AS s ON s.id = c.snapshot_id
         WHERE c.snapshot_id = $1 AND c.number = $2 AND s.finished_at IS NOT NULL",
    )
    .bind(id)
    .bind(number)
    .fetch_optional(pool)
    .await
}

/// Whether a snapshot should be prepared: none finished in this epoch, or the newest is
/// older than `every`.
pub async fn due(pool: &PgPool, every: std::time::Duration) -> Result<bool, sqlx::Error> {
    let age_seconds: Option<f64> = sqlx::query_scalar(
        "SELECT extract(epoch FROM now() - max(s.taken_at))::float8
         FROM sync_snapshots AS s JOIN sync_lineage AS l ON l.epoch = s.epoch
         WHERE s.finished_at IS NOT NULL",
    )
    .fetch_one(pool)
    .await?;
    Ok(age_seconds.is_none_or(|age| age >= every.as_secs_f64()))
}

/// Prepares a snapshot if no other instance is preparing one (`None` then): every stored
/// row as of one moment, read in one repeatable-read transaction, by table and id. Its
/// cursor is just before the oldest transaction that moment could not see whole: every
/// row written by an older one is in the snapshot, and a desktop pulling from the cursor
/// gets every later write (some are in the snapshot too, and merge as unchanged). Older
/// snapshots beyond the newest two, and unfinished ones left by a stopped instance, go.
pub async fn prepare(pool: &PgPool) -> Result<Option<SnapshotManifest>, sqlx::Error> {
    let mut lock = pool.acquire().await?;
    let locked: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
        .bind(SNAPSHOT_LOCK)
        .fetch_one(&mut *lock)
        .await?;
    if !locked {
        return Ok(None);
    }
    let prepared = prepare_locked(pool).await;
    sqlx::query("SELECT pg_advisory_unlock($1)")
        .bind(SNAPSHOT_LOCK)
        .execute(&mut *lock)
        .await?;
    prepared.map(Some)
}

async fn prepare_locked(pool: &PgPool) -> Result<SnapshotManifest, sqlx::Error> {
    sqlx::query(
        "DELETE FROM sync_snapshots
         WHERE finished_at IS NULL OR id NOT IN (
             SELECT id FROM sync_snapshots WHERE finished_at IS NOT NULL
             ORDER BY taken_at DESC LIMIT $1)",
    )
    .bind(KEPT - 1)
    .execute(pool)
    .await?;
    let mut reader = pool.begin().await?;
    sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute(&mut *reader)
        .await?;
    let (epoch, oldest_unseen): (i64, i64) = sqlx::query_as(
        "SELECT epoch, pg_snapshot_xmin(pg_current_snapshot())::text::bigint FROM sync_lineage",
    )
    .fetch_one(&mut *reader)
    .await?;
    let cursor = PullCursor {
        epoch,
        transaction: oldest_unseen.saturating_sub(1),
        sequence: i64::MAX,
    };
    let administrator_roles: Vec<Uuid> = super::rows::administrator_roles(&mut *reader)
        .await?
        .into_iter()
        .collect();
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO sync_snapshots
             (id, epoch, cursor_transaction, cursor_sequence, administrator_roles)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(cursor.epoch)
    .bind(cursor.transaction)
    .bind(cursor.sequence)
    .bind(&administrator_roles)
    .execute(pool)
    .await?;
    let mut writer = pool.acquire().await?;
    let mut chunks = ChunkWriter {
        id,
        number: 0,
        rows: 0,
        current: SnapshotChunk::default(),
    };
    {
        let mut stored = sqlx::query(
            "SELECT table_name, row_id, fields::text AS fields FROM sync_rows
             ORDER BY table_name, row_id",
        )
        .fetch(&mut *reader);
        while let Some(row) = stored.try_next().await? {
            let table: String = row.try_get("table_name")?;
            let id: Uuid = row.try_get("row_id")?;
            let text: &str = row.try_get("fields")?;
            let fields: BTreeMap<String, FieldVersion> =
                serde_json::from_str(text).map_err(|error| sqlx::Error::Decode(Box::new(error)))?;
            let row = SyncRow { table, id, fields };
            chunks.add(&mut writer, row).await?;
        }
    }
    chunks.flush(&mut writer).await?;
    reader.commit().await?;
    sqlx::query(
        "UPDATE sync_snapshots SET chunks = $2, row_count = $3, finished_at = now()
         WHERE id = $1",
    )
    .bind(id)
    .bind(i32::try_from(chunks.number).unwrap_or(i32::MAX))
    .bind(i64::try_from(chunks.rows).unwrap_or(i64::MAX))
    .execute(pool)
    .await?;
    let manifest = latest(pool).await?.map(|(manifest, _)| manifest);
    manifest.ok_or(sqlx::Error::RowNotFound)
}

/// Gathers rows into chunks of one table and writes each as it fills.
struct ChunkWriter {
    id: Uuid,
    number: u32,
    rows: u64,
    current: SnapshotChunk,
}

impl ChunkWriter {
    async fn add(&mut self, conn: &mut PgConnection, row: SyncRow) -> Result<(), sqlx::Error> {
        let full = self.current.rows.len() + self.current.loose.len() >= SNAPSHOT_CHUNK_ROWS;
        if self.current.table != row.table || full {
            self.flush(conn).await?;
            self.current.table.clone_from(&row.table);
        }
        self.rows += 1;
        match SyncTable::named(&row.table).and_then(|table| CompactRow::of(table, &row)) {
            Some(compact) => self.current.rows.push(compact),
            None => self.current.loose.push(row),
        }
        Ok(())
    }

    async fn flush(&mut self, conn: &mut PgConnection) -> Result<(), sqlx::Error> {
        if self.current.rows.is_empty() && self.current.loose.is_empty() {
            return Ok(());
        }
        let chunk = std::mem::take(&mut self.current);
        let content = compress(&chunk).map_err(|error| sqlx::Error::Encode(Box::new(error)))?;
        sqlx::query(
            "INSERT INTO sync_snapshot_chunks (snapshot_id, number, table_name, content)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(self.id)
        .bind(i32::try_from(self.number).unwrap_or(i32::MAX))
        .bind(&chunk.table)
        .bind(content)
        .execute(conn)
        .await?;
        self.number += 1;
        Ok(())
    }
}

/// `chunk` as gzip-compressed JSON.
pub fn compress(chunk: &SnapshotChunk) -> std::io::Result<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    serde_json::to_writer(&mut encoder, chunk)?;
    encoder.flush()?;
    encoder.finish()
}

/// A chunk back from its gzip-compressed JSON.
pub fn decompress(content: &[u8]) -> std::io::Result<SnapshotChunk> {
    let mut json = Vec::new();
    GzDecoder::new(content).read_to_end(&mut json)?;
    Ok(serde_json::from_slice(&json)?)
}

/// The users of `chunk` as a service desktop reads them: those whose role administers (in
/// `administrator_roles`) without their password hash.
pub fn withhold_administrators(
    chunk: &mut SnapshotChunk,
    administrator_roles: &HashSet<Uuid>,
) -> Result<(), String> {
    let Some(table) = SyncTable::named(&chunk.table) else {
        return Ok(());
    };
    let profile = helpdesk_core::sync::DesktopProfile::Service;
    for compact in &mut chunk.rows {
        let row = profile.readable(compact.expand(table)?, administrator_roles);
        *compact = CompactRow::of(table, &row).ok_or("users row no longer fits")?;
    }
    chunk.loose = std::mem::take(&mut chunk.loose)
        .into_iter()
        .map(|row| profile.readable(row, administrator_roles))
        .collect();
    Ok(())
}
