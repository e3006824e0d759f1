//! "Integrações" (administrators): the keys the provider's customer portal posts messages
//! to the sync server with.
use helpdesk_api::{CreateIntegration, ListIntegrations, Reply, Request, RevokeIntegration};
use tauri::State;

use crate::error::first_error;
use crate::outcomes::server_admin_refused;
use crate::{server_admin, AppState};

const WHAT: &str = "administrar as integrações do servidor";

/// `helpdesk_api::ListIntegrations`.
#[tauri::command]
#[specta::specta]
pub async fn list_integrations(
    request: Request<ListIntegrations>,
    state: State<'_, AppState>,
) -> Reply<ListIntegrations> {
    state.require_administrator(WHAT).await?;
    let client = server_admin::client(&state, &request).await?;
    client.integrations().await.map_err(server_admin_refused)
}

/// `helpdesk_api::CreateIntegration`: the key goes to the window only (never to the log).
#[tauri::command]
#[specta::specta]
pub async fn create_integration(
    request: Request<CreateIntegration>,
    state: State<'_, AppState>,
) -> Reply<CreateIntegration> {
    let operator = state.require_administrator(WHAT).await?;
    let name = request.validate().map_err(first_error)?;
    let client = server_admin::client(&state, &request.token).await?;
    let created = client
        .create_integration(&name)
        .await
        .map_err(server_admin_refused)?;
    log::info!(
        "{} created the integration {} ({name})",
        operator.login,
        created.integration.id
    );
    Ok(created)
}

/// `helpdesk_api::RevokeIntegration`.
#[tauri::command]
#[specta::specta]
pub async fn revoke_integration(
    request: Request<RevokeIntegration>,
    state: State<'_, AppState>,
) -> Reply<RevokeIntegration> {
    let operator = state.require_administrator(WHAT).await?;
    let client = server_admin::client(&state, &request.token).await?;
    let revoked = client
        .revoke_integration(request.id)
        .await
        .map_err(server_admin_refused)?;
    log::info!("{} revoked the integration {}", operator.login, revoked.id);
    Ok(revoked)
}
