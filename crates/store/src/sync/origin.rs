//! This desktop's sync origin (`sync_control.origin`), renewed when the database is a copy:
//! restored from a backup, or opened where it was not before (copied to another folder or
//! machine). Two databases sharing an origin would break the merge's ties alike for
//! different writes.
use helpdesk_core::sync::SYNC_TABLES;
use sqlx::SqliteConnection;

use super::rows;
use super::state::forget_registration_in;
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
/// last time, in one transaction, before anything syncs; then remembers `place`. A database
/// opened somewhere else is a copy (or a move) that could run beside the one it came from:
/// it also forgets its registration, so it syncs only once registered as a desktop of its
/// own (its protocols numbered 1 until then, claimed at that registration).
pub async fn renew_origin_if_needed(store: &Store, place: &str) -> Result<Option<Renewal>> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let renewal = match local_settings::get_in(&mut tx, RESTORED_FROM).await? {
        Some(backup) => Some(Renewal::Restored(backup)),
        None => local_settings::get_in(&mut tx, PLACE)
            .await?
            .filter(|known| known != place)
            .map(|from| Renewal::Moved { from }),
    };
    if let Some(renewal) = &renewal {
        renew_in(&mut tx).await?;
        local_settings::remove_in(&mut tx, RESTORED_FROM).await?;
        if matches!(renewal, Renewal::Moved { .. }) {
            forget_registration_in(&mut tx, helpdesk_core::sync::COPIED_DATABASE).await?;
        }
    }
    local_settings::set_in(&mut tx, PLACE, place).await?;
    tx.commit().await?;
    Ok(renewal)
}

/// Gives the old origin to every row that took this desktop's by default (`sync_origin`
/// NULL: its fields without an explicit version are `(changed_at, this desktop)`), so the
/// rows keep their versions, then draws a new origin for what this database writes from
/// now on.
async fn renew_in(conn: &mut SqliteConnection) -> Result<()> {
    let old = rows::local_origin(conn).await?;
    sqlx::query("UPDATE sync_control SET applying = 1")
        .execute(&mut *conn)
        .await?;
    for table in SYNC_TABLES {
        // Table names come from SYNC_TABLES, never from input.
        let sql = format!(
            "UPDATE {} SET sync_origin = ?1 WHERE sync_origin IS NULL",
            table.name
        );
        sqlx::query(&sql).bind(old).execute(&mut *conn).await?;
    }
    sqlx::query("UPDATE sync_control SET origin = randomblob(16), applying = 0")
        .execute(&mut *conn)
        .await?;
    Ok(())
}
