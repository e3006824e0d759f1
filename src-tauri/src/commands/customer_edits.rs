//! "Clientes": customers, contracts and contacts created and changed by the operators whose
//! role edits customers, and who changed what.
use helpdesk_api::{
    ListCustomerChanges, ListPlanChoices, RemoveContact, Reply, Request, SaveContract,
    SaveCustomer, UpdateContact,
};
use helpdesk_store::{contacts, contracts, customer_changes, customer_edits, customer_records};
use tauri::State;

use crate::error::{first_error, internal};
use crate::outcomes::{contract_saved, customer_not_found, customer_saved};
use crate::{local_time, AppState};

/// `helpdesk_api::SaveCustomer`.
#[tauri::command]
#[specta::specta]
pub async fn save_customer(
    request: Request<SaveCustomer>,
    state: State<'_, AppState>,
) -> Reply<SaveCustomer> {
    let operator = state.require_customer_editor().await?;
    let form = request.validate().map_err(first_error)?;
    let outcome = customer_edits::save(&state.store, operator.id, &form)
        .await
        .map_err(internal)?;
    let id = customer_saved(outcome)?;
    customer_records::record(&state.store, id)
        .await
        .map_err(internal)?
        .ok_or_else(customer_not_found)
}

/// `helpdesk_api::SaveContract`.
#[tauri::command]
#[specta::specta]
pub async fn save_contract(
    request: Request<SaveContract>,
    state: State<'_, AppState>,
) -> Reply<SaveContract> {
    let operator = state.require_customer_editor().await?;
    let form = request.validate().map_err(first_error)?;
    let today = local_time::today().0.format("%Y-%m-%d").to_string();
    let outcome = contracts::save(&state.store, operator.id, &form, &today)
        .await
        .map_err(internal)?;
    let id = contract_saved(outcome)?;
    customer_records::record(&state.store, id)
        .await
        .map_err(internal)?
        .ok_or_else(customer_not_found)
}

/// `helpdesk_api::UpdateContact`.
#[tauri::command]
#[specta::specta]
pub async fn update_contact(
    request: Request<UpdateContact>,
    state: State<'_, AppState>,
) -> Reply<UpdateContact> {
    let operator = state.require_customer_editor().await?;
    let contact = request.contact.validate().map_err(first_error)?;
    contacts::update(&state.store, operator.id, request.id, &contact)
        .await
        .map_err(internal)?
        .ok_or_else(customer_not_found)
}

/// `helpdesk_api::RemoveContact`.
#[tauri::command]
#[specta::specta]
pub async fn remove_contact(
    request: Request<RemoveContact>,
    state: State<'_, AppState>,
) -> Reply<RemoveContact> {
    let operator = state.require_customer_editor().await?;
    // Removing what is already gone leaves it gone: nothing to tell.
    contacts::remove(&state.store, operator.id, request)
        .await
        .map_err(internal)?;
    Ok(())
}

/// `helpdesk_api::ListCustomerChanges`.
#[tauri::command]
#[specta::specta]
pub async fn list_customer_changes(
    request: Request<ListCustomerChanges>,
    state: State<'_, AppState>,
) -> Reply<ListCustomerChanges> {
    state.require_operator().await?;
    customer_changes::list(&state.store, request)
        .await
        .map_err(internal)
}

/// `helpdesk_api::ListPlanChoices`.
#[tauri::command]
#[specta::specta]
pub async fn list_plan_choices(state: State<'_, AppState>) -> Reply<ListPlanChoices> {
    state.require_operator().await?;
    contracts::choices(&state.store).await.map_err(internal)
}
