//! Sync in the window through Tauri's real IPC path: the status, registering the desktop
//! with a real sync server (in process, over a PostgreSQL the test starts), and "Sincronizar
//! agora" waking a real worker that pushes the desktop's data.
mod common;

use common::sync::{synced, vault, with_worker};
use common::DemoApp;
use helpdesk_api::{ErrorCode, SyncStatus};
use helpdesk_core::sync::{registration_fields as fields, DesktopProfile};
use helpdesk_demo::{DemoConfig, ADMIN, OPERATOR};
use helpdesk_server::test_postgres::PgServer;
use helpdesk_server::Config;
use serde_json::json;

const DEMO: DemoConfig = DemoConfig {
    seed: 3,
    customers: 15,
    messages: 20,
};
const TOKEN: &str = "token-do-administrador-de-teste";

fn form(server_url: &str, token: &str) -> serde_json::Value {
    form_as(server_url, token, Some("administration"))
}

fn form_as(server_url: &str, token: &str, profile: Option<&str>) -> serde_json::Value {
    json!({ "server_url": server_url, "enrollment_token": token, "name": "Loja Centro",
            "profile": profile })
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_registers_the_desktop_and_sync_now_pushes_its_data() {
    let postgres = PgServer::shared().expect("PostgreSQL starts (scripts/setup.sh test)");
    let database_url = postgres.fresh_database().await.expect("database");
    let server = helpdesk_server::spawn(Config::local(&database_url, TOKEN))
        .await
        .expect("sync server");

    let mut prepared = None;
    let app = DemoApp::with(&DEMO, |state, database| {
        with_worker(state, database, &mut prepared)
    })
    .await;
    // The demo's data stands here for a provider's own: the mark that refuses registering a
    // demonstration database is taken off (the window cannot do that).
    sqlx::query("DELETE FROM local_settings WHERE key = 'demo'")
        .execute(app.store().pool())
        .await
        .expect("demo mark removed");
    // The worker runs as in the app: at once (nothing to do before registering), then only
    // when woken (the interval is an hour).
    tokio::spawn(prepared.take().expect("worker").run());

    assert_eq!(
        app.refuse("load_sync_status", ()).code,
        ErrorCode::NotAuthenticated
    );
    app.log_in(&OPERATOR);
    let alone: SyncStatus = app.call("load_sync_status", ());
    assert_eq!(
        (alone.server_url.as_deref(), alone.desktop_number),
        (None, 1)
    );
    assert!(alone.waiting > 0, "the demo's rows wait");
    assert_eq!(
        app.refuse("register_desktop", form(&server.url(), TOKEN))
            .code,
        ErrorCode::Forbidden
    );

    app.log_in(&ADMIN);
    let insecure = app.refuse(
        "register_desktop",
        form("http://sync.provedor.com.br", TOKEN),
    );
    assert_eq!(insecure.field.as_deref(), Some(fields::SERVER));
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
        let port = listener.local_addr().expect("address").port();
        drop(listener);
        format!("http://127.0.0.1:{port}")
    };
    let unreachable = app.refuse("register_desktop", form(&closed, TOKEN));
    assert_eq!(unreachable.field.as_deref(), Some(fields::SERVER));
    assert!(
        unreachable.message.contains("Não foi possível conectar"),
        "{}",
        unreachable.message
    );
    let wrong = app.refuse(
        "register_desktop",
        form(&server.url(), "token-errado-mas-comprido"),
    );
    assert_eq!(wrong.field.as_deref(), Some(fields::TOKEN));
    let no_profile = app.refuse("register_desktop", form_as(&server.url(), TOKEN, None));
    assert_eq!(no_profile.field.as_deref(), Some(fields::PROFILE));
    let as_service = app.refuse(
        "register_desktop",
        form_as(&server.url(), TOKEN, Some("service")),
    );
    assert_eq!(as_service.field.as_deref(), Some(fields::PROFILE));
    assert!(
        as_service.message.contains("Registre-o como Administração"),
        "the demo's users and roles could never be sent from a service desktop: {}",
        as_service.message
    );

    let registered: SyncStatus = app.call("register_desktop", form(&server.url(), TOKEN));
    assert_eq!(registered.profile, Some(DesktopProfile::Administration));
    assert_eq!(
        registered.server_url.as_deref(),
        Some(server.url().as_str())
    );
    assert_eq!(registered.desktop_number, 2);
    let credential = helpdesk_store::sync::load_credential(app.store(), &vault(&app.database()))
        .await
        .expect("read")
        .expect("a credential");
    let stored: String =
        sqlx::query_scalar("SELECT value FROM local_settings WHERE key = 'sync.credential'")
            .fetch_one(app.store().pool())
            .await
            .expect("the credential's row");
    assert!(!stored.contains(&credential), "not in plain text");

    // Registering wakes the worker, which pushes everything.
    let first = synced(&app, None).await;
    let pool = sqlx::PgPool::connect(&database_url)
        .await
        .expect("server database");
    let count = |table: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT count(*) FROM sync_rows WHERE table_name = $1")
                .bind(table)
                .fetch_one(&pool)
                .await
                .expect("count")
        }
    };
    assert_eq!(count("customers").await, DEMO.customers as i64);

    // A contact added afterwards, with its line in the customer's changes, waits until
    // "Sincronizar agora".
    app.log_in(&OPERATOR);
    let customer: helpdesk_api::Uuid = sqlx::query_scalar("SELECT id FROM customers LIMIT 1")
        .fetch_one(app.store().pool())
        .await
        .expect("customer");
    let contacts = count("contacts").await;
    app.call::<serde_json::Value>(
        "add_contact",
        json!({"customer_id": customer, "name": "Síndico", "phone": "(19) 99876-5432",
               "email": "sindico@example.com", "relation": "Condomínio"}),
    );
    let waiting: SyncStatus = app.call("load_sync_status", ());
    assert_eq!(waiting.waiting, 2);
    app.call::<SyncStatus>("sync_now", ());
    synced(&app, first.last_sync_at).await;
    assert_eq!(count("contacts").await, contacts + 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_service_desktop_refuses_administration_even_to_an_administrator() {
    let app = DemoApp::new(&DEMO).await;
    app.log_in(&ADMIN);
    app.call::<serde_json::Value>("admin_list_email_templates", ());
    // As a service desktop's registration leaves it (the demo's own users could not be
    // sent from one, so the profile is written here).
    sqlx::query(
        "UPDATE sync_state SET server_url = 'https://sync.provedor.com.br', profile = 'service'",
    )
    .execute(app.store().pool())
    .await
    .expect("profile");
    let status: SyncStatus = app.call("load_sync_status", ());
    assert_eq!(status.profile, Some(DesktopProfile::Service));
    for (command, request) in [
        ("admin_list_email_templates", json!(null)),
        ("delete_email_template", json!(helpdesk_api::Uuid::nil())),
        (
            "register_desktop",
            form("https://sync.provedor.com.br", TOKEN),
        ),
    ] {
        let refused = app.refuse(command, request);
        assert_eq!(refused.code, ErrorCode::Forbidden, "{command}");
        assert!(
            refused.message.contains("computador de Administração"),
            "{command}: {}",
            refused.message
        );
    }
}
