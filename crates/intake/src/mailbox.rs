//! One pass over the mailbox: the unseen mail, each fetched with `BODY.PEEK[]` (so nothing
//! is marked by reading it), handed to the caller's sink, and only once the sink said Ok
//! marked `\Seen` or moved to the handled folder. Nothing else in the mailbox is changed.
use std::fmt::Display;
use std::future::Future;

use futures::TryStreamExt;

use crate::config::MailboxConfig;
use crate::connect::{login, ImapSession};
use crate::error::MailboxError;
use crate::folder::encode_folder_name;
use crate::parse::{parse_message, IncomingMessage};

/// A logged-in session with the folder selected.
pub struct Mailbox {
    pub(crate) session: ImapSession,
    config: MailboxConfig,
    /// The server offers IDLE (RFC 2177).
    pub(crate) idle: bool,
    /// The server offers MOVE (RFC 6851).
    can_move: bool,
    /// The server offers UID EXPUNGE (RFC 4315).
    uidplus: bool,
}

/// What one pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TakeReport {
    /// The dedupe keys of the mail the sink took, in mailbox order.
    pub taken: Vec<String>,
    /// Mail left unseen, each with why in pt-BR: unreadable, or refused by the sink.
    pub left: Vec<String>,
}

impl Mailbox {
    /// Connects, logs in, learns the server's capabilities and selects the folder; checks
    /// that the folder for handled mail, if any, exists.
    pub async fn open(config: &MailboxConfig) -> Result<Self, MailboxError> {
        let mut session = login(config).await?;
        let capabilities = session.capabilities().await?;
        if let Some(target) = &config.move_handled_to {
            let found: Vec<_> = session
                .list(Some(""), Some(&encode_folder_name(target)))
                .await?
                .try_collect()
                .await?;
            if found.is_empty() {
                return Err(MailboxError::FolderMissing(target.clone()));
            }
        }
        session
            .select(encode_folder_name(&config.folder))
            .await
            .map_err(|error| match error {
                async_imap::error::Error::No(_) => {
                    MailboxError::FolderMissing(config.folder.clone())
                }
                other => other.into(),
            })?;
        Ok(Self {
            session,
            config: config.clone(),
            idle: capabilities.has_str("IDLE"),
            can_move: capabilities.has_str("MOVE"),
            uidplus: capabilities.has_str("UIDPLUS"),
        })
    }

    /// Hands each unseen mail to `sink`, oldest first, and marks handled those it took.
    /// Mail that cannot be read, or that the sink refuses, stays unseen and is reported.
    pub async fn take_unseen<F, Fut, E>(
        &mut self,
        max_attachment_bytes: usize,
        sink: &mut F,
    ) -> Result<TakeReport, MailboxError>
    where
        F: FnMut(IncomingMessage) -> Fut,
        Fut: Future<Output = Result<(), E>>,
        E: Display,
    {
        let mut uids: Vec<u32> = self
            .session
            .uid_search("UNSEEN UNDELETED")
            .await?
            .into_iter()
            .collect();
        uids.sort_unstable();
        let mut report = TakeReport::default();
        for uid in uids {
            let Some(raw) = self.fetch_raw(uid).await? else {
                continue;
            };
            let message = match parse_message(&raw, max_attachment_bytes) {
                Ok(message) => message,
                Err(error) => {
                    report.left.push(format!(
                        "A mensagem {uid} da pasta {} não pôde ser lida: {error}",
                        self.config.folder
                    ));
                    continue;
                }
            };
            let key = message.dedupe_key.clone();
            match sink(message).await {
                Ok(()) => {
                    self.mark_handled(uid).await?;
                    report.taken.push(key);
                }
                Err(error) => report
                    .left
                    .push(format!("A mensagem {key} não foi guardada: {error}")),
            }
        }
        Ok(report)
    }

    /// The raw bytes of the mail `uid`, without setting `\Seen`; `None` when it is gone.
    async fn fetch_raw(&mut self, uid: u32) -> Result<Option<Vec<u8>>, MailboxError> {
        let fetches: Vec<_> = self
            .session
            .uid_fetch(uid.to_string(), "BODY.PEEK[]")
            .await?
            .try_collect()
            .await?;
        Ok(fetches
            .iter()
            .find(|fetch| fetch.uid == Some(uid))
            .and_then(|fetch| fetch.body())
            .map(<[u8]>::to_vec))
    }

    /// Marks `uid` seen, or moves it to the handled folder: with MOVE when the server has
    /// it, else COPY, `\Deleted` and an expunge of that one mail (all `\Deleted` mail when
    /// the server lacks UID EXPUNGE).
    async fn mark_handled(&mut self, uid: u32) -> Result<(), MailboxError> {
        let uid_set = uid.to_string();
        let Some(target) = self
            .config
            .move_handled_to
            .as_deref()
            .map(encode_folder_name)
        else {
            return self.store(&uid_set, "+FLAGS.SILENT (\\Seen)").await;
        };
        if self.can_move {
            return Ok(self.session.uid_mv(&uid_set, &target).await?);
        }
        self.session.uid_copy(&uid_set, &target).await?;
        self.store(&uid_set, "+FLAGS.SILENT (\\Seen \\Deleted)")
            .await?;
        if self.uidplus {
            let _: Vec<_> = self
                .session
                .uid_expunge(&uid_set)
                .await?
                .try_collect()
                .await?;
        } else {
            let _: Vec<_> = self.session.expunge().await?.try_collect().await?;
        }
        Ok(())
    }

    /// Runs a UID STORE and reads its answers.
    async fn store(&mut self, uid_set: &str, change: &str) -> Result<(), MailboxError> {
        let _: Vec<_> = self
            .session
            .uid_store(uid_set, change)
            .await?
            .try_collect()
            .await?;
        Ok(())
    }

    /// Ends the session politely.
    pub async fn logout(mut self) -> Result<(), MailboxError> {
        Ok(self.session.logout().await?)
    }
}

/// Connects, hands every unseen mail to `sink` and logs out: one pass, for a "check now"
/// button or a timer.
pub async fn take_unseen<F, Fut, E>(
    config: &MailboxConfig,
    max_attachment_bytes: usize,
    mut sink: F,
) -> Result<TakeReport, MailboxError>
where
    F: FnMut(IncomingMessage) -> Fut,
    Fut: Future<Output = Result<(), E>>,
    E: Display,
{
    let mut mailbox = Mailbox::open(config).await?;
    let report = mailbox.take_unseen(max_attachment_bytes, &mut sink).await?;
    mailbox.logout().await?;
    Ok(report)
}
