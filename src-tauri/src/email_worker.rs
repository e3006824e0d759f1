//! Starts the e-mail outbox's worker with the app: a tokio task that drains the outbox
//! through the SMTP server of the stored settings (`helpdesk_mail`).
use std::ops::Deref;
use std::path::Path;
use std::sync::Arc;

use helpdesk_mail::{OutboxWorker, WorkerConfig};
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::secret_vault::{KeyringScope, SecretKey, SecretVault};
use helpdesk_store::Store;
use tauri::{AppHandle, Manager, Runtime};

use crate::state::EmailState;
use crate::AppState;

/// The managed [`AppState`]'s store, reached through the app (managed before the worker
/// starts, for the app's whole life).
struct AppStore<R: Runtime>(AppHandle<R>);

impl<R: Runtime> Deref for AppStore<R> {
    type Target = Store;

    fn deref(&self) -> &Store {
        &self.0.state::<AppState>().inner().store
    }
}

/// The worker of the database at `database`, not started yet: its vault (the OS keyring of
/// the app's identifier, or the key file beside the database, made on first use) and bell for
/// the [`AppState`], and the worker to [`spawn`].
pub fn prepare<R: Runtime>(
    app: &AppHandle<R>,
    database: &Path,
    files: AttachmentFiles,
) -> std::io::Result<(
    EmailState,
    OutboxWorker<impl Deref<Target = Store> + Send + Sync>,
)> {
    let key = SecretKey::load_or_create(&SecretKey::path_beside(database))?;
    let scope = KeyringScope::new(&app.config().identifier, database);
    let vault = Arc::new(SecretVault::with_keyring(key, scope));
    let worker = OutboxWorker::new(
        AppStore(app.clone()),
        files,
        Arc::clone(&vault),
        WorkerConfig::default(),
    );
    let email = EmailState {
        vault,
        waker: worker.waker(),
    };
    Ok((email, worker))
}

/// Runs `worker` on the app's runtime for as long as the app runs, and looks at the outbox
/// at once (messages left from before).
pub fn spawn<S: Deref<Target = Store> + Send + Sync + 'static>(worker: OutboxWorker<S>) {
    let waker = worker.waker();
    tauri::async_runtime::spawn(worker.run());
    waker.wake();
}
