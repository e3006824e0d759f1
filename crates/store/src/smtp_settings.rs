//! The SMTP settings of this desktop, in `local_settings`. The password is encrypted at
//! rest with ChaCha20-Poly1305 under a random key kept in a file beside the database
//! (created with mode 0600 on Unix): a copied database alone does not reveal it.
use std::fs::{self, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use helpdesk_core::email::SmtpSettings;

use crate::{Result, Store, StoreError};

const SETTINGS_KEY: &str = "smtp.settings";
const PASSWORD_KEY: &str = "smtp.password";
const NONCE_BYTES: usize = 12;

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
    pub fn load_or_create(path: &Path) -> io::Result<Self> {
        match fs::File::open(path) {
            Ok(mut file) => {
                let mut bytes = [0_u8; 32];
                file.read_exact(&mut bytes)?;
                Ok(Self(Key::from(bytes)))
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                let key = ChaCha20Poly1305::generate_key(&mut OsRng);
                let mut options = OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                let mut file = options.open(path)?;
                file.write_all(key.as_slice())?;
                file.sync_all()?;
                Ok(Self(key))
            }
            Err(error) => Err(error),
        }
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
        Ok(hex(nonce.iter().chain(sealed.iter())))
    }

    fn decrypt(&self, label: &str, stored: &str) -> Result<String> {
        let broken = || StoreError::Secret(format!("{label} does not decrypt with this key"));
        let bytes = unhex(stored).ok_or_else(broken)?;
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

/// The SMTP settings, if an administrator saved them.
pub async fn load(store: &Store) -> Result<Option<SmtpSettings>> {
    match get(store, SETTINGS_KEY).await? {
        Some(json) => Ok(Some(serde_json::from_str(&json)?)),
        None => Ok(None),
    }
}

/// Whether a password is stored.
pub async fn password_set(store: &Store) -> Result<bool> {
    Ok(get(store, PASSWORD_KEY).await?.is_some())
}

/// The stored password, decrypted, if any.
pub async fn load_password(store: &Store, key: &SecretKey) -> Result<Option<String>> {
    match get(store, PASSWORD_KEY).await? {
        Some(stored) => Ok(Some(key.decrypt(PASSWORD_KEY, &stored)?)),
        None => Ok(None),
    }
}

/// What becomes of the stored password.
#[derive(Debug, Clone, Copy)]
pub enum PasswordChange<'a> {
    Keep,
    Clear,
    /// Stored encrypted with `key`.
    Set {
        password: &'a str,
        key: &'a SecretKey,
    },
}

impl<'a> PasswordChange<'a> {
    /// The change the administrator's form asks for: `None` keeps the password, an empty one
    /// clears it.
    pub fn from_form(password: Option<&'a str>, key: &'a SecretKey) -> Self {
        match password {
            None => Self::Keep,
            Some("") => Self::Clear,
            Some(password) => Self::Set { password, key },
        }
    }
}

/// Saves the settings (checked by the core first) and changes the password, in one
/// transaction.
pub async fn save(
    store: &Store,
    settings: &SmtpSettings,
    password: PasswordChange<'_>,
) -> Result<()> {
    let mut tx = store.pool().begin().await?;
    put(&mut tx, SETTINGS_KEY, &serde_json::to_string(settings)?).await?;
    match password {
        PasswordChange::Keep => {}
        PasswordChange::Clear => {
            sqlx::query("DELETE FROM local_settings WHERE key = ?1")
                .bind(PASSWORD_KEY)
                .execute(&mut *tx)
                .await?;
        }
        PasswordChange::Set { password, key } => {
            put(&mut tx, PASSWORD_KEY, &key.encrypt(PASSWORD_KEY, password)?).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

async fn get(store: &Store, key: &str) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM local_settings WHERE key = ?1")
            .bind(key)
            .fetch_optional(store.pool())
            .await?,
    )
}

async fn put(conn: &mut sqlx::SqliteConnection, key: &str, value: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO local_settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(conn)
    .await?;
    Ok(())
}

fn hex<'a>(bytes: impl Iterator<Item = &'a u8>) -> String {
    bytes.map(|byte| format!("{byte:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|at| {
            text.get(at..at + 2)
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
        })
        .collect()
}
