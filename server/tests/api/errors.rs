use reqwest::StatusCode;
use serde_json::Value;

use crate::common::{assert_error, TestApp};

async fn raw_post(
    app: &TestApp,
    path: &str,
    credential: &str,
    content_type: Option<&str>,
    body: &'static str,
) -> (StatusCode, Value) {
    let mut request = app
        .client
        .post(app.url(path))
        .bearer_auth(credential)
        .body(body);
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    let answer = request.send().await.expect("sent");
    let status = answer.status();
    let body: Value = answer.json().await.expect("a JSON error body");
    (status, body)
}

#[tokio::test]
async fn malformed_requests_get_a_json_400() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let credential = desktop.credential.as_str();
    let json = Some("application/json");
    for (path, content_type, body) in [
        ("/v1/push", json, "{not json"),
        ("/v1/push", json, r#"{"rows": 3}"#),
        ("/v1/push", None, r#"{"rows": []}"#),
        ("/v1/push", Some("text/plain"), r#"{"rows": []}"#),
        (
            "/v1/pull",
            json,
            r#"{"after": {"transaction": "x", "sequence": "0"}, "limit": 1}"#,
        ),
        ("/v1/devices", json, r#"{"name": "sem token"}"#),
        ("/v1/blobs/missing", json, r#"{"hashes": []}"#),
    ] {
        let answer = raw_post(&app, path, credential, content_type, body).await;
        assert_error(&answer, StatusCode::BAD_REQUEST, "corrupted_request");
    }
}

#[tokio::test]
async fn unknown_routes_and_methods_get_json_errors() {
    let app = TestApp::start().await;
    let answer = app.get("/v2/everything", None).await;
    assert_error(&answer, StatusCode::NOT_FOUND, "not_found");
    let answer = app.get("/v1/push", None).await;
    assert_error(
        &answer,
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
    );
}

#[tokio::test]
async fn plain_http_is_refused_on_public_addresses() {
    let mut config = helpdesk_server::Config::local("postgres://unused/db", crate::common::TOKEN);
    config.listen = "0.0.0.0:0".parse().expect("address");
    let error = helpdesk_server::spawn(config).await.expect_err("refused");
    assert!(error.to_string().contains("without TLS"), "{error}");
}
