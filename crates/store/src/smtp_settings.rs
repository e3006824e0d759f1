//! The SMTP settings of this desktop, in `local_settings`; the password is kept by the
//! [`SecretVault`] (the OS keyring, or encrypted in the database) and never in plain text.
use helpdesk_core::email::{SecretPlace, SmtpSettings};

pub use crate::secret_settings::PasswordChange;
use crate::secret_settings::SecretSettings;
use crate::secret_vault::SecretVault;
use crate::{Result, Store};

/// The password's row in `local_settings`, and its name in the vault.
pub const PASSWORD_KEY: &str = "smtp.password";

const SMTP: SecretSettings = SecretSettings {
    settings_key: "smtp.settings",
    password_key: PASSWORD_KEY,
};

/// The SMTP settings, if an administrator saved them.
pub async fn load(store: &Store) -> Result<Option<SmtpSettings>> {
    SMTP.load(store).await
}

/// Where the stored password is kept, if one is stored.
pub async fn password_place(store: &Store) -> Result<Option<SecretPlace>> {
    SMTP.password_place(store).await
}

/// The stored password, if any, read from wherever `vault` put it.
pub async fn load_password(store: &Store, vault: &SecretVault) -> Result<Option<String>> {
    SMTP.load_password(store, vault).await
}

/// Saves the settings (checked by the core first) and changes the password, in one
/// transaction (see [`SecretSettings::save`]).
pub async fn save(
    store: &Store,
    settings: &SmtpSettings,
    password: PasswordChange<'_>,
) -> Result<()> {
    SMTP.save(store, settings, password).await
}
