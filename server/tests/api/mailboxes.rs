//! The support mailboxes the server reads, against a real Dovecot and the real server:
//! administration, mail reaching a desktop's pull once, statuses, disabling, and one
//! watcher per mailbox across instances.
use std::future::Future;
use std::time::Duration;

use helpdesk_core::sync::{DesktopProfile, FieldValue, SyncRow};
use helpdesk_intake::test_server::{Dovecot, TestClient, USER};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::common::{assert_error, TestApp, TOKEN};

/// How long a test waits for something the runner should do within a few checks.
const PATIENCE: Duration = Duration::from_secs(30);

/// A server reading the mailboxes' settings every 100 ms.
async fn start() -> TestApp {
    TestApp::start_with(|config| config.mailbox_check_every = Duration::from_millis(100)).await
}

/// One of the intake crate's mail fixtures.
fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../crates/intake/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// The settings of the test Dovecot's mailbox reading `folder`.
fn settings(server: &Dovecot, password: &str, folder: &str) -> Value {
    json!({
        "host": "127.0.0.1",
        "port": server.port,
        "tls": "none",
        "login": USER,
        "password": password,
        "folder": folder,
    })
}

/// Creates a mailbox; answers its id.
async fn create(app: &TestApp, settings: &Value) -> String {
    let (status, body) = app.post("/v1/mailboxes", Some(TOKEN), settings).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_str().expect("id").to_owned()
}

/// The mailbox `id` as `GET /v1/mailboxes` lists it.
async fn listed(app: &TestApp, id: &str) -> Value {
    let (status, list) = app.get("/v1/mailboxes", Some(TOKEN)).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list.as_array()
        .expect("a list")
        .iter()
        .find(|mailbox| mailbox["id"] == id)
        .cloned()
        .expect("the mailbox is listed")
}

/// Polls the async `condition` every 50 ms until it holds, failing after [`PATIENCE`].
async fn eventually<F, Fut>(what: &str, mut condition: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + PATIENCE;
    while !condition().await {
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until the mailbox's listed status is `code`; answers the listing.
async fn status_becomes(app: &TestApp, id: &str, code: &str) -> Value {
    eventually(&format!("the status {code}"), || async {
        listed(app, id).await["status"] == code
    })
    .await;
    listed(app, id).await
}

/// The rows of `table` a service desktop pulls.
async fn pulled(app: &TestApp, credential: &str, table: &str) -> Vec<SyncRow> {
    app.pull_all(credential)
        .await
        .into_iter()
        .filter(|row| row.table == table)
        .collect()
}

/// Waits until a service desktop pulls `count` support messages; answers them.
async fn messages_become(app: &TestApp, credential: &str, count: usize) -> Vec<SyncRow> {
    eventually(&format!("{count} support messages"), || async {
        pulled(app, credential, "support_messages").await.len() == count
    })
    .await;
    pulled(app, credential, "support_messages").await
}

/// The UIDs in `folder` matching `query`.
async fn search(client: &TestClient, folder: &str, query: &str) -> Vec<u32> {
    client.search(folder, query).await.expect("searched")
}

fn text(value: &str) -> FieldValue {
    FieldValue::Text(value.to_owned())
}

/// The pulled message whose `rfc_message_id` is `id`.
fn by_message_id<'a>(messages: &'a [SyncRow], id: &str) -> &'a SyncRow {
    messages
        .iter()
        .find(|row| row.value("rfc_message_id") == Some(&text(id)))
        .unwrap_or_else(|| panic!("no message {id}"))
}

#[tokio::test]
async fn mail_reaches_the_desktops_once_and_is_marked_seen() {
    let dovecot = Dovecot::start().expect("dovecot");
    let mail = dovecot.client();
    let app = start().await;
    let desktop = app
        .register_as("Atendimento 1", DesktopProfile::Service, &[])
        .await;
    let id = create(&app, &settings(&dovecot, &dovecot.password, "")).await;
    let connected = status_becomes(&app, &id, "connected").await;
    assert_eq!(connected["folder"], "INBOX");
    assert!(connected.get("password").is_none(), "{connected}");
    assert!(
        !connected.to_string().contains(&dovecot.password),
        "{connected}"
    );

    for name in [
        "utf8-subject.eml",
        "latin1-qp.eml",
        "attachments.eml",
        "reply.eml",
        "reply.eml",
    ] {
        mail.deliver(&fixture(name)).await.expect("delivered");
    }
    eventually("every mail marked seen", || async {
        search(&mail, "INBOX", "SEEN").await == [1, 2, 3, 4, 5]
    })
    .await;
    let messages = messages_become(&app, &desktop.credential, 4).await;
    assert!(messages
        .iter()
        .all(|row| row.value("source") == Some(&text("mail"))));

    let utf8 = by_message_id(&messages, "<utf8-1@exemplo.org>");
    assert_eq!(
        utf8.value("subject"),
        Some(&text("Técnico não apareceu — protocolo 2026"))
    );
    assert_eq!(utf8.value("sender_name"), Some(&text("Zé Ninguém")));
    assert_eq!(utf8.value("email"), Some(&text("ze@exemplo.org")));

    let latin1 = by_message_id(&messages, "<latin1-qp-1@exemplo.com.br>");
    assert_eq!(
        latin1.value("subject"),
        Some(&text("Sem conexão na região"))
    );
    assert_eq!(latin1.value("sender_name"), Some(&text("João Conceição")));
    let Some(FieldValue::Text(body)) = latin1.value("body") else {
        panic!("a body");
    };
    assert!(
        body.contains("Estou sem conexão desde às 14h. A luz PON está vermelha"),
        "{body}"
    );

    let reply = by_message_id(&messages, "<reply-2@exemplo.com.br>");
    assert_eq!(
        reply.value("body"),
        Some(&text("Reiniciei e voltou, obrigada!"))
    );
    let Some(FieldValue::Text(quoted)) = reply.value("quoted") else {
        panic!("quoted text");
    };
    assert!(
        quoted.contains("> Olá Ana, reinicie a ONU por favor."),
        "{quoted}"
    );
    assert_eq!(
        reply.value("rfc_references"),
        Some(&text("<first-0@exemplo.com.br> <proto-1@provedor.net.br>"))
    );
    assert!(matches!(reply.value("received_at"), Some(FieldValue::Integer(at)) if *at > 0));

    let with_files = by_message_id(&messages, "<attach-1@exemplo.com>");
    let files = pulled(&app, &desktop.credential, "support_message_attachments").await;
    assert_eq!(files.len(), 2);
    let owner = FieldValue::Blob(with_files.id.as_bytes().to_vec());
    assert!(files
        .iter()
        .all(|file| file.value("message_id") == Some(&owner)));
    let pdf = files
        .iter()
        .find(|file| file.value("file_name") == Some(&text("boleto.pdf")))
        .expect("the PDF");
    assert_eq!(pdf.value("content_type"), Some(&text("application/pdf")));
    let content = fixture("boleto.pdf");
    let hash: String = Sha256::digest(&content)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    assert_eq!(pdf.value("content_hash"), Some(&text(&hash)));
    let blob = app
        .client
        .get(app.url(&format!("/v1/blobs/{hash}")))
        .bearer_auth(&desktop.credential)
        .send()
        .await
        .expect("blob fetched");
    assert_eq!(blob.status(), StatusCode::OK);
    assert_eq!(blob.bytes().await.expect("blob read").as_ref(), content);

    // Delivered once more later (a resent mail): still one message.
    mail.deliver(&fixture("utf8-subject.eml"))
        .await
        .expect("delivered");
    eventually("the resent mail marked seen", || async {
        search(&mail, "INBOX", "UNSEEN").await.is_empty()
    })
    .await;
    assert_eq!(
        pulled(&app, &desktop.credential, "support_messages")
            .await
            .len(),
        4
    );
}

/// A customer's plain mail with Message-ID `<burst-{id}@exemplo.com.br>`.
fn burst_mail(id: usize) -> Vec<u8> {
    format!(
        "From: Cliente {id} <cliente{id}@exemplo.com.br>\r\n\
         Subject: Sem internet ({id})\r\n\
         Message-ID: <burst-{id}@exemplo.com.br>\r\n\r\n\
         Estou sem internet desde ontem.\r\n"
    )
    .into_bytes()
}

#[tokio::test]
async fn a_burst_of_several_batches_reaches_the_desktops_once() {
    let dovecot = Dovecot::start().expect("dovecot");
    let mail = dovecot.client();
    // 450 mails, three batches: the last 50 are the first 50 delivered again.
    mail.deliver_all((0..450).map(|index| burst_mail(index % 400)))
        .await
        .expect("delivered");
    let app = start().await;
    let desktop = app
        .register_as("Atendimento 1", DesktopProfile::Service, &[])
        .await;
    let id = create(&app, &settings(&dovecot, &dovecot.password, "INBOX")).await;
    eventually("every mail marked seen", || async {
        search(&mail, "INBOX", "SEEN").await.len() == 450
    })
    .await;
    let messages = messages_become(&app, &desktop.credential, 400).await;
    for index in [0, 49, 50, 199, 200, 399] {
        by_message_id(&messages, &format!("<burst-{index}@exemplo.com.br>"));
    }
    assert_eq!(listed(&app, &id).await["status"], "connected");
}

#[tokio::test]
async fn a_wrong_password_is_shown_and_a_corrected_one_reads_the_mail() {
    let dovecot = Dovecot::start().expect("dovecot");
    let app = start().await;
    let mut wrong = settings(&dovecot, "senha-errada-123", "INBOX");
    let id = create(&app, &wrong).await;

    let refused = status_becomes(&app, &id, "wrong_password").await;
    let detail = refused["status_detail"].as_str().expect("a detail");
    assert!(detail.contains("Usuário ou senha recusados"), "{detail}");
    assert!(refused["status_at"].is_string(), "{refused}");
    let (_, list) = app.get("/v1/mailboxes", Some(TOKEN)).await;
    assert!(!list.to_string().contains("senha-errada-123"), "{list}");
    assert!(!list.to_string().contains("\"password\""), "{list}");

    wrong["password"] = json!(dovecot.password);
    let (status, changed) = app
        .call(
            Method::PUT,
            &format!("/v1/mailboxes/{id}"),
            Some(TOKEN),
            Some(&wrong),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["status"], "waiting");
    status_becomes(&app, &id, "connected").await;

    // An empty password keeps the stored (right) one.
    wrong["password"] = json!("");
    let (status, changed) = app
        .call(
            Method::PUT,
            &format!("/v1/mailboxes/{id}"),
            Some(TOKEN),
            Some(&wrong),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    status_becomes(&app, &id, "connected").await;
    let desktop = app
        .register_as("Atendimento 1", DesktopProfile::Service, &[])
        .await;
    dovecot
        .client()
        .deliver(&fixture("reply.eml"))
        .await
        .expect("delivered");
    messages_become(&app, &desktop.credential, 1).await;
}

#[tokio::test]
async fn a_disabled_mailbox_is_not_read_until_enabled_again() {
    let dovecot = Dovecot::start().expect("dovecot");
    let mail = dovecot.client();
    mail.create_folder("Outra").await.expect("folder");
    let app = start().await;
    let desktop = app
        .register_as("Atendimento 1", DesktopProfile::Service, &[])
        .await;
    let inbox = create(&app, &settings(&dovecot, &dovecot.password, "INBOX")).await;
    status_becomes(&app, &inbox, "connected").await;

    let (status, disabled) = app
        .post(
            &format!("/v1/mailboxes/{inbox}/disable"),
            Some(TOKEN),
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{disabled}");
    assert_eq!(disabled["enabled"], false);
    assert_eq!(disabled["status"], "disabled");
    // The runner pass that starts this second mailbox has stopped the first one.
    let other = create(&app, &settings(&dovecot, &dovecot.password, "Outra")).await;
    status_becomes(&app, &other, "connected").await;

    mail.deliver(&fixture("utf8-subject.eml"))
        .await
        .expect("delivered");
    mail.deliver_to("Outra", &fixture("latin1-qp.eml"))
        .await
        .expect("delivered");
    let messages = messages_become(&app, &desktop.credential, 1).await;
    by_message_id(&messages, "<latin1-qp-1@exemplo.com.br>");
    assert_eq!(search(&mail, "INBOX", "UNSEEN").await, [1]);
    assert_eq!(listed(&app, &inbox).await["status"], "disabled");

    let (status, enabled) = app
        .post(
            &format!("/v1/mailboxes/{inbox}/enable"),
            Some(TOKEN),
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{enabled}");
    assert_eq!(enabled["enabled"], true);
    let messages = messages_become(&app, &desktop.credential, 2).await;
    by_message_id(&messages, "<utf8-1@exemplo.org>");
    assert!(search(&mail, "INBOX", "UNSEEN").await.is_empty());
}

/// The advisory locks held on the test's database, by backend pid.
async fn lock_holders(app: &TestApp) -> Vec<i32> {
    sqlx::query_scalar(
        "SELECT l.pid FROM pg_locks l JOIN pg_database d ON d.oid = l.database
         WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()",
    )
    .fetch_all(&app.pool)
    .await
    .expect("locks")
}

#[tokio::test]
async fn one_instance_watches_a_mailbox_and_another_takes_over_when_it_stops() {
    let dovecot = Dovecot::start().expect("dovecot");
    let mail = dovecot.client();
    let app = start().await;
    let id = create(&app, &settings(&dovecot, &dovecot.password, "INBOX")).await;
    status_becomes(&app, &id, "connected").await;
    let first = lock_holders(&app).await;
    assert_eq!(first.len(), 1);

    let mut config = helpdesk_server::Config::local(app.database_url.clone(), TOKEN);
    config.mailbox_check_every = Duration::from_millis(100);
    let second = helpdesk_server::spawn(config)
        .await
        .expect("second instance");
    let desktop = app
        .register_as("Atendimento 1", DesktopProfile::Service, &[])
        .await;
    mail.deliver(&fixture("utf8-subject.eml"))
        .await
        .expect("delivered");
    messages_become(&app, &desktop.credential, 1).await;
    assert_eq!(lock_holders(&app).await, first, "still one watcher");

    // The first instance stops: the second takes the mailbox.
    let TestApp {
        server,
        client,
        pool,
        database_url,
    } = app;
    server.shutdown().await.expect("first instance stopped");
    let app = TestApp {
        server: second,
        client,
        pool,
        database_url,
    };
    eventually("the second instance holds the lock", || async {
        let holders = lock_holders(&app).await;
        holders.len() == 1 && holders != first
    })
    .await;
    mail.deliver(&fixture("reply.eml"))
        .await
        .expect("delivered");
    messages_become(&app, &desktop.credential, 2).await;
}

#[tokio::test]
async fn the_administrator_alone_manages_mailboxes_and_wrong_fields_are_named() {
    let app = start().await;
    let good = json!({
        "host": "imap.provedor.com.br",
        "port": 993,
        "tls": "implicit",
        "login": "suporte@provedor.com.br",
        "password": "segredo",
    });
    assert_error(
        &app.post("/v1/mailboxes", None, &good).await,
        StatusCode::UNAUTHORIZED,
        "enrollment_refused",
    );
    assert_error(
        &app.get("/v1/mailboxes", Some("outro-token")).await,
        StatusCode::UNAUTHORIZED,
        "enrollment_refused",
    );

    let answer = app
        .post(
            "/v1/mailboxes",
            Some(TOKEN),
            &json!({ "host": "imap provedor", "port": 0, "tls": "ssl" }),
        )
        .await;
    assert_error(&answer, StatusCode::UNPROCESSABLE_ENTITY, "invalid_mailbox");
    let message = answer.1["message"].as_str().expect("message");
    for field in ["host: ", "port: ", "tls: ", "login: ", "password: "] {
        assert!(message.contains(field), "{field} in {message}");
    }

    let id = create(&app, &good).await;
    let created = listed(&app, &id).await;
    assert_eq!(created["folder"], "INBOX");
    assert_eq!(created["enabled"], true);
    assert!(created["move_handled_to"].is_null(), "{created}");

    let unknown = Uuid::now_v7();
    assert_error(
        &app.call(
            Method::PUT,
            &format!("/v1/mailboxes/{unknown}"),
            Some(TOKEN),
            Some(&good),
        )
        .await,
        StatusCode::NOT_FOUND,
        "mailbox_missing",
    );
    assert_error(
        &app.post(
            &format!("/v1/mailboxes/{unknown}/disable"),
            Some(TOKEN),
            &json!({}),
        )
        .await,
        StatusCode::NOT_FOUND,
        "mailbox_missing",
    );
    assert_error(
        &app.post("/v1/mailboxes/nao-e-id/enable", Some(TOKEN), &json!({}))
            .await,
        StatusCode::BAD_REQUEST,
        "corrupted_request",
    );
}
