//! The operator's wizard draft, saved as they go so a closed or killed app loses nothing.
use helpdesk_api::{DiscardDraft, LoadDraft, Reply, Request, SaveDraft};
use helpdesk_store::drafts;
use tauri::State;

use crate::error::internal;
use crate::AppState;

/// `helpdesk_api::SaveDraft`.
#[tauri::command]
#[specta::specta]
pub async fn save_draft(
    request: Request<SaveDraft>,
    state: State<'_, AppState>,
) -> Reply<SaveDraft> {
    let operator = state.require_operator().await?;
    drafts::save(&state.store, operator.id, &request)
        .await
        .map(drop)
        .map_err(internal)
}

/// `helpdesk_api::LoadDraft`.
#[tauri::command]
#[specta::specta]
pub async fn load_draft(state: State<'_, AppState>) -> Reply<LoadDraft> {
    let operator = state.require_operator().await?;
    drafts::load(&state.store, operator.id)
        .await
        .map_err(internal)
}

/// `helpdesk_api::DiscardDraft`.
#[tauri::command]
#[specta::specta]
pub async fn discard_draft(state: State<'_, AppState>) -> Reply<DiscardDraft> {
    let operator = state.require_operator().await?;
    drafts::discard(&state.store, operator.id)
        .await
        .map_err(internal)
}
