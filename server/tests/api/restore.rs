//! The server's database dumped and restored into a new PostgreSQL cluster: transaction ids
//! restart there, and pull cursors must still lead every desktop to every row.
use helpdesk_core::sync::{PullCursor, SyncRow};
use helpdesk_server::test_postgres::PgServer;
use uuid::Uuid;

use crate::common::{role, TestApp, TOKEN};

/// Pulls every row after `after`, page by page (small pages, so cursors are exercised);
/// answers them and the last cursor.
async fn pull_from(app: &TestApp, credential: &str, after: PullCursor) -> (Vec<Uuid>, PullCursor) {
    app.settle().await;
    let mut cursor = after;
    let mut ids = Vec::new();
    loop {
        let page = app.pull(credential, cursor, 7).await;
        ids.extend(page.rows.iter().map(|row| row.id));
        cursor = page.cursor;
        if !page.more {
            return (ids, cursor);
        }
    }
}

/// Pushes `count` new roles, one push each (so their write order is the push order);
/// answers their ids in that order.
async fn push_roles(
    app: &TestApp,
    credential: &str,
    origin: Uuid,
    what: &str,
    count: usize,
) -> Vec<Uuid> {
    let mut ids = Vec::new();
    for at in 0..count {
        let row: SyncRow = role(Uuid::now_v7(), origin, &format!("{what} {at}"), 1);
        ids.push(row.id);
        app.push(credential, vec![row]).await;
    }
    ids
}

#[tokio::test]
async fn a_cursor_taken_before_a_dump_leads_to_the_rows_written_after_its_restore() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let me = desktop.device_id;
    // A cluster that has lived: its transaction ids are well past a new cluster's.
    for _ in 0..2000 {
        sqlx::query("SELECT pg_current_xact_id()")
            .execute(&app.pool)
            .await
            .expect("a transaction");
    }
    let old = push_roles(&app, &desktop.credential, me, "Antiga", 12).await;
    let (pulled, cursor) = pull_from(&app, &desktop.credential, PullCursor::default()).await;
    assert_eq!(pulled, old);
    assert_eq!(cursor.epoch, 0, "a database as created is of epoch 0");

    let cluster = PgServer::start().expect("a new cluster");
    let restored_url = cluster
        .restore_dump_of(&app.database_url)
        .await
        .expect("dumped and restored");
    // Several server processes start on the restored database at once: one new epoch.
    let config = |url: &str| helpdesk_server::Config::local(url, TOKEN);
    let (first, second) = tokio::join!(
        helpdesk_server::spawn(config(&restored_url)),
        helpdesk_server::spawn(config(&restored_url)),
    );
    let (first, second) = (first.expect("starts"), second.expect("starts"));
    let restored = TestApp::on_database(restored_url.clone(), |_| {}).await;
    let new = push_roles(&restored, &desktop.credential, me, "Nova", 5).await;

    // The desktop that had everything: its cursor is of the old epoch, it gets every row
    // again (merging is idempotent), the new ones after the old, in write order.
    let (again, resumed) = pull_from(&restored, &desktop.credential, cursor).await;
    assert_eq!(again, [old.clone(), new.clone()].concat());
    assert_ne!(resumed.epoch, cursor.epoch, "a new epoch");
    // A fresh desktop gets the same, in the same order.
    let (fresh, fresh_cursor) =
        pull_from(&restored, &desktop.credential, PullCursor::default()).await;
    assert_eq!(fresh, again);
    assert_eq!(fresh_cursor, resumed);

    // Restarted (any instance, any time), the server keeps the epoch: cursors stay good.
    drop((first, second));
    drop(restored);
    let restarted = TestApp::on_database(restored_url, |_| {}).await;
    let later = push_roles(&restarted, &desktop.credential, me, "Depois", 3).await;
    let (next, _) = pull_from(&restarted, &desktop.credential, resumed).await;
    assert_eq!(next, later);
    // The original database goes on in its own epoch.
    let (original, _) = pull_from(&app, &desktop.credential, cursor).await;
    assert!(original.is_empty());
}

#[tokio::test]
async fn a_copy_in_another_database_of_the_same_cluster_starts_an_epoch_too() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let old = push_roles(&app, &desktop.credential, desktop.device_id, "Antiga", 4).await;
    let (_, cursor) = pull_from(&app, &desktop.credential, PullCursor::default()).await;

    // Transaction ids go on in the same cluster; the database is another one all the same.
    let copy_url = PgServer::shared()
        .expect("PostgreSQL starts")
        .restore_dump_of(&app.database_url)
        .await
        .expect("dumped and restored");
    let copy = TestApp::on_database(copy_url, |_| {}).await;
    let new = push_roles(&copy, &desktop.credential, desktop.device_id, "Nova", 2).await;
    let (again, resumed) = pull_from(&copy, &desktop.credential, cursor).await;
    assert_eq!(again, [old, new].concat());
    assert_ne!(resumed.epoch, cursor.epoch);
}

#[tokio::test]
async fn a_cursor_past_every_transaction_of_the_cluster_is_served_from_the_start() {
    // Taken in a history this database does not have (a physical backup restored in place,
    // a replica promoted without the last writes): its transaction was never reached here.
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let rows = push_roles(&app, &desktop.credential, desktop.device_id, "Equipe", 3).await;
    let ahead = PullCursor {
        transaction: 1 << 40,
        ..PullCursor::default()
    };
    let (pulled, cursor) = pull_from(&app, &desktop.credential, ahead).await;
    assert_eq!(pulled, rows);
    assert!(cursor.transaction < ahead.transaction);
}
