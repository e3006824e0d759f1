//! The app's secret vault: the OS keyring under the app's identifier, or the key file beside
//! the database (made on first use) where no keyring answers.
use std::path::Path;

use helpdesk_store::secret_vault::{KeyringScope, SecretKey, SecretVault};
use tauri::{AppHandle, Runtime};

/// The vault of the database at `database`.
pub fn open<R: Runtime>(app: &AppHandle<R>, database: &Path) -> std::io::Result<SecretVault> {
    let key = SecretKey::load_or_create(&SecretKey::path_beside(database))?;
    let scope = KeyringScope::new(&app.config().identifier, database);
    Ok(SecretVault::with_keyring(key, scope))
}
