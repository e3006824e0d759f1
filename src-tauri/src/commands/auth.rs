//! Sign-in (throttled after repeated failures) and the operator's session.
use helpdesk_api::{CurrentOperator, ErrorCode, Login, Logout, Reply, Request};
use helpdesk_store::{login_failures, now_millis};
use tauri::State;

use crate::error::internal;
use crate::{outcomes, AppState};

/// `helpdesk_api::Login`: after five failures of a login, each try waits (and says how long).
#[tauri::command]
#[specta::specta]
pub async fn login(request: Request<Login>, state: State<'_, AppState>) -> Reply<Login> {
    let login = request.validate()?;
    let outcome = login_failures::sign_in(&state.store, &login, &request.password, now_millis())
        .await
        .map_err(internal)?;
    let operator = outcomes::signed_in(outcome)?;
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

/// `helpdesk_api::CurrentOperator`: the operator read again (`None` once their account was
/// deactivated); a locked session's operator as they were.
#[tauri::command]
#[specta::specta]
pub async fn current_operator(state: State<'_, AppState>) -> Reply<CurrentOperator> {
    match state.operator() {
        Some(operator) if state.locked_operator().is_none() => {
            match state.reread(&operator).await {
                Ok(current) => Ok(Some(current)),
                Err(ended) if ended.code == ErrorCode::NotAuthenticated => Ok(None),
                Err(error) => Err(error),
            }
        }
        kept => Ok(kept),
    }
}
