//! Watches the mailbox for as long as someone looks at its status: takes the unseen mail,
//! then waits with IDLE when the server offers it (or polls), and reconnects with backoff
//! after a dropped connection or a refused login.
use std::fmt::Display;
use std::future::Future;
use std::time::Duration;

use tokio::sync::watch;

use crate::batch::BatchLimits;
use crate::config::MailboxConfig;
use crate::error::MailboxError;
use crate::mailbox::Mailbox;
use crate::parse::IncomingMessage;

/// How long the server may take to answer NOOP, IDLE or DONE.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);

/// How the watcher works.
#[derive(Debug, Clone)]
pub struct WatchConfig {
    /// The mailbox.
    pub mailbox: MailboxConfig,
    /// Attachments larger than this are dropped and noted in the text.
    pub max_attachment_bytes: usize,
    /// How much mail is fetched and handed to the sink at once.
    pub batch: BatchLimits,
    /// How often the mailbox is read again: the poll interval without IDLE, and the
    /// longest IDLE (so mail the sink refused is retried).
    pub poll_every: Duration,
    /// The first wait before reconnecting; doubled after each failure up to `retry_max`.
    pub retry_first: Duration,
    /// The longest wait before reconnecting.
    pub retry_max: Duration,
}

impl WatchConfig {
    /// Polls every minute, 10 MB attachments, the default batches, reconnects after 2 s up
    /// to 5 min.
    pub fn new(mailbox: MailboxConfig) -> Self {
        Self {
            mailbox,
            max_attachment_bytes: 10 << 20,
            batch: BatchLimits::default(),
            poll_every: Duration::from_secs(60),
            retry_first: Duration::from_secs(2),
            retry_max: Duration::from_secs(300),
        }
    }
}

/// The watcher's state, for the administrator's screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailboxStatus {
    /// Connecting (at start and after a failure).
    Connecting,
    /// Connected and reading; `left` lists the mail left unseen on the last pass and why.
    Connected {
        /// pt-BR, one line per mail.
        left: Vec<String>,
    },
    /// The server refused the login; tried again later.
    WrongPassword(String),
    /// The server cannot be reached; tried again later.
    Unreachable(String),
    /// The folder to read or to move to does not exist; tried again later.
    FolderMissing(String),
    /// The connection dropped or a command failed; reconnecting.
    Disconnected(String),
}

impl From<&MailboxError> for MailboxStatus {
    fn from(error: &MailboxError) -> Self {
        let text = error.to_string();
        match error {
            MailboxError::WrongPassword(_) => Self::WrongPassword(text),
            MailboxError::Unreachable(_) => Self::Unreachable(text),
            MailboxError::FolderMissing(_) => Self::FolderMissing(text),
            MailboxError::ConnectionLost(_) | MailboxError::Refused(_) => Self::Disconnected(text),
        }
    }
}

/// Watches the mailbox, handing new mail to `sink` in batches (see
/// [`Mailbox::take_unseen`]), until every receiver of `status` is dropped (checked between
/// passes; the task may also simply be aborted). A batch is marked handled only after the
/// sink took it, so after a drop between the two it is offered again: the sink should be
/// idempotent on [`IncomingMessage::dedupe_key`].
pub async fn watch<F, Fut, E>(
    config: WatchConfig,
    mut sink: F,
    status: watch::Sender<MailboxStatus>,
) where
    F: FnMut(Vec<IncomingMessage>) -> Fut,
    Fut: Future<Output = Result<(), E>>,
    E: Display,
{
    let mut retry = config.retry_first;
    while !status.is_closed() {
        status.send_replace(MailboxStatus::Connecting);
        let error = match Mailbox::open(&config.mailbox).await {
            Ok(mailbox) => {
                retry = config.retry_first;
                match serve(mailbox, &config, &mut sink, &status).await {
                    Ok(()) => return,
                    Err(error) => error,
                }
            }
            Err(error) => error,
        };
        log::warn!("caixa de correio {}: {error}", config.mailbox.host);
        status.send_replace(MailboxStatus::from(&error));
        tokio::time::sleep(retry).await;
        retry = (retry * 2).min(config.retry_max);
    }
}

/// Takes the unseen mail and waits for more, until the connection fails (its error is
/// returned) or nobody watches the status (Ok, after logging out).
async fn serve<F, Fut, E>(
    mut mailbox: Mailbox,
    config: &WatchConfig,
    sink: &mut F,
    status: &watch::Sender<MailboxStatus>,
) -> Result<(), MailboxError>
where
    F: FnMut(Vec<IncomingMessage>) -> Fut,
    Fut: Future<Output = Result<(), E>>,
    E: Display,
{
    loop {
        let report = mailbox
            .take_unseen(config.max_attachment_bytes, config.batch, sink)
            .await?;
        for left in &report.left {
            log::warn!("{left}");
        }
        let took_any = !report.taken.is_empty();
        status.send_replace(MailboxStatus::Connected { left: report.left });
        if status.is_closed() {
            let _ = mailbox.logout().await;
            return Ok(());
        }
        // Mail that arrived while a pass was taking mail was announced before IDLE began,
        // and IDLE would not wake for it: read again until a pass takes nothing.
        if !took_any {
            mailbox = wait_for_mail(mailbox, config.poll_every).await?;
        }
    }
}

/// Waits up to `most` for new mail: IDLE when offered, else a sleep and a NOOP.
async fn wait_for_mail(mut mailbox: Mailbox, most: Duration) -> Result<Mailbox, MailboxError> {
    if !mailbox.idle {
        tokio::time::sleep(most).await;
        within(mailbox.session.noop()).await?;
        return Ok(mailbox);
    }
    let mut idle = mailbox.session.idle();
    within(idle.init()).await?;
    let (wait, _interrupt) = idle.wait_with_timeout(most);
    wait.await?;
    mailbox.session = within(idle.done()).await?;
    Ok(mailbox)
}

/// A short command (NOOP, IDLE, DONE) that must be answered within [`COMMAND_TIMEOUT`]:
/// a silent server means a dead connection.
async fn within<T>(
    command: impl Future<Output = async_imap::error::Result<T>>,
) -> Result<T, MailboxError> {
    match tokio::time::timeout(COMMAND_TIMEOUT, command).await {
        Ok(answer) => Ok(answer?),
        Err(_) => Err(MailboxError::ConnectionLost(
            "o servidor parou de responder".into(),
        )),
    }
}
