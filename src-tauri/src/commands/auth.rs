//! Log-in and the operator's session.
use helpdesk_api::{CommandError, Credentials, Operator};
use helpdesk_store::people;
use tauri::State;

use crate::error::internal;
use crate::AppState;

/// `helpdesk_api::Login`.
#[tauri::command]
#[specta::specta]
pub async fn login(
    request: Credentials,
    state: State<'_, AppState>,
) -> Result<Operator, CommandError> {
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
pub fn logout(state: State<'_, AppState>) {
    state.set_operator(None);
}

/// `helpdesk_api::CurrentOperator`.
#[tauri::command]
#[specta::specta]
pub fn current_operator(state: State<'_, AppState>) -> Option<Operator> {
    state.operator()
}
