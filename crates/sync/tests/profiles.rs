//! A desktop syncs only what its profile allows: a service desktop ("Atendimento") cannot
//! register with unsent administrative changes, cannot send one later, and never receives
//! an administrator's password hash, so only operators sign in there.
mod common;

use common::desk::edit_customer;
use common::{Central, Desktop};
use helpdesk_core::sync::{DesktopProfile, FieldValue};
use helpdesk_demo::{DemoConfig, ADMIN, OPERATOR};
use helpdesk_store::{people, sync};
use helpdesk_sync::SyncError;
use uuid::Uuid;

const DEMO: DemoConfig = DemoConfig {
    seed: 41,
    customers: 20,
    messages: 20,
};

/// The central server loaded by an administration desktop holding the demo data.
async fn loaded_central() -> (Central, Desktop) {
    let central = Central::start().await;
    let admin = Desktop::new().await;
    helpdesk_demo::seed(&admin.store, &DEMO)
        .await
        .expect("demo data");
    admin.register(&central, "Matriz").await;
    admin.sync().await;
    (central, admin)
}

async fn service_desktop(central: &Central) -> Desktop {
    let desktop = Desktop::new().await;
    desktop
        .try_register(&central.url(), "Loja Centro", DesktopProfile::Service)
        .await
        .expect("registered as a service desktop");
    desktop.sync().await;
    desktop
}

#[tokio::test(flavor = "multi_thread")]
async fn unsent_administrative_changes_keep_a_desktop_from_registering_for_service() {
    let central = Central::start().await;
    let desktop = Desktop::new().await;
    helpdesk_demo::seed(&desktop.store, &DEMO)
        .await
        .expect("demo data");
    let waiting = sync::waiting(&desktop.store).await.expect("waiting");

    let refused = desktop
        .try_register(&central.url(), "Loja Centro", DesktopProfile::Service)
        .await
        .expect_err("refused");
    let SyncError::ProfileTooNarrow { tables, .. } = &refused else {
        panic!("{refused:?}");
    };
    assert!(tables.iter().any(|table| table == "users"), "{tables:?}");
    let message = refused.operator_message();
    assert!(
        message.contains("Atendimento") && message.contains("Administração"),
        "{message}"
    );
    assert_eq!(
        sync::waiting(&desktop.store).await.expect("waiting"),
        waiting
    );
    assert!(sync::load_state(&desktop.store)
        .await
        .expect("state")
        .server_url
        .is_none());
    assert_eq!(central.count().await, 0, "the server was not asked");

    let registered = desktop.register(&central, "Matriz").await;
    assert_eq!(registered.profile, DesktopProfile::Administration);
    assert_eq!(
        sync::load_state(&desktop.store)
            .await
            .expect("state")
            .profile(),
        Some(DesktopProfile::Administration)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_service_desktop_operators_sign_in_and_administrators_do_not() {
    let (central, admin) = loaded_central().await;
    let service = service_desktop(&central).await;
    assert_eq!(
        sync::load_state(&service.store)
            .await
            .expect("state")
            .profile(),
        Some(DesktopProfile::Service)
    );

    let operator = people::authenticate(&service.store, OPERATOR.login, OPERATOR.password)
        .await
        .expect("authenticate");
    assert_eq!(
        operator.map(|operator| operator.login),
        Some(OPERATOR.login.to_owned())
    );
    let administrator = people::authenticate(&service.store, ADMIN.login, ADMIN.password)
        .await
        .expect("authenticate");
    assert_eq!(
        administrator, None,
        "no administrator's hash on a service desktop"
    );
    assert!(
        people::authenticate(&admin.store, ADMIN.login, ADMIN.password)
            .await
            .expect("authenticate")
            .is_some(),
        "the administrator still signs in on the administration desktop"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_service_desktop_cannot_send_an_administrative_change_and_keeps_it() {
    let (central, _admin) = loaded_central().await;
    let service = service_desktop(&central).await;
    let role: Uuid = sqlx::query_scalar("SELECT id FROM roles ORDER BY name LIMIT 1")
        .fetch_one(service.store.pool())
        .await
        .expect("a role");
    sqlx::query("UPDATE roles SET name = 'Superusuário', changed_at = ?1 WHERE id = ?2")
        .bind(service.store.stamp())
        .bind(role)
        .execute(service.store.pool())
        .await
        .expect("role renamed behind the shell's back");

    // The server refuses that row alone (`table_forbidden`, named in the push's answer:
    // `crates/sync/tests` of the desktop's set-aside check what the desktop does with it);
    // the exchange goes on, and the desktop keeps its own copy.
    let client = service.client().await;
    let batch = sync::pending(&service.store, 1000)
        .await
        .expect("pending")
        .expect("the renamed role waits");
    let answer = client.push(batch.rows.clone()).await.expect("answered");
    let refused: Vec<(&str, Uuid, &str)> = answer
        .refused
        .iter()
        .map(|row| (row.table.as_str(), row.id, row.code.as_str()))
        .collect();
    assert_eq!(refused, [("roles", role, "table_forbidden")]);
    assert!(
        answer.refused[0].message.contains("Atendimento"),
        "{}",
        answer.refused[0].message
    );
    service.sync().await;
    let server_name = central
        .rows()
        .await
        .get(&("roles".to_owned(), role))
        .and_then(|row| row.value("name").cloned());
    assert_ne!(server_name, Some(FieldValue::Text("Superusuário".into())));
    let here: String = sqlx::query_scalar("SELECT name FROM roles WHERE id = ?1")
        .bind(role)
        .fetch_one(service.store.pool())
        .await
        .expect("the role");
    assert_eq!(here, "Superusuário");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_service_desktops_customer_edit_reaches_the_administration_desktop() {
    let (central, admin) = loaded_central().await;
    let service = service_desktop(&central).await;
    let customer: Uuid = sqlx::query_scalar("SELECT id FROM customers LIMIT 1")
        .fetch_one(service.store.pool())
        .await
        .expect("customer");
    edit_customer(&service.store, customer, "city", "Piracicaba").await;
    service.sync().await;
    admin.sync().await;
    let city: String = sqlx::query_scalar("SELECT city FROM customers WHERE id = ?1")
        .bind(customer)
        .fetch_one(admin.store.pool())
        .await
        .expect("city");
    assert_eq!(city, "Piracicaba");
}

/// The password hash a desktop stores for `user`.
async fn stored_hash(desktop: &Desktop, user: Uuid) -> String {
    sqlx::query_scalar("SELECT password_hash FROM users WHERE id = ?1")
        .bind(user)
        .fetch_one(desktop.store.pool())
        .await
        .expect("the user's hash")
}

/// Runs `sql` (binding `value`, then a fresh stamp as `changed_at`, then `id`) on the
/// administration desktop, as the shell would, and syncs it to the service desktop.
async fn administer(admin: &Desktop, service: &Desktop, sql: &str, value: Uuid, id: Uuid) {
    sqlx::query(sql)
        .bind(value)
        .bind(admin.store.stamp())
        .bind(id)
        .execute(admin.store.pool())
        .await
        .expect("written");
    admin.sync().await;
    service.sync().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_promoted_users_hash_leaves_service_desktops_and_a_demoted_ones_comes_back() {
    let (central, admin) = loaded_central().await;
    let service = service_desktop(&central).await;
    let (operator, support_role, real_hash): (Uuid, Uuid, String) =
        sqlx::query_as("SELECT id, role_id, password_hash FROM users WHERE login = ?1")
            .bind(OPERATOR.login)
            .fetch_one(admin.store.pool())
            .await
            .expect("the operator");
    let admin_role: Uuid = sqlx::query_scalar(
        "SELECT id FROM roles WHERE is_administrator = 1 AND deleted = 0 LIMIT 1",
    )
    .fetch_one(admin.store.pool())
    .await
    .expect("an administrators' role");
    assert!(!real_hash.is_empty());
    assert_eq!(stored_hash(&service, operator).await, real_hash);

    let set_role = "UPDATE users SET role_id = ?1, changed_at = ?2 WHERE id = ?3";
    administer(&admin, &service, set_role, admin_role, operator).await;
    assert_eq!(
        stored_hash(&service, operator).await,
        "",
        "promoted: withheld"
    );
    assert_eq!(stored_hash(&admin, operator).await, real_hash);
    assert!(!signs_in(&service).await && signs_in(&admin).await);

    administer(&admin, &service, set_role, support_role, operator).await;
    assert_eq!(stored_hash(&service, operator).await, real_hash, "demoted");
    assert!(signs_in(&service).await);

    // The same when the role itself starts or stops administering.
    let set_flag =
        "UPDATE roles SET is_administrator = (?1 IS NOT NULL), changed_at = ?2 WHERE id = ?3";
    administer(&admin, &service, set_flag, support_role, support_role).await;
    assert_eq!(stored_hash(&service, operator).await, "", "role promoted");
    let set_flag_off =
        "UPDATE roles SET is_administrator = (?1 IS NULL), changed_at = ?2 WHERE id = ?3";
    administer(&admin, &service, set_flag_off, support_role, support_role).await;
    assert_eq!(
        stored_hash(&service, operator).await,
        real_hash,
        "role demoted"
    );
    assert!(signs_in(&service).await);
    common::assert_same(
        &central.rows_for(DesktopProfile::Service).await,
        &service.rows().await,
        "the service desktop holds the server's rows as it reads them",
    );
}

/// Whether the operator signs in on `desktop`.
async fn signs_in(desktop: &Desktop) -> bool {
    people::authenticate(&desktop.store, OPERATOR.login, OPERATOR.password)
        .await
        .expect("authenticate")
        .is_some()
}
