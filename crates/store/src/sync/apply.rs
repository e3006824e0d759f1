//! Rows pulled from the server merged into the local tables, in one transaction with the
//! cursor that follows them: a cut or a kill mid-pull leaves the database as before the
//! page, and the page is pulled again. A row this desktop cannot apply (a CHECK, a trigger
//! or a unique value refuses it, or it does not fit the table) is written in a savepoint of
//! its own and, refused, set aside ([`super::set_aside`]): the rest of the page goes on.
use std::collections::{BTreeMap, HashSet};

use helpdesk_core::clock;
use helpdesk_core::sync::{
    ApplyRefusal, FieldValue, MergeOutcome, PullCursor, SetAsideDirection, SetAsideKey, SyncRow,
    SyncTable, Version, SETTLEMENT_ORIGIN, SYNC_TABLES,
};
use sqlx::{Connection, SqliteConnection};
use uuid::Uuid;

use super::{rows, set_aside};
use crate::{customers, Result, Store, StoreError};

/// What a page of pulled rows did here.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ApplyReport {
    /// Rows where at least one field took the server's value.
    pub changed: usize,
    /// Rows already as new or newer here (this desktop's own changes coming back, mostly).
    pub unchanged: usize,
    /// Rows this desktop could not apply, set aside.
    pub set_aside: usize,
}

/// When the customer search index takes what a page changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchRefresh {
    /// With the page, for the customers it touched.
    WithPage,
    /// Later, whole ([`refresh_stale_search`]): for a first sync, where refreshing page by
    /// page would read the growing index again for every page. The need is recorded with
    /// the page, so a cut exchange leaves it to the next.
    Deferred,
}

/// Merges `rows` (one page of a pull) into the local tables and moves the pull cursor to
/// `cursor`, refreshing the customer search index as `search` says. A row that does not fit
/// its table, or that the table refuses, is set aside with its reason; a newer version of
/// it, pulled later, replaces the entry, and drops it once it applies.
pub async fn apply(
    store: &Store,
    rows: &[SyncRow],
    cursor: PullCursor,
    search: SearchRefresh,
) -> Result<ApplyReport> {
    let mut page = Page::default();
    for row in rows {
        match SYNC_TABLES.iter().position(|table| table.name == row.table) {
            Some(position) => match check(&SYNC_TABLES[position], row) {
                Ok(()) => page.by_table.entry(position).or_default().push(row),
                Err(error) => page.unusable.push((row, ApplyRefusal::Unfit, error)),
            },
            None => page.unusable.push((
                row,
                ApplyRefusal::UnknownTable,
                format!("unknown table {}", row.table),
            )),
        }
    }
    let mut conn = store.pool().acquire().await?;
    apply_unordered(store, &mut conn, &page, Some(cursor), search).await
}

/// Tries the pulled rows set aside again (every one, or only `only`), each merged into the
/// row here as a newly pulled one would be; those that apply leave the set-aside table.
/// Cheap: only the set-aside rows are read.
pub async fn retry_set_aside(store: &Store, only: Option<&SetAsideKey>) -> Result<ApplyReport> {
    let mut conn = store.pool().acquire().await?;
    let kept = set_aside::rows_in(&mut conn, SetAsideDirection::Pull, only).await?;
    if kept.is_empty() {
        return Ok(ApplyReport::default());
    }
    let mut page = Page::default();
    for row in &kept {
        if let Some(position) = SYNC_TABLES.iter().position(|table| table.name == row.table) {
            if check(&SYNC_TABLES[position], row).is_ok() {
                page.by_table.entry(position).or_default().push(row);
            }
        }
    }
    apply_unordered(store, &mut conn, &page, None, SearchRefresh::WithPage).await
}

/// Applies `page` on `conn` with foreign keys unchecked, then has the clock observe its
/// greatest stamp. A page holds rows in the server's commit order, not parents first:
/// references are complete once the pull is, so they are not checked row by row.
async fn apply_unordered(
    store: &Store,
    conn: &mut SqliteConnection,
    page: &Page<'_>,
    cursor: Option<PullCursor>,
    search: SearchRefresh,
) -> Result<ApplyReport> {
    sqlx::query("PRAGMA foreign_keys = OFF")
        .execute(&mut *conn)
        .await?;
    let outcome = apply_in(conn, page, cursor, search, store.server_now()).await;
    sqlx::query("PRAGMA foreign_keys = ON")
        .execute(&mut *conn)
        .await?;
    let (report, high) = outcome?;
    store.observe(high);
    Ok(report)
}

/// Pulled rows by table (in [`SYNC_TABLES`]' order), and those that fit no table.
#[derive(Default)]
struct Page<'a> {
    by_table: BTreeMap<usize, Vec<&'a SyncRow>>,
    unusable: Vec<(&'a SyncRow, ApplyRefusal, String)>,
}

/// How one pulled row fared.
enum RowOutcome {
    Unchanged,
    /// Written; the customers whose search entry it changed.
    Changed(Vec<Uuid>),
    Refused(ApplyRefusal, String),
}

/// Rebuilds the customer search index whole if pages were applied without refreshing it;
/// answers whether it did.
pub async fn refresh_stale_search(store: &Store) -> Result<bool> {
    let mut tx = store.pool().begin().await?;
    let stale: bool = sqlx::query_scalar("SELECT search_stale FROM sync_state")
        .fetch_one(&mut *tx)
        .await?;
    if stale {
        customers::reindex_all(&mut tx).await?;
        sqlx::query("UPDATE sync_state SET search_stale = 0")
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(stale)
}

/// Applies `page` in one transaction, with the cursor that follows it if given (a retry of
/// set-aside rows moves none).
async fn apply_in(
    conn: &mut SqliteConnection,
    page: &Page<'_>,
    cursor: Option<PullCursor>,
    search: SearchRefresh,
    now_ms: i64,
) -> Result<(ApplyReport, i64)> {
    let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::query("UPDATE sync_control SET applying = 1")
        .execute(&mut *tx)
        .await?;
    let origin = rows::local_origin(&mut tx).await?;
    let profile = super::state::read_profile(&mut tx).await?;
    let mut report = ApplyReport::default();
    let mut high = 0;
    let mut searched: HashSet<Uuid> = HashSet::new();
    let aside: HashSet<(String, Uuid)> = set_aside::keys_in(&mut tx, SetAsideDirection::Pull)
        .await?
        .into_iter()
        .collect();
    for (row, refusal, error) in &page.unusable {
        let reason = refusal.reason(&row.table, error);
        set_aside::put_in(&mut tx, SetAsideDirection::Pull, row, &reason, error).await?;
        report.set_aside += 1;
    }
    for (&position, incoming) in &page.by_table {
        let table: &'static SyncTable = &SYNC_TABLES[position];
        // Renames settling a unique value are the same on every node: a desktop that may
        // not write the table leaves sending them to those that may.
        let sends_renames = profile.is_none_or(|profile| profile.may_write(table.name));
        let ids: Vec<Uuid> = incoming.iter().map(|row| row.id).collect();
        let mut current: BTreeMap<Uuid, SyncRow> = rows::read(&mut tx, table, &ids, origin)
            .await?
            .into_iter()
            .map(|row| (row.id, row))
            .collect();
        for row in incoming {
            // A stamp far ahead of the server's clock is not followed, here nor at the next
            // start (`clock_high`): one wrong clock must not drag this desktop's forward.
            if let Some(version) = row.latest().filter(|v| !clock::is_ahead(v.stamp, now_ms)) {
                high = high.max(version.stamp);
            }
        }
        let outcomes = match write_at_once(&mut tx, table, incoming, &current, origin).await? {
            Some(outcomes) => outcomes,
            None => {
                let mut outcomes = Vec::with_capacity(incoming.len());
                for row in incoming {
                    outcomes.push(
                        apply_one(&mut tx, table, row, &mut current, sends_renames, origin).await?,
                    );
                }
                outcomes
            }
        };
        for (row, outcome) in incoming.iter().zip(outcomes) {
            match outcome {
                RowOutcome::Unchanged => report.unchanged += 1,
                RowOutcome::Changed(customers) => {
                    report.changed += 1;
                    searched.extend(customers);
                }
                RowOutcome::Refused(refusal, error) => {
                    let reason = refusal.reason(table.name, &error);
                    set_aside::put_in(&mut tx, SetAsideDirection::Pull, row, &reason, &error)
                        .await?;
                    report.set_aside += 1;
                    continue;
                }
            }
            if aside.contains(&(row.table.clone(), row.id)) {
                set_aside::drop_in(&mut tx, SetAsideDirection::Pull, &row.table, row.id).await?;
            }
        }
    }
    if !searched.is_empty() {
        match search {
            SearchRefresh::WithPage => {
                let searched: Vec<Uuid> = searched.into_iter().collect();
                customers::index_many(&mut tx, &searched).await?;
            }
            SearchRefresh::Deferred => {
                sqlx::query("UPDATE sync_state SET search_stale = 1")
                    .execute(&mut *tx)
                    .await?;
            }
        }
    }
    sqlx::query("UPDATE sync_control SET applying = 0")
        .execute(&mut *tx)
        .await?;
    match cursor {
        Some(cursor) => sqlx::query(
            "UPDATE sync_state SET pull_transaction = ?1, pull_sequence = ?2,
                     clock_high = max(clock_high, ?3)",
        )
        .bind(cursor.transaction)
        .bind(cursor.sequence)
        .bind(high),
        None => sqlx::query("UPDATE sync_state SET clock_high = max(clock_high, ?1)").bind(high),
    }
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok((report, high))
}

/// `row` merged into `existing` (the row here, if any): `None` when it changes nothing.
fn merged(existing: Option<&SyncRow>, row: &SyncRow) -> Option<SyncRow> {
    match existing {
        Some(existing) => {
            let mut merged = existing.clone();
            match merged.merge(row) {
                MergeOutcome::Unchanged => None,
                MergeOutcome::Changed => Some(merged),
            }
        }
        None => Some(row.clone()),
    }
}

/// Merges the page's rows of `table` (`incoming`) into the rows here (`current`) and writes
/// those that change in one savepoint, without one per row. Answers `None`, with nothing
/// written, when the table refuses one of them (or takes a unique value another row holds,
/// which [`write_resolving`] settles) or a row comes twice: then the page's rows of the
/// table are written one at a time ([`apply_one`]), each undone alone if refused.
async fn write_at_once(
    conn: &mut SqliteConnection,
    table: &'static SyncTable,
    incoming: &[&SyncRow],
    current: &BTreeMap<Uuid, SyncRow>,
    origin: Uuid,
) -> Result<Option<Vec<RowOutcome>>> {
    let mut seen = HashSet::with_capacity(incoming.len());
    if !incoming.iter().all(|row| seen.insert(row.id)) {
        return Ok(None);
    }
    let mut outcomes = Vec::with_capacity(incoming.len());
    let mut writes = Vec::with_capacity(incoming.len());
    for row in incoming {
        let before = current.get(&row.id);
        match merged(before, row) {
            None => outcomes.push(RowOutcome::Unchanged),
            Some(merged) => {
                outcomes.push(RowOutcome::Changed(searched_customers(
                    table, before, &merged, false,
                )));
                writes.push(rows::Write {
                    before,
                    row: merged,
                });
            }
        }
    }
    if writes.is_empty() {
        return Ok(Some(outcomes));
    }
    sqlx::query("SAVEPOINT pulled_rows")
        .execute(&mut *conn)
        .await?;
    match rows::write_many(conn, table, &writes, origin).await {
        Ok(()) => {
            sqlx::query("RELEASE pulled_rows")
                .execute(&mut *conn)
                .await?;
            Ok(Some(outcomes))
        }
        Err(error) if refusal(&error).is_some() => {
            sqlx::query("ROLLBACK TO pulled_rows")
                .execute(&mut *conn)
                .await?;
            sqlx::query("RELEASE pulled_rows")
                .execute(&mut *conn)
                .await?;
            Ok(None)
        }
        Err(error) => Err(error),
    }
}

/// Merges `row` into the row here (from `current`, which takes the result) and writes it in
/// a savepoint of its own: refused by the table, the write is undone alone and the refusal
/// answered; any other failure ends the page.
async fn apply_one(
    conn: &mut SqliteConnection,
    table: &'static SyncTable,
    row: &SyncRow,
    current: &mut BTreeMap<Uuid, SyncRow>,
    sends_renames: bool,
    origin: Uuid,
) -> Result<RowOutcome> {
    let before = current.get(&row.id);
    let Some(merged) = merged(before, row) else {
        return Ok(RowOutcome::Unchanged);
    };
    // A unique value settled here may rename this row or the one holding it: their
    // entries are written again whatever changed.
    let mut customers = searched_customers(table, before, &merged, true);
    sqlx::query("SAVEPOINT pulled_row")
        .execute(&mut *conn)
        .await?;
    match write_resolving(conn, table, &merged, sends_renames, origin).await {
        Ok(renamed) => {
            sqlx::query("RELEASE pulled_row")
                .execute(&mut *conn)
                .await?;
            if let Some(theirs) = renamed {
                customers.extend(searched_customers(table, None, &theirs, true));
            }
            current.insert(row.id, merged);
            Ok(RowOutcome::Changed(customers))
        }
        Err(error) => {
            let Some(refusal) = refusal(&error) else {
                return Err(error);
            };
            sqlx::query("ROLLBACK TO pulled_row")
                .execute(&mut *conn)
                .await?;
            sqlx::query("RELEASE pulled_row")
                .execute(&mut *conn)
                .await?;
            Ok(RowOutcome::Refused(refusal, error.to_string()))
        }
    }
}

/// Whether `error` is the table refusing the row (then it is set aside), and how.
fn refusal(error: &StoreError) -> Option<ApplyRefusal> {
    const CONSTRAINT: i32 = 19;
    const MISMATCH: i32 = 20;
    match error {
        StoreError::Corrupt(message) if message.contains("renamed") => Some(ApplyRefusal::Unique),
        StoreError::Corrupt(_) => Some(ApplyRefusal::Unfit),
        StoreError::Database(sqlx::Error::Database(database)) => {
            use sqlx::error::ErrorKind;
            match database.kind() {
                ErrorKind::UniqueViolation => Some(ApplyRefusal::Unique),
                ErrorKind::ForeignKeyViolation => Some(ApplyRefusal::ForeignKey),
                ErrorKind::NotNullViolation => Some(ApplyRefusal::Required),
                ErrorKind::CheckViolation => Some(ApplyRefusal::Check),
                _ => {
                    let code: i32 = database.code()?.parse().ok()?;
                    // A trigger's RAISE(ABORT) is SQLITE_CONSTRAINT_TRIGGER.
                    match code & 0xff {
                        CONSTRAINT => Some(ApplyRefusal::Check),
                        MISMATCH => Some(ApplyRefusal::Unfit),
                        _ => None,
                    }
                }
            }
        }
        _ => None,
    }
}

/// Writes `row`; when it takes a unique value (a name, a login) that another row holds
/// here, the rule every node applies settles it: the row with the greater id (created later)
/// gets the value with " (conflito <its id>)" appended, as a write of its own whose version
/// follows the value it replaces, and is queued (if `sends_renames`) so that the server and
/// the other desktops take the same rename. Unique values that are not text cannot be
/// settled so: an error. Answers the other row, if it was the one renamed.
async fn write_resolving(
    conn: &mut SqliteConnection,
    table: &'static SyncTable,
    row: &SyncRow,
    sends_renames: bool,
    origin: Uuid,
) -> Result<Option<SyncRow>> {
    let Err(error) = rows::write(conn, table, row, origin).await else {
        return Ok(None);
    };
    let Some(columns) = unique_violation(&error, table) else {
        return Err(error);
    };
    let holder = holder_of(conn, table, row, &columns).await?;
    let Some(holder) = holder.filter(|holder| *holder != row.id) else {
        return Err(error);
    };
    if holder > row.id {
        let mut theirs = rows::read(conn, table, &[holder], origin)
            .await?
            .pop()
            .ok_or(error)?;
        rename(table, &mut theirs, &columns)?;
        rows::write(conn, table, &theirs, origin).await?;
        if sends_renames {
            queue(conn, &theirs).await?;
        }
        rows::write(conn, table, row, origin).await?;
        Ok(Some(theirs))
    } else {
        let mut mine = row.clone();
        rename(table, &mut mine, &columns)?;
        rows::write(conn, table, &mine, origin).await?;
        if sends_renames {
            queue(conn, &mine).await?;
        }
        Ok(None)
    }
}

/// The columns of `table` whose uniqueness `error` reports, if it is such an error.
fn unique_violation(error: &StoreError, table: &SyncTable) -> Option<Vec<&'static str>> {
    let StoreError::Database(sqlx::Error::Database(database)) = error else {
        return None;
    };
    if database.kind() != sqlx::error::ErrorKind::UniqueViolation {
        return None;
    }
    // "UNIQUE constraint failed: email_templates.name, email_templates.other"
    let (_, named) = database.message().split_once(": ")?;
    named
        .split(", ")
        .map(|qualified| {
            let (_, column) = qualified.split_once('.')?;
            table.column(column).map(|column| column.name)
        })
        .collect()
}

/// The row here that holds `row`'s values of `columns`.
async fn holder_of(
    conn: &mut SqliteConnection,
    table: &SyncTable,
    row: &SyncRow,
    columns: &[&str],
) -> Result<Option<Uuid>> {
    let condition: Vec<String> = columns
        .iter()
        .enumerate()
        .map(|(at, column)| format!("{column} IS ?{}", at + 1))
        .collect();
    let sql = format!(
        "SELECT id FROM {} WHERE {} LIMIT 1",
        table.name,
        condition.join(" AND ")
    );
    let mut query = sqlx::query_scalar(&sql);
    for column in columns {
        query = match row.value(column) {
            Some(FieldValue::Integer(number)) => query.bind(*number),
            Some(FieldValue::Text(text)) => query.bind(text.clone()),
            Some(FieldValue::Blob(bytes)) => query.bind(bytes.clone()),
            Some(FieldValue::Null) | None => query.bind(None::<i64>),
        };
    }
    Ok(query.fetch_optional(conn).await?)
}

/// Appends " (conflito <id>)" to the text values of `columns`, as a new write.
fn rename(table: &SyncTable, row: &mut SyncRow, columns: &[&str]) -> Result<()> {
    let suffix = format!(" (conflito {})", &row.id.simple().to_string()[..12]);
    for column in columns {
        let unsettled = || {
            StoreError::Corrupt(format!(
                "{} {}: {column} is taken by another row and cannot be renamed",
                table.name, row.id
            ))
        };
        let field = row.fields.get_mut(*column).ok_or_else(unsettled)?;
        let FieldValue::Text(text) = &field.value else {
            return Err(unsettled());
        };
        field.value = FieldValue::Text(format!("{text}{suffix}"));
        field.version = Version {
            stamp: field.version.stamp + 1,
            origin: SETTLEMENT_ORIGIN,
        };
    }
    Ok(())
}

/// Queues `row` for the next push (the triggers are off while pulled rows are applied).
async fn queue(conn: &mut SqliteConnection, row: &SyncRow) -> Result<()> {
    sqlx::query("INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES (?1, ?2, ?3)")
        .bind(&row.table)
        .bind(row.id)
        .bind(row.latest().map_or(0, |version| version.stamp))
        .execute(conn)
        .await?;
    Ok(())
}

/// A row pulled must name only the table's columns, each with a value that fits it; if not,
/// why.
fn check(table: &SyncTable, row: &SyncRow) -> std::result::Result<(), String> {
    for (name, field) in &row.fields {
        let fits = table
            .column(name)
            .is_some_and(|column| column.accepts(&field.value));
        if !fits {
            return Err(format!(
                "pulled {} {}: column {name} does not fit",
                row.table, row.id
            ));
        }
    }
    Ok(())
}

/// The customers whose search entry changes when `before` (the row here, if any) becomes
/// `after`: the row's customer, and the one it left, unless only columns the entry does not
/// hold changed (`always`: whatever changed).
fn searched_customers(
    table: &SyncTable,
    before: Option<&SyncRow>,
    after: &SyncRow,
    always: bool,
) -> Vec<Uuid> {
    let Some((_, column, held)) = customers::SEARCH_SOURCES
        .iter()
        .find(|(name, _, _)| *name == table.name)
    else {
        return Vec::new();
    };
    let customer = |row: &SyncRow| {
        if *column == "id" {
            return Some(row.id);
        }
        match row.value(column) {
            Some(FieldValue::Blob(bytes)) => Uuid::from_slice(bytes).ok(),
            _ => None,
        }
    };
    let Some(before) = before else {
        return customer(after).into_iter().collect();
    };
    let (was, is) = (customer(before), customer(after));
    let same = |name: &&str| before.value(name) == after.value(name);
    if !always && was == is && held.iter().all(same) {
        return Vec::new();
    }
    let mut customers: Vec<Uuid> = is.into_iter().collect();
    customers.extend(was.filter(|was| Some(*was) != is));
    customers
}
