//! "Usuários": the administrator's accounts screen.
use helpdesk_api::{
    CommandError, ListUsers, Reply, Request, ResetPassword, SaveUser, SetUserActive,
};
use tauri::State;

use crate::AppState;

const WHAT: &str = "administrar usuários";

/// `helpdesk_api::ListUsers`.
#[tauri::command]
#[specta::specta]
pub async fn list_users(state: State<'_, AppState>) -> Reply<ListUsers> {
    state.require_administrator(WHAT).await?;
    Err(CommandError::internal())
}

/// `helpdesk_api::SaveUser`.
#[tauri::command]
#[specta::specta]
pub async fn save_user(
    _request: Request<SaveUser>,
    state: State<'_, AppState>,
) -> Reply<SaveUser> {
    state.require_administrator(WHAT).await?;
    Err(CommandError::internal())
}

/// `helpdesk_api::SetUserActive`.
#[tauri::command]
#[specta::specta]
pub async fn set_user_active(
    _request: Request<SetUserActive>,
    state: State<'_, AppState>,
) -> Reply<SetUserActive> {
    state.require_administrator(WHAT).await?;
    Err(CommandError::internal())
}

/// `helpdesk_api::ResetPassword`.
#[tauri::command]
#[specta::specta]
pub async fn reset_password(
    _request: Request<ResetPassword>,
    state: State<'_, AppState>,
) -> Reply<ResetPassword> {
    state.require_administrator(WHAT).await?;
    Err(CommandError::internal())
}
