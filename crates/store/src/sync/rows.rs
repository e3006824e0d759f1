//! Syncable rows read from and written to their tables, generically from the column list of
//! `helpdesk_core::sync::SYNC_TABLES` (the only source of the SQL names used here).
use std::collections::{BTreeMap, HashMap};

use helpdesk_core::sync::{ColumnKind, FieldValue, FieldVersion, SyncRow, SyncTable, Version};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};
use uuid::Uuid;

use crate::{Result, StoreError};

/// This desktop's origin in field versions (`sync_control.origin`).
pub async fn local_origin(conn: &mut SqliteConnection) -> Result<Uuid> {
    Ok(sqlx::query_scalar("SELECT origin FROM sync_control")
        .fetch_one(conn)
        .await?)
}

/// Every row of `table`, by id, as it travels.
pub async fn read_all(
    conn: &mut SqliteConnection,
    table: &'static SyncTable,
    origin: Uuid,
) -> Result<Vec<SyncRow>> {
    let ids: Vec<Uuid> = sqlx::query_scalar(&format!("SELECT id FROM {} ORDER BY id", table.name))
        .fetch_all(&mut *conn)
        .await?;
    read(conn, table, &ids, origin).await
}

/// The rows `ids` of `table` that exist, as they travel: every column with its version.
pub async fn read(
    conn: &mut SqliteConnection,
    table: &'static SyncTable,
    ids: &[Uuid],
    origin: Uuid,
) -> Result<Vec<SyncRow>> {
    let columns: Vec<&str> = table.columns.iter().map(|column| column.name).collect();
    let sql = format!(
        "SELECT id, {}, changed_at, sync_versions, sync_origin FROM {}
         WHERE id IN (SELECT unhex(value) FROM json_each(?1))",
        columns.join(", "),
        table.name
    );
    let ids: Vec<String> = ids.iter().map(|id| id.simple().to_string()).collect();
    let found = sqlx::query(&sql)
        .bind(serde_json::to_string(&ids)?)
        .fetch_all(conn)
        .await?;
    found
        .iter()
        .map(|row| sync_row(table, row, origin))
        .collect()
}

fn sync_row(table: &'static SyncTable, row: &SqliteRow, origin: Uuid) -> Result<SyncRow> {
    let id: Uuid = row.try_get(0)?;
    let count = table.columns.len();
    let changed_at: i64 = row.try_get(count + 1)?;
    let stored: Option<String> = row.try_get(count + 2)?;
    let corrupt = |error: String| StoreError::Corrupt(format!("{} {id}: {error}", table.name));
    let mut versions = match stored {
        Some(json) => parse_versions(&json).map_err(corrupt)?,
        None => HashMap::new(),
    };
    let row_origin = match row.try_get::<Option<Vec<u8>>, _>(count + 3)? {
        Some(bytes) => Uuid::from_slice(&bytes).map_err(|error| corrupt(error.to_string()))?,
        None => origin,
    };
    let default = Version {
        stamp: changed_at,
        origin: row_origin,
    };
    let mut fields = BTreeMap::new();
    for (index, column) in table.columns.iter().enumerate() {
        let at = index + 1;
        let value = match column.kind {
            ColumnKind::Integer => row
                .try_get::<Option<i64>, _>(at)?
                .map_or(FieldValue::Null, FieldValue::Integer),
            ColumnKind::Text => row
                .try_get::<Option<String>, _>(at)?
                .map_or(FieldValue::Null, FieldValue::Text),
            ColumnKind::Blob => row
                .try_get::<Option<Vec<u8>>, _>(at)?
                .map_or(FieldValue::Null, FieldValue::Blob),
        };
        let version = versions.remove(column.name).unwrap_or(default);
        fields.insert(column.name.to_owned(), FieldVersion { value, version });
    }
    Ok(SyncRow {
        table: table.name.to_owned(),
        id,
        fields,
    })
}

/// `{"column": ["stamp", "origin hex"]}`, as the triggers write it.
fn parse_versions(json: &str) -> std::result::Result<HashMap<String, Version>, String> {
    let stored: HashMap<String, (String, String)> =
        serde_json::from_str(json).map_err(|error| error.to_string())?;
    stored
        .into_iter()
        .map(|(column, (stamp, origin))| {
            let stamp = stamp.parse().map_err(|_| format!("stamp {stamp:?}"))?;
            let origin = Uuid::parse_str(&origin).map_err(|_| format!("origin {origin:?}"))?;
            Ok((column, Version { stamp, origin }))
        })
        .collect()
}

/// Writes `row` (merged, complete) into `table` with its fields' versions: the row's latest
/// as its default (`changed_at`, and `sync_origin` unless it is `local`, this desktop), and
/// in `sync_versions` only the fields written at another.
pub async fn write(
    conn: &mut SqliteConnection,
    table: &'static SyncTable,
    row: &SyncRow,
    local: Uuid,
) -> Result<()> {
    let incomplete =
        || StoreError::Corrupt(format!("{} {}: a column is missing", table.name, row.id));
    let latest = row.latest().ok_or_else(incomplete)?;
    let columns: Vec<&str> = table.columns.iter().map(|column| column.name).collect();
    let placeholders: Vec<String> = (0..columns.len() + 4)
        .map(|at| format!("?{}", at + 1))
        .collect();
    let updates: Vec<String> = columns
        .iter()
        .chain(["changed_at", "sync_versions", "sync_origin"].iter())
        .map(|column| format!("{column} = excluded.{column}"))
        .collect();
    let sql = format!(
        "INSERT INTO {} (id, {}, changed_at, sync_versions, sync_origin) VALUES ({})
         ON CONFLICT (id) DO UPDATE SET {}",
        table.name,
        columns.join(", "),
        placeholders.join(", "),
        updates.join(", ")
    );
    let mut versions = BTreeMap::new();
    let mut query = sqlx::query(&sql).bind(row.id);
    for column in table.columns {
        let field = row.fields.get(column.name).ok_or_else(incomplete)?;
        if field.version != latest {
            versions.insert(
                column.name,
                (
                    field.version.stamp.to_string(),
                    field.version.origin.simple().to_string(),
                ),
            );
        }
        query = match &field.value {
            FieldValue::Null => query.bind(None::<i64>),
            FieldValue::Integer(number) => query.bind(*number),
            FieldValue::Text(text) => query.bind(text.as_str()),
            FieldValue::Blob(bytes) => query.bind(bytes.as_slice()),
        };
    }
    let versions = match versions.is_empty() {
        true => None,
        false => Some(serde_json::to_string(&versions)?),
    };
    let row_origin = (latest.origin != local).then_some(latest.origin);
    query
        .bind(latest.stamp)
        .bind(versions)
        .bind(row_origin)
        .execute(conn)
        .await?;
    Ok(())
}
