//! This desktop's sync origin (`sync_control.origin`), renewed when the database is a copy:
//! restored from a backup, or opened where it was not before (copied to another folder or
//! machine). Two databases sharing an origin would break the merge's ties alike for
//! different writes.
use helpdesk_core::sync::SYNC_TABLES;
use sqlx::SqliteConnection;

use super::rows;
use crate::backup::RESTORED_FROM;
use crate::{local_settings, Result, Store};

/// The `local_settings` key of where the database was opened last ([`renew_origin_if_needed`]).
const PLACE: &str = "database_place";

/// Why the origin was renewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Renewal {
    /// Restored from the backup of that name.
    Restored(String),
    /// Opened at another place than before (a copied or moved database).
    Moved { from: String },
}

/// At start-up, with `place` saying where the database is now (its path and the machine):
/// gives the database a new origin when it was restored or is opened somewhere else than
/// last time, in one transaction, before anything syncs; then remembers `place`.
pub async fn renew_origin_if_needed(store: &Store, place: &str) -> Result<Option<Renewal>> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let renewal = match local_settings::get_in(&mut tx, RESTORED_FROM).await? {
        Some(backup) => Some(Renewal::Restored(backup)),
        None => local_settings::get_in(&mut tx, PLACE)
            .await?
            .filter(|known| known != place)
            .map(|from| Renewal::Moved { from }),
    };
    if renewal.is_some() {
        renew_in(&mut tx).await?;
        local_settings::remove_in(&mut tx, RESTORED_FROM).await?;
    }
    local_settings::set_in(&mut tx, PLACE, place).await?;
    tx.commit().await?;
    Ok(renewal)
}

/// Writes the old origin into every version that took it by default (a row's fields
/// without an explicit version are `(changed_at, this desktop)`), so the rows keep their
/// versions, then draws a new origin for what this database writes from now on.
async fn renew_in(conn: &mut SqliteConnection) -> Result<()> {
    let old = rows::local_origin(conn).await?.simple().to_string();
    sqlx::query("UPDATE sync_control SET applying = 1")
        .execute(&mut *conn)
        .await?;
    for table in SYNC_TABLES {
        let missing = |column: &str| {
            format!("json_type(coalesce(sync_versions, '{{}}'), '$.{column}') IS NULL")
        };
        let defaults: Vec<String> = table
            .columns
            .iter()
            .map(|column| {
                format!(
                    "SELECT '{name}', json_array(CAST(changed_at AS TEXT), ?1) WHERE {missing}",
                    name = column.name,
                    missing = missing(column.name)
                )
            })
            .collect();
        let any_missing: Vec<String> = table.columns.iter().map(|c| missing(c.name)).collect();
        // Table and column names come from SYNC_TABLES, never from input.
        let sql = format!(
            "UPDATE {table} SET sync_versions = (
                SELECT json_group_object(field, json(version)) FROM (
                    SELECT key AS field, value AS version
                    FROM json_each(coalesce(sync_versions, '{{}}'))
                    UNION ALL {defaults}))
             WHERE {any_missing}",
            table = table.name,
            defaults = defaults.join(" UNION ALL "),
            any_missing = any_missing.join(" OR "),
        );
        sqlx::query(&sql).bind(&old).execute(&mut *conn).await?;
    }
    sqlx::query("UPDATE sync_control SET origin = randomblob(16), applying = 0")
        .execute(&mut *conn)
        .await?;
    Ok(())
}
