//! The first run, the provider's settings, the idle lock and the operator's own password.
use helpdesk_api::{
    ChangePassword, CommandError, CreateProvider, JoinServer, LoadSetupState, LockSession,
    Reply, Request, SaveProviderSettings, UnlockSession,
};
use tauri::State;

use crate::AppState;

/// `helpdesk_api::LoadSetupState`.
#[tauri::command]
#[specta::specta]
pub async fn load_setup_state(_state: State<'_, AppState>) -> Reply<LoadSetupState> {
    Err(CommandError::internal())
}

/// `helpdesk_api::CreateProvider`.
#[tauri::command]
#[specta::specta]
pub async fn create_provider(
    _request: Request<CreateProvider>,
    _state: State<'_, AppState>,
) -> Reply<CreateProvider> {
    Err(CommandError::internal())
}

/// `helpdesk_api::JoinServer`.
#[tauri::command]
#[specta::specta]
pub async fn join_server(
    _request: Request<JoinServer>,
    _state: State<'_, AppState>,
) -> Reply<JoinServer> {
    Err(CommandError::internal())
}

/// `helpdesk_api::LockSession`.
#[tauri::command]
#[specta::specta]
pub async fn lock_session(state: State<'_, AppState>) -> Reply<LockSession> {
    state.require_operator()?;
    Err(CommandError::internal())
}

/// `helpdesk_api::UnlockSession`.
#[tauri::command]
#[specta::specta]
pub async fn unlock_session(
    _request: Request<UnlockSession>,
    _state: State<'_, AppState>,
) -> Reply<UnlockSession> {
    Err(CommandError::internal())
}

/// `helpdesk_api::ChangePassword`.
#[tauri::command]
#[specta::specta]
pub async fn change_password(
    _request: Request<ChangePassword>,
    state: State<'_, AppState>,
) -> Reply<ChangePassword> {
    state.require_operator()?;
    Err(CommandError::internal())
}

/// `helpdesk_api::SaveProviderSettings`.
#[tauri::command]
#[specta::specta]
pub async fn save_provider_settings(
    _request: Request<SaveProviderSettings>,
    state: State<'_, AppState>,
) -> Reply<SaveProviderSettings> {
    state
        .require_administrator("alterar os dados do provedor")
        .await?;
    Err(CommandError::internal())
}
