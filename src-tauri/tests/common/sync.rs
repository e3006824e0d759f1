//! A sync worker for the app under test, as the app runs its own: on a second connection pool
//! to the app's database, running at once and then only when woken.
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use helpdesk_api::SyncStatus;
use helpdesk_desktop::{AppState, SyncHandle};
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::secret_vault::{SecretKey, SecretVault};
use helpdesk_store::Store;
use helpdesk_sync::{ClientConfig, SyncWorker, SyncWorkerConfig};

use super::DemoApp;

/// The vault of the device credential, beside the database at `database`.
pub fn vault(database: &Path) -> Arc<SecretVault> {
    let key = SecretKey::load_or_create(&SecretKey::path_beside(database)).expect("key");
    Arc::new(SecretVault::encrypted(key))
}

/// `state` with the handle of a worker on `database`, left in `worker` for the test to spawn
/// (its interval is an hour: it exchanges when it starts and when woken).
pub fn with_worker(
    state: AppState,
    database: &Path,
    worker: &mut Option<SyncWorker<Arc<Store>>>,
) -> AppState {
    let config = SyncWorkerConfig {
        interval: Duration::from_secs(3600),
        ..SyncWorkerConfig::default()
    };
    let worker_vault = vault(database);
    let prepared = SyncWorker::new(
        Arc::new(second_store(database)),
        AttachmentFiles::beside(database),
        Arc::clone(&worker_vault),
        config,
    );
    let handle = SyncHandle {
        vault: worker_vault,
        waker: prepared.waker(),
        client: ClientConfig::default(),
    };
    *worker = Some(prepared);
    state.with_sync(handle)
}

/// Waits until an exchange after `after` (Unix ms) completed with nothing left waiting
/// (an operator signed in, to ask).
pub async fn synced(app: &DemoApp, after: Option<i64>) -> SyncStatus {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let now: SyncStatus = app.call("load_sync_status", ());
        if now.last_sync_at > after && now.waiting == 0 && !now.running {
            assert_eq!(now.error, None);
            return now;
        }
        assert!(Instant::now() < deadline, "not synced: {now:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A second connection pool on the app's database, for the worker (as the app's own worker
/// reaches the managed store).
fn second_store(database: &Path) -> Store {
    let database = database.to_path_buf();
    std::thread::spawn(move || {
        tokio::runtime::Runtime::new()
            .expect("runtime")
            .block_on(Store::open(&database))
            .expect("store")
    })
    .join()
    .expect("opened")
}
