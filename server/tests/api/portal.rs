//! The customer portal's messages: integrations and their keys, posting, retries, refusals,
//! and the message reaching a desktop's pull.
use helpdesk_core::sync::{DesktopProfile, FieldValue};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::{assert_error, TestApp, TOKEN};

/// Creates an integration named `name`; answers its id and key.
pub async fn integration(app: &TestApp, name: &str) -> (String, String) {
    let (status, body) = app
        .post("/v1/integrations", Some(TOKEN), &json!({ "name": name }))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["integration"]["id"].as_str().expect("id").to_owned();
    let key = body["key"].as_str().expect("key").to_owned();
    (id, key)
}

pub fn message() -> Value {
    json!({
        "email": "Maria.Silva@Example.com",
        "name": "Maria Silva",
        "login": "maria.silva",
        "document": "123.456.789-09",
        "subject": "Sem conexão desde ontem",
        "text": "Minha internet caiu ontem à noite.\nJá reiniciei o roteador.",
    })
}

/// Posts `body` with `key` and an optional idempotency key.
async fn post(
    app: &TestApp,
    key: &str,
    idempotency: Option<&str>,
    body: &Value,
) -> (StatusCode, Value) {
    let mut request = app
        .client
        .post(app.url("/v1/portal/messages"))
        .bearer_auth(key)
        .json(body);
    if let Some(idempotency) = idempotency {
        request = request.header("Idempotency-Key", idempotency);
    }
    let response = request.send().await.expect("sent");
    let status = response.status();
    let bytes = response.bytes().await.expect("body");
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn a_posted_message_reaches_the_desktops_once_per_idempotency_key() {
    let app = TestApp::start().await;
    let (_, key) = integration(&app, "Portal do assinante").await;

    let (status, first) = post(&app, &key, Some("pedido-42"), &message()).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    assert_eq!(first["created"], true);
    let (status, again) = post(&app, &key, Some("pedido-42"), &message()).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["created"], false);
    assert_eq!(again["id"], first["id"]);
    // Without a key, the same text sent again is another message (a customer may write
    // "sem internet" twice).
    let (status, other) = post(&app, &key, None, &message()).await;
    assert_eq!(status, StatusCode::CREATED, "{other}");
    assert_ne!(other["id"], first["id"]);

    let desktop = app
        .register_as("Atendimento 1", DesktopProfile::Service, &[])
        .await;
    let messages: Vec<_> = app
        .pull_all(&desktop.credential)
        .await
        .into_iter()
        .filter(|row| row.table == "support_messages")
        .collect();
    assert_eq!(messages.len(), 2);
    let row = messages
        .iter()
        .find(|row| row.id.to_string() == first["id"].as_str().expect("id"))
        .expect("the first message");
    let text = |value: &str| FieldValue::Text(value.to_owned());
    assert_eq!(row.value("email"), Some(&text("Maria.Silva@Example.com")));
    assert_eq!(
        row.value("email_folded"),
        Some(&text("maria.silva@example.com"))
    );
    assert_eq!(row.value("login"), Some(&text("maria.silva")));
    assert_eq!(row.value("document"), Some(&text("12345678909")));
    assert_eq!(row.value("subject"), Some(&text("Sem conexão desde ontem")));
    assert_eq!(
        row.value("body"),
        Some(&text(
            "Minha internet caiu ontem à noite.\nJá reiniciei o roteador."
        ))
    );
    assert!(matches!(row.value("received_at"), Some(FieldValue::Integer(at)) if *at > 0));
    assert_eq!(row.value("deleted"), Some(&FieldValue::Integer(0)));
}

#[tokio::test]
async fn only_a_live_key_may_post_and_only_the_administrator_manages_keys() {
    let app = TestApp::start().await;
    assert_error(
        &app.post("/v1/integrations", None, &json!({ "name": "Site" }))
            .await,
        StatusCode::UNAUTHORIZED,
        "enrollment_refused",
    );
    assert_error(
        &app.get("/v1/integrations", Some("outro-token")).await,
        StatusCode::UNAUTHORIZED,
        "enrollment_refused",
    );
    let (id, key) = integration(&app, "Site").await;
    let (_, other_key) = integration(&app, "App").await;
    let (status, list) = app.get("/v1/integrations", Some(TOKEN)).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let names: Vec<&str> = list
        .as_array()
        .expect("a list")
        .iter()
        .map(|entry| entry["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["App", "Site"]);
    assert!(
        list.to_string().find(&key).is_none(),
        "keys are never listed"
    );

    let (secret_less, _) = key.split_once('.').expect("a key");
    for wrong in ["", "sem-ponto", secret_less, &format!("{id}.outro-segredo")] {
        assert_error(
            &post(&app, wrong, None, &message()).await,
            StatusCode::UNAUTHORIZED,
            "integration_refused",
        );
    }
    let (status, revoked) = app
        .post(
            &format!("/v1/integrations/{id}/revoke"),
            Some(TOKEN),
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{revoked}");
    assert!(revoked["revoked_at"].is_string());
    assert_error(
        &post(&app, &key, None, &message()).await,
        StatusCode::UNAUTHORIZED,
        "integration_refused",
    );
    let (status, _) = post(&app, &other_key, None, &message()).await;
    assert_eq!(status, StatusCode::CREATED, "the other integration goes on");
    assert_eq!(
        app.count("SELECT count(*) FROM intake_seen").await,
        1,
        "refused posts store nothing"
    );
}

#[tokio::test]
async fn wrong_missing_and_huge_messages_are_refused_with_the_field_named() {
    let app = TestApp::start_with(|config| config.max_blob_bytes = 1024 * 1024).await;
    let (_, key) = integration(&app, "Portal").await;

    let mut wrong = message();
    wrong["email"] = json!("maria@");
    wrong["subject"] = json!("  ");
    wrong["document"] = json!("123.456.789-00");
    let answer = post(&app, &key, None, &wrong).await;
    assert_error(&answer, StatusCode::UNPROCESSABLE_ENTITY, "invalid_message");
    let said = answer.1["message"].as_str().expect("message");
    for field in ["email:", "subject: Preencha o assunto.", "document:"] {
        assert!(said.contains(field), "{said}");
    }

    let mut missing = message();
    missing.as_object_mut().expect("object").remove("text");
    let answer = post(&app, &key, None, &missing).await;
    assert_error(&answer, StatusCode::BAD_REQUEST, "corrupted_request");
    assert!(answer.1["message"]
        .as_str()
        .expect("message")
        .contains("text"));

    let mut unknown = message();
    unknown["anexos"] = json!([]);
    assert_error(
        &post(&app, &key, None, &unknown).await,
        StatusCode::BAD_REQUEST,
        "corrupted_request",
    );

    let mut huge = message();
    // Over the text's room and 1 MiB of files in base64.
    huge["text"] = json!("a".repeat(2 * 1024 * 1024));
    assert_error(
        &post(&app, &key, None, &huge).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
    );
    let mut long = message();
    long["text"] = json!("a".repeat(20_001));
    assert_error(
        &post(&app, &key, None, &long).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_message",
    );
    assert_error(
        &post(&app, &key, Some(&"k".repeat(201)), &message()).await,
        StatusCode::BAD_REQUEST,
        "corrupted_request",
    );
    assert_eq!(app.count("SELECT count(*) FROM intake_seen").await, 0);
}

#[tokio::test]
async fn files_come_with_a_posted_message_and_wrong_ones_are_named() {
    let app = TestApp::start_with(|config| config.max_blob_bytes = 1024).await;
    let (_, key) = integration(&app, "Portal").await;
    let file = |name: &str, base64: &str| json!({ "name": name, "content_type": "image/png", "content_base64": base64 });

    let mut with_files = message();
    with_files["attachments"] = json!([
        file("../../luzes do roteador.png", "iVBORw0KGgo="),
        json!({ "name": "fatura.pdf", "content_base64": "JVBERi0xLjQ=" }),
    ]);
    let (status, posted) = post(&app, &key, None, &with_files).await;
    assert_eq!(status, StatusCode::CREATED, "{posted}");
    let desktop = app
        .register_as("Atendimento 1", DesktopProfile::Service, &[])
        .await;
    let mut files: Vec<(String, String)> = app
        .pull_all(&desktop.credential)
        .await
        .into_iter()
        .filter(|row| row.table == "support_message_attachments")
        .map(|row| {
            let text = |field: &str| match row.value(field) {
                Some(FieldValue::Text(value)) => value.clone(),
                other => panic!("{field}: {other:?}"),
            };
            let message: uuid::Uuid = posted["id"].as_str().expect("id").parse().expect("uuid");
            assert_eq!(
                row.value("message_id"),
                Some(&FieldValue::Blob(message.as_bytes().to_vec()))
            );
            (text("file_name"), text("content_type"))
        })
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            (
                "fatura.pdf".to_owned(),
                "application/octet-stream".to_owned()
            ),
            ("luzes do roteador.png".to_owned(), "image/png".to_owned()),
        ]
    );
    assert_eq!(app.count("SELECT count(*) FROM blobs").await, 2);

    let refusals = [
        (
            json!([file("a.png", "não é base64")]),
            "attachments: O conteúdo de a.png",
        ),
        (
            json!([file("grande.png", &"A".repeat(2000))]),
            "attachments: grande.png tem",
        ),
        (
            json!(vec![file("a.png", "iVBORw0KGgo="); 6]),
            "attachments: Envie no máximo 5 arquivos",
        ),
    ];
    for (attachments, said) in refusals {
        let mut wrong = message();
        wrong["attachments"] = attachments;
        let answer = post(&app, &key, None, &wrong).await;
        assert_error(&answer, StatusCode::UNPROCESSABLE_ENTITY, "invalid_message");
        let message = answer.1["message"].as_str().expect("message");
        assert!(message.contains(said), "{said} in {message}");
    }
    assert_eq!(
        app.count("SELECT count(*) FROM intake_seen").await,
        1,
        "refused files store no message"
    );
}
