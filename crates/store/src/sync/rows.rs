//! Syncable rows read from and written to their tables, generically from the column list of
//! `helpdesk_core::sync::SYNC_TABLES` (the only source of the SQL names used here).
use std::collections::{BTreeMap, HashMap};

use helpdesk_core::sync::{ColumnKind, FieldValue, FieldVersion, SyncRow, SyncTable, Version};
use sqlx::query::Query;
use sqlx::sqlite::{SqliteArguments, SqliteRow};
use sqlx::{Row, Sqlite, SqliteConnection};
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
    let bound = Bound::of(table, row, local)?;
    bound
        .bind(sqlx::query(&upsert_sql(table, 1)))
        .execute(conn)
        .await?;
    Ok(())
}

/// A row to write, merged, over the row here as [`read`] read it, if any.
pub struct Write<'a> {
    pub before: Option<&'a SyncRow>,
    pub row: SyncRow,
}

/// Writes `writes` as [`write`] writes each, with fewer round trips to SQLite and fewer
/// pages touched: new rows [`ROWS_PER_STATEMENT`] to a statement; rows here get an `UPDATE`
/// of only the columns whose value changed (and their versions), so the indexes of the
/// others are left alone, up to [`ROWS_PER_STATEMENT`] rows changed in the same columns to
/// a statement. The rows are distinct. Refused, it stops at the statement refused, undone
/// alone (as SQLite undoes one): the caller undoes the rest.
pub async fn write_many(
    conn: &mut SqliteConnection,
    table: &'static SyncTable,
    writes: &[Write<'_>],
    local: Uuid,
) -> Result<()> {
    let mut new = Vec::new();
    let mut changed_alike: BTreeMap<Vec<usize>, Vec<Bound>> = BTreeMap::new();
    for write in writes {
        let bound = Bound::of(table, &write.row, local)?;
        match write.before {
            None => new.push(bound),
            Some(before) => {
                let changed: Vec<usize> = table
                    .columns
                    .iter()
                    .enumerate()
                    .filter(|(_, column)| before.value(column.name) != write.row.value(column.name))
                    .map(|(at, _)| at)
                    .collect();
                changed_alike.entry(changed).or_default().push(bound);
            }
        }
    }
    for (changed, rows) in &changed_alike {
        for chunk in rows.chunks(ROWS_PER_STATEMENT) {
            let sql = update_sql(table, changed, chunk.len());
            let mut query = sqlx::query(&sql);
            for row in chunk {
                query = row.bind_changes(query, changed);
            }
            query.execute(&mut *conn).await?;
        }
    }
    let mut chunks = new.chunks_exact(ROWS_PER_STATEMENT);
    if chunks.len() > 0 {
        // The same text for every full chunk: SQLite prepares it once per connection.
        let sql = upsert_sql(table, ROWS_PER_STATEMENT);
        for chunk in &mut chunks {
            let mut query = sqlx::query(&sql);
            for row in chunk {
                query = row.bind(query);
            }
            query.execute(&mut *conn).await?;
        }
    }
    // The rest one by one, rather than a statement of each length.
    for row in chunks.remainder() {
        row.bind(sqlx::query(&upsert_sql(table, 1)))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// `UPDATE` of `rows` rows of `table`, each bound as its id, the columns `changed` (by
/// position), then its versions.
fn update_sql(table: &SyncTable, changed: &[usize], rows: usize) -> String {
    let columns: Vec<&str> = changed
        .iter()
        .map(|at| table.columns[*at].name)
        .chain(["changed_at", "sync_versions", "sync_origin"])
        .collect();
    let assignments: Vec<String> = columns
        .iter()
        .map(|column| format!("{column} = v.{column}"))
        .collect();
    let tuple = format!("({})", vec!["?"; columns.len() + 1].join(", "));
    format!(
        "WITH v(id, {}) AS (VALUES {}) UPDATE {} SET {} FROM v WHERE {}.id = v.id",
        columns.join(", "),
        vec![tuple; rows].join(", "),
        table.name,
        assignments.join(", "),
        table.name
    )
}

/// Rows a statement of [`write_many`] writes: 1,344 parameters with the widest table's 17
/// columns (and id, `changed_at`, `sync_versions`, `sync_origin`), far below SQLite's 32,766.
const ROWS_PER_STATEMENT: usize = 64;

/// The values bound for each row by [`insert_sql`]: the id, the columns, `changed_at`,
/// `sync_versions` and `sync_origin`.
pub(super) fn bound_per_row(table: &SyncTable) -> usize {
    table.columns.len() + 4
}

/// `INSERT` of `rows` rows of `table`, every column with its versions, with anonymous
/// marks: SQLite finds a numbered mark's name by walking a list, which is quadratic over a
/// statement of thousands of values.
pub(super) fn insert_sql(table: &SyncTable, rows: usize) -> String {
    let columns: Vec<&str> = table.columns.iter().map(|column| column.name).collect();
    let tuple = format!("({})", vec!["?"; bound_per_row(table)].join(", "));
    format!(
        "INSERT INTO {} (id, {}, changed_at, sync_versions, sync_origin) VALUES {}",
        table.name,
        columns.join(", "),
        vec![tuple; rows].join(", ")
    )
}

/// [`insert_sql`] `… ON CONFLICT (id) DO UPDATE`: every column with its versions.
fn upsert_sql(table: &SyncTable, rows: usize) -> String {
    let updates: Vec<String> = table
        .columns
        .iter()
        .map(|column| column.name)
        .chain(["changed_at", "sync_versions", "sync_origin"])
        .map(|column| format!("{column} = excluded.{column}"))
        .collect();
    format!(
        "{} ON CONFLICT (id) DO UPDATE SET {}",
        insert_sql(table, rows),
        updates.join(", ")
    )
}

/// What [`write`] stores of a row, in the order of [`upsert_sql`]'s columns.
struct Bound<'a> {
    id: Uuid,
    values: Vec<&'a FieldValue>,
    changed_at: i64,
    versions: Option<String>,
    origin: Option<Uuid>,
}

impl<'a> Bound<'a> {
    fn of(table: &'static SyncTable, row: &'a SyncRow, local: Uuid) -> Result<Self> {
        let incomplete =
            || StoreError::Corrupt(format!("{} {}: a column is missing", table.name, row.id));
        let latest = row.latest().ok_or_else(incomplete)?;
        let mut versions = BTreeMap::new();
        let mut values = Vec::with_capacity(table.columns.len());
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
            values.push(&field.value);
        }
        let versions = match versions.is_empty() {
            true => None,
            false => Some(serde_json::to_string(&versions)?),
        };
        Ok(Self {
            id: row.id,
            values,
            changed_at: latest.stamp,
            versions,
            origin: (latest.origin != local).then_some(latest.origin),
        })
    }

    /// Binds one row of what [`update_sql`] with `changed` takes.
    fn bind_changes<'q>(
        &'q self,
        mut query: Query<'q, Sqlite, SqliteArguments<'q>>,
        changed: &[usize],
    ) -> Query<'q, Sqlite, SqliteArguments<'q>> {
        query = query.bind(self.id);
        for at in changed {
            query = bind_value(query, self.values[*at]);
        }
        query
            .bind(self.changed_at)
            .bind(self.versions.as_deref())
            .bind(self.origin)
    }

    fn bind<'q>(
        &'q self,
        mut query: Query<'q, Sqlite, SqliteArguments<'q>>,
    ) -> Query<'q, Sqlite, SqliteArguments<'q>> {
        query = query.bind(self.id);
        for value in &self.values {
            query = bind_value(query, value);
        }
        query
            .bind(self.changed_at)
            .bind(self.versions.as_deref())
            .bind(self.origin)
    }
}

fn bind_value<'q>(
    query: Query<'q, Sqlite, SqliteArguments<'q>>,
    value: &'q FieldValue,
) -> Query<'q, Sqlite, SqliteArguments<'q>> {
    match value {
        FieldValue::Null => query.bind(None::<i64>),
        FieldValue::Integer(number) => query.bind(*number),
        FieldValue::Text(text) => query.bind(text.as_str()),
        FieldValue::Blob(bytes) => query.bind(bytes.as_slice()),
    }
}
