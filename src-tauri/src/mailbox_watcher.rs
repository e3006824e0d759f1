//! A desktop without a sync server reads its support mailbox itself: a tokio task started
//! with the app keeps one watcher (`helpdesk_intake::watch`) on the stored settings while
//! the desktop is not registered with a server and settings exist, starts it again when the
//! administrator saves them, and stops it once the desktop registers (the server reads the
//! mailbox then). Each mail becomes a support message through `helpdesk_store::mail_intake`,
//! taken once; the watcher's last status is kept for the administrator's screen.
use std::ops::Deref;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use helpdesk_core::local_mailbox::MailboxStatusView;
use helpdesk_intake::{
    support_message, IncomingMessage, MailboxConfig, MailboxStatus, WatchConfig,
};
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::mail_intake::{self, TakeOutcome};
use helpdesk_store::secret_vault::SecretVault;
use helpdesk_store::{local_mailbox, now_millis, sync, Store};
use tokio::sync::{watch, Notify};
use tokio::task::JoinHandle;

/// What the commands share with the running watcher: its last status, and the bell that
/// makes it read the settings again.
#[derive(Debug, Clone, Default)]
pub struct MailboxBoard {
    status: Arc<Mutex<Option<MailboxStatusView>>>,
    restart: Arc<Notify>,
}

impl MailboxBoard {
    /// The watcher's last status; `None` while none runs.
    pub fn status(&self) -> Option<MailboxStatusView> {
        self.locked().clone()
    }

    /// The settings changed: the watcher starts again with them.
    pub fn restart(&self) {
        self.restart.notify_one();
    }

    fn set(&self, status: Option<MailboxStatusView>) {
        *self.locked() = status;
    }

    fn locked(&self) -> std::sync::MutexGuard<'_, Option<MailboxStatusView>> {
        self.status
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The supervisor of the desktop's own mailbox watcher, not started yet.
pub struct MailboxWatcher<S> {
    store: Arc<S>,
    files: AttachmentFiles,
    vault: Arc<SecretVault>,
    board: MailboxBoard,
    /// How often it checks whether the desktop registered, or settings appeared.
    pub check_every: Duration,
    /// The watcher's timing and limits for the stored account.
    pub watch_config: fn(MailboxConfig) -> WatchConfig,
}

impl<S: Deref<Target = Store> + Send + Sync + 'static> MailboxWatcher<S> {
    /// Checks every 10 seconds; the intake's default timing (IDLE, a poll a minute).
    pub fn new(store: S, files: AttachmentFiles, vault: Arc<SecretVault>) -> Self {
        Self {
            store: Arc::new(store),
            files,
            vault,
            board: MailboxBoard::default(),
            check_every: Duration::from_secs(10),
            watch_config: WatchConfig::new,
        }
    }

    /// The board the commands read and ring.
    pub fn board(&self) -> MailboxBoard {
        self.board.clone()
    }

    /// Runs for as long as the task lives: one watcher while one should run.
    pub async fn run(self) {
        let mut running: Option<JoinHandle<()>> = None;
        loop {
            match self.wanted().await {
                Ok(Some(config)) => {
                    if running.as_ref().is_none_or(JoinHandle::is_finished) {
                        running = Some(tokio::spawn(watch_one(
                            Arc::clone(&self.store),
                            self.files.clone(),
                            config,
                            self.board.clone(),
                        )));
                    }
                }
                Ok(None) => stop(&mut running, &self.board).await,
                Err(error) => log::warn!("the mailbox's settings do not read: {error}"),
            }
            tokio::select! {
                () = self.board.restart.notified() => stop(&mut running, &self.board).await,
                () = tokio::time::sleep(self.check_every) => {}
            }
        }
    }

    /// The account to watch: `None` when the desktop is registered with a server, or no
    /// settings (or password) are stored.
    async fn wanted(&self) -> helpdesk_store::Result<Option<WatchConfig>> {
        let store: &Store = &self.store;
        if sync::load_state(store).await?.server_url.is_some() {
            return Ok(None);
        }
        let Some(settings) = local_mailbox::load(store).await? else {
            return Ok(None);
        };
        let Some(password) = local_mailbox::load_password(store, &self.vault).await? else {
            return Ok(None);
        };
        Ok(Some((self.watch_config)(MailboxConfig {
            host: settings.host,
            port: settings.port,
            tls: settings.tls,
            user: settings.login,
            password,
            folder: settings.folder,
            move_handled_to: settings.move_handled_to,
        })))
    }
}

/// Stops the running watcher, if any, and forgets its status.
async fn stop(running: &mut Option<JoinHandle<()>>, board: &MailboxBoard) {
    if let Some(task) = running.take() {
        task.abort();
        let _ = task.await;
    }
    board.set(None);
}

/// Watches one account, taking each mail as a support message and keeping each status.
async fn watch_one<S: Deref<Target = Store> + Send + Sync + 'static>(
    store: Arc<S>,
    files: AttachmentFiles,
    config: WatchConfig,
    board: MailboxBoard,
) {
    log::info!("reading the support mailbox {:?}", config.mailbox);
    let (sender, receiver) = watch::channel(MailboxStatus::Connecting);
    // Each mail of a batch in its own transaction (a one-desktop provider's mail is a few a
    // minute); after a refusal the watcher offers the batch again one mail at a time.
    let sink = move |mails: Vec<IncomingMessage>| {
        let (store, files) = (Arc::clone(&store), files.clone());
        async move {
            let received_at = now_millis();
            for mail in mails {
                let message = support_message(mail, received_at);
                match mail_intake::take(&store, &files, &message).await? {
                    TakeOutcome::New(id) => log::info!("mail taken as the support message {id}"),
                    TakeOutcome::Again(id) => log::debug!("mail taken before as {id}"),
                }
            }
            Ok::<_, helpdesk_store::StoreError>(())
        }
    };
    tokio::select! {
        () = helpdesk_intake::watch(config, sink, sender) => {}
        () = report(&board, receiver) => {}
    }
}

/// Keeps every status the watcher sends, with its time.
async fn report(board: &MailboxBoard, mut receiver: watch::Receiver<MailboxStatus>) {
    loop {
        let view = {
            let status = receiver.borrow_and_update();
            MailboxStatusView {
                code: status.code().to_owned(),
                detail: status.detail(),
                at: now_millis(),
            }
        };
        board.set(Some(view));
        if receiver.changed().await.is_err() {
            return;
        }
    }
}
