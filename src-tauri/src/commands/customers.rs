//! "Localizar Cliente".
use helpdesk_api::{Reply, Request, SearchCustomers};
use helpdesk_store::customers;
use tauri::State;

use crate::error::internal;
use crate::AppState;

/// `helpdesk_api::SearchCustomers`.
#[tauri::command]
#[specta::specta]
pub async fn search_customers(
    request: Request<SearchCustomers>,
    state: State<'_, AppState>,
) -> Reply<SearchCustomers> {
    state.require_operator().await?;
    let term = request.validate()?;
    customers::search(&state.store, &term)
        .await
        .map_err(internal)
}
