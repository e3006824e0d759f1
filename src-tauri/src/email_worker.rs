//! Starts the e-mail outbox's worker with the app: a tokio task that drains the outbox
//! through the SMTP server of the stored settings (`helpdesk_mail`).
use std::ops::Deref;
use std::sync::Arc;

use helpdesk_mail::{OutboxWorker, WorkerConfig};
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::secret_vault::SecretVault;
use helpdesk_store::Store;
use tauri::{AppHandle, Runtime};

use crate::app_store::AppStore;
use crate::state::EmailState;

/// The worker, not started yet, and what the [`crate::AppState`] keeps of it: the vault of
/// the SMTP password and the worker's bell.
pub fn prepare<R: Runtime>(
    app: &AppHandle<R>,
    vault: Arc<SecretVault>,
    files: AttachmentFiles,
) -> (
    EmailState,
    OutboxWorker<impl Deref<Target = Store> + Send + Sync>,
) {
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
    (email, worker)
}

/// Runs `worker` on the app's runtime for as long as the app runs, and looks at the outbox
/// at once (messages left from before).
pub fn spawn<S: Deref<Target = Store> + Send + Sync + 'static>(worker: OutboxWorker<S>) {
    let waker = worker.waker();
    tauri::async_runtime::spawn(worker.run());
    waker.wake();
}
