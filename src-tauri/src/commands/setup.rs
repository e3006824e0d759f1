//! The first run, the provider's settings, the idle lock and the operator's own password.
use helpdesk_api::{
    ChangePassword, CommandError, CreateProvider, Credentials, ErrorCode, JoinServer,
    LoadSetupState, LockSession, Reply, Request, SaveProviderSettings, SaveTheme, UnlockSession,
};
use helpdesk_store::{login_failures, now_millis, provider_settings, setup, theme, user_accounts};
use tauri::State;

use super::sync::enroll;
use crate::error::{first_error, internal};
use crate::{outcomes, AppState};

/// `helpdesk_api::LoadSetupState`.
#[tauri::command]
#[specta::specta]
pub async fn load_setup_state(state: State<'_, AppState>) -> Reply<LoadSetupState> {
    setup::load_state(&state.store).await.map_err(internal)
}

/// `helpdesk_api::CreateProvider`: refused once the database has a user or joined a server.
#[tauri::command]
#[specta::specta]
pub async fn create_provider(
    request: Request<CreateProvider>,
    state: State<'_, AppState>,
) -> Reply<CreateProvider> {
    let setup = request.validate().map_err(first_error)?;
    let outcome = setup::create_provider(&state.store, &setup)
        .await
        .map_err(internal)?;
    let administrator = outcomes::provider_created(outcome)?;
    log::info!(
        "provider {} created with its administrator {}",
        setup.provider_name,
        administrator.login
    );
    state.set_operator(Some(administrator.clone()));
    Ok(administrator)
}

/// `helpdesk_api::JoinServer`: only a database with no user joins (the token is the proof);
/// one with users registers from "Sincronização", by an administrator.
#[tauri::command]
#[specta::specta]
pub async fn join_server(
    request: Request<JoinServer>,
    state: State<'_, AppState>,
) -> Reply<JoinServer> {
    enroll(&state, &request, None).await
}

/// `helpdesk_api::LockSession`.
#[tauri::command]
#[specta::specta]
pub async fn lock_session(state: State<'_, AppState>) -> Reply<LockSession> {
    let operator = state.require_session().await?;
    state.lock_session(&operator);
    Ok(())
}

/// `helpdesk_api::UnlockSession`: the locked operator's password, throttled as the sign-in.
#[tauri::command]
#[specta::specta]
pub async fn unlock_session(
    request: Request<UnlockSession>,
    state: State<'_, AppState>,
) -> Reply<UnlockSession> {
    let locked = state
        .locked_operator()
        .ok_or_else(|| CommandError::new(ErrorCode::InvalidInput, "Nenhuma sessão bloqueada."))?;
    // A deactivated account ends the session instead of asking for its password.
    let current = state.reread(&locked).await?;
    // The sign-in form's checks: a password typed, not too long.
    let credentials = Credentials {
        login: current.login,
        password: request,
    };
    let login = credentials.validate()?;
    let outcome =
        login_failures::sign_in(&state.store, &login, &credentials.password, now_millis())
            .await
            .map_err(internal)?;
    let operator = outcomes::signed_in(outcome)?;
    if operator.id != locked.id {
        return Err(CommandError::invalid_credentials());
    }
    state.set_operator(Some(operator.clone()));
    Ok(operator)
}

/// `helpdesk_api::ChangePassword`: allowed (and the only way on) while it must be changed;
/// on a desktop whose profile administers.
#[tauri::command]
#[specta::specta]
pub async fn change_password(
    request: Request<ChangePassword>,
    state: State<'_, AppState>,
) -> Reply<ChangePassword> {
    let operator = state.require_session().await?;
    state.require_password_desktop(&operator).await?;
    let new_password = request.validate(&operator.login).map_err(first_error)?;
    let outcome = user_accounts::change_own_password(
        &state.store,
        operator.id,
        &request.current,
        &new_password,
    )
    .await
    .map_err(internal)?;
    let changed = outcomes::password_changed(outcome)?;
    state.reread(&changed).await
}

/// `helpdesk_api::SaveProviderSettings`.
#[tauri::command]
#[specta::specta]
pub async fn save_provider_settings(
    request: Request<SaveProviderSettings>,
    state: State<'_, AppState>,
) -> Reply<SaveProviderSettings> {
    state
        .require_administrator("alterar os dados do provedor")
        .await?;
    let provider = request.validate().map_err(first_error)?;
    provider_settings::save(&state.store, &provider)
        .await
        .map_err(internal)?;
    setup::load_state(&state.store).await.map_err(internal)
}

/// `helpdesk_api::SaveTheme`: any operator, for this desktop.
#[tauri::command]
#[specta::specta]
pub async fn save_theme(
    request: Request<SaveTheme>,
    state: State<'_, AppState>,
) -> Reply<SaveTheme> {
    state.require_operator().await?;
    theme::save(&state.store, request).await.map_err(internal)
}
