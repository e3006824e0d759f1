//! A new desktop's first sync from the snapshot the server prepared: every row as of the
//! snapshot, then what was written after it by the pull; a first sync cut between chunks
//! goes on where it stopped, its tables loaded without their secondary indexes, built again
//! at the end or when the database opens; a desktop that holds rows already merges the snapshot into
//! them (unique names settled as pulled rows settle them).
mod common;

use std::collections::BTreeSet;

use common::desk::{edit_customer, new_ticket, shared};
use common::{assert_same, Central, Desktop};
use helpdesk_core::customer::{SearchCondition, SearchField, SearchTerm};
use helpdesk_core::sync::SnapshotManifest;
use helpdesk_demo::DemoConfig;
use helpdesk_server::repo::snapshots;
use helpdesk_store::{customers, sync, Store};
use uuid::Uuid;

const DEMO: DemoConfig = DemoConfig {
    seed: 31,
    customers: 60,
    messages: 90,
};

/// The server prepares a snapshot of what it holds now.
async fn prepare(central: &Central) -> SnapshotManifest {
    let pool = sqlx::PgPool::connect(&central.database_url)
        .await
        .expect("connect");
    let manifest = snapshots::prepare(&pool)
        .await
        .expect("prepared")
        .expect("no other instance prepares one");
    pool.close().await;
    manifest
}

/// Desktop A, holding the demo data, has pushed it all to `central`, which then prepared a
/// snapshot of it.
async fn served(central: &Central) -> (Desktop, SnapshotManifest) {
    let a = Desktop::with_demo(&DEMO).await;
    a.register(central, "Loja Centro").await;
    a.sync().await;
    let manifest = prepare(central).await;
    (a, manifest)
}

/// Removes a row from the server behind its back (only a snapshot taken before still has
/// it): a desktop that holds it afterwards got it from the snapshot.
async fn forget_on_server(central: &Central, table: &str, id: Uuid) {
    let pool = sqlx::PgPool::connect(&central.database_url)
        .await
        .expect("connect");
    sqlx::query("DELETE FROM sync_rows WHERE table_name = $1 AND row_id = $2")
        .bind(table)
        .bind(id)
        .execute(&pool)
        .await
        .expect("deleted");
    pool.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_desktop_starts_from_the_snapshot_and_pulls_what_came_after() {
    let central = Central::start().await;
    let (a, manifest) = served(&central).await;
    assert_eq!(manifest.rows, central.count().await as u64);
    assert!(manifest.chunks > 1);

    // After the snapshot: A's edit and new ticket reach the server.
    let on_a = shared(&a.store).await;
    edit_customer(&a.store, on_a.customer, "city", "Paraty").await;
    let ticket = new_ticket(&a.store, &on_a, "Sem sinal", None, Vec::new()).await;
    a.sync().await;
    let phone: Uuid = sqlx::query_scalar("SELECT id FROM customer_phones LIMIT 1")
        .fetch_one(a.store.pool())
        .await
        .expect("a phone");
    forget_on_server(&central, "customer_phones", phone).await;

    let b = Desktop::new().await;
    b.register(&central, "Loja Norte").await;
    let report = b.sync().await;
    assert!(report.pulled >= manifest.rows as usize);
    assert_same(&a.rows().await, &b.rows().await, "A and the new desktop");
    let protocols: i64 = sqlx::query_scalar("SELECT count(*) FROM tickets WHERE protocol = ?1")
        .bind(&ticket)
        .fetch_one(b.store.pool())
        .await
        .expect("count");
    assert_eq!(
        protocols, 1,
        "the ticket written after the snapshot was pulled"
    );
    let state = sync::load_state(&b.store).await.expect("state");
    assert!(state.cursor() >= manifest.cursor);
    assert_eq!(
        sync::snapshot_progress(&b.store).await.expect("progress"),
        None
    );
    // The search index was built from what the snapshot brought: one entry a customer.
    let (entries, customers): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM customer_search), (SELECT count(*) FROM customers)",
    )
    .fetch_one(b.store.pool())
    .await
    .expect("counts");
    assert_eq!(entries, customers);
    let code: String = sqlx::query_scalar("SELECT code FROM customers WHERE id = ?1")
        .bind(on_a.customer)
        .fetch_one(b.store.pool())
        .await
        .expect("code");
    let found = customers::search(
        &b.store,
        &SearchTerm {
            needle: code,
            field: SearchField::Code,
            condition: SearchCondition::Equals,
            limit: 10,
        },
    )
    .await
    .expect("search");
    assert_eq!(
        found.iter().map(|customer| customer.id).collect::<Vec<_>>(),
        [on_a.customer]
    );
    // Nothing it took is sent back.
    assert_eq!(sync::waiting(&b.store).await.expect("waiting"), 0);
    // And it takes what is written next.
    edit_customer(&a.store, on_a.customer, "city", "Ubatuba").await;
    a.sync().await;
    assert_eq!(b.sync().await.pulled, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_first_sync_cut_between_chunks_goes_on_where_it_stopped() {
    let central = Central::start().await;
    let (a, manifest) = served(&central).await;

    // B applies the first chunks, then the exchange stops (the app closed, say).
    let b = Desktop::new().await;
    b.register(&central, "Loja Norte").await;
    let client = b.client().await;
    sync::begin_snapshot(&b.store, Some(&manifest))
        .await
        .expect("begun");
    let applied = manifest.chunks / 2;
    for number in 0..applied {
        let chunk = client
            .snapshot_chunk(manifest.id, number)
            .await
            .expect("chunk")
            .expect("the snapshot is there");
        sync::apply_chunk(&b.store, number, &chunk)
            .await
            .expect("applied");
    }
    assert_eq!(
        sync::snapshot_progress(&b.store).await.expect("progress"),
        Some((manifest.clone(), applied))
    );
    // Its tables loaded without their secondary indexes; every unique one stayed.
    let all = indexes(&a.store).await;
    let during = indexes(&b.store).await;
    assert!(!during.contains("tickets_status"), "{during:?}");
    let unique = all
        .iter()
        .filter(|name| name.starts_with("sqlite_autoindex_"));
    assert!(unique.clone().count() > 10);
    assert!(unique.into_iter().all(|name| during.contains(name)));
    // The next exchange applies the rest and pulls what came after.
    b.sync().await;
    assert_same(
        &a.rows().await,
        &b.rows().await,
        "A and the resumed desktop",
    );
    assert_eq!(
        sync::snapshot_progress(&b.store).await.expect("progress"),
        None
    );
    assert_eq!(indexes(&b.store).await, all, "every index built again");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_database_opened_after_a_cut_first_sync_builds_its_indexes_first() {
    let central = Central::start().await;
    let (_a, manifest) = served(&central).await;
    let b = Desktop::new().await;
    let all = indexes(&b.store).await;
    b.register(&central, "Loja Norte").await;
    sync::begin_snapshot(&b.store, Some(&manifest))
        .await
        .expect("begun");
    assert!(indexes(&b.store).await.len() < all.len());

    // The app closed mid-load and opens again (a migration may need every index).
    b.store.close().await;
    let reopened = Store::open(&b.folder().join("helpdesk.db"))
        .await
        .expect("reopened");
    assert_eq!(indexes(&reopened).await, all);
    // The first sync still goes on from its snapshot.
    assert_eq!(
        sync::snapshot_progress(&reopened).await.expect("progress"),
        Some((manifest, 0))
    );
}

/// The names of the database's indexes (those of its UNIQUE and PRIMARY KEY constraints too).
async fn indexes(store: &Store) -> BTreeSet<String> {
    sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'index'")
        .fetch_all(store.pool())
        .await
        .expect("indexes")
        .into_iter()
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_desktop_that_holds_rows_merges_the_snapshot_into_them() {
    let central = Central::start().await;
    let (a, _) = served(&central).await;
    // C has catalogs of its own with the same names (roles, teams, plans...): its rows are
    // pushed first, then the snapshot meets them.
    let c = Desktop::with_demo(&DemoConfig {
        seed: 32,
        customers: 5,
        messages: 5,
    })
    .await;
    c.register(&central, "Loja Sul").await;
    c.sync().await;
    a.sync().await;
    c.sync().await;
    let on_server = central.rows().await;
    assert_same(&a.rows().await, &on_server, "A and the server");
    assert_same(&c.rows().await, &on_server, "C and the server");
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_snapshot_the_first_sync_goes_page_by_page() {
    let central = Central::start().await;
    let a = Desktop::with_demo(&DEMO).await;
    a.register(&central, "Loja Centro").await;
    a.sync().await;
    let b = Desktop::new().await;
    b.register(&central, "Loja Norte").await;
    assert_eq!(b.client().await.snapshot().await.expect("asked"), None);
    b.sync().await;
    assert_same(&a.rows().await, &b.rows().await, "A and the new desktop");
}
