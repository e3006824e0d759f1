//! No row is a wall (issue 19): a pulled row this desktop's schema refuses is set aside with
//! its reason while the rest of the page, and later pages, apply; a newer version of it
//! replaces the entry and drops it once it applies. A pushed row the server refuses for good
//! leaves the outbox into the set-aside table while the desktop's other changes go, and the
//! pull runs in the same exchange.
mod common;

use common::desk::{edit_customer, new_ticket, shared, HOUR};
use common::{Central, Desktop};
use helpdesk_core::sync::{
    DesktopProfile, FieldValue, FieldVersion, SetAsideDirection, SyncRow, Version,
};
use helpdesk_demo::{DemoConfig, OPERATOR};
use helpdesk_server::test_postgres::PgServer;
use helpdesk_store::{sync, Store};
use uuid::Uuid;

const DEMO: DemoConfig = DemoConfig {
    seed: 19,
    customers: 20,
    messages: 5,
};

/// `row` with `column` set to `value`, written now by `origin`.
fn written(mut row: SyncRow, column: &str, value: FieldValue, stamp: i64, origin: Uuid) -> SyncRow {
    row.fields.insert(
        column.to_owned(),
        FieldVersion {
            value,
            version: Version { stamp, origin },
        },
    );
    row
}

async fn integer(store: &Store, sql: &str, id: Uuid) -> i64 {
    sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(store.pool())
        .await
        .expect("a value")
}

async fn text(store: &Store, sql: &str, id: Uuid) -> String {
    sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(store.pool())
        .await
        .expect("a value")
}

/// The user's `column` ("role_id" or "password_hash") set here, behind the shell's back.
async fn set_user<T>(store: &Store, column: &str, value: T, user: Uuid)
where
    T: for<'q> sqlx::Encode<'q, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite> + Send + 'static,
{
    let sql = match column {
        "role_id" => "UPDATE users SET role_id = ?1, changed_at = ?2 WHERE id = ?3",
        "password_hash" => "UPDATE users SET password_hash = ?1, changed_at = ?2 WHERE id = ?3",
        other => panic!("no edit of {other}"),
    };
    sqlx::query(sql)
        .bind(value)
        .bind(store.stamp())
        .bind(user)
        .execute(store.pool())
        .await
        .expect("user changed");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pulled_row_the_desktop_refuses_is_set_aside_and_the_rest_applies() {
    let central = Central::start().await;
    let a = Desktop::with_demo(&DEMO).await;
    let shared = shared(&a.store).await;
    new_ticket(
        &a.store,
        &shared,
        "Sem sinal",
        Some(shared.slot),
        Vec::new(),
    )
    .await;
    a.register(&central, "Matriz").await;
    a.sync().await;
    let b = Desktop::new().await;
    b.register(&central, "Loja Norte").await;
    b.sync().await;

    // The server holds a visit that ends before it starts (stored before the server checked
    // rows against the desktop's rules): desktops must get past it.
    let rows = a.rows().await;
    let visit = rows
        .values()
        .find(|row| row.table == "work_orders")
        .expect("a visit")
        .clone();
    let Some(FieldValue::Integer(starts_at)) = visit.value("starts_at").cloned() else {
        panic!("starts_at");
    };
    let customer = rows
        .values()
        .find(|row| row.table == "customers")
        .expect("a customer")
        .id;
    let tampered = Uuid::now_v7();
    let bad = written(
        visit.clone(),
        "ends_at",
        FieldValue::Integer(starts_at - HOUR),
        a.store.stamp(),
        tampered,
    );
    PgServer::store_unchecked(&central.database_url, &bad)
        .await
        .expect("stored as it is");
    // A later change, in the same page B pulls next.
    edit_customer(&a.store, customer, "city", "Piracicaba").await;
    a.sync().await;

    let report = b.try_sync().await.expect("the bad row is no wall");
    assert_eq!(report.set_aside, 1);
    let entries = sync::set_aside_list(&b.store).await.expect("list");
    assert_eq!(entries.len(), 1, "{entries:?}");
    let entry = &entries[0];
    assert_eq!(entry.key.direction, SetAsideDirection::Pull);
    assert_eq!(
        (entry.key.table.as_str(), entry.key.id),
        ("work_orders", visit.id)
    );
    assert_eq!(entry.table_label, "ordens de serviço");
    assert_eq!(entry.reason, "A ordem de serviço termina antes de começar.");
    assert!(entry.error.contains("CHECK"), "{}", entry.error);
    let city_sql = "SELECT city FROM customers WHERE id = ?1";
    assert_eq!(text(&b.store, city_sql, customer).await, "Piracicaba");
    let ends_sql = "SELECT ends_at FROM work_orders WHERE id = ?1";
    assert!(integer(&b.store, ends_sql, visit.id).await > starts_at);

    // Later pages apply; the set-aside row is tried again and stays aside.
    edit_customer(&a.store, customer, "street", "Rua Nova, 5").await;
    a.sync().await;
    let report = b.sync().await;
    assert_eq!((report.set_aside, report.recovered), (0, 0));
    let street_sql = "SELECT street FROM customers WHERE id = ?1";
    assert_eq!(text(&b.store, street_sql, customer).await, "Rua Nova, 5");
    assert_eq!(sync::set_aside_count(&b.store).await.expect("count"), 1);

    // The fix arrives: the entry is gone and the row is there.
    let fixed = written(
        visit.clone(),
        "ends_at",
        FieldValue::Integer(starts_at + 2 * HOUR),
        a.store.stamp(),
        tampered,
    );
    let client = a.client().await;
    let answer = client.push(vec![fixed]).await.expect("the fix");
    assert!(answer.refused.is_empty(), "{:?}", answer.refused);
    b.sync().await;
    assert_eq!(sync::set_aside_count(&b.store).await.expect("count"), 0);
    assert_eq!(
        integer(&b.store, ends_sql, visit.id).await,
        starts_at + 2 * HOUR
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_push_the_server_refuses_is_set_aside_and_the_rest_goes() {
    let central = Central::start().await;
    let admin = Desktop::new().await;
    helpdesk_demo::seed(&admin.store, &DEMO)
        .await
        .expect("demo data");
    admin.register(&central, "Matriz").await;
    admin.sync().await;
    let service = Desktop::new().await;
    service
        .try_register(&central.url(), "Loja Centro", DesktopProfile::Service)
        .await
        .expect("registered as a service desktop");
    service.sync().await;
    let operator: Uuid = sqlx::query_scalar("SELECT id FROM users WHERE login = ?1")
        .bind(OPERATOR.login)
        .fetch_one(admin.store.pool())
        .await
        .expect("the operator");
    let (plain_role, admin_role): (Uuid, Uuid) = sqlx::query_as(
        "SELECT u.role_id, (SELECT id FROM roles WHERE is_administrator = 1 LIMIT 1)
         FROM users u WHERE u.id = ?1",
    )
    .bind(operator)
    .fetch_one(admin.store.pool())
    .await
    .expect("roles");
    // The operator is made an administrator while the service desktop, offline, changes
    // their password and a customer's city; another desktop's change waits to be pulled.
    set_user(&admin.store, "role_id", admin_role, operator).await;
    let customer: Uuid = sqlx::query_scalar("SELECT id FROM customers ORDER BY id LIMIT 1")
        .fetch_one(admin.store.pool())
        .await
        .expect("a customer");
    edit_customer(&admin.store, customer, "street", "Rua da Matriz, 1").await;
    admin.sync().await;
    set_user(
        &service.store,
        "password_hash",
        String::from("hash-novo"),
        operator,
    )
    .await;
    edit_customer(&service.store, customer, "city", "Limeira").await;

    let report = service
        .try_sync()
        .await
        .expect("the refused row is no wall");
    assert_eq!(report.set_aside, 1);
    let entries = sync::set_aside_list(&service.store).await.expect("list");
    assert_eq!(entries.len(), 1, "{entries:?}");
    let entry = &entries[0];
    assert_eq!(entry.key.direction, SetAsideDirection::Push);
    assert_eq!(
        (entry.key.table.as_str(), entry.key.id),
        ("users", operator)
    );
    assert!(entry.error.starts_with("user_forbidden"), "{}", entry.error);
    assert!(!entry.reason.is_empty());
    assert_eq!(sync::waiting(&service.store).await.expect("waiting"), 0);
    let street_sql = "SELECT street FROM customers WHERE id = ?1";
    assert_eq!(
        text(&service.store, street_sql, customer).await,
        "Rua da Matriz, 1",
        "the pull ran in the same exchange"
    );
    let on_server = central.rows().await;
    let server_customer = &on_server[&("customers".to_owned(), customer)];
    assert_eq!(
        server_customer.value("city"),
        Some(&FieldValue::Text("Limeira".into())),
        "the other change went"
    );

    // "Tentar novamente" queues it again; still refused, it stays aside.
    assert!(sync::requeue(&service.store, &entry.key)
        .await
        .expect("requeued"));
    assert_eq!(sync::waiting(&service.store).await.expect("waiting"), 1);
    let report = service.sync().await;
    assert_eq!(report.set_aside, 1);
    assert_eq!(
        sync::set_aside_count(&service.store).await.expect("count"),
        1
    );
    assert_eq!(sync::waiting(&service.store).await.expect("waiting"), 0);

    // Demoted again, the operator changes the password again there: the row is queued by
    // the triggers, taken, and its entry dropped.
    set_user(&admin.store, "role_id", plain_role, operator).await;
    admin.sync().await;
    set_user(
        &service.store,
        "password_hash",
        String::from("hash-de-novo"),
        operator,
    )
    .await;
    service.sync().await;
    assert_eq!(
        sync::set_aside_count(&service.store).await.expect("count"),
        0
    );
    let on_server = central.rows().await;
    assert_eq!(
        on_server[&("users".to_owned(), operator)].value("password_hash"),
        Some(&FieldValue::Text("hash-de-novo".into()))
    );
}
