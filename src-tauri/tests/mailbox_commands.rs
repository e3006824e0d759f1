//! The local mailbox's commands through Tauri's real IPC path (mock runtime) on a database
//! filled by the demo data generator, with the reader's board and a vault encrypting (as on a
//! machine without an OS keyring): administrators only, the password never answered, every
//! rule at its field, an empty password keeping the stored one.
mod common;

use std::sync::Arc;

use common::DemoApp;
use helpdesk_api::{ErrorCode, LocalMailboxView};
use helpdesk_core::email::SecretPlace;
use helpdesk_core::mailbox::{fields, Tls};
use helpdesk_demo::{DemoConfig, ADMIN, OPERATOR};
use helpdesk_desktop::mailbox_watcher::MailboxBoard;
use helpdesk_desktop::LocalMailbox;
use helpdesk_store::local_mailbox;
use helpdesk_store::secret_vault::{SecretKey, SecretVault};
use serde_json::{json, Value};

const DEMO: DemoConfig = DemoConfig {
    seed: 11,
    customers: 5,
    messages: 5,
};

fn form(host: &str, port: u16, password: &str) -> Value {
    json!({"settings": {"host": host, "port": port, "tls": "Implicit",
           "login": " suporte@conectafibra.net.br ", "folder": "", "move_handled_to": ""},
           "password": password})
}

#[tokio::test]
async fn administrators_save_the_mailbox_and_the_password_stays_in_the_shell() {
    let vault = Arc::new(std::sync::OnceLock::new());
    let kept = Arc::clone(&vault);
    let app = DemoApp::with(&DEMO, move |state, database| {
        let key = SecretKey::load_or_create(&SecretKey::path_beside(database)).expect("key");
        let vault = Arc::new(SecretVault::encrypted(key));
        let _ = kept.set(Arc::clone(&vault));
        state.with_mailbox(LocalMailbox {
            vault,
            board: MailboxBoard::default(),
        })
    })
    .await;
    let vault = vault.get().expect("the app's vault");

    app.log_in(&OPERATOR);
    assert_eq!(
        app.refuse("load_local_mailbox", ()).code,
        ErrorCode::Forbidden
    );
    let good = form("imap.conectafibra.net.br", 993, "s3nh@-da-caixa");
    assert_eq!(
        app.refuse("save_local_mailbox", &good).code,
        ErrorCode::Forbidden
    );

    app.log_in(&ADMIN);
    let empty: LocalMailboxView = app.call("load_local_mailbox", ());
    assert_eq!(
        (
            empty.settings,
            empty.password,
            empty.status,
            empty.server_reads
        ),
        (None, None, None, false)
    );

    let refused = app.refuse(
        "save_local_mailbox",
        form("imap.conectafibra.net.br", 993, ""),
    );
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    assert_eq!(refused.field.as_deref(), Some(fields::PASSWORD));
    let refused = app.refuse("save_local_mailbox", form("imap / x", 0, "x"));
    assert_eq!(refused.field.as_deref(), Some(fields::HOST));
    assert_eq!(
        local_mailbox::load(app.store()).await.expect("load"),
        None,
        "nothing saved"
    );

    let saved = app.invoke("save_local_mailbox", &good).expect("saved");
    assert!(!saved.to_string().contains("s3nh@-da-caixa"));
    let saved: LocalMailboxView = serde_json::from_value(saved).expect("view");
    assert_eq!(saved.password, Some(SecretPlace::Encrypted));
    let settings = saved.settings.expect("settings");
    assert_eq!(
        (
            settings.login.as_str(),
            settings.folder.as_str(),
            settings.tls
        ),
        ("suporte@conectafibra.net.br", "INBOX", Tls::Implicit)
    );
    assert_eq!(settings.move_handled_to, None);

    // An empty password keeps the stored one.
    let saved: LocalMailboxView = app.call(
        "save_local_mailbox",
        form("imap2.conectafibra.net.br", 143, ""),
    );
    assert_eq!(saved.settings.expect("settings").port, 143);
    assert_eq!(
        local_mailbox::load_password(app.store(), vault)
            .await
            .expect("password")
            .as_deref(),
        Some("s3nh@-da-caixa")
    );
    let raw: Vec<String> = sqlx::query_scalar("SELECT value FROM local_settings")
        .fetch_all(app.store().pool())
        .await
        .expect("raw");
    assert!(raw.iter().all(|value| !value.contains("s3nh@-da-caixa")));
}
