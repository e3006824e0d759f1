//! One mailbox's watcher: waits for its lock, then runs [`helpdesk_intake::watch`] with a
//! sink taking each batch of mail as support messages, writing each status to the
//! mailbox's row.
use std::time::Duration;

use helpdesk_intake::{IncomingMessage, MailboxStatus, WatchConfig};
use tokio::sync::watch;

use super::lock::MailboxLock;
use super::sink::take_mails;
use super::status::describe;
use crate::repo::mailboxes::{self, WatchedMailbox};
use crate::state::AppState;

/// Watches `mailbox` until its lock's connection fails (the runner then starts it again)
/// or the task is aborted. While another instance holds the lock, tries again every `every`.
pub async fn watch_mailbox(state: AppState, mailbox: WatchedMailbox, every: Duration) {
    let mut lock = loop {
        match MailboxLock::try_take(state.pool(), mailbox.id).await {
            Ok(Some(lock)) => break lock,
            Ok(None) => {}
            Err(error) => tracing::warn!(mailbox_id = %mailbox.id, %error, "mailbox lock"),
        }
        tokio::time::sleep(every).await;
    };
    tracing::info!(mailbox_id = %mailbox.id, "watching the mailbox");
    let config = WatchConfig {
        max_attachment_bytes: state.max_blob_bytes(),
        ..WatchConfig::new(mailbox.config.clone())
    };
    let (sender, receiver) = watch::channel(MailboxStatus::Connecting);
    let sink_state = state.clone();
    let sink = move |mails: Vec<IncomingMessage>| {
        let state = sink_state.clone();
        async move { take_mails(&state, mails).await }
    };
    tokio::select! {
        () = helpdesk_intake::watch(config, sink, sender) => {}
        () = report(&state, &mailbox, receiver) => {}
        () = lock.lost(every) => {}
    }
}

/// Writes every status the watcher sends to the mailbox's row.
async fn report(
    state: &AppState,
    mailbox: &WatchedMailbox,
    mut receiver: watch::Receiver<MailboxStatus>,
) {
    loop {
        let status = describe(&receiver.borrow_and_update());
        if let Err(error) =
            mailboxes::set_status(state.pool(), mailbox.id, mailbox.changed_at, &status).await
        {
            tracing::warn!(mailbox_id = %mailbox.id, %error, "mailbox status not recorded");
        }
        if receiver.changed().await.is_err() {
            return;
        }
    }
}
