//! "Importar clientes" and "Exportar clientes", for administrators: an import rewrites the
//! customer base and the plans' and routing points' catalogs (which only administrators
//! edit), and an export hands the whole base (personal data) to a file.
//!
//! The files picked stay here (the window never names a path); an import runs inside its
//! command, which answers when it ends, while `import_progress` reads how it goes and
//! `cancel_import` stops it between batches. The picked files and the current import are
//! held in the app's [`crate::import_session::ImportSession`].
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use helpdesk_api::{
    CancelImport, CommandError, ErrorCode, ExportCustomers, ImportProgress, ListPendingImports,
    PickImportFile, Reply, Request, ResumeImports, RunImport, SaveImportReport, Uuid,
};
use helpdesk_core::import::job::{
    FileInspection, FileProgress, FileState, ImportStatus, PendingImport, REPORT_PREVIEW_ROWS,
};
use helpdesk_core::import::mapping::{header_notes, ColumnMapping};
use helpdesk_core::import::{ImportKind, RejectedRow};
use helpdesk_import::read::inspect;
use helpdesk_import::run::{run_file, Ended};
use helpdesk_import::ImportError;
use helpdesk_store::customer_import::{self, ImportRun, RunFile};
use tauri::State;

use crate::error::internal;
use crate::import_session::Picked;
use crate::{local_time, AppState};

fn file_error(error: ImportError) -> CommandError {
    match error {
        ImportError::File(message) => CommandError::new(ErrorCode::InvalidInput, message),
        ImportError::Store(error) => internal(error),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned())
}

fn picker(state: &AppState) -> Result<&crate::FilePicker, CommandError> {
    state.file_picker.as_ref().ok_or_else(|| {
        log::error!("imports: this app has no file picker");
        CommandError::internal()
    })
}

const WHAT: &str = "importar ou exportar clientes";

/// `helpdesk_api::PickImportFile`.
#[tauri::command]
#[specta::specta]
pub async fn pick_import_file(
    request: Request<PickImportFile>,
    state: State<'_, AppState>,
) -> Reply<PickImportFile> {
    state.require_administrator(WHAT).await?;
    let kind = request;
    let Some(path) = picker(&state)?.pick().await else {
        return Ok(None);
    };
    let read = {
        let path = path.clone();
        tokio::task::spawn_blocking(move || inspect(&path))
            .await
            .map_err(|error| internal(error.into()))?
    };
    let inspection = read.map_err(file_error)?;
    let remembered = customer_import::remembered_mapping(&state.store, kind)
        .await
        .map_err(internal)?;
    let mapping = ColumnMapping::suggest_with(kind, &inspection.headers, &remembered);
    let answer = FileInspection {
        kind,
        file_name: file_name(&path),
        encoding: inspection.encoding.clone(),
        delimiter: match inspection.delimiter {
            b',' => "vírgula",
            b'\t' => "tabulação",
            _ => "ponto e vírgula",
        }
        .into(),
        headers: inspection.headers.clone(),
        preview: inspection.preview.clone(),
        mapping,
        notes: header_notes(kind, &inspection.headers),
        targets: kind.options(),
    };
    state
        .imports
        .lock()
        .picked
        .insert(kind, Picked { path, inspection });
    Ok(Some(answer))
}

/// `helpdesk_api::RunImport`.
#[tauri::command]
#[specta::specta]
pub async fn run_import(
    request: Request<RunImport>,
    state: State<'_, AppState>,
) -> Reply<RunImport> {
    let operator = state.require_administrator(WHAT).await?;
    if request.files.is_empty() {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            "Escolha ao menos um arquivo para importar.",
        ));
    }
    let mut files = request.files.clone();
    files.sort_by_key(|file| ImportKind::ALL.iter().position(|kind| *kind == file.kind));
    let mut runs = Vec::new();
    {
        let imports = state.imports.lock();
        if imports.status.running {
            return Err(already_running());
        }
        for file in &files {
            let Some(picked) = imports.picked.get(&file.kind) else {
                return Err(CommandError::new(
                    ErrorCode::InvalidInput,
                    format!("Escolha de novo o arquivo de {}.", file.kind.label()),
                ));
            };
            if let Err(problems) = file.mapping.check(file.kind, &picked.inspection.headers) {
                return Err(CommandError::new(
                    ErrorCode::InvalidInput,
                    format!("{}: {}", file.kind.label(), problems.join(" ")),
                ));
            }
            runs.push((file.clone(), picked.path.clone(), picked.inspection.clone()));
        }
    }
    let mut started = Vec::new();
    for (file, path, inspection) in runs {
        let pairs = file.mapping.pairs(&inspection.headers);
        customer_import::remember_mapping(&state.store, file.kind, &pairs)
            .await
            .map_err(internal)?;
        let run_file = RunFile {
            name: file_name(&path),
            path: path.to_string_lossy().into_owned(),
            size: inspection.size,
            hash: inspection.hash.clone(),
        };
        let run = customer_import::start(
            &state.store,
            file.kind,
            &run_file,
            request.match_by,
            &inspection.headers,
            &file.mapping,
            request.dry_run,
        )
        .await
        .map_err(internal)?;
        started.push(run);
    }
    drive(&state, operator.id, started, request.dry_run).await
}

/// `helpdesk_api::ResumeImports`.
#[tauri::command]
#[specta::specta]
pub async fn resume_imports(state: State<'_, AppState>) -> Reply<ResumeImports> {
    let operator = state.require_administrator(WHAT).await?;
    let pending = customer_import::pending(&state.store)
        .await
        .map_err(internal)?;
    if pending.is_empty() {
        return Err(CommandError::new(
            ErrorCode::NotFound,
            "Não há importação para retomar.",
        ));
    }
    drive(&state, operator.id, pending, false).await
}

fn already_running() -> CommandError {
    CommandError::new(
        ErrorCode::Conflict,
        "Uma importação já está em andamento: aguarde o fim ou cancele-a.",
    )
}

/// Runs `runs` in order, keeping the shared status up to date, until the end, a cancel or
/// a failure; answers the final status.
async fn drive(
    state: &AppState,
    user: Uuid,
    runs: Vec<ImportRun>,
    dry_run: bool,
) -> Reply<RunImport> {
    let cancel = Arc::new(AtomicBool::new(false));
    {
        let mut imports = state.imports.lock();
        if imports.status.running {
            return Err(already_running());
        }
        imports.cancel = Some(cancel.clone());
        imports.runs = runs.iter().map(|run| run.id).collect();
        imports.status = ImportStatus {
            running: true,
            dry_run,
            files: runs.iter().map(progress_of).collect(),
            error: None,
            rejected: Vec::new(),
        };
    }
    let today = local_time::today().0.format("%Y-%m-%d").to_string();
    for (index, mut run) in runs.into_iter().enumerate() {
        set_file(state, index, |file| file.state = FileState::Running);
        let result = run_file(&state.store, user, &mut run, &today, &cancel, |progress| {
            set_file(state, index, |file| {
                file.counts = progress.counts;
                file.permille = permille(progress.bytes_read, progress.bytes_total);
            });
        })
        .await;
        let ended = match result {
            Ok(ended) => ended,
            Err(error) => {
                let message = match error {
                    ImportError::File(message) => message,
                    ImportError::Store(error) => {
                        log::error!("import of {}: {error}", run.file.name);
                        "A importação parou por um erro do banco de dados; veja o registro do aplicativo e retome-a.".into()
                    }
                };
                set_file(state, index, |file| file.state = FileState::Failed);
                state.imports.lock().status.error = Some(message);
                break;
            }
        };
        let counts = run.counts;
        set_file(state, index, |file| {
            file.counts = counts;
            file.permille = 1_000;
            file.state = match ended {
                Ended::Done => FileState::Done,
                Ended::Cancelled => FileState::Cancelled,
            };
        });
        if ended == Ended::Cancelled {
            break;
        }
    }
    let rejected = report(state, REPORT_PREVIEW_ROWS).await?;
    let mut imports = state.imports.lock();
    imports.status.running = false;
    imports.status.rejected = rejected;
    imports.cancel = None;
    Ok(imports.status.clone())
}

fn progress_of(run: &ImportRun) -> FileProgress {
    FileProgress {
        kind: run.kind,
        file_name: run.file.name.clone(),
        state: FileState::Waiting,
        counts: run.counts,
        permille: 0,
    }
}

/// `read` of `total` bytes, in thousandths.
fn permille(read: u64, total: u64) -> u32 {
    let thousandths = u128::from(read) * 1_000 / u128::from(total.max(1));
    u32::try_from(thousandths.min(1_000)).unwrap_or(1_000)
}

fn set_file(state: &AppState, index: usize, change: impl FnOnce(&mut FileProgress)) {
    if let Some(file) = state.imports.lock().status.files.get_mut(index) {
        change(file);
    }
}

/// The first `limit` refused rows of the last import's runs, by file then line.
async fn report(state: &AppState, limit: u32) -> Result<Vec<RejectedRow>, CommandError> {
    let runs = state.imports.lock().runs.clone();
    let mut rows = Vec::new();
    for run in runs {
        let left = limit.saturating_sub(u32::try_from(rows.len()).unwrap_or(u32::MAX));
        if left == 0 {
            break;
        }
        rows.extend(
            customer_import::rejects(&state.store, run, left)
                .await
                .map_err(internal)?,
        );
    }
    Ok(rows)
}

/// `helpdesk_api::ImportProgress`.
#[tauri::command]
#[specta::specta]
pub async fn import_progress(state: State<'_, AppState>) -> Reply<ImportProgress> {
    state.require_administrator(WHAT).await?;
    Ok(state.imports.lock().status.clone())
}

/// `helpdesk_api::CancelImport`.
#[tauri::command]
#[specta::specta]
pub async fn cancel_import(state: State<'_, AppState>) -> Reply<CancelImport> {
    state.require_administrator(WHAT).await?;
    if let Some(cancel) = &state.imports.lock().cancel {
        cancel.store(true, Ordering::Relaxed);
    }
    Ok(())
}

/// `helpdesk_api::ListPendingImports`.
#[tauri::command]
#[specta::specta]
pub async fn list_pending_imports(state: State<'_, AppState>) -> Reply<ListPendingImports> {
    state.require_administrator(WHAT).await?;
    if state.imports.lock().status.running {
        return Ok(Vec::new());
    }
    let pending = customer_import::pending(&state.store)
        .await
        .map_err(internal)?;
    Ok(pending
        .into_iter()
        .map(|run| PendingImport {
            kind: run.kind,
            file_name: run.file.name,
            counts: run.counts,
        })
        .collect())
}

/// `helpdesk_api::SaveImportReport`.
#[tauri::command]
#[specta::specta]
pub async fn save_import_report(state: State<'_, AppState>) -> Reply<SaveImportReport> {
    state.require_administrator(WHAT).await?;
    let Some(path) = picker(&state)?.save("relatorio-importacao.csv").await else {
        return Ok(false);
    };
    let rows = report(&state, u32::MAX).await?;
    tokio::task::spawn_blocking(move || helpdesk_import::report::write_report(&path, &rows))
        .await
        .map_err(|error| internal(error.into()))?
        .map_err(file_error)?;
    Ok(true)
}

/// `helpdesk_api::ExportCustomers`.
#[tauri::command]
#[specta::specta]
pub async fn export_customers(state: State<'_, AppState>) -> Reply<ExportCustomers> {
    state.require_administrator(WHAT).await?;
    let Some(path) = picker(&state)?.save("clientes.csv").await else {
        return Ok(None);
    };
    helpdesk_import::export::export_customers(&state.store, &path)
        .await
        .map(|rows| Some(u32::try_from(rows).unwrap_or(u32::MAX)))
        .map_err(file_error)
}
