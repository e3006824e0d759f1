//! "Dados Cliente" and "Dados Atend.": one customer's record, and its new contacts.
use helpdesk_api::{AddContact, LoadCustomer, Reply, Request};
use helpdesk_store::{contacts, customer_records};
use tauri::State;

use crate::error::{first_error, internal};
use crate::outcomes::customer_not_found;
use crate::AppState;

/// `helpdesk_api::LoadCustomer`.
#[tauri::command]
#[specta::specta]
pub async fn load_customer(
    request: Request<LoadCustomer>,
    state: State<'_, AppState>,
) -> Reply<LoadCustomer> {
    state.require_operator().await?;
    customer_records::record(&state.store, request)
        .await
        .map_err(internal)?
        .ok_or_else(customer_not_found)
}

/// `helpdesk_api::AddContact`.
#[tauri::command]
#[specta::specta]
pub async fn add_contact(
    request: Request<AddContact>,
    state: State<'_, AppState>,
) -> Reply<AddContact> {
    let operator = state.require_operator().await?;
    let contact = request.validate().map_err(first_error)?;
    contacts::insert(&state.store, operator.id, &contact)
        .await
        .map_err(internal)?
        .ok_or_else(customer_not_found)
}
