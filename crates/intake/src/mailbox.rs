//! One pass over the mailbox: the unseen mail in batches (see `batch`), each batch fetched
//! with one `UID FETCH … BODY.PEEK[]` (so nothing is marked by reading it), handed to the
//! caller's sink at once, and only once the sink said Ok marked `\Seen` or moved to the
//! handled folder with one command. Nothing else in the mailbox is changed.
use std::fmt::Display;
use std::future::Future;

use futures::TryStreamExt;

use crate::batch::{batches, uid_set, BatchLimits, SIZE_QUERY_UIDS};
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

/// What became of a batch offered to the sink.
enum Offer {
    /// Taken, or refused and reported (a single mail).
    Done,
    /// Refused as a whole: the UIDs that could be read, to offer one at a time.
    Refused(Vec<u32>),
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

    /// Hands the unseen mail to `sink` in batches within `limits`, oldest first, and marks
    /// handled each batch it took. The sink takes a batch whole or refuses it; a refused
    /// batch of several mails is offered again one mail at a time, so a mail the sink cannot
    /// take does not hold back the others. Mail that cannot be read, or that the sink
    /// refuses alone, stays unseen and is reported.
    pub async fn take_unseen<F, Fut, E>(
        &mut self,
        max_attachment_bytes: usize,
        limits: BatchLimits,
        sink: &mut F,
    ) -> Result<TakeReport, MailboxError>
    where
        F: FnMut(Vec<IncomingMessage>) -> Fut,
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
        for chunk in uids.chunks(SIZE_QUERY_UIDS) {
            let sized = self.sizes(chunk).await?;
            for batch in batches(&sized, limits) {
                let offer = self
                    .offer(&batch, max_attachment_bytes, sink, &mut report)
                    .await?;
                if let Offer::Refused(read) = offer {
                    for uid in read {
                        self.offer(&[uid], max_attachment_bytes, sink, &mut report)
                            .await?;
                    }
                }
            }
        }
        Ok(report)
    }

    /// The raw size of each of `uids` still in the folder, in UID order.
    async fn sizes(&mut self, uids: &[u32]) -> Result<Vec<(u32, u64)>, MailboxError> {
        let fetches: Vec<_> = self
            .session
            .uid_fetch(uid_set(uids), "RFC822.SIZE")
            .await?
            .try_collect()
            .await?;
        let mut sized: Vec<(u32, u64)> = fetches
            .iter()
            .filter_map(|fetch| Some((fetch.uid?, u64::from(fetch.size?))))
            .filter(|(uid, _)| uids.binary_search(uid).is_ok())
            .collect();
        sized.sort_unstable();
        sized.dedup_by_key(|(uid, _)| *uid);
        Ok(sized)
    }

    /// Fetches `uids` (ascending) and hands those that can be read, if any, to `sink` at
    /// once; marks them handled once it took them.
    async fn offer<F, Fut, E>(
        &mut self,
        uids: &[u32],
        max_attachment_bytes: usize,
        sink: &mut F,
        report: &mut TakeReport,
    ) -> Result<Offer, MailboxError>
    where
        F: FnMut(Vec<IncomingMessage>) -> Fut,
        Fut: Future<Output = Result<(), E>>,
        E: Display,
    {
        let (read, messages): (Vec<u32>, Vec<IncomingMessage>) = self
            .fetch_parsed(uids, max_attachment_bytes, &mut report.left)
            .await?
            .into_iter()
            .unzip();
        if messages.is_empty() {
            return Ok(Offer::Done);
        }
        let keys: Vec<String> = messages
            .iter()
            .map(|message| message.dedupe_key.clone())
            .collect();
        match sink(messages).await {
            Ok(()) => {
                self.mark_handled(&uid_set(&read)).await?;
                report.taken.extend(keys);
                Ok(Offer::Done)
            }
            Err(error) if read.len() > 1 => {
                log::warn!(
                    "{} mensagens da pasta {} recusadas juntas ({error}): oferecidas uma a uma",
                    read.len(),
                    self.config.folder
                );
                Ok(Offer::Refused(read))
            }
            Err(error) => {
                report.left.extend(
                    keys.iter()
                        .map(|key| format!("A mensagem {key} não foi guardada: {error}")),
                );
                Ok(Offer::Done)
            }
        }
    }

    /// `uids` (ascending) fetched with `BODY.PEEK[]` (nothing marked by reading) in one
    /// command, each parsed as it arrives; in UID order. Mail that cannot be read is noted
    /// in `left`; mail gone meanwhile is skipped.
    async fn fetch_parsed(
        &mut self,
        uids: &[u32],
        max_attachment_bytes: usize,
        left: &mut Vec<String>,
    ) -> Result<Vec<(u32, IncomingMessage)>, MailboxError> {
        let mut fetches = self.session.uid_fetch(uid_set(uids), "BODY.PEEK[]").await?;
        let mut read = Vec::with_capacity(uids.len());
        while let Some(fetch) = fetches.try_next().await? {
            let (Some(uid), Some(raw)) = (fetch.uid, fetch.body()) else {
                continue;
            };
            if uids.binary_search(&uid).is_err() || read.iter().any(|(seen, _)| *seen == uid) {
                continue;
            }
            match parse_message(raw, max_attachment_bytes) {
                Ok(message) => read.push((uid, message)),
                Err(error) => left.push(format!(
                    "A mensagem {uid} da pasta {} não pôde ser lida: {error}",
                    self.config.folder
                )),
            }
        }
        read.sort_unstable_by_key(|(uid, _)| *uid);
        Ok(read)
    }

    /// Marks the mail of `uid_set` seen, or moves it to the handled folder: with MOVE when
    /// the server has it, else COPY, `\Deleted` and an expunge of those mails (all
    /// `\Deleted` mail when the server lacks UID EXPUNGE).
    async fn mark_handled(&mut self, uid_set: &str) -> Result<(), MailboxError> {
        let Some(target) = self
            .config
            .move_handled_to
            .as_deref()
            .map(encode_folder_name)
        else {
            return self.store(uid_set, "+FLAGS.SILENT (\\Seen)").await;
        };
        if self.can_move {
            return Ok(self.session.uid_mv(uid_set, &target).await?);
        }
        self.session.uid_copy(uid_set, &target).await?;
        self.store(uid_set, "+FLAGS.SILENT (\\Seen \\Deleted)")
            .await?;
        if self.uidplus {
            let _: Vec<_> = self
                .session
                .uid_expunge(uid_set)
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

/// Connects, hands every unseen mail to `sink` in batches within `limits` and logs out:
/// one pass, for a "check now" button or a timer.
pub async fn take_unseen<F, Fut, E>(
    config: &MailboxConfig,
    max_attachment_bytes: usize,
    limits: BatchLimits,
    mut sink: F,
) -> Result<TakeReport, MailboxError>
where
    F: FnMut(Vec<IncomingMessage>) -> Fut,
    Fut: Future<Output = Result<(), E>>,
    E: Display,
{
    let mut mailbox = Mailbox::open(config).await?;
    let report = mailbox
        .take_unseen(max_attachment_bytes, limits, &mut sink)
        .await?;
    mailbox.logout().await?;
    Ok(report)
}
