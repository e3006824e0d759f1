//! A demo help desk for the tests of the screens after the wizard: the demo catalog, 400
//! customers and the demo's tickets (with their tasks and visits ahead).
use std::path::PathBuf;

use helpdesk_demo::DemoConfig;
use helpdesk_store::Store;

/// The demo written to `e2e.db` in `dir`: its path, and the store left open for the test to
/// read what it needs (close it before starting the app).
pub async fn desk_with_tickets(dir: &tempfile::TempDir) -> (PathBuf, Store) {
    let path = dir.path().join("e2e.db");
    let store = Store::open(&path).await.expect("store");
    let config = DemoConfig {
        seed: 11,
        customers: 400,
        messages: 100,
    };
    helpdesk_demo::seed(&store, &config)
        .await
        .expect("demo data");
    helpdesk_demo::seed_tickets(&store, &config)
        .await
        .expect("demo tickets");
    (path, store)
}
