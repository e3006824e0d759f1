//! Where this desktop's backups go and how often (local settings: each desktop backs up its
//! own database), and how the last scheduled one went.
use helpdesk_core::backup::BackupPlan;

use crate::{local_settings, Result, Store};

const FOLDER: &str = "backup_folder";
const EVERY_HOURS: &str = "backup_every_hours";
const KEEP: &str = "backup_keep";
const LAST_ERROR: &str = "backup_last_error";
const STAGED: &str = "backup_restore_staged";

/// The plan as stored, or the default (no folder, on demand only, 7 kept).
pub async fn load(store: &Store) -> Result<BackupPlan> {
    let default = BackupPlan::default();
    let number = |value: Option<String>, or: u32| {
        value
            .and_then(|value| value.parse::<u32>().ok())
            .unwrap_or(or)
    };
    Ok(BackupPlan {
        folder: local_settings::get(store, FOLDER)
            .await?
            .unwrap_or_default(),
        every_hours: number(local_settings::get(store, EVERY_HOURS).await?, 0),
        keep: number(local_settings::get(store, KEEP).await?, default.keep),
    })
}

/// Stores `plan`, in one transaction.
pub async fn save(store: &Store, plan: &BackupPlan) -> Result<()> {
    let mut tx = store.pool().begin().await?;
    local_settings::set_in(&mut tx, FOLDER, &plan.folder).await?;
    local_settings::set_in(&mut tx, EVERY_HOURS, &plan.every_hours.to_string()).await?;
    local_settings::set_in(&mut tx, KEEP, &plan.keep.to_string()).await?;
    tx.commit().await?;
    Ok(())
}

/// Why the last scheduled backup failed, if it did.
pub async fn last_error(store: &Store) -> Result<Option<String>> {
    local_settings::get(store, LAST_ERROR).await
}

/// Records how the last scheduled backup went: `None` when it was made.
pub async fn record_outcome(store: &Store, error: Option<&str>) -> Result<()> {
    let mut conn = store.pool().acquire().await?;
    match error {
        Some(error) => local_settings::set_in(&mut conn, LAST_ERROR, error).await,
        None => local_settings::remove_in(&mut conn, LAST_ERROR).await,
    }
}

/// Records that the backup `name` is staged to be restored at the next start.
pub async fn record_staged(store: &Store, name: &str) -> Result<()> {
    let mut conn = store.pool().acquire().await?;
    local_settings::set_in(&mut conn, STAGED, name).await
}

/// The backup last staged to be restored (whether it still is, the staged file says).
pub async fn staged(store: &Store) -> Result<Option<String>> {
    local_settings::get(store, STAGED).await
}
