//! "Caixas de correio" and "Integrações" through Tauri's real IPC path, against a real sync
//! server (in process, over a PostgreSQL the test starts): refused on a desktop registered
//! with no server, a wrong token at the token field, the core's rules at each field before
//! anything is sent, and the server's answers for the rest.
mod common;

use common::sync::vault;
use common::DemoApp;
use helpdesk_api::{CreatedIntegration, ErrorCode, IntegrationSummary, MailboxSummary};
use helpdesk_core::mailbox::fields as mailbox_fields;
use helpdesk_core::server_admin::{fields, WatcherStatus};
use helpdesk_demo::{DemoConfig, ADMIN};
use helpdesk_server::test_postgres::PgServer;
use helpdesk_server::Config;
use helpdesk_sync::{ClientConfig, Enrollment};
use serde_json::{json, Value};

const DEMO: DemoConfig = DemoConfig {
    seed: 5,
    customers: 10,
    messages: 10,
};
const TOKEN: &str = "token-do-administrador-de-teste";

fn mailbox(token: &str, port: u16, password: &str) -> Value {
    json!({"token": token, "id": null, "password": password,
           "settings": {"host": "127.0.0.1", "port": port, "tls": "None", "login": "suporte",
                        "folder": "", "move_handled_to": null}})
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_manages_the_server_s_mailboxes_and_integrations() {
    let postgres = PgServer::shared().expect("PostgreSQL starts (scripts/setup.sh test)");
    let database_url = postgres.fresh_database().await.expect("database");
    let server = helpdesk_server::spawn(Config::local(&database_url, TOKEN))
        .await
        .expect("sync server");
    let app = DemoApp::new(&DEMO).await;
    app.log_in(&ADMIN);

    let alone = app.refuse("list_mailboxes", TOKEN);
    assert_eq!(alone.code, ErrorCode::InvalidInput);
    assert!(
        alone.message.contains("não está registrado"),
        "{}",
        alone.message
    );

    let enrollment = Enrollment {
        server_url: &server.url(),
        token: TOKEN,
        name: "Matriz",
        profile: helpdesk_core::sync::DesktopProfile::Administration,
    };
    helpdesk_sync::register(
        app.store(),
        &vault(&app.database()),
        enrollment,
        &ClientConfig::default(),
    )
    .await
    .expect("registered");

    let empty = app.refuse("list_mailboxes", " ");
    assert_eq!(empty.field.as_deref(), Some(fields::TOKEN));
    let wrong = app.refuse("list_mailboxes", "token-errado-mas-comprido");
    assert_eq!(wrong.field.as_deref(), Some(fields::TOKEN));
    assert!(wrong.message.contains("token"), "{}", wrong.message);
    let none: Vec<MailboxSummary> = app.call("list_mailboxes", TOKEN);
    assert!(none.is_empty());

    // The core's rules, at their fields, before the server is asked.
    let no_port = app.refuse("save_mailbox", mailbox(TOKEN, 0, "segredo"));
    assert_eq!(no_port.field.as_deref(), Some(mailbox_fields::PORT));
    let no_password = app.refuse("save_mailbox", mailbox(TOKEN, 143, ""));
    assert_eq!(no_password.field.as_deref(), Some(mailbox_fields::PASSWORD));
    let wrong = app.refuse(
        "save_mailbox",
        mailbox("token-errado-mas-comprido", 143, "segredo"),
    );
    assert_eq!(wrong.field.as_deref(), Some(fields::TOKEN));

    let saved: MailboxSummary = app.call("save_mailbox", mailbox(TOKEN, 143, "segredo"));
    assert_eq!(saved.settings.folder, "INBOX");
    // A change without a password keeps the stored one.
    let mut change = mailbox(TOKEN, 1143, "");
    change["id"] = json!(saved.id);
    let changed: MailboxSummary = app.call("save_mailbox", change);
    assert_eq!((changed.id, changed.settings.port), (saved.id, 1143));
    let disabled: MailboxSummary = app.call(
        "set_mailbox_enabled",
        json!({"token": TOKEN, "id": saved.id, "enabled": false}),
    );
    assert_eq!(disabled.status, WatcherStatus::Disabled);
    let listed: Vec<MailboxSummary> = app.call("list_mailboxes", TOKEN);
    assert_eq!(listed, [disabled]);

    let unnamed = app.refuse("create_integration", json!({"token": TOKEN, "name": " "}));
    assert_eq!(unnamed.field.as_deref(), Some(fields::INTEGRATION_NAME));
    let created: CreatedIntegration = app.call(
        "create_integration",
        json!({"token": TOKEN, "name": "Site"}),
    );
    assert!(created.key.starts_with(&created.integration.id.to_string()));
    let revoked: IntegrationSummary = app.call(
        "revoke_integration",
        json!({"token": TOKEN, "id": created.integration.id}),
    );
    assert!(revoked.revoked_at.is_some());
    let listed: Vec<IntegrationSummary> = app.call("list_integrations", TOKEN);
    assert_eq!(listed, [revoked]);
    let missing = app.refuse(
        "revoke_integration",
        json!({"token": TOKEN, "id": helpdesk_api::Uuid::now_v7()}),
    );
    assert_eq!(missing.code, ErrorCode::NotFound);
}
