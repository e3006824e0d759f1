//! "Ordem de Serviço" and the "Agenda Técnica": the work-order catalog, the visits of a
//! range, moving a visit, a technician's agenda as an iCalendar file, and "Ordens de
//! Serviço": the list and a visit's change of status.
use helpdesk_api::{
    ChangeWorkOrderStatus, CommandError, ErrorCode, ExportAgendaIcs, ListWorkOrders, LoadAgenda,
    LoadWorkOrder, LoadWorkOrderCatalog, Reply, Request, RescheduleVisit,
};
use helpdesk_core::ics;
use helpdesk_store::now_millis;
use helpdesk_store::work_orders;
use tauri::State;

use crate::error::{first_error, internal};
use crate::{file_picker, local_time, outcomes, AppState};

/// `helpdesk_api::LoadWorkOrderCatalog`.
#[tauri::command]
#[specta::specta]
pub async fn load_work_order_catalog(state: State<'_, AppState>) -> Reply<LoadWorkOrderCatalog> {
    state.require_operator().await?;
    work_orders::catalog(&state.store).await.map_err(internal)
}

/// `helpdesk_api::LoadAgenda`: the range checked in the core, then one indexed query.
#[tauri::command]
#[specta::specta]
pub async fn load_agenda(
    request: Request<LoadAgenda>,
    state: State<'_, AppState>,
) -> Reply<LoadAgenda> {
    state.require_operator().await?;
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
    request: Request<RescheduleVisit>,
    state: State<'_, AppState>,
) -> Reply<RescheduleVisit> {
    let operator = state.require_operator().await?;
    request.slot.check().map_err(first_error)?;
    let outcome = work_orders::reschedule(&state.store, &request, operator.id, now_millis())
        .await
        .map_err(internal)?;
    outcomes::rescheduled(outcome)
}

/// `helpdesk_api::ExportAgendaIcs`: the system's save dialog opens over the window (which
/// never sees the file system), then the technician's visits from 30 days ago to 180 days
/// ahead are written there as iCalendar.
#[tauri::command]
#[specta::specta]
pub async fn export_agenda_ics(
    request: Request<ExportAgendaIcs>,
    state: State<'_, AppState>,
) -> Reply<ExportAgendaIcs> {
    state.require_operator().await?;
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
    let visits = work_orders::agenda(&state.store, &ics::export_query(request, now))
        .await
        .map_err(internal)?;
    let document = ics::calendar(&name, &visits, now);
    file_picker::write_chosen(path, document, "an agenda")
        .await
        .map(Some)
}

/// `helpdesk_api::ListWorkOrders`: one indexed query a page long.
#[tauri::command]
#[specta::specta]
pub async fn list_work_orders(
    request: Request<ListWorkOrders>,
    state: State<'_, AppState>,
) -> Reply<ListWorkOrders> {
    state.require_operator().await?;
    work_orders::list(&state.store, &request)
        .await
        .map_err(internal)
}

/// `helpdesk_api::LoadWorkOrder`.
#[tauri::command]
#[specta::specta]
pub async fn load_work_order(
    request: Request<LoadWorkOrder>,
    state: State<'_, AppState>,
) -> Reply<LoadWorkOrder> {
    state.require_operator().await?;
    work_orders::line(&state.store, request)
        .await
        .map_err(internal)
}

/// `helpdesk_api::ChangeWorkOrderStatus`: the form checked by the core against the visit
/// and the status as stored, inside the store's transaction; the times typed are read in
/// the desktop's zone now.
#[tauri::command]
#[specta::specta]
pub async fn change_work_order_status(
    request: Request<ChangeWorkOrderStatus>,
    state: State<'_, AppState>,
) -> Reply<ChangeWorkOrderStatus> {
    let operator = state.require_operator().await?;
    let now = now_millis();
    let outcome = work_orders::change_status(
        &state.store,
        &request,
        local_time::offset_at(now),
        operator.id,
        now,
    )
    .await
    .map_err(internal)?;
    outcomes::status_changed(outcome)
}
