//! "Caixas de correio" (administrators): the support mailboxes the sync server reads.
use helpdesk_api::{ListMailboxes, Reply, Request, SaveMailbox, SetMailboxEnabled};
use tauri::State;

use crate::error::first_error;
use crate::outcomes::server_admin_refused;
use crate::{server_admin, AppState};

const WHAT: &str = "administrar as caixas de correio do servidor";

/// `helpdesk_api::ListMailboxes`.
#[tauri::command]
#[specta::specta]
pub async fn list_mailboxes(
    request: Request<ListMailboxes>,
    state: State<'_, AppState>,
) -> Reply<ListMailboxes> {
    state.require_administrator(WHAT).await?;
    let client = server_admin::client(&state, &request).await?;
    client.mailboxes().await.map_err(server_admin_refused)
}

/// `helpdesk_api::SaveMailbox`: created when it has no id, else changed.
#[tauri::command]
#[specta::specta]
pub async fn save_mailbox(
    request: Request<SaveMailbox>,
    state: State<'_, AppState>,
) -> Reply<SaveMailbox> {
    let operator = state.require_administrator(WHAT).await?;
    let settings = request.validate().map_err(first_error)?;
    let client = server_admin::client(&state, &request.token).await?;
    let saved = match request.id {
        None => client.create_mailbox(&settings, &request.password).await,
        Some(id) => {
            client
                .update_mailbox(id, &settings, &request.password)
                .await
        }
    }
    .map_err(server_admin_refused)?;
    log::info!(
        "{} saved the mailbox {} ({} at {})",
        operator.login,
        saved.id,
        saved.settings.login,
        saved.settings.host
    );
    Ok(saved)
}

/// `helpdesk_api::SetMailboxEnabled`.
#[tauri::command]
#[specta::specta]
pub async fn set_mailbox_enabled(
    request: Request<SetMailboxEnabled>,
    state: State<'_, AppState>,
) -> Reply<SetMailboxEnabled> {
    let operator = state.require_administrator(WHAT).await?;
    let client = server_admin::client(&state, &request.token).await?;
    let changed = client
        .set_mailbox_enabled(request.id, request.enabled)
        .await
        .map_err(server_admin_refused)?;
    log::info!(
        "{} {} the mailbox {}",
        operator.login,
        if changed.enabled {
            "enabled"
        } else {
            "disabled"
        },
        changed.id
    );
    Ok(changed)
}
