//! Texts with the null character (U+0000), which PostgreSQL's text cannot keep, are
//! refused as the request's or the row's fault, never answered 500 (schemathesis found
//! them: `openapi.rs`).
use reqwest::StatusCode;
use serde_json::json;
use uuid::Uuid;

use crate::common::{assert_error, assert_refused, registration, role, row, text, TestApp, TOKEN};

#[tokio::test]
async fn a_registration_or_an_integration_named_with_it_is_corrupted() {
    let app = TestApp::start().await;
    let named = registration("Loja\0Centro", &[]);
    let answer = app.post("/v1/devices", None, &named).await;
    assert_error(&answer, StatusCode::BAD_REQUEST, "corrupted_request");
    let protocol = registration("Loja Centro", &["261205-001-\0"]);
    let answer = app.post("/v1/devices", None, &protocol).await;
    assert_error(&answer, StatusCode::BAD_REQUEST, "corrupted_request");

    let answer = app
        .post(
            "/v1/integrations",
            Some(TOKEN),
            &json!({ "name": "Site\u{0}" }),
        )
        .await;
    assert_error(&answer, StatusCode::BAD_REQUEST, "corrupted_request");
    assert_eq!(app.count("SELECT count(*) FROM devices").await, 0);
}

#[tokio::test]
async fn a_pushed_row_with_it_is_refused_alone() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let me = desktop.device_id;
    let broken = row(
        "customers",
        Uuid::now_v7(),
        me,
        &[("name", text("Maria\0Silva"), 10)],
    );
    let good = role(Uuid::now_v7(), me, "Suporte", 10);
    let answer = app
        .push(&desktop.credential, vec![broken.clone(), good.clone()])
        .await;
    assert_refused(&answer, &[("customers", broken.id, "corrupted_row")]);
    assert_eq!(answer.changed, 1, "{answer:?}");
    assert!(
        answer.refused[0].message.contains("customers.name"),
        "{answer:?}"
    );
}

#[tokio::test]
async fn a_portal_message_with_it_names_the_field() {
    let app = TestApp::start().await;
    let (status, created) = app
        .post("/v1/integrations", Some(TOKEN), &json!({ "name": "Site" }))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let key = created["key"].as_str().expect("key");
    let message = json!({
        "email": "maria@example.com", "subject": "Sem\u{0} conexão", "text": "Caiu."
    });
    let answer = app.post("/v1/portal/messages", Some(key), &message).await;
    assert_error(&answer, StatusCode::UNPROCESSABLE_ENTITY, "invalid_message");
    assert!(
        answer.1["message"]
            .as_str()
            .is_some_and(|m| m.contains("subject")),
        "{}",
        answer.1
    );
}
