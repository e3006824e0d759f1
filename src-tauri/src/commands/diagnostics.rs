//! The window's errors in the app's log, "Sobre", and "Exportar diagnóstico".
use helpdesk_api::{CommandError, ExportDiagnostics, LoadAbout, LogUiError, Reply, Request};
use helpdesk_core::diagnostics::{zip_file_name, AboutInfo};
use helpdesk_store::table_counts::table_counts;
use tauri::State;

use crate::commands::sync_status;
use crate::error::internal;
use crate::{diagnostics, file_picker, AppState};

/// The log target of the window's errors.
const WINDOW_TARGET: &str = "helpdesk_ui";

/// `helpdesk_api::LogUiError`: the report on one line, cut and masked by the core; a panic
/// or a page's fault as an error, a command's error the window shows as a warning.
#[tauri::command]
#[specta::specta]
pub async fn log_ui_error(
    request: Request<LogUiError>,
    _state: State<'_, AppState>,
) -> Reply<LogUiError> {
    let level = if request.is_fault() {
        log::Level::Error
    } else {
        log::Level::Warn
    };
    log::log!(target: WINDOW_TARGET, level, "{}", request.log_line());
    Ok(())
}

/// `helpdesk_api::LoadAbout`.
#[tauri::command]
#[specta::specta]
pub async fn load_about(state: State<'_, AppState>) -> Reply<LoadAbout> {
    let operator = state.require_operator().await?;
    about(&state, &operator).await
}

async fn about(
    state: &AppState,
    operator: &helpdesk_api::Operator,
) -> Result<AboutInfo, CommandError> {
    let sync = sync_status(state, Some(operator)).await?;
    Ok(diagnostics::about(
        &state.version,
        state.database.as_deref(),
        state.log_folder.as_deref(),
        sync,
    ))
}

/// `helpdesk_api::ExportDiagnostics`: the summary made first, then the system's save dialog,
/// then the zip written where the operator chose.
#[tauri::command]
#[specta::specta]
pub async fn export_diagnostics(state: State<'_, AppState>) -> Reply<ExportDiagnostics> {
    let operator = state.require_operator().await?;
    let about = about(&state, &operator).await?;
    let tables = table_counts(&state.store).await.map_err(internal)?;
    let Some(picker) = &state.file_picker else {
        log::error!("export_diagnostics: this app has no file dialog");
        return Err(CommandError::internal());
    };
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M").to_string();
    let Some(path) = picker.save(&zip_file_name(&stamp)).await else {
        return Ok(None);
    };
    let log_folder = state.log_folder.clone();
    let zipped = tokio::task::spawn_blocking(move || {
        let summary = diagnostics::summary(about, tables);
        diagnostics::zip(&summary, log_folder.as_deref())
    })
    .await
    .map_err(|error| {
        log::error!("making the diagnostic zip stopped: {error}");
        CommandError::internal()
    })?
    .map_err(|error| {
        log::error!("the diagnostic zip could not be made: {error}");
        CommandError::internal()
    })?;
    let written = file_picker::write_chosen(path, zipped, "the diagnostic zip").await?;
    log::info!("{} exported a diagnostic zip to {written}", operator.login);
    Ok(Some(written))
}
