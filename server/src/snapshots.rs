//! Prepares the snapshot new desktops start from ([`crate::repo::snapshots`]) in the
//! background: at start when none is ready, then whenever the newest is older than the
//! configured interval. Instances share the work: one prepares while the others skip.
use std::time::Duration;

use tokio::task::JoinHandle;

use crate::repo::snapshots;
use crate::state::AppState;

/// How often the runner looks whether a snapshot is due (at most).
const LOOK_EVERY: Duration = Duration::from_secs(600);

/// The background task; stops when dropped.
#[derive(Debug)]
pub struct SnapshotRunner {
    task: JoinHandle<()>,
}

impl SnapshotRunner {
    /// Starts preparing snapshots every `every` in a task of the current tokio runtime.
    pub fn spawn(state: AppState, every: Duration) -> SnapshotRunner {
        SnapshotRunner {
            task: tokio::spawn(run(state, every)),
        }
    }
}

impl Drop for SnapshotRunner {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn run(state: AppState, every: Duration) {
    loop {
        match snapshots::due(state.pool(), every).await {
            Ok(true) => match snapshots::prepare(state.pool()).await {
                Ok(Some(manifest)) => tracing::info!(
                    snapshot = %manifest.id,
                    rows = manifest.rows,
                    chunks = manifest.chunks,
                    "snapshot prepared"
                ),
                Ok(None) => tracing::debug!("another instance prepares the snapshot"),
                Err(error) => tracing::warn!(%error, "snapshot not prepared"),
            },
            Ok(false) => {}
            Err(error) => tracing::warn!(%error, "snapshot age not read"),
        }
        tokio::time::sleep(every.min(LOOK_EVERY)).await;
    }
}
