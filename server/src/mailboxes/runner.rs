//! The mailboxes' runner, started with the server: every few seconds it reads the enabled
//! mailboxes and keeps one watcher per mailbox, restarting it when its settings change and
//! stopping it when the mailbox is disabled.
use std::collections::HashMap;
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::task::JoinHandle;
use uuid::Uuid;

use super::watcher::watch_mailbox;
use crate::repo::mailboxes::{self, WatchedMailbox};
use crate::state::AppState;

/// The running runner; stops every watcher when dropped.
#[derive(Debug)]
pub struct MailboxRunner {
    task: JoinHandle<()>,
}

impl MailboxRunner {
    /// Starts the runner in a task of the current tokio runtime, reading the mailboxes'
    /// settings every `every`.
    pub fn spawn(state: AppState, every: Duration) -> MailboxRunner {
        MailboxRunner {
            task: tokio::spawn(run(state, every)),
        }
    }
}

impl Drop for MailboxRunner {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A watcher task and the settings' version it watches; aborted when dropped.
struct Watcher {
    changed_at: DateTime<Utc>,
    task: JoinHandle<()>,
}

impl Watcher {
    /// Aborts the task and waits for its end (its lock released, no write after).
    async fn stop(mut self) {
        self.task.abort();
        let _ = (&mut self.task).await;
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn run(state: AppState, every: Duration) {
    let mut watchers = HashMap::new();
    loop {
        match mailboxes::enabled(state.pool()).await {
            Ok(enabled) => reconcile(&state, &mut watchers, enabled, every).await,
            Err(error) => tracing::warn!(%error, "cannot read the mailboxes"),
        }
        tokio::time::sleep(every).await;
    }
}

/// Stops the watchers of mailboxes disabled, removed or changed (and of those whose task
/// ended), then starts one for each enabled mailbox without one.
async fn reconcile(
    state: &AppState,
    watchers: &mut HashMap<Uuid, Watcher>,
    enabled: Vec<WatchedMailbox>,
    every: Duration,
) {
    let stale: Vec<Uuid> = watchers
        .iter()
        .filter(|(id, watcher)| {
            watcher.task.is_finished()
                || !enabled
                    .iter()
                    .any(|mailbox| mailbox.id == **id && mailbox.changed_at == watcher.changed_at)
        })
        .map(|(id, _)| *id)
        .collect();
    for id in stale {
        if let Some(watcher) = watchers.remove(&id) {
            tracing::info!(mailbox_id = %id, "stopping the mailbox's watcher");
            watcher.stop().await;
        }
    }
    for mailbox in enabled {
        watchers.entry(mailbox.id).or_insert_with(|| Watcher {
            changed_at: mailbox.changed_at,
            task: tokio::spawn(watch_mailbox(state.clone(), mailbox, every)),
        });
    }
}
