//! "Caixa de correio deste computador": the support mailbox a desktop without a sync server
//! reads itself (`crate::mailbox_watcher`), its settings and the reader's status.
use helpdesk_api::{
    CommandError, LoadLocalMailbox, LocalMailboxView, Reply, Request, SaveLocalMailbox,
};
use helpdesk_store::local_mailbox::{self, PasswordChange};
use helpdesk_store::sync;
use tauri::State;

use crate::error::{first_error, internal};
use crate::{AppState, LocalMailbox};

/// `helpdesk_api::LoadLocalMailbox`: never the password itself.
#[tauri::command]
#[specta::specta]
pub async fn load_local_mailbox(state: State<'_, AppState>) -> Reply<LoadLocalMailbox> {
    state
        .require_administrator("ver a caixa de correio deste computador")
        .await?;
    view(&state).await
}

/// `helpdesk_api::SaveLocalMailbox`: checked with the core's rules; the password goes to
/// the OS keyring, or is encrypted, before it is stored; the reader starts again.
#[tauri::command]
#[specta::specta]
pub async fn save_local_mailbox(
    request: Request<SaveLocalMailbox>,
    state: State<'_, AppState>,
) -> Reply<SaveLocalMailbox> {
    let operator = state
        .require_administrator("alterar a caixa de correio deste computador")
        .await?;
    let stored = local_mailbox::password_place(&state.store)
        .await
        .map_err(internal)?
        .is_some();
    let settings = request.validate(stored).map_err(first_error)?;
    let mailbox = watcher(&state)?;
    let password = match request.password.as_str() {
        "" => PasswordChange::Keep,
        password => PasswordChange::Set {
            password,
            vault: &mailbox.vault,
        },
    };
    local_mailbox::save(&state.store, &settings, password)
        .await
        .map_err(internal)?;
    log::info!("{} saved the local mailbox's settings", operator.login);
    mailbox.board.restart();
    view(&state).await
}

fn watcher(state: &AppState) -> Result<&LocalMailbox, CommandError> {
    state.mailbox.as_ref().ok_or_else(|| {
        log::error!("this app has no mailbox reader");
        CommandError::internal()
    })
}

async fn view(state: &AppState) -> Result<LocalMailboxView, CommandError> {
    Ok(LocalMailboxView {
        settings: local_mailbox::load(&state.store).await.map_err(internal)?,
        password: local_mailbox::password_place(&state.store)
            .await
            .map_err(internal)?,
        status: state
            .mailbox
            .as_ref()
            .and_then(|mailbox| mailbox.board.status()),
        server_reads: sync::load_state(&state.store)
            .await
            .map_err(internal)?
            .server_url
            .is_some(),
    })
}
