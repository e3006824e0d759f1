//! Starts the sync worker with the app (`helpdesk_sync`): it exchanges with the registered
//! server in the background, at once when woken.
use std::ops::Deref;
use std::sync::Arc;

use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::secret_vault::SecretVault;
use helpdesk_store::Store;
use helpdesk_sync::{ClientConfig, SyncWorker, SyncWorkerConfig};
use tauri::{AppHandle, Runtime};

use crate::app_store::AppStore;
use crate::state::SyncHandle;

/// Environment variable naming a PEM certificate authority to trust for the sync server
/// (a server with a certificate of the provider's own).
pub const SYNC_CA_ENV: &str = "HELPDESK_SYNC_CA";

/// How the desktop connects to the sync server: the system's authorities, plus the one in
/// `$HELPDESK_SYNC_CA` if set.
pub fn client_config() -> std::io::Result<ClientConfig> {
    let extra_root_pem = match std::env::var_os(SYNC_CA_ENV) {
        Some(path) => Some(std::fs::read(path)?),
        None => None,
    };
    Ok(ClientConfig {
        extra_root_pem,
        ..ClientConfig::default()
    })
}

/// The worker, not started yet, and what the [`crate::AppState`] keeps of it.
pub fn prepare<R: Runtime>(
    app: &AppHandle<R>,
    vault: Arc<SecretVault>,
    files: AttachmentFiles,
) -> std::io::Result<(
    SyncHandle,
    SyncWorker<impl Deref<Target = Store> + Send + Sync>,
)> {
    let client = client_config()?;
    let config = SyncWorkerConfig {
        client: client.clone(),
        ..SyncWorkerConfig::default()
    };
    let worker = SyncWorker::new(AppStore(app.clone()), files, Arc::clone(&vault), config);
    let handle = SyncHandle {
        vault,
        waker: worker.waker(),
        client,
    };
    Ok((handle, worker))
}

/// Runs `worker` for as long as the app runs.
pub fn spawn<S: Deref<Target = Store> + Send + Sync + 'static>(worker: SyncWorker<S>) {
    tauri::async_runtime::spawn(worker.run());
}
