//! A desktop joining the central server.
use helpdesk_core::sync::{DesktopProfile, RegistrationRequest, RegistrationResponse};
use helpdesk_store::secret_vault::SecretVault;
use helpdesk_store::{protocols, sync, Store};

use crate::{ClientConfig, SyncClient, SyncError};

/// What the administrator says about the desktop being registered. Its `Debug` leaves the
/// token out.
#[derive(Clone, Copy)]
pub struct Enrollment<'a> {
    pub server_url: &'a str,
    /// The administrator's enrollment token.
    pub token: &'a str,
    /// How the desktop is named at the server.
    pub name: &'a str,
    pub profile: DesktopProfile,
}

impl std::fmt::Debug for Enrollment<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Enrollment")
            .field("server_url", &self.server_url)
            .field("name", &self.name)
            .field("profile", &self.profile)
            .finish_non_exhaustive()
    }
}

/// Registers this desktop with the server; the protocols it already gave stay its own.
/// Keeps the device id, the desktop number, the profile and the credential (in `vault`).
///
/// Refused before asking the server when the desktop holds changes not sent yet to tables
/// the profile may not write whole (a service desktop with local users, say): they could
/// never be sent, and nothing is dropped. Users count too: a service desktop sends only
/// password changes of users the server already holds, and a user changed here before
/// registering may be one the server does not hold.
pub async fn register(
    store: &Store,
    vault: &SecretVault,
    enrollment: Enrollment<'_>,
    config: &ClientConfig,
) -> Result<RegistrationResponse, SyncError> {
    let unsendable: Vec<String> = sync::waiting_tables(store)
        .await?
        .into_iter()
        .filter(|table| !enrollment.profile.may_write(table))
        .collect();
    if !unsendable.is_empty() {
        return Err(SyncError::ProfileTooNarrow {
            profile: enrollment.profile,
            tables: unsendable,
        });
    }
    let client = SyncClient::new(enrollment.server_url, None, config)?;
    let request = RegistrationRequest {
        enrollment_token: enrollment.token.to_owned(),
        name: enrollment.name.to_owned(),
        profile: enrollment.profile,
        issued_protocols: protocols::issued(store).await?,
        origin: Some(sync::origin(store).await?),
    };
    let registration = client.register(&request).await?;
    sync::set_registration(store, vault, enrollment.server_url, &registration).await?;
    Ok(registration)
}
