//! Log-in and the operator's session.
use helpdesk_api::{CommandError, CurrentOperator, Login, Logout, Reply, Request};
use helpdesk_store::people;
use tauri::State;

use crate::error::internal;
use crate::AppState;

/// `helpdesk_api::Login`.
#[tauri::command]
#[specta::specta]
pub async fn login(request: Request<Login>, state: State<'_, AppState>) -> Reply<Login> {
    let login = request.validate()?;
    let operator = people::authenticate(&state.store, &login, &request.password)
        .await
        .map_err(internal)?
        .ok_or_else(CommandError::invalid_credentials)?;
    log::info!("operator {} logged in", operator.login);
    state.set_operator(Some(operator.clone()));
    Ok(operator)
}

/// `helpdesk_api::Logout`.
#[tauri::command]
#[specta::specta]
pub async fn logout(state: State<'_, AppState>) -> Reply<Logout> {
    state.set_operator(None);
    Ok(())
}

/// `helpdesk_api::CurrentOperator`.
#[tauri::command]
#[specta::specta]
pub async fn current_operator(state: State<'_, AppState>) -> Reply<CurrentOperator> {
    Ok(state.operator())
}
