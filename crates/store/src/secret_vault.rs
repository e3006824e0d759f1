//! Where this desktop keeps its secrets (the SMTP password): in the OS keyring (Keychain,
//! Windows Credential Manager, the Secret Service of GNOME or KDE) when the vault may use one
//! and it answers; otherwise encrypted at rest with ChaCha20-Poly1305 under a random key kept
//! in a file beside the database (mode 0600 on Unix), so a copied database alone does not
//! reveal it. The database row says which: a keyring reference or the sealed bytes.
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use helpdesk_core::email::SecretPlace;
use helpdesk_core::hex;

use crate::{Result, StoreError};

const NONCE_BYTES: usize = 12;
const KEYRING_PREFIX: &str = "keyring:";

/// Where the secret whose database value is `stored` is kept.
pub fn place_of(stored: &str) -> SecretPlace {
    if stored.starts_with(KEYRING_PREFIX) {
        SecretPlace::Keyring
    } else {
        SecretPlace::Encrypted
    }
}

/// The key that encrypts secrets of this desktop's database.
pub struct SecretKey(Key);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(..)")
    }
}

impl SecretKey {
    /// The key file of the database at `database`: `<name>.key` beside it.
    pub fn path_beside(database: &Path) -> PathBuf {
        database.with_extension("key")
    }

    /// Reads the key at `path`, or makes a random one there (readable by the owner only).
    ///
    /// A new key is written whole to a temporary file beside it and then linked into place,
    /// so a crash never leaves a short key file, and two processes starting at once end with
    /// the same key (the second reads the first's).
    pub fn load_or_create(path: &Path) -> io::Result<Self> {
        match Self::read(path) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            read => return read,
        }
        let key = ChaCha20Poly1305::generate_key(&mut OsRng);
        let folder = match path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder,
            _ => Path::new("."),
        };
        // Made with mode 0600 on Unix.
        let mut file = tempfile::Builder::new()
            .prefix(".key-")
            .tempfile_in(folder)?;
        file.write_all(key.as_slice())?;
        file.as_file().sync_all()?;
        match file.persist_noclobber(path) {
            Ok(_) => {
                crate::durable::sync_folder(folder)?;
                Ok(Self(key))
            }
            Err(error) if error.error.kind() == io::ErrorKind::AlreadyExists => Self::read(path),
            Err(error) => Err(error.error),
        }
    }

    fn read(path: &Path) -> io::Result<Self> {
        let mut bytes = [0_u8; 32];
        fs::File::open(path)?.read_exact(&mut bytes)?;
        Ok(Self(Key::from(bytes)))
    }

    fn encrypt(&self, label: &str, secret: &str) -> Result<String> {
        let nonce = ChaCha20Poly1305::generate_nonce(&mut OsRng);
        let payload = Payload {
            msg: secret.as_bytes(),
            aad: label.as_bytes(),
        };
        let sealed = ChaCha20Poly1305::new(&self.0)
            .encrypt(&nonce, payload)
            .map_err(|_| StoreError::Secret("encryption failed".into()))?;
        Ok(hex::encode(&[nonce.as_slice(), &sealed].concat()))
    }

    fn decrypt(&self, label: &str, stored: &str) -> Result<String> {
        let broken = || StoreError::Secret(format!("{label} does not decrypt with this key"));
        let bytes = hex::decode(stored).ok_or_else(broken)?;
        if bytes.len() < NONCE_BYTES {
            return Err(broken());
        }
        let (nonce, sealed) = bytes.split_at(NONCE_BYTES);
        let payload = Payload {
            msg: sealed,
            aad: label.as_bytes(),
        };
        let plain = ChaCha20Poly1305::new(&self.0)
            .decrypt(Nonce::from_slice(nonce), payload)
            .map_err(|_| broken())?;
        String::from_utf8(plain).map_err(|_| broken())
    }
}

/// The OS keyring's entries of one database: service `service`, accounts named after the
/// secret and the database's path, so two databases on one machine never share a secret.
#[derive(Debug, Clone)]
pub struct KeyringScope {
    service: String,
    database: String,
}

impl KeyringScope {
    /// The entries of the database at `database` under the app's `service` name.
    pub fn new(service: &str, database: &Path) -> Self {
        let database = fs::canonicalize(database).unwrap_or_else(|_| database.to_path_buf());
        Self {
            service: service.to_owned(),
            database: database.display().to_string(),
        }
    }

    /// The entry of the secret `label`.
    pub fn account(&self, label: &str) -> String {
        format!("{label}@{}", self.database)
    }
}

/// Keeps secrets in the OS keyring when it may and can, encrypted in the database otherwise;
/// reads them back from wherever they were put.
#[derive(Debug)]
pub struct SecretVault {
    key: SecretKey,
    keyring: Option<KeyringScope>,
}

impl SecretVault {
    /// A vault that never touches the OS keyring (tests, benchmarks, and headless machines).
    pub fn encrypted(key: SecretKey) -> Self {
        Self { key, keyring: None }
    }

    /// A vault that puts new secrets in the OS keyring's entries of `scope`, and encrypts
    /// them with `key` when the keyring does not answer (no Secret Service, locked, refused).
    pub fn with_keyring(key: SecretKey, scope: KeyringScope) -> Self {
        Self {
            key,
            keyring: Some(scope),
        }
    }

    /// Keeps `secret` under `label` and answers what the database should store.
    pub async fn seal(&self, label: &str, secret: &str) -> Result<String> {
        if let Some(scope) = &self.keyring {
            let account = scope.account(label);
            let service = scope.service.clone();
            let secret = secret.to_owned();
            let name = account.clone();
            let kept = tokio::task::spawn_blocking(move || {
                keyring::Entry::new(&service, &name)?.set_password(&secret)
            })
            .await?;
            match kept {
                Ok(()) => return Ok(format!("{KEYRING_PREFIX}{account}")),
                Err(error) => log::warn!(
                    "the OS keyring did not keep {label} ({error}); it is stored encrypted instead"
                ),
            }
        }
        self.key.encrypt(label, secret)
    }

    /// The secret `label` whose database value is `stored`.
    pub async fn open(&self, label: &str, stored: &str) -> Result<String> {
        match stored.strip_prefix(KEYRING_PREFIX) {
            Some(account) => {
                let entry = self.keyring_entry(account)?;
                tokio::task::spawn_blocking(move || entry.get_password())
                    .await?
                    .map_err(|error| {
                        StoreError::Secret(format!(
                            "{label} is not readable in the OS keyring: {error}"
                        ))
                    })
            }
            None => self.key.decrypt(label, stored),
        }
    }

    /// Removes the secret whose database value was `stored` from the OS keyring, if it is
    /// there; what is only in the database goes with its row.
    pub async fn forget(&self, stored: &str) -> Result<()> {
        let Some(account) = stored.strip_prefix(KEYRING_PREFIX) else {
            return Ok(());
        };
        let entry = self.keyring_entry(account)?;
        match tokio::task::spawn_blocking(move || entry.delete_credential()).await? {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(error) => Err(StoreError::Secret(format!(
                "the OS keyring did not remove {account}: {error}"
            ))),
        }
    }

    fn keyring_entry(&self, account: &str) -> Result<keyring::Entry> {
        let scope = self.keyring.as_ref().ok_or_else(|| {
            StoreError::Secret(format!(
                "{account} is in the OS keyring, which this vault may not use"
            ))
        })?;
        keyring::Entry::new(&scope.service, account)
            .map_err(|error| StoreError::Secret(format!("keyring entry {account}: {error}")))
    }
}

#[cfg(test)]
mod tests {
    use super::SecretKey;

    /// Processes starting together on a new database all end with the one key written: none
    /// reads a key file still being written (a short read) or keeps a key of its own.
    #[test]
    fn desktops_starting_at_once_share_one_whole_key() -> std::io::Result<()> {
        for _ in 0..50 {
            let folder = tempfile::tempdir()?;
            let path = SecretKey::path_beside(&folder.path().join("helpdesk.db"));
            let keys = std::thread::scope(|scope| {
                let racers: Vec<_> = (0..4)
                    .map(|_| scope.spawn(|| SecretKey::load_or_create(&path)))
                    .collect();
                racers
                    .into_iter()
                    .map(|racer| {
                        racer
                            .join()
                            .map_err(|_| std::io::Error::other("panicked"))?
                    })
                    .collect::<std::io::Result<Vec<_>>>()
            })?;
            let written = SecretKey::load_or_create(&path)?;
            assert!(keys.iter().all(|key| key.0 == written.0));
            assert_eq!(std::fs::metadata(&path)?.len(), 32);
            let left: Vec<_> = std::fs::read_dir(folder.path())?.collect();
            assert_eq!(left.len(), 1, "no temporary file is left behind");
        }
        Ok(())
    }
}
