//! Syncing in the background for as long as the app runs: every `interval`, at once when
//! woken ("Sincronizar agora", a ticket saved), and sooner again after a failure, with
//! backoff, while the server cannot be reached.
use std::ops::Deref;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::secret_vault::SecretVault;
use helpdesk_store::{sync, Store};
use tokio::sync::Notify;

use crate::{sync_once, ClientConfig, SyncClient, SyncError, SyncReport};

/// How the worker paces itself.
#[derive(Debug, Clone)]
pub struct SyncWorkerConfig {
    /// The wait between exchanges when all is well.
    pub interval: Duration,
    /// The wait after the first failure, doubled after each one, up to `retry_max`.
    pub retry_base: Duration,
    pub retry_max: Duration,
    pub client: ClientConfig,
}

impl Default for SyncWorkerConfig {
    fn default() -> Self {
        Self {
            interval: Duration::from_secs(60),
            retry_base: Duration::from_secs(5),
            retry_max: Duration::from_secs(5 * 60),
            client: ClientConfig::default(),
        }
    }
}

/// Wakes the worker, and tells whether an exchange is running.
#[derive(Debug, Clone, Default)]
pub struct SyncWaker {
    bell: Arc<Notify>,
    running: Arc<AtomicBool>,
}

impl SyncWaker {
    /// Asks for an exchange now.
    pub fn wake(&self) {
        self.bell.notify_one();
    }

    /// Whether an exchange is under way.
    pub fn is_running(&self) -> bool {
        self.running.load(Ordering::Relaxed)
    }
}

/// Syncs the store `S` with the server it is registered with.
#[derive(Debug)]
pub struct SyncWorker<S> {
    store: S,
    files: AttachmentFiles,
    vault: Arc<SecretVault>,
    config: SyncWorkerConfig,
    waker: SyncWaker,
}

impl<S: Deref<Target = Store> + Send + Sync + 'static> SyncWorker<S> {
    /// A worker over `store`, its attachments in `files`, its credential in `vault`.
    pub fn new(
        store: S,
        files: AttachmentFiles,
        vault: Arc<SecretVault>,
        config: SyncWorkerConfig,
    ) -> Self {
        Self {
            store,
            files,
            vault,
            config,
            waker: SyncWaker::default(),
        }
    }

    /// The handle that wakes this worker.
    pub fn waker(&self) -> SyncWaker {
        self.waker.clone()
    }

    /// One exchange with the registered server; the outcome is kept for the window.
    pub async fn run_once(&self) -> Result<SyncReport, SyncError> {
        self.waker.running.store(true, Ordering::Relaxed);
        let outcome = self.exchange().await;
        self.waker.running.store(false, Ordering::Relaxed);
        if let Err(error) = &outcome {
            if !matches!(error, SyncError::NotRegistered) {
                log::warn!("sync: {error}");
                sync::record_error(&self.store, &error.operator_message()).await?;
            }
        }
        outcome
    }

    async fn exchange(&self) -> Result<SyncReport, SyncError> {
        let store = &*self.store;
        let state = sync::load_state(store).await?;
        let Some(server_url) = state.server_url else {
            return Err(SyncError::NotRegistered);
        };
        let Some(credential) = sync::load_credential(store, &self.vault).await? else {
            return Err(SyncError::NotRegistered);
        };
        let client = SyncClient::new(&server_url, Some(credential), &self.config.client)?;
        sync_once(store, &self.files, &client).await
    }

    /// Syncs for as long as the app runs.
    pub async fn run(self) {
        let mut failures: u32 = 0;
        loop {
            let wait = match self.run_once().await {
                Ok(report) => {
                    failures = 0;
                    if report != SyncReport::default() {
                        log::info!("sync: {report:?}");
                    }
                    self.config.interval
                }
                Err(SyncError::NotRegistered) => self.config.interval,
                Err(error) if error.is_transient() => {
                    failures = failures.saturating_add(1);
                    let factor = 1_u32 << failures.saturating_sub(1).min(16);
                    self.config
                        .retry_base
                        .saturating_mul(factor)
                        .min(self.config.retry_max)
                }
                Err(_) => self.config.retry_max,
            };
            tokio::select! {
                () = self.waker.bell.notified() => {}
                () = tokio::time::sleep(wait) => {}
            }
        }
    }
}
