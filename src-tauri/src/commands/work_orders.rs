//! "Ordem de Serviço" and the "Agenda Técnica": the work-order catalog, the visits of a
//! range, moving a visit, and a technician's agenda as an iCalendar file.
use chrono::{Local, Offset, TimeZone};
use helpdesk_api::{
    AgendaQuery, CommandError, ErrorCode, Reschedule, Uuid, Visit, WorkOrderCatalog,
};
use helpdesk_core::ics;
use helpdesk_core::work_order::{clash_message, fields, MINUTE};
use helpdesk_store::now_millis;
use helpdesk_store::work_orders::{self, RescheduleOutcome};
use tauri::State;

use crate::error::{first_error, internal};
use crate::AppState;

/// How far back and ahead an exported agenda reaches, in days.
const EXPORT_DAYS_BEFORE: i64 = 30;
const EXPORT_DAYS_AFTER: i64 = 180;
const DAY: i64 = 24 * 60 * MINUTE;

/// `helpdesk_api::LoadWorkOrderCatalog`.
#[tauri::command]
#[specta::specta]
pub async fn load_work_order_catalog(
    state: State<'_, AppState>,
) -> Result<WorkOrderCatalog, CommandError> {
    state.require_operator()?;
    work_orders::catalog(&state.store).await.map_err(internal)
}

/// `helpdesk_api::LoadAgenda`: the range checked in the core, then one indexed query.
#[tauri::command]
#[specta::specta]
pub async fn load_agenda(
    request: AgendaQuery,
    state: State<'_, AppState>,
) -> Result<Vec<Visit>, CommandError> {
    state.require_operator()?;
    request.check()?;
    work_orders::agenda(&state.store, &request)
        .await
        .map_err(internal)
}

/// `helpdesk_api::RescheduleVisit`: the slot checked in the core, then checked against the
/// visit, the technician and their other visits as stored, in one transaction.
#[tauri::command]
#[specta::specta]
pub async fn reschedule_visit(
    request: Reschedule,
    state: State<'_, AppState>,
) -> Result<Visit, CommandError> {
    let operator = state.require_operator()?;
    request.slot.check().map_err(first_error)?;
    let outcome = work_orders::reschedule(&state.store, &request, operator.id, now_millis())
        .await
        .map_err(internal)?;
    match outcome {
        RescheduleOutcome::Saved(visit) => Ok(*visit),
        RescheduleOutcome::Changed(_) => Err(CommandError::new(
            ErrorCode::Conflict,
            "Esta visita foi alterada por outra pessoa: veja a agenda atualizada.",
        )),
        RescheduleOutcome::TechnicianRemoved => Err(CommandError::at_field(
            fields::TECHNICIAN,
            "Este técnico não está mais ativo: escolha outro.",
        )),
        RescheduleOutcome::Clash(clashing) => {
            let offset = clashing
                .first()
                .map_or(0, |visit| local_offset_minutes(visit.slot.starts_at));
            Err(CommandError::new(
                ErrorCode::Conflict,
                clash_message(&clashing, offset),
            ))
        }
        RescheduleOutcome::NotFound => Err(CommandError::new(
            ErrorCode::NotFound,
            "Esta visita não existe mais.",
        )),
        RescheduleOutcome::Closed => Err(CommandError::new(
            ErrorCode::InvalidInput,
            "Esta visita já foi concluída ou cancelada: o horário dela não muda mais.",
        )),
    }
}

/// `helpdesk_api::ExportAgendaIcs`: the system's save dialog opens over the window (which
/// never sees the file system), then the technician's visits from 30 days ago to 180 days
/// ahead are written there as iCalendar.
#[tauri::command]
#[specta::specta]
pub async fn export_agenda_ics(
    request: Uuid,
    state: State<'_, AppState>,
) -> Result<Option<String>, CommandError> {
    state.require_operator()?;
    let Some(name) = work_orders::technician_name(&state.store, request)
        .await
        .map_err(internal)?
    else {
        return Err(CommandError::new(
            ErrorCode::NotFound,
            "Este técnico não existe mais.",
        ));
    };
    let Some(picker) = &state.file_picker else {
        log::error!("export_agenda_ics: this app has no file dialog");
        return Err(CommandError::internal());
    };
    let Some(path) = picker.save(&ics::file_name(&name)).await else {
        return Ok(None);
    };
    let now = now_millis();
    let range = AgendaQuery {
        from: now - EXPORT_DAYS_BEFORE * DAY,
        to: now + EXPORT_DAYS_AFTER * DAY,
        technician_ids: vec![request],
        kind: None,
    };
    let visits = work_orders::agenda(&state.store, &range)
        .await
        .map_err(internal)?;
    let document = ics::calendar(&name, &visits, now);
    let target = path.clone();
    let written = tokio::task::spawn_blocking(move || std::fs::write(&target, document))
        .await
        .map_err(|error| {
            log::error!("writing an agenda stopped: {error}");
            CommandError::internal()
        })?;
    if let Err(error) = written {
        log::warn!(
            "the agenda could not be written to {}: {error}",
            path.display()
        );
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            format!(
                "Não foi possível gravar o arquivo em {}: escolha outra pasta.",
                path.display()
            ),
        ));
    }
    Ok(Some(path.display().to_string()))
}

/// The desktop's UTC offset at `millis`, in minutes east.
fn local_offset_minutes(millis: i64) -> i32 {
    Local
        .timestamp_millis_opt(millis)
        .single()
        .map_or(0, |local| local.offset().fix().local_minus_utc() / 60)
}
