//! The support mailbox this desktop reads itself when no sync server does (its settings in
//! `local_settings`; the password kept by the [`SecretVault`], as the SMTP password is).
use helpdesk_core::email::SecretPlace;
use helpdesk_core::mailbox::MailboxSettings;

pub use crate::secret_settings::PasswordChange;
use crate::secret_settings::SecretSettings;
use crate::secret_vault::SecretVault;
use crate::{Result, Store};

/// The password's row in `local_settings`, and its name in the vault.
pub const PASSWORD_KEY: &str = "mailbox.password";

const MAILBOX: SecretSettings = SecretSettings {
    settings_key: "mailbox.settings",
    password_key: PASSWORD_KEY,
};

/// The mailbox's settings, if an administrator saved them.
pub async fn load(store: &Store) -> Result<Option<MailboxSettings>> {
    MAILBOX.load(store).await
}

/// Where the stored password is kept, if one is stored.
pub async fn password_place(store: &Store) -> Result<Option<SecretPlace>> {
    MAILBOX.password_place(store).await
}

/// The stored password, if any, read from wherever `vault` put it.
pub async fn load_password(store: &Store, vault: &SecretVault) -> Result<Option<String>> {
    MAILBOX.load_password(store, vault).await
}

/// Saves the settings (checked by the core first) and changes the password, in one
/// transaction (see [`SecretSettings::save`]).
pub async fn save(
    store: &Store,
    settings: &MailboxSettings,
    password: PasswordChange<'_>,
) -> Result<()> {
    MAILBOX.save(store, settings, password).await
}
