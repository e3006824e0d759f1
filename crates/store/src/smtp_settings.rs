//! The SMTP settings of this desktop, in `local_settings`; the password is kept by the
//! [`SecretVault`] (the OS keyring, or encrypted in the database) and never in plain text.
use helpdesk_core::email::{SecretPlace, SmtpSettings};

use crate::secret_vault::{place_of, SecretVault};
use crate::{local_settings, Result, Store};

const SETTINGS_KEY: &str = "smtp.settings";
/// The password's row in `local_settings`, and its name in the vault.
pub const PASSWORD_KEY: &str = "smtp.password";

/// The SMTP settings, if an administrator saved them.
pub async fn load(store: &Store) -> Result<Option<SmtpSettings>> {
    match local_settings::get(store, SETTINGS_KEY).await? {
        Some(json) => Ok(Some(serde_json::from_str(&json)?)),
        None => Ok(None),
    }
}

/// Where the stored password is kept, if one is stored.
pub async fn password_place(store: &Store) -> Result<Option<SecretPlace>> {
    Ok(local_settings::get(store, PASSWORD_KEY)
        .await?
        .map(|stored| place_of(&stored)))
}

/// The stored password, if any, read from wherever `vault` put it.
pub async fn load_password(store: &Store, vault: &SecretVault) -> Result<Option<String>> {
    match local_settings::get(store, PASSWORD_KEY).await? {
        Some(stored) => Ok(Some(vault.open(PASSWORD_KEY, &stored).await?)),
        None => Ok(None),
    }
}

/// What becomes of the stored password.
#[derive(Debug, Clone, Copy)]
pub enum PasswordChange<'a> {
    Keep,
    /// Removed from the database and from wherever `vault` put it.
    Clear {
        vault: &'a SecretVault,
    },
    /// Kept by `vault`.
    Set {
        password: &'a str,
        vault: &'a SecretVault,
    },
}

impl<'a> PasswordChange<'a> {
    /// The change the administrator's form asks for: `None` keeps the password, an empty one
    /// clears it.
    pub fn from_form(password: Option<&'a str>, vault: &'a SecretVault) -> Self {
        match password {
            None => Self::Keep,
            Some("") => Self::Clear { vault },
            Some(password) => Self::Set { password, vault },
        }
    }
}

/// Saves the settings (checked by the core first) and changes the password, in one
/// transaction. A new password is put in its vault first; a replaced or cleared one leaves
/// the OS keyring once the transaction is committed.
pub async fn save(
    store: &Store,
    settings: &SmtpSettings,
    password: PasswordChange<'_>,
) -> Result<()> {
    let previous = local_settings::get(store, PASSWORD_KEY).await?;
    let (vault, sealed) = match password {
        PasswordChange::Keep => (None, None),
        PasswordChange::Clear { vault } => (Some(vault), None),
        PasswordChange::Set { password, vault } => {
            (Some(vault), Some(vault.seal(PASSWORD_KEY, password).await?))
        }
    };
    let mut tx = store.pool().begin().await?;
    local_settings::set_in(&mut tx, SETTINGS_KEY, &serde_json::to_string(settings)?).await?;
    match &sealed {
        Some(sealed) => local_settings::set_in(&mut tx, PASSWORD_KEY, sealed).await?,
        None if vault.is_some() => {
            local_settings::remove_in(&mut tx, PASSWORD_KEY).await?;
        }
        None => {}
    }
    tx.commit().await?;
    let replaced = previous.filter(|previous| sealed.as_ref() != Some(previous));
    if let (Some(vault), Some(replaced)) = (vault, replaced) {
        if let Err(error) = vault.forget(&replaced).await {
            log::warn!("the replaced SMTP password stays in the OS keyring: {error}");
        }
    }
    Ok(())
}
