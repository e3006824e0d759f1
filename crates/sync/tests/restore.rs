//! The server's database dumped and restored into a new PostgreSQL cluster (the operator
//! moved the server): transaction ids restart there. Desktops that synced before, one of
//! them with changes it has not sent yet, sync with the restored server and end with every
//! row, each other's changes included.
mod common;

use common::desk::{edit_customer, new_ticket, shared};
use common::proxy::CutProxy;
use common::{assert_same, Central, Desktop, TOKEN};
use helpdesk_demo::DemoConfig;
use helpdesk_server::test_postgres::{settle, PgServer};
use helpdesk_server::Config;
use helpdesk_store::sync;
use uuid::Uuid;

const DEMO: DemoConfig = DemoConfig {
    seed: 23,
    customers: 40,
    messages: 80,
};

/// The customer's `column` as `desktop` holds it.
async fn customer_field(desktop: &Desktop, customer: Uuid, column: &str) -> String {
    let sql = match column {
        "city" => "SELECT city FROM customers WHERE id = ?1",
        _ => "SELECT street FROM customers WHERE id = ?1",
    };
    sqlx::query_scalar(sql)
        .bind(customer)
        .fetch_one(desktop.store.pool())
        .await
        .expect("the customer")
}

#[tokio::test(flavor = "multi_thread")]
async fn desktops_resync_with_a_server_restored_into_a_new_cluster_and_keep_their_changes() {
    let mut central = Central::start().await;
    let proxy = CutProxy::start(central.server.local_addr()).await;
    // A cluster that has lived: its transaction ids are well past a new cluster's.
    let pool = sqlx::PgPool::connect(&central.database_url)
        .await
        .expect("connect");
    for _ in 0..2000 {
        sqlx::query("SELECT pg_current_xact_id()")
            .execute(&pool)
            .await
            .expect("a transaction");
    }
    pool.close().await;

    let a = Desktop::with_demo(&DEMO).await;
    a.register_at(&proxy.url(), "Loja Centro").await;
    a.sync().await;
    let b = Desktop::new().await;
    b.register_at(&proxy.url(), "Loja Norte").await;
    settle(&central.database_url).await.expect("settled");
    b.sync().await;
    assert_same(&a.rows().await, &b.rows().await, "before the move");

    // A works offline; its changes wait in its outbox.
    let on_a = shared(&a.store).await;
    edit_customer(&a.store, on_a.customer, "city", "Ouro Preto").await;
    let a_ticket = new_ticket(&a.store, &on_a, "Sem sinal desde a chuva", None, Vec::new()).await;
    assert!(sync::waiting(&a.store).await.expect("waiting") > 0);

    // The operator moves the server: a dump restored into a new cluster, the old one gone.
    let cluster = PgServer::start().expect("a new cluster");
    let restored_url = cluster
        .restore_dump_of(&central.database_url)
        .await
        .expect("dumped and restored");
    central.server = helpdesk_server::spawn(Config::local(&restored_url, TOKEN))
        .await
        .expect("the server starts on the restored database");
    central.database_url = restored_url;
    proxy.point_at(central.server.local_addr());

    // B writes first on the restored server, then A sends its changes and pulls.
    let on_b = shared(&b.store).await;
    edit_customer(&b.store, on_b.customer, "street", "Rua Nova, 200").await;
    b.sync().await;
    a.sync().await;
    assert_eq!(sync::waiting(&a.store).await.expect("waiting"), 0);
    b.sync().await;

    assert_eq!(
        customer_field(&a, on_a.customer, "street").await,
        "Rua Nova, 200",
        "B's change written after the restore reached A"
    );
    assert_eq!(
        customer_field(&b, on_b.customer, "city").await,
        "Ouro Preto",
        "A's offline change reached B"
    );
    let b_ticket: i64 = sqlx::query_scalar("SELECT count(*) FROM tickets WHERE protocol = ?1")
        .bind(&a_ticket)
        .fetch_one(b.store.pool())
        .await
        .expect("count");
    assert_eq!(b_ticket, 1, "A's offline ticket reached B");
    let on_server = central.rows().await;
    assert_same(&a.rows().await, &on_server, "A and the restored server");
    assert_same(&b.rows().await, &on_server, "B and the restored server");

    // A desktop joining now gets every row too.
    let c = Desktop::new().await;
    c.register_at(&proxy.url(), "Loja Sul").await;
    c.sync().await;
    assert_same(&c.rows().await, &on_server, "a new desktop");
    // Each keeps its cursor in the restored server's epoch: the next exchange goes on.
    let cursor = sync::load_state(&c.store).await.expect("state").cursor();
    assert_ne!(
        cursor.epoch, 0,
        "the restored database has an epoch of its own"
    );
    for desktop in [&a, &b] {
        let state = sync::load_state(&desktop.store).await.expect("state");
        assert_eq!(state.cursor(), cursor);
    }
}
