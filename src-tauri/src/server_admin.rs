//! The sync server's administration as the commands reach it: the server this desktop is
//! registered with, and the administrator's token typed in the window.
use helpdesk_api::{CommandError, ErrorCode, ServerToken};
use helpdesk_store::sync;
use helpdesk_sync::{AdminClient, ClientConfig};

use crate::error::internal;
use crate::AppState;

/// A client of this desktop's sync server sending `token` (checked first, at its field);
/// refused when the desktop is registered with none.
pub async fn client(state: &AppState, token: &ServerToken) -> Result<AdminClient, CommandError> {
    token.check()?;
    let server_url = sync::load_state(&state.store)
        .await
        .map_err(internal)?
        .server_url
        .ok_or_else(|| {
            CommandError::new(
                ErrorCode::InvalidInput,
                "Este computador não está registrado em um servidor de sincronização: \
                 registre-o em \"Sincronização\" para administrar o servidor.",
            )
        })?;
    // The worker's settings (a server's own certificate authority); the defaults in tests.
    let config = state
        .sync
        .as_ref()
        .map_or_else(ClientConfig::default, |sync| sync.client.clone());
    AdminClient::new(&server_url, token, &config).map_err(crate::outcomes::server_admin_refused)
}
