//! The catalogs an administrator keeps, and the choices the wizard takes from them.
use helpdesk_api::{
    CommandError, ListCatalog, ListContactRoles, Reply, Request, SaveCatalogEntry,
    SetCatalogEntryActive,
};
use tauri::State;

use crate::AppState;

const WHAT: &str = "alterar os cadastros";

/// `helpdesk_api::ListCatalog`.
#[tauri::command]
#[specta::specta]
pub async fn list_catalog(
    _request: Request<ListCatalog>,
    state: State<'_, AppState>,
) -> Reply<ListCatalog> {
    state.require_administrator(WHAT).await?;
    Err(CommandError::internal())
}

/// `helpdesk_api::SaveCatalogEntry`.
#[tauri::command]
#[specta::specta]
pub async fn save_catalog_entry(
    _request: Request<SaveCatalogEntry>,
    state: State<'_, AppState>,
) -> Reply<SaveCatalogEntry> {
    state.require_administrator(WHAT).await?;
    Err(CommandError::internal())
}

/// `helpdesk_api::SetCatalogEntryActive`.
#[tauri::command]
#[specta::specta]
pub async fn set_catalog_entry_active(
    _request: Request<SetCatalogEntryActive>,
    state: State<'_, AppState>,
) -> Reply<SetCatalogEntryActive> {
    state.require_administrator(WHAT).await?;
    Err(CommandError::internal())
}

/// `helpdesk_api::ListContactRoles`.
#[tauri::command]
#[specta::specta]
pub async fn list_contact_roles(state: State<'_, AppState>) -> Reply<ListContactRoles> {
    state.require_operator().await?;
    Err(CommandError::internal())
}
