//! Where this desktop's conversation with the sync server stands (`sync_state`).
use helpdesk_core::sync::{DesktopProfile, PullCursor, RegistrationResponse};
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::protocols::write_desktop_number;
use crate::secret_vault::SecretVault;
use crate::{local_settings, Result, Store};

/// The device credential's row in `local_settings`, and its name in the vault.
const CREDENTIAL_KEY: &str = "sync.credential";

/// The server, this desktop's identity there, the pull cursor and the last outcome.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SyncState {
    pub server_url: Option<String>,
    pub device_id: Option<Uuid>,
    /// The epoch of the server's positions the cursor belongs to.
    pub pull_epoch: i64,
    pub pull_transaction: i64,
    pub pull_sequence: i64,
    pub clock_offset_ms: i64,
    /// Unix milliseconds of the last complete exchange.
    pub last_sync_at: Option<i64>,
    /// Why the last attempt failed (pt-BR, for the operator), if it did.
    pub last_error: Option<String>,
    /// The registered profile's code ([`SyncState::profile`]).
    profile: Option<String>,
}

impl SyncState {
    /// Where the next pull starts.
    pub fn cursor(&self) -> PullCursor {
        PullCursor {
            epoch: self.pull_epoch,
            transaction: self.pull_transaction,
            sequence: self.pull_sequence,
        }
    }

    /// What this desktop may sync; `None` while unregistered.
    pub fn profile(&self) -> Option<DesktopProfile> {
        self.profile.as_deref().and_then(DesktopProfile::from_code)
    }
}

/// The current state.
pub async fn load_state(store: &Store) -> Result<SyncState> {
    Ok(sqlx::query_as(
        "SELECT server_url, device_id, pull_epoch, pull_transaction, pull_sequence, clock_offset_ms,
                last_sync_at, last_error, profile
         FROM sync_state",
    )
    .fetch_one(store.pool())
    .await?)
}

/// This desktop joined the server at `server_url`: its device id, the number its protocols
/// carry from now on, and its credential (kept by `vault`, never in plain text), in one
/// transaction.
pub async fn set_registration(
    store: &Store,
    vault: &SecretVault,
    server_url: &str,
    registration: &RegistrationResponse,
) -> Result<()> {
    let sealed = vault.seal(CREDENTIAL_KEY, &registration.credential).await?;
    let mut tx = store.pool().begin().await?;
    sqlx::query(
        "UPDATE sync_state SET server_url = ?1, device_id = ?2, pull_epoch = 0,
             pull_transaction = 0, pull_sequence = 0, last_sync_at = NULL, last_error = NULL, profile = ?3,
             snapshot = NULL, snapshot_next = 0",
    )
    .bind(server_url)
    .bind(registration.device_id)
    .bind(registration.profile.code())
    .execute(&mut *tx)
    .await?;
    local_settings::set_in(&mut tx, CREDENTIAL_KEY, &sealed).await?;
    write_desktop_number(&mut tx, registration.desktop_number).await?;
    tx.commit().await?;
    Ok(())
}

/// Forgets this desktop's registration (its device, credential, profile and protocol number)
/// on `conn`, saying `reason` in the sync state: a copied database must not speak for the
/// desktop it was copied from. Its rows and unsent changes stay, for a new registration.
pub(super) async fn forget_registration_in(
    conn: &mut SqliteConnection,
    reason: &str,
) -> Result<()> {
    sqlx::query(
        "UPDATE sync_state SET server_url = NULL, device_id = NULL, profile = NULL,
             last_sync_at = NULL, last_error = ?1, snapshot = NULL, snapshot_next = 0",
    )
    .bind(reason)
    .execute(&mut *conn)
    .await?;
    local_settings::remove_in(&mut *conn, CREDENTIAL_KEY).await?;
    write_desktop_number(&mut *conn, 1).await
}

/// The server's positions are of another epoch than the cursor's (its database was
/// restored from a dump, say): the cursor moves to the start of `epoch`, and the pull
/// starts again (merging rows is idempotent; changes waiting here stay queued). A snapshot
/// under way is forgotten: it belongs to the old positions.
pub async fn begin_epoch(store: &Store, epoch: i64) -> Result<()> {
    sqlx::query(
        "UPDATE sync_state SET pull_epoch = ?1, pull_transaction = 0, pull_sequence = 0,
             snapshot = NULL, snapshot_next = 0",
    )
    .bind(epoch)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// [`SyncState::profile`], read on `conn` (inside a transaction, say).
pub(super) async fn read_profile(conn: &mut SqliteConnection) -> Result<Option<DesktopProfile>> {
    let code: Option<String> = sqlx::query_scalar("SELECT profile FROM sync_state")
        .fetch_one(conn)
        .await?;
    Ok(code.as_deref().and_then(DesktopProfile::from_code))
}

/// The device credential, if this desktop is registered.
pub async fn load_credential(store: &Store, vault: &SecretVault) -> Result<Option<String>> {
    match local_settings::get(store, CREDENTIAL_KEY).await? {
        Some(sealed) => Ok(Some(vault.open(CREDENTIAL_KEY, &sealed).await?)),
        None => Ok(None),
    }
}

/// An exchange completed at `at` (Unix ms), the server's clock `offset_ms` ahead of ours.
pub async fn record_success(store: &Store, at: i64, offset_ms: i64) -> Result<()> {
    sqlx::query("UPDATE sync_state SET last_sync_at = ?1, clock_offset_ms = ?2, last_error = NULL")
        .bind(at)
        .bind(offset_ms)
        .execute(store.pool())
        .await?;
    store.set_clock_offset(offset_ms);
    Ok(())
}

/// The last attempt failed, for `reason` (pt-BR).
pub async fn record_error(store: &Store, reason: &str) -> Result<()> {
    sqlx::query("UPDATE sync_state SET last_error = ?1")
        .bind(reason)
        .execute(store.pool())
        .await?;
    Ok(())
}
