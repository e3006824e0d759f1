//! The server's administration from the desktop (`helpdesk_sync::AdminClient`) against the
//! real server: the support mailboxes (create, list, change keeping the password, disable,
//! enable, a 422) and the portal's integrations (create, list, revoke, the key accepted by
//! the portal and refused once revoked); a wrong token is refused with the server's words.
mod common;

use common::{Central, TOKEN};
use helpdesk_core::mailbox::{MailboxSettings, Tls};
use helpdesk_core::server_admin::{ServerToken, WatcherStatus};
use helpdesk_sync::{AdminClient, ClientConfig, SyncError};
use serde_json::json;
use uuid::Uuid;

fn admin(central: &Central, token: &str) -> AdminClient {
    AdminClient::new(
        &central.url(),
        &ServerToken::new(token),
        &ClientConfig::default(),
    )
    .expect("client")
}

/// A mailbox on this machine where nothing listens (its reader finds it unreachable).
fn settings() -> MailboxSettings {
    MailboxSettings {
        host: "127.0.0.1".into(),
        port: 9,
        tls: Tls::None,
        login: "suporte".into(),
        folder: "INBOX".into(),
        move_handled_to: None,
    }
}

fn refusal(error: SyncError) -> (u16, String, String) {
    match error {
        SyncError::Refused {
            status,
            code,
            message,
        } => (status, code, message),
        other => panic!("not a refusal: {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_token_is_refused_with_the_server_s_words() {
    let central = Central::start().await;
    let wrong = admin(&central, "token-errado-mas-comprido");
    let (status, code, message) = refusal(wrong.mailboxes().await.expect_err("refused"));
    assert_eq!((status, code.as_str()), (401, "enrollment_refused"));
    assert!(message.contains("token"), "{message}");
    let (status, ..) = refusal(wrong.integrations().await.expect_err("refused"));
    assert_eq!(status, 401);
    let (status, ..) = refusal(
        wrong
            .create_mailbox(&settings(), "segredo")
            .await
            .expect_err("refused"),
    );
    assert_eq!(status, 401);
}

#[tokio::test(flavor = "multi_thread")]
async fn mailboxes_are_created_listed_changed_disabled_and_enabled() {
    let central = Central::start().await;
    let admin = admin(&central, TOKEN);
    assert!(admin.mailboxes().await.expect("list").is_empty());

    let created = admin
        .create_mailbox(&settings(), "segredo")
        .await
        .expect("created");
    assert_eq!(created.settings, settings());
    assert!(created.enabled);
    assert_eq!(created.status, WatcherStatus::Waiting);
    assert!(created.status_at.is_some());

    // A change with an empty password keeps the stored one.
    let moved = MailboxSettings {
        folder: "Suporte".into(),
        move_handled_to: Some("Lidas".into()),
        ..settings()
    };
    let changed = admin
        .update_mailbox(created.id, &moved, "")
        .await
        .expect("changed");
    assert_eq!(changed.settings, moved);
    let pool = sqlx::PgPool::connect(&central.database_url)
        .await
        .expect("connect");
    let password: String = sqlx::query_scalar("SELECT password FROM mailboxes WHERE id = $1")
        .bind(created.id)
        .fetch_one(&pool)
        .await
        .expect("password");
    pool.close().await;
    assert_eq!(password, "segredo");

    let disabled = admin
        .set_mailbox_enabled(created.id, false)
        .await
        .expect("disabled");
    assert!(!disabled.enabled);
    assert_eq!(disabled.status, WatcherStatus::Disabled);
    let enabled = admin
        .set_mailbox_enabled(created.id, true)
        .await
        .expect("enabled");
    assert!(enabled.enabled);
    assert_ne!(enabled.status, WatcherStatus::Disabled);
    let listed = admin.mailboxes().await.expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].settings, moved);

    let (status, code, _) = refusal(
        admin
            .set_mailbox_enabled(Uuid::now_v7(), false)
            .await
            .expect_err("unknown"),
    );
    assert_eq!((status, code.as_str()), (404, "mailbox_missing"));
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_settings_are_refused_with_422_naming_each_field() {
    let central = Central::start().await;
    let admin = admin(&central, TOKEN);
    let wrong = MailboxSettings {
        host: "imap.provedor.com.br".into(),
        port: 0,
        ..settings()
    };
    let (status, code, message) =
        refusal(admin.create_mailbox(&wrong, "").await.expect_err("refused"));
    assert_eq!((status, code.as_str()), (422, "invalid_mailbox"));
    for named in ["port:", "tls:", "password:"] {
        assert!(message.contains(named), "{named} in {message}");
    }
    assert!(admin.mailboxes().await.expect("list").is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn an_integration_s_key_posts_messages_until_it_is_revoked() {
    let central = Central::start().await;
    let admin = admin(&central, TOKEN);
    let created = admin.create_integration("Site").await.expect("created");
    assert_eq!(created.integration.name, "Site");
    assert_eq!(created.integration.revoked_at, None);
    assert!(created.key.starts_with(&created.integration.id.to_string()));
    let listed = admin.integrations().await.expect("list");
    assert_eq!(listed, std::slice::from_ref(&created.integration));

    let post = |key: String| {
        let url = format!("{}/v1/portal/messages", central.url());
        async move {
            reqwest::Client::new()
                .post(url)
                .bearer_auth(key)
                .json(
                    &json!({"email": "maria@example.com", "subject": "Sem conexão",
                              "text": "Minha internet caiu."}),
                )
                .send()
                .await
                .expect("answered")
                .status()
                .as_u16()
        }
    };
    assert_eq!(post(created.key.clone()).await, 201);

    let revoked = admin
        .revoke_integration(created.integration.id)
        .await
        .expect("revoked");
    assert!(revoked.revoked_at.is_some());
    assert_eq!(post(created.key).await, 401);
    let (status, code, _) = refusal(
        admin
            .revoke_integration(Uuid::now_v7())
            .await
            .expect_err("unknown"),
    );
    assert_eq!((status, code.as_str()), (404, "integration_missing"));
}
