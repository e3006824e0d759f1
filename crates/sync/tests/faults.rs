//! Faults between a desktop and the server: answers lost after the server applied a push,
//! requests and pulls cut halfway, the server killed mid-push and replaced, a push sent
//! twice, a revoked desktop, corrupted requests, a desktop clock an hour wrong. Nothing is
//! lost, nothing duplicated, and the error is clear.
mod common;

use std::time::{Duration, Instant};

use common::desk::edit_customer;
use common::proxy::CutProxy;
use common::{assert_same, Central, Desktop, TOKEN};
use helpdesk_core::sync::{FieldValue, PullCursor, PushResponse};
use helpdesk_demo::DemoConfig;
use helpdesk_server::Config;
use helpdesk_store::sync;
use helpdesk_sync::SyncError;
use uuid::Uuid;

/// Enough rows for several batches of a push or pages of a pull.
const DEMO: DemoConfig = DemoConfig {
    seed: 5,
    customers: 400,
    messages: 1200,
};

async fn seeded() -> Desktop {
    let desktop = Desktop::new().await;
    helpdesk_demo::seed(&desktop.store, &DEMO)
        .await
        .expect("demo data");
    desktop
}

#[tokio::test(flavor = "multi_thread")]
async fn an_answer_lost_after_the_server_applied_a_push_is_pushed_again_and_changes_nothing() {
    let central = Central::start().await;
    let proxy = CutProxy::start(central.server.local_addr()).await;
    let a = seeded().await;
    a.register_at(&proxy.url(), "Loja Centro").await;
    let waiting = sync::waiting(&a.store).await.expect("waiting");

    proxy.cut_answers_after(0);
    let lost = a.try_sync().await.expect_err("no answer");
    assert!(matches!(lost, SyncError::Unreachable(_)), "{lost:?}");
    let applied = central.count().await;
    assert!(applied > 0, "the server applied the first batch");
    assert_eq!(
        sync::waiting(&a.store).await.expect("waiting"),
        waiting,
        "still waiting here"
    );

    // The same batch again: the server already has it.
    proxy.heal();
    let batch = sync::pending(&a.store, 1000)
        .await
        .expect("pending")
        .expect("a batch");
    let again = a
        .client()
        .await
        .push(batch.rows)
        .await
        .expect("pushed again");
    assert_eq!(again.changed, 0);
    assert_eq!(central.count().await, applied);

    a.sync().await;
    assert_eq!(sync::waiting(&a.store).await.expect("waiting"), 0);
    assert_same(&a.rows().await, &central.rows().await, "after the retry");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_request_cut_halfway_applies_nothing_and_goes_again() {
    let central = Central::start().await;
    let proxy = CutProxy::start(central.server.local_addr()).await;
    let a = seeded().await;
    a.register_at(&proxy.url(), "Loja Centro").await;
    proxy.cut_requests_after(4096);
    let cut = a.try_sync().await.expect_err("cut");
    assert!(matches!(cut, SyncError::Unreachable(_)), "{cut:?}");
    assert_eq!(central.count().await, 0, "half a request applies nothing");
    proxy.heal();
    a.sync().await;
    assert_same(&a.rows().await, &central.rows().await, "after the retry");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pull_cut_halfway_resumes_after_the_last_page_applied() {
    let central = Central::start().await;
    let a = seeded().await;
    a.register(&central, "Loja Centro").await;
    a.sync().await;
    let proxy = CutProxy::start(central.server.local_addr()).await;
    let b = Desktop::new().await;
    b.register_at(&proxy.url(), "Loja Norte").await;
    // The first page passes whole, the second is cut in its middle.
    let first_page = b
        .client()
        .await
        .pull(PullCursor::default(), 1000)
        .await
        .expect("first page");
    let first_size = serde_json::to_vec(&first_page).expect("json").len() as u64;
    proxy.cut_answers_after(first_size + 64 * 1024);
    let cut = b.try_sync().await.expect_err("cut");
    assert!(matches!(cut, SyncError::Unreachable(_)), "{cut:?}");
    let state = sync::load_state(&b.store).await.expect("state");
    assert_eq!(
        state.cursor(),
        first_page.cursor,
        "the first page is applied and kept"
    );
    assert_eq!(b.rows().await.len(), first_page.rows.len());

    proxy.heal();
    b.sync().await;
    assert_same(&a.rows().await, &b.rows().await, "after resuming");
    // The search index, left for the end of the first sync, was rebuilt by the next one.
    assert_eq!(search_rows(&b).await, search_rows(&a).await);
}

/// Every entry of the customer search index, by customer: its name, and the words of its
/// logins, e-mails and phones (in any order).
async fn search_rows(desktop: &Desktop) -> Vec<(Uuid, String, Vec<String>)> {
    let rows: Vec<(Uuid, String, String)> = sqlx::query_as(
        "SELECT customer_id, name, logins || ' ' || emails || ' ' || phones
         FROM customer_search ORDER BY customer_id",
    )
    .fetch_all(desktop.store.pool())
    .await
    .expect("search rows");
    rows.into_iter()
        .map(|(id, name, words)| {
            let mut words: Vec<String> = words.split_whitespace().map(str::to_owned).collect();
            words.sort();
            (id, name, words)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_server_killed_mid_push_loses_nothing_and_another_instance_takes_over() {
    let mut central = Central::start().await;
    let proxy = CutProxy::start(central.server.local_addr()).await;
    let a = seeded().await;
    a.register_at(&proxy.url(), "Loja Centro").await;
    let waiting = sync::waiting(&a.store).await.expect("waiting");
    assert!(waiting > 3000, "several batches: {waiting}");

    let pushing = {
        let client = a.client().await;
        let (store, files) = (&a.store, &a.files);
        async move { helpdesk_sync::sync_once(store, files, &client).await }
    };
    let killing = async {
        let deadline = Instant::now() + Duration::from_secs(60);
        while central.count().await == 0 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        // Abruptly: connections dropped, requests in flight abandoned mid-transaction.
        let replacement = helpdesk_server::spawn(Config::local(&central.database_url, TOKEN))
            .await
            .expect("another instance");
        let killed = std::mem::replace(&mut central.server, replacement);
        drop(killed);
    };
    let (pushed, ()) = tokio::join!(pushing, killing);
    let error = pushed.expect_err("the push was cut by the kill");
    assert!(matches!(error, SyncError::Unreachable(_)), "{error:?}");
    let partial = central.count().await;
    assert!(
        partial > 0 && partial < waiting,
        "{partial} of {waiting} rows arrived"
    );

    proxy.point_at(central.server.local_addr());
    a.sync().await;
    assert_eq!(sync::waiting(&a.store).await.expect("waiting"), 0);
    let on_a = a.rows().await;
    assert_same(
        &on_a,
        &central.rows().await,
        "after another instance took over",
    );
    let b = Desktop::new().await;
    b.register(&central, "Loja Norte").await;
    b.sync().await;
    assert_same(&on_a, &b.rows().await, "a new desktop");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_revoked_desktop_is_told_so_and_keeps_its_changes() {
    let central = Central::start().await;
    let a = seeded().await;
    let registration = a.register(&central, "Loja Centro").await;
    a.sync().await;
    let customer: Uuid = sqlx::query_scalar("SELECT id FROM customers LIMIT 1")
        .fetch_one(a.store.pool())
        .await
        .expect("customer");
    edit_customer(&a.store, customer, "city", "Piracicaba").await;

    let revoked = reqwest::Client::new()
        .post(format!(
            "{}/v1/devices/{}/revoke",
            central.url(),
            registration.device_id
        ))
        .bearer_auth(TOKEN)
        .send()
        .await
        .expect("revoke");
    assert!(revoked.status().is_success(), "{}", revoked.status());
    let refused = a.try_sync().await.expect_err("refused");
    let SyncError::Refused { status, code, .. } = &refused else {
        panic!("{refused:?}");
    };
    assert_eq!((*status, code.as_str()), (403, "device_revoked"));
    assert!(
        refused.operator_message().contains("desautorizado"),
        "{}",
        refused.operator_message()
    );
    assert!(!refused.is_transient());
    assert_eq!(
        sync::waiting(&a.store).await.expect("waiting"),
        1,
        "the change is kept"
    );
    let server_city = central
        .rows()
        .await
        .get(&("customers".to_owned(), customer))
        .and_then(|row| row.value("city").cloned());
    assert_ne!(server_city, Some(FieldValue::Text("Piracicaba".into())));
}

#[tokio::test(flavor = "multi_thread")]
async fn corrupted_requests_are_refused_clearly_and_change_nothing() {
    let central = Central::start().await;
    let a = seeded().await;
    let registration = a.register(&central, "Loja Centro").await;
    a.sync().await;
    let before = central.rows().await;
    let push = |body: String| {
        reqwest::Client::new()
            .post(format!("{}/v1/push", central.url()))
            .bearer_auth(&registration.credential)
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let row = before
        .values()
        .find(|row| row.table == "customers")
        .expect("a customer")
        .clone();
    let mut unknown_column = row.clone();
    let field = unknown_column.fields["city"].clone();
    unknown_column.fields.insert("senha".into(), field);
    let mut wrong_kind = row.clone();
    let mut field = wrong_kind.fields["city"].clone();
    field.value = FieldValue::Integer(7);
    field.version.stamp += 1 << 40;
    wrong_kind.fields.insert("city".into(), field);
    let mut unknown_table = row;
    unknown_table.table = "sqlite_master".into();
    // A request that cannot be read is refused whole.
    for body in ["{\"rows\": [".to_owned(), "não é json".to_owned()] {
        let answer = push(body.clone()).await.expect("answered");
        assert_eq!(answer.status().as_u16(), 400, "{body}");
        let error: serde_json::Value = answer.json().await.expect("a JSON error");
        assert_eq!(error["code"], "corrupted_request", "{body}");
        assert!(error["message"]
            .as_str()
            .is_some_and(|message| !message.is_empty()));
    }
    // A corrupted row is refused alone, named with its code.
    for bad in [unknown_column, wrong_kind, unknown_table] {
        let body = serde_json::json!({ "rows": [bad] }).to_string();
        let answer = push(body.clone()).await.expect("answered");
        assert_eq!(answer.status().as_u16(), 200, "{body}");
        let answer: PushResponse = answer.json().await.expect("a push answer");
        assert_eq!(answer.changed, 0, "{body}");
        let [refused] = &answer.refused[..] else {
            panic!("{answer:?}");
        };
        assert_eq!(
            (refused.table.as_str(), refused.id, refused.code.as_str()),
            (bad.table.as_str(), bad.id, "corrupted_row")
        );
        assert!(!refused.message.is_empty());
    }
    assert_same(
        &before,
        &central.rows().await,
        "after the corrupted requests",
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_desktop_clock_an_hour_behind_is_corrected_at_its_first_exchange() {
    let central = Central::start().await;
    let a = seeded().await;
    a.register(&central, "Loja Centro").await;
    a.sync().await;
    let b = Desktop::new().await;
    b.register(&central, "Loja Norte").await;
    // B's wall clock an hour behind, as a wrong clock would stamp its writes.
    b.store.set_clock_offset(-3_600_000);
    b.sync().await;
    let offset = sync::load_state(&b.store)
        .await
        .expect("state")
        .clock_offset_ms;
    assert!(offset.abs() < 60_000, "learned from the server: {offset}");

    // A edits a customer; B, a moment later, edits the same field: B's edit is the latest
    // (with its clock still an hour behind, it would lose). A moment: clocks agree to tens
    // of milliseconds at best, not to one.
    let customer: Uuid = sqlx::query_scalar("SELECT id FROM customers LIMIT 1")
        .fetch_one(a.store.pool())
        .await
        .expect("customer");
    edit_customer(&a.store, customer, "city", "Limeira").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    edit_customer(&b.store, customer, "city", "Americana").await;
    for desktop in [&a, &b, &a] {
        desktop.sync().await;
    }
    for desktop in [&a, &b] {
        let city: String = sqlx::query_scalar("SELECT city FROM customers WHERE id = ?1")
            .bind(customer)
            .fetch_one(desktop.store.pool())
            .await
            .expect("city");
        assert_eq!(city, "Americana");
    }
}
