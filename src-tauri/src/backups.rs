//! "Cópia de segurança" in the shell: a restore put in place and a copied database given a
//! new sync origin at start-up, a backup made now (on demand or on schedule), and the
//! scheduled backups' worker.
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use helpdesk_core::backup::{folder_unusable, BackupPlan};
use helpdesk_core::form::FieldError;
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::backup::{self, BackupInfo};
use helpdesk_store::{backup_settings, sync, Store};
use tauri::{AppHandle, Runtime};
use tokio::sync::Notify;

use crate::app_store::AppStore;

/// How often the worker looks whether a scheduled backup is due.
const CHECK_EVERY: Duration = Duration::from_secs(60);

/// Before the database at `path` is opened: puts a restore staged by "Restaurar" in place.
pub fn apply_staged_restore(path: &Path) -> std::io::Result<()> {
    if let Some(aside) = backup::apply_staged(path, helpdesk_store::now_millis())? {
        log::warn!(
            "restored a backup over {}; the database replaced is kept as {}",
            path.display(),
            aside.display()
        );
    }
    Ok(())
}

/// Once the database at `path` is open: a restored database, or one opened at another
/// place than before (another folder or computer), takes a new sync origin before it syncs.
pub async fn renew_origin_if_copied(store: &Store, path: &Path) -> helpdesk_store::Result<()> {
    let folder = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let machine = machine_uid::get().unwrap_or_else(|error| {
        log::warn!("this computer's id cannot be read ({error}); only the path is compared");
        String::new()
    });
    let place = format!("{}|{machine}", folder.display());
    if let Some(renewal) = sync::renew_origin_if_needed(store, &place).await? {
        log::warn!("the database takes a new sync origin: {renewal:?}");
    }
    Ok(())
}

/// Whether `folder` can receive backups: a full path to a folder that exists and takes a
/// new file. A refusal at the folder's field.
pub fn check_folder(folder: &str) -> Result<(), FieldError> {
    let path = Path::new(folder);
    if !path.is_absolute() {
        return Err(folder_unusable("informe o caminho completo"));
    }
    if !path.is_dir() {
        return Err(folder_unusable("ela não existe neste computador"));
    }
    tempfile::tempfile_in(path)
        .map(drop)
        .map_err(|_| folder_unusable("não há permissão para gravar nela"))
}

/// Makes a backup into the plan's folder now, named after the local time, and removes the
/// oldest beyond the plan's count. The error is said in pt-BR.
pub async fn make(
    store: &Store,
    files: &AttachmentFiles,
    plan: &BackupPlan,
) -> Result<BackupInfo, String> {
    check_folder(&plan.folder).map_err(|error| error.message)?;
    let folder = Path::new(&plan.folder);
    // To the millisecond: a scheduled backup and one asked for may start in the same second.
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S-%3f").to_string();
    let made = backup::write(store, files, folder, &stamp, helpdesk_store::now_millis())
        .await
        .map_err(|error| {
            log::error!("backup failed: {error}");
            format!("A cópia de segurança falhou: {error}.")
        })?;
    log::info!("backup {} made in {}", made.name, folder.display());
    match backup::prune(folder, plan.keep as usize) {
        Ok(removed) if !removed.is_empty() => log::info!("old backups removed: {removed:?}"),
        Ok(_) => {}
        Err(error) => log::warn!("old backups could not be removed: {error}"),
    }
    Ok(made)
}

/// Makes the scheduled backups for as long as the app runs: looks at start, every minute,
/// and when `bell` rings (the settings changed).
pub fn spawn_worker<R: Runtime>(app: AppHandle<R>, files: AttachmentFiles, bell: Arc<Notify>) {
    tauri::async_runtime::spawn(async move {
        let store = AppStore(app);
        let mut tick = tokio::time::interval(CHECK_EVERY);
        loop {
            tokio::select! {
                _ = tick.tick() => {}
                () = bell.notified() => {}
            }
            if let Err(error) = backup_if_due(&store, &files).await {
                log::error!("scheduled backup: {error}");
            }
        }
    });
}

async fn backup_if_due(store: &Store, files: &AttachmentFiles) -> helpdesk_store::Result<()> {
    let plan = backup_settings::load(store).await?;
    let newest = backup::list(Path::new(&plan.folder))
        .ok()
        .and_then(|backups| backups.first().map(|newest| newest.created_at_ms));
    if !plan.due(newest, helpdesk_store::now_millis()) {
        return Ok(());
    }
    let outcome = make(store, files, &plan).await;
    backup_settings::record_outcome(store, outcome.as_ref().err().map(String::as_str)).await
}
