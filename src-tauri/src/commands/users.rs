//! "Usuários": the administrator's accounts screen.
use helpdesk_api::{ListUsers, Reply, Request, ResetPassword, SaveUser, SetUserActive};
use helpdesk_core::users::fields;
use helpdesk_store::user_accounts;
use tauri::State;

use crate::error::{first_error, internal};
use crate::{outcomes, AppState};

const WHAT: &str = "administrar usuários";

/// `helpdesk_api::ListUsers`.
#[tauri::command]
#[specta::specta]
pub async fn list_users(state: State<'_, AppState>) -> Reply<ListUsers> {
    state.require_administrator(WHAT).await?;
    user_accounts::list(&state.store).await.map_err(internal)
}

/// `helpdesk_api::SaveUser`.
#[tauri::command]
#[specta::specta]
pub async fn save_user(request: Request<SaveUser>, state: State<'_, AppState>) -> Reply<SaveUser> {
    state.require_administrator(WHAT).await?;
    let user = request.validate().map_err(first_error)?;
    let outcome = user_accounts::save(&state.store, &user)
        .await
        .map_err(internal)?;
    outcomes::user_saved(outcome)
}

/// `helpdesk_api::SetUserActive`: the user's session ends at its next command.
#[tauri::command]
#[specta::specta]
pub async fn set_user_active(
    request: Request<SetUserActive>,
    state: State<'_, AppState>,
) -> Reply<SetUserActive> {
    state.require_administrator(WHAT).await?;
    let outcome = user_accounts::set_active(&state.store, request.id, request.active)
        .await
        .map_err(internal)?;
    outcomes::user_activated(outcome)
}

/// `helpdesk_api::ResetPassword`: the password follows the policy for the user's login.
#[tauri::command]
#[specta::specta]
pub async fn reset_password(
    request: Request<ResetPassword>,
    state: State<'_, AppState>,
) -> Reply<ResetPassword> {
    state.require_administrator(WHAT).await?;
    let account = user_accounts::account(&state.store, request.user_id)
        .await
        .map_err(internal)?
        .ok_or_else(outcomes::user_not_found)?;
    let password = request
        .validate(&account.login, fields::PASSWORD)
        .map_err(first_error)?;
    user_accounts::reset_password(&state.store, account.id, &password)
        .await
        .map_err(internal)?
        .ok_or_else(outcomes::user_not_found)
}
