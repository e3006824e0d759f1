//! "Expediente e feriados" (administrators): the provider's week of business hours and its
//! holidays, which ticket due times are counted in; and that calendar for the wizard.
use helpdesk_api::{
    AddHoliday, AddNationalHolidays, ListHolidays, LoadBusinessHours, LoadSlaCalendar,
    RemoveHoliday, Reply, Request, SaveBusinessHours,
};
use helpdesk_core::business_hours::check_year;
use helpdesk_store::{business_hours, holidays};
use tauri::State;

use crate::error::{first_error, internal};
use crate::{outcomes, AppState};

const WHAT: &str = "alterar o expediente e os feriados";

/// `helpdesk_api::LoadBusinessHours`.
#[tauri::command]
#[specta::specta]
pub async fn load_business_hours(state: State<'_, AppState>) -> Reply<LoadBusinessHours> {
    state.require_administrator(WHAT).await?;
    business_hours::week(&state.store).await.map_err(internal)
}

/// `helpdesk_api::SaveBusinessHours`: checked in the core as the UI did, then written.
#[tauri::command]
#[specta::specta]
pub async fn save_business_hours(
    request: Request<SaveBusinessHours>,
    state: State<'_, AppState>,
) -> Reply<SaveBusinessHours> {
    state.require_administrator(WHAT).await?;
    let week = request.parse().map_err(first_error)?;
    business_hours::save_week(&state.store, &week)
        .await
        .map_err(internal)
}

/// `helpdesk_api::ListHolidays`.
#[tauri::command]
#[specta::specta]
pub async fn list_holidays(
    request: Request<ListHolidays>,
    state: State<'_, AppState>,
) -> Reply<ListHolidays> {
    state.require_administrator(WHAT).await?;
    let year = check_year(request)?;
    holidays::of_year(&state.store, year)
        .await
        .map_err(internal)
}

/// `helpdesk_api::AddHoliday`.
#[tauri::command]
#[specta::specta]
pub async fn add_holiday(
    request: Request<AddHoliday>,
    state: State<'_, AppState>,
) -> Reply<AddHoliday> {
    state.require_administrator(WHAT).await?;
    let holiday = request.parse().map_err(first_error)?;
    let outcome = holidays::add(&state.store, &holiday)
        .await
        .map_err(internal)?;
    outcomes::holiday_added(outcome)
}

/// `helpdesk_api::RemoveHoliday`.
#[tauri::command]
#[specta::specta]
pub async fn remove_holiday(
    request: Request<RemoveHoliday>,
    state: State<'_, AppState>,
) -> Reply<RemoveHoliday> {
    state.require_administrator(WHAT).await?;
    let removed = holidays::remove(&state.store, request)
        .await
        .map_err(internal)?;
    outcomes::holiday_removed(removed)
}

/// `helpdesk_api::AddNationalHolidays`.
#[tauri::command]
#[specta::specta]
pub async fn add_national_holidays(
    request: Request<AddNationalHolidays>,
    state: State<'_, AppState>,
) -> Reply<AddNationalHolidays> {
    state.require_administrator(WHAT).await?;
    let year = check_year(request)?;
    holidays::add_national(&state.store, year)
        .await
        .map_err(internal)
}

/// `helpdesk_api::LoadSlaCalendar`.
#[tauri::command]
#[specta::specta]
pub async fn load_sla_calendar(state: State<'_, AppState>) -> Reply<LoadSlaCalendar> {
    state.require_operator().await?;
    business_hours::calendar(&state.store)
        .await
        .map_err(internal)
}
