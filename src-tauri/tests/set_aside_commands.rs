//! "Pendências" through Tauri's real IPC path: administrators see the rows sync set aside,
//! counted in the status, and try one again; operators see neither.
mod common;

use std::collections::BTreeMap;

use common::DemoApp;
use helpdesk_api::{ErrorCode, SetAsideEntry, SyncStatus};
use helpdesk_core::sync::{PullCursor, SetAsideDirection, SyncRow};
use helpdesk_demo::{DemoConfig, ADMIN, OPERATOR};
use helpdesk_store::sync::{self, SearchRefresh};
use serde_json::json;
use uuid::Uuid;

const DEMO: DemoConfig = DemoConfig {
    seed: 5,
    customers: 5,
    messages: 5,
};

#[tokio::test(flavor = "multi_thread")]
async fn administrators_see_the_rows_set_aside_and_operators_do_not() {
    let app = DemoApp::new(&DEMO).await;
    // A page from a newer version of the app: a table this one does not know.
    let id = Uuid::now_v7();
    let future = SyncRow {
        table: "tabela_futura".into(),
        id,
        fields: BTreeMap::new(),
    };
    let cursor = PullCursor {
        epoch: 0,
        transaction: 7,
        sequence: 1,
    };
    let report = sync::apply(app.store(), &[future], cursor, SearchRefresh::WithPage)
        .await
        .expect("applied");
    assert_eq!(report.set_aside, 1);

    app.log_in(&OPERATOR);
    let status: SyncStatus = app.call("load_sync_status", ());
    assert_eq!(status.set_aside, None);
    assert_eq!(app.refuse("load_set_aside", ()).code, ErrorCode::Forbidden);

    app.log_in(&ADMIN);
    let status: SyncStatus = app.call("load_sync_status", ());
    assert_eq!(status.set_aside, Some(1));
    let entries: Vec<SetAsideEntry> = app.call("load_set_aside", ());
    assert_eq!(entries.len(), 1);
    let entry = &entries[0];
    assert_eq!(
        (entry.key.direction, entry.key.table.as_str(), entry.key.id),
        (SetAsideDirection::Pull, "tabela_futura", id)
    );
    assert!(
        entry.reason.contains("não conhece esta tabela"),
        "{}",
        entry.reason
    );
    // Tried again, it still cannot apply: it stays, with the time it was set aside.
    let again: Vec<SetAsideEntry> = app.call(
        "retry_set_aside",
        json!({"direction": "pull", "table": "tabela_futura", "id": id}),
    );
    assert_eq!(again, entries);
}
