//! Protocol numbers, given when a ticket starts.
use chrono::Local;
use helpdesk_api::{Reply, ReserveProtocol};
use helpdesk_store::protocols;
use tauri::State;

use crate::error::internal;
use crate::AppState;

/// `helpdesk_api::ReserveProtocol`: the desktop's local date, its number, its next sequence.
#[tauri::command]
#[specta::specta]
pub async fn reserve_protocol(state: State<'_, AppState>) -> Reply<ReserveProtocol> {
    let operator = state.require_operator().await?;
    let today = Local::now().date_naive();
    Ok(protocols::reserve(&state.store, operator.id, today)
        .await
        .map_err(internal)??)
}
