//! Settings kept as JSON in `local_settings` with a password kept by the [`SecretVault`]
//! (the OS keyring, or encrypted in the database), never in plain text: the SMTP server's
//! and the support mailbox's. The row of the password says where it is, so reads never
//! guess.
use helpdesk_core::email::SecretPlace;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::secret_vault::{place_of, SecretVault};
use crate::{local_settings, Result, Store};

/// Where a group of settings and its password live in `local_settings`; the password's key
/// is also its name in the vault.
#[derive(Debug, Clone, Copy)]
pub struct SecretSettings {
    pub settings_key: &'static str,
    pub password_key: &'static str,
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

impl SecretSettings {
    /// The settings, if an administrator saved them.
    pub async fn load<T: DeserializeOwned>(self, store: &Store) -> Result<Option<T>> {
        match local_settings::get(store, self.settings_key).await? {
            Some(json) => Ok(Some(serde_json::from_str(&json)?)),
            None => Ok(None),
        }
    }

    /// Where the stored password is kept, if one is stored.
    pub async fn password_place(self, store: &Store) -> Result<Option<SecretPlace>> {
        Ok(local_settings::get(store, self.password_key)
            .await?
            .map(|stored| place_of(&stored)))
    }

    /// The stored password, if any, read from wherever `vault` put it.
    pub async fn load_password(self, store: &Store, vault: &SecretVault) -> Result<Option<String>> {
        match local_settings::get(store, self.password_key).await? {
            Some(stored) => Ok(Some(vault.open(self.password_key, &stored).await?)),
            None => Ok(None),
        }
    }

    /// Saves the settings (checked by the core first) and changes the password, in one
    /// transaction. A new password is put in its vault first; a replaced or cleared one
    /// leaves the OS keyring once the transaction is committed.
    pub async fn save<T: Serialize>(
        self,
        store: &Store,
        settings: &T,
        password: PasswordChange<'_>,
    ) -> Result<()> {
        let previous = local_settings::get(store, self.password_key).await?;
        let (vault, sealed) = match password {
            PasswordChange::Keep => (None, None),
            PasswordChange::Clear { vault } => (Some(vault), None),
            PasswordChange::Set { password, vault } => (
                Some(vault),
                Some(vault.seal(self.password_key, password).await?),
            ),
        };
        let mut tx = store.pool().begin().await?;
        local_settings::set_in(
            &mut tx,
            self.settings_key,
            &serde_json::to_string(settings)?,
        )
        .await?;
        match &sealed {
            Some(sealed) => local_settings::set_in(&mut tx, self.password_key, sealed).await?,
            None if vault.is_some() => {
                local_settings::remove_in(&mut tx, self.password_key).await?;
            }
            None => {}
        }
        tx.commit().await?;
        let replaced = previous.filter(|previous| sealed.as_ref() != Some(previous));
        if let (Some(vault), Some(replaced)) = (vault, replaced) {
            if let Err(error) = vault.forget(&replaced).await {
                log::warn!(
                    "the replaced {} stays in the OS keyring: {error}",
                    self.password_key
                );
            }
        }
        Ok(())
    }
}
