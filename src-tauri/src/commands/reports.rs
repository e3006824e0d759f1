//! "Relatórios": a report of a period and filters, computed on the desktop's own data, and
//! its CSV file written where the operator chooses. Any signed-in operator may run them,
//! over all the desktop's data.
use helpdesk_api::{CommandError, ExportReportCsv, Reply, Request, RunReport};
use helpdesk_core::report::{self, Report, ReportRequest};
use helpdesk_store::{now_millis, reports};
use tauri::State;

use crate::error::{first_error, internal};
use crate::{file_picker, local_time, AppState};

/// `helpdesk_api::RunReport`: the period checked in the core (at the desktop's UTC offset
/// on its first day), then the report's one aggregate query.
#[tauri::command]
#[specta::specta]
pub async fn run_report(
    request: Request<RunReport>,
    state: State<'_, AppState>,
) -> Reply<RunReport> {
    state.require_operator().await?;
    compute(&state, &request).await
}

async fn compute(state: &AppState, request: &ReportRequest) -> Result<Report, CommandError> {
    let offset = match helpdesk_core::date::parse_date(&request.from) {
        Ok(day) => local_time::offset_on(day),
        Err(_) => local_time::today().1,
    };
    let period = request.period(offset).map_err(first_error)?;
    reports::run(
        &state.store,
        request.kind,
        &period,
        &request.filters,
        now_millis(),
    )
    .await
    .map_err(internal)
}

/// `helpdesk_api::ExportReportCsv`: the report computed first (a bad period is answered at
/// its field before any dialog), then the system's save dialog over the window (which never
/// sees the file system), then the CSV written there.
#[tauri::command]
#[specta::specta]
pub async fn export_report_csv(
    request: Request<ExportReportCsv>,
    state: State<'_, AppState>,
) -> Reply<ExportReportCsv> {
    state.require_operator().await?;
    let computed = compute(&state, &request).await?;
    let Some(picker) = &state.file_picker else {
        log::error!("export_report_csv: this app has no file dialog");
        return Err(CommandError::internal());
    };
    let Some(path) = picker.save(&report::csv_file_name(&computed)).await else {
        return Ok(None);
    };
    let document = report::to_csv(&computed);
    file_picker::write_chosen(path, document, "a report")
        .await
        .map(Some)
}
