//! "Cópia de segurança" (administrators): where this desktop's backups go and how often,
//! a backup now, and a restore staged for the next start.
use std::path::Path;

use helpdesk_api::{
    BackupNow, CommandError, ErrorCode, LoadBackups, Reply, Request, RestartApp, RestoreBackup,
    SaveBackupSettings,
};
use helpdesk_core::backup::{BackupLine, BackupPanel};
use helpdesk_store::backup::{self, BackupInfo};
use helpdesk_store::{backup_settings, StoreError};
use tauri::State;

use crate::error::{first_error, internal};
use crate::{backups, AppState};

const WHAT: &str = "fazer e restaurar cópias de segurança";

/// `helpdesk_api::LoadBackups`.
#[tauri::command]
#[specta::specta]
pub async fn load_backups(state: State<'_, AppState>) -> Reply<LoadBackups> {
    state.require_administrator(WHAT).await?;
    panel(&state).await
}

/// `helpdesk_api::SaveBackupSettings`: checked in the core as the UI did, the folder on
/// this computer, then stored.
#[tauri::command]
#[specta::specta]
pub async fn save_backup_settings(
    request: Request<SaveBackupSettings>,
    state: State<'_, AppState>,
) -> Reply<SaveBackupSettings> {
    state.require_administrator(WHAT).await?;
    let plan = request.validate().map_err(first_error)?;
    if !plan.folder.is_empty() {
        backups::check_folder(&plan.folder)?;
    }
    backup_settings::save(&state.store, &plan)
        .await
        .map_err(internal)?;
    state.backup_bell.notify_one();
    panel(&state).await
}

/// `helpdesk_api::BackupNow`.
#[tauri::command]
#[specta::specta]
pub async fn backup_now(state: State<'_, AppState>) -> Reply<BackupNow> {
    state.require_administrator(WHAT).await?;
    let plan = backup_settings::load(&state.store)
        .await
        .map_err(internal)?;
    if plan.folder.is_empty() {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            "Escolha e salve a pasta onde as cópias serão guardadas antes de fazer uma cópia.",
        ));
    }
    backups::make(&state.store, &state.attachments.files, &plan)
        .await
        .map_err(|message| CommandError::new(ErrorCode::Internal, message))?;
    panel(&state).await
}

/// `helpdesk_api::RestoreBackup`: the backup named in the saved folder, checked and staged;
/// the app puts it in place when it starts again.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(
    request: Request<RestoreBackup>,
    state: State<'_, AppState>,
) -> Reply<RestoreBackup> {
    state.require_administrator(WHAT).await?;
    let Some(database) = state.database.as_deref() else {
        log::error!("a restore was asked with no database file known");
        return Err(CommandError::internal());
    };
    let plan = backup_settings::load(&state.store)
        .await
        .map_err(internal)?;
    let chosen = Path::new(&plan.folder).join(&request.name);
    if !backup::is_backup_name(&request.name) || !chosen.is_dir() {
        return Err(CommandError::new(
            ErrorCode::NotFound,
            "Esta cópia não está mais na pasta das cópias.",
        ));
    }
    match backup::stage_restore(&chosen, database, &state.attachments.files).await {
        Ok(_) => {
            backup_settings::record_staged(&state.store, &request.name)
                .await
                .map_err(internal)?;
            panel(&state).await
        }
        Err(error @ (StoreError::Corrupt(_) | StoreError::Database(_) | StoreError::Backup(_))) => {
            log::error!("backup {} cannot be restored: {error}", request.name);
            Err(CommandError::new(
                ErrorCode::InvalidInput,
                format!(
                    "A cópia {} está danificada ou incompleta e não pode ser restaurada.",
                    request.name
                ),
            ))
        }
        Err(error) => Err(internal(error)),
    }
}

/// `helpdesk_api::RestartApp`.
#[tauri::command]
#[specta::specta]
pub async fn restart_app(state: State<'_, AppState>) -> Reply<RestartApp> {
    state.require_administrator(WHAT).await?;
    let Some(restart) = &state.restart else {
        log::error!("a restart was asked where the app cannot restart itself");
        return Err(CommandError::internal());
    };
    log::info!("restarting at the administrator's request");
    (restart.0)();
    Ok(())
}

async fn panel(state: &AppState) -> Result<BackupPanel, CommandError> {
    let plan = backup_settings::load(&state.store)
        .await
        .map_err(internal)?;
    let (backups, folder_problem) = if plan.folder.is_empty() {
        (Vec::new(), None)
    } else {
        match backup::list(Path::new(&plan.folder)) {
            Ok(found) => (found.into_iter().map(line).collect(), None),
            Err(error) => (
                Vec::new(),
                Some(format!(
                    "As cópias desta pasta não podem ser lidas: {error}."
                )),
            ),
        }
    };
    let staged = match state.database.as_deref() {
        Some(database) if backup::staged_path(database).is_file() => {
            backup_settings::staged(&state.store)
                .await
                .map_err(internal)?
        }
        _ => None,
    };
    Ok(BackupPanel {
        settings: plan.settings(),
        backups,
        folder_problem,
        last_error: backup_settings::last_error(&state.store)
            .await
            .map_err(internal)?,
        restore_staged: staged,
    })
}

fn line(info: BackupInfo) -> BackupLine {
    BackupLine {
        name: info.name,
        created_at_ms: info.created_at_ms,
        database_bytes: info.database_bytes,
        files: info.files,
    }
}
