//! Starts the desktop's own mailbox watcher with the app ([`crate::mailbox_watcher`]): it
//! reads the support mailbox while no sync server does.
use std::ops::Deref;
use std::sync::Arc;

use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::secret_vault::SecretVault;
use helpdesk_store::Store;
use tauri::{AppHandle, Runtime};

use crate::app_store::AppStore;
use crate::mailbox_watcher::MailboxWatcher;
use crate::state::LocalMailbox;

/// The watcher, not started yet, and what the [`crate::AppState`] keeps of it.
pub fn prepare<R: Runtime>(
    app: &AppHandle<R>,
    vault: Arc<SecretVault>,
    files: AttachmentFiles,
) -> (
    LocalMailbox,
    MailboxWatcher<impl Deref<Target = Store> + Send + Sync>,
) {
    let watcher = MailboxWatcher::new(AppStore(app.clone()), files, Arc::clone(&vault));
    let mailbox = LocalMailbox {
        vault,
        board: watcher.board(),
    };
    (mailbox, watcher)
}

/// Runs `watcher` for as long as the app runs.
pub fn spawn<S: Deref<Target = Store> + Send + Sync + 'static>(watcher: MailboxWatcher<S>) {
    tauri::async_runtime::spawn(watcher.run());
}
