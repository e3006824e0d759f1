//! The background worker that drains the outbox.
use std::ops::Deref;
use std::sync::Arc;
use std::time::Duration;

use helpdesk_core::email::PASSWORD_IN_CLEAR;
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::email_outbox::{self, OutboxMessage};
use helpdesk_store::secret_vault::SecretVault;
use helpdesk_store::smtp_settings;
use helpdesk_store::{now_millis, Store, StoreError};
use lettre::AsyncTransport;
use tokio::sync::Notify;

use crate::compose::compose;
use crate::outcome::{classify, Failure};
use crate::transport;

/// How the worker paces itself.
#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// How long a claimed message stays the worker's: after it, a message whose sending was
    /// cut short (a crash) is claimed again and sent with the same Message-ID.
    pub lease: Duration,
    /// Messages claimed at a time.
    pub batch: u32,
    /// The wait after the first failed attempt, doubled after each one, up to `backoff_max`.
    pub backoff_base: Duration,
    pub backoff_max: Duration,
    /// The longest sleep with nothing due (settings may have been saved meanwhile).
    pub idle_poll: Duration,
    /// The limit of each SMTP command.
    pub timeout: Duration,
    /// A PEM certificate authority trusted besides the system's (a server with its own).
    pub extra_root_pem: Option<Vec<u8>>,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        Self {
            lease: Duration::from_secs(10 * 60),
            batch: 50,
            backoff_base: Duration::from_secs(30),
            backoff_max: Duration::from_secs(30 * 60),
            idle_poll: Duration::from_secs(60),
            timeout: Duration::from_secs(60),
            extra_root_pem: None,
        }
    }
}

/// Wakes the worker at once (after a message is queued or the settings change).
#[derive(Debug, Clone, Default)]
pub struct OutboxWaker(Arc<Notify>);

impl OutboxWaker {
    /// Asks the worker to look at the outbox now.
    pub fn wake(&self) {
        self.0.notify_one();
    }
}

/// What one pass over the outbox did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DrainReport {
    pub claimed: usize,
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

/// Drains the outbox of `store` through the configured SMTP server.
#[derive(Debug)]
pub struct OutboxWorker<S> {
    store: S,
    files: AttachmentFiles,
    vault: Arc<SecretVault>,
    config: WorkerConfig,
    waker: OutboxWaker,
}

impl<S: Deref<Target = Store> + Send + Sync + 'static> OutboxWorker<S> {
    /// A worker over `store`, reading attachments from `files` and the SMTP password from
    /// `vault`.
    pub fn new(
        store: S,
        files: AttachmentFiles,
        vault: Arc<SecretVault>,
        config: WorkerConfig,
    ) -> Self {
        Self {
            store,
            files,
            vault,
            config,
            waker: OutboxWaker::default(),
        }
    }

    /// The handle that wakes this worker.
    pub fn waker(&self) -> OutboxWaker {
        self.waker.clone()
    }

    /// Sends what is due now, a batch at a time; nothing when no SMTP server is configured.
    pub async fn run_once(&self) -> Result<DrainReport, StoreError> {
        let store = &*self.store;
        let mut report = DrainReport::default();
        let Some(settings) = smtp_settings::load(store).await? else {
            return Ok(report);
        };
        let password = smtp_settings::load_password(store, &self.vault).await?;
        let lease_ms = millis(self.config.lease);
        let messages =
            email_outbox::claim_due(store, now_millis(), lease_ms, self.config.batch).await?;
        report.claimed = messages.len();
        if messages.is_empty() {
            return Ok(report);
        }
        // Settings saved before the rule, or written by hand, still never send a password
        // in clear: the messages wait until an administrator chooses STARTTLS or TLS.
        let transport = if settings.password_in_clear() {
            Err(PASSWORD_IN_CLEAR.to_owned())
        } else {
            transport::build(
                &settings,
                password.as_deref(),
                self.config.extra_root_pem.as_deref(),
                self.config.timeout,
            )
            .map_err(|error| format!("As configurações de e-mail não permitem conectar: {error}."))
        };
        for message in &messages {
            let result = match (&transport, compose(message, &self.files)) {
                (_, Err(reason)) => Err(Failure::Permanent(reason)),
                (Err(reason), _) => Err(Failure::Retry(reason.clone())),
                (Ok(transport), Ok(email)) => transport
                    .send(email)
                    .await
                    .map(drop)
                    .map_err(|e| classify(&e)),
            };
            self.record(message, result, &mut report).await?;
        }
        Ok(report)
    }

    async fn record(
        &self,
        message: &OutboxMessage,
        result: Result<(), Failure>,
        report: &mut DrainReport,
    ) -> Result<(), StoreError> {
        let store = &*self.store;
        let now = now_millis();
        match result {
            Ok(()) => {
                email_outbox::mark_sent(store, message, now).await?;
                report.sent += 1;
            }
            Err(Failure::Retry(reason)) => {
                log::warn!(
                    "e-mail {} not sent, will retry: {reason}",
                    message.message_id
                );
                let retry_at = now.saturating_add(self.backoff(message.attempts));
                email_outbox::mark_retry(store, message, retry_at, &reason).await?;
                report.retried += 1;
            }
            Err(Failure::Permanent(reason)) => {
                log::warn!("e-mail {} failed: {reason}", message.message_id);
                email_outbox::mark_failed(store, message, now, &reason).await?;
                report.failed += 1;
            }
        }
        Ok(())
    }

    /// The wait after `attempts` failed attempts, in milliseconds.
    fn backoff(&self, attempts: u32) -> i64 {
        let factor = 1_u32 << attempts.saturating_sub(1).min(20);
        millis(
            self.config
                .backoff_base
                .saturating_mul(factor)
                .min(self.config.backoff_max),
        )
    }

    /// Drains the outbox for as long as the app runs: at once when woken, when the next
    /// message is due, or every `idle_poll`.
    pub async fn run(self) {
        loop {
            match self.run_once().await {
                Ok(report) if report.claimed >= self.config.batch as usize => continue,
                Ok(_) => {}
                Err(error) => log::error!("e-mail outbox: {error}"),
            }
            let idle = millis(self.config.idle_poll);
            let wait = match email_outbox::next_due(&self.store).await {
                Ok(Some(due)) => due.saturating_sub(now_millis()).clamp(0, idle),
                Ok(None) => idle,
                Err(error) => {
                    log::error!("e-mail outbox: {error}");
                    idle
                }
            };
            let wait = Duration::from_millis(u64::try_from(wait).unwrap_or(0));
            tokio::select! {
                () = self.waker.0.notified() => {}
                () = tokio::time::sleep(wait) => {}
            }
        }
    }
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}
