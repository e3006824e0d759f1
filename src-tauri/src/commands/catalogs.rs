//! The catalogs an administrator keeps, and the contact roles "Novo Contato" offers.
use helpdesk_api::{
    ListCatalog, ListContactRoles, Reply, Request, SaveCatalogEntry, SetCatalogEntryActive,
};
use helpdesk_store::catalog;
use tauri::State;

use crate::error::{first_error, internal};
use crate::{outcomes, AppState};

const WHAT: &str = "alterar os cadastros";

/// `helpdesk_api::ListCatalog`.
#[tauri::command]
#[specta::specta]
pub async fn list_catalog(
    request: Request<ListCatalog>,
    state: State<'_, AppState>,
) -> Reply<ListCatalog> {
    state.require_administrator(WHAT).await?;
    catalog::list(&state.store, request).await.map_err(internal)
}

/// `helpdesk_api::SaveCatalogEntry`.
#[tauri::command]
#[specta::specta]
pub async fn save_catalog_entry(
    request: Request<SaveCatalogEntry>,
    state: State<'_, AppState>,
) -> Reply<SaveCatalogEntry> {
    state.require_administrator(WHAT).await?;
    // Checked in the core as the UI did, then written with the catalog's rules.
    let values = request.fields.parse().map_err(first_error)?;
    let outcome = catalog::save(&state.store, request.id, &values)
        .await
        .map_err(internal)?;
    outcomes::catalog_saved(values.kind(), outcome)
}

/// `helpdesk_api::SetCatalogEntryActive`.
#[tauri::command]
#[specta::specta]
pub async fn set_catalog_entry_active(
    request: Request<SetCatalogEntryActive>,
    state: State<'_, AppState>,
) -> Reply<SetCatalogEntryActive> {
    state.require_administrator(WHAT).await?;
    let outcome = catalog::set_active(&state.store, request)
        .await
        .map_err(internal)?;
    outcomes::catalog_activated(outcome)
}

/// `helpdesk_api::ListContactRoles`.
#[tauri::command]
#[specta::specta]
pub async fn list_contact_roles(state: State<'_, AppState>) -> Reply<ListContactRoles> {
    state.require_operator().await?;
    catalog::contact_role_names(&state.store)
        .await
        .map_err(internal)
}
