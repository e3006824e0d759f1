//! A desktop joining the central server.
use helpdesk_core::sync::{RegistrationRequest, RegistrationResponse};
use helpdesk_store::secret_vault::SecretVault;
use helpdesk_store::{protocols, sync, Store};

use crate::{ClientConfig, SyncClient, SyncError};

/// Registers this desktop with the server at `server_url` using an administrator's
/// `enrollment_token`; the protocols it already gave stay its own. Keeps the device id, the
/// desktop number and the credential (in `vault`).
pub async fn register(
    store: &Store,
    vault: &SecretVault,
    server_url: &str,
    enrollment_token: &str,
    name: &str,
    config: &ClientConfig,
) -> Result<RegistrationResponse, SyncError> {
    let client = SyncClient::new(server_url, None, config)?;
    let request = RegistrationRequest {
        enrollment_token: enrollment_token.to_owned(),
        name: name.to_owned(),
        issued_protocols: protocols::issued(store).await?,
    };
    let registration = client.register(&request).await?;
    sync::set_registration(store, vault, server_url, &registration).await?;
    Ok(registration)
}
