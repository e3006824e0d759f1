use helpdesk_core::hex;
use reqwest::StatusCode;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::common::{assert_error, TestApp};

fn hash(content: &[u8]) -> String {
    hex::encode(&Sha256::digest(content))
}

async fn put(app: &TestApp, credential: &str, hash: &str, content: Vec<u8>) -> (StatusCode, Value) {
    let answer = app
        .client
        .put(app.url(&format!("/v1/blobs/{hash}")))
        .bearer_auth(credential)
        .body(content)
        .send()
        .await
        .expect("put sent");
    let status = answer.status();
    (status, answer.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn blobs_are_stored_by_hash_fetched_and_listed_when_missing() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let content = b"%PDF-1.4 ordem de servico".to_vec();
    let stored = hash(&content);
    let absent = hash(b"another file");

    let (status, body) = app
        .post(
            "/v1/blobs/missing",
            Some(&desktop.credential),
            &vec![&stored, &absent, &stored],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body, json!([stored, absent]));

    let (status, body) = put(&app, &desktop.credential, &stored, content.clone()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body, json!({"hash": stored, "size": content.len()}));
    // Again: the same answer, one copy.
    let (status, _) = put(&app, &desktop.credential, &stored, content.clone()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(app.count("SELECT count(*) FROM blobs").await, 1);

    let (status, body) = app
        .post(
            "/v1/blobs/missing",
            Some(&desktop.credential),
            &vec![&stored, &absent],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, json!([absent]));

    let answer = app
        .client
        .get(app.url(&format!("/v1/blobs/{stored}")))
        .bearer_auth(&desktop.credential)
        .send()
        .await
        .expect("get sent");
    assert_eq!(answer.status(), StatusCode::OK);
    assert_eq!(answer.bytes().await.expect("content").to_vec(), content);

    let answer = app
        .get(&format!("/v1/blobs/{absent}"), Some(&desktop.credential))
        .await;
    assert_error(&answer, StatusCode::NOT_FOUND, "blob_missing");
}

#[tokio::test]
async fn a_blob_whose_content_does_not_match_its_hash_is_refused() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let claimed = hash(b"what the desktop meant");
    let answer = put(
        &app,
        &desktop.credential,
        &claimed,
        b"what arrived".to_vec(),
    )
    .await;
    assert_error(&answer, StatusCode::BAD_REQUEST, "blob_mismatch");
    assert_eq!(app.count("SELECT count(*) FROM blobs").await, 0);

    let answer = put(&app, &desktop.credential, "not-a-hash", b"x".to_vec()).await;
    assert_error(&answer, StatusCode::BAD_REQUEST, "corrupted_request");
    let upper = hash(b"x").to_uppercase();
    let answer = put(&app, &desktop.credential, &upper, b"x".to_vec()).await;
    assert_error(&answer, StatusCode::BAD_REQUEST, "corrupted_request");
    let answer = app
        .post("/v1/blobs/missing", Some(&desktop.credential), &vec!["zz"])
        .await;
    assert_error(&answer, StatusCode::BAD_REQUEST, "corrupted_request");
}

#[tokio::test]
async fn blobs_past_the_configured_size_are_refused_with_413() {
    let app = TestApp::start_with(|config| config.max_blob_bytes = 1024 * 1024).await;
    let desktop = app.register("Loja Centro", &[]).await;
    let fits = vec![7u8; 1024 * 1024];
    let (status, body) = put(&app, &desktop.credential, &hash(&fits), fits).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let too_large = vec![7u8; 1024 * 1024 + 1];
    let answer = put(&app, &desktop.credential, &hash(&too_large), too_large).await;
    assert_error(&answer, StatusCode::PAYLOAD_TOO_LARGE, "blob_too_large");
    assert_eq!(app.count("SELECT count(*) FROM blobs").await, 1);
}

#[tokio::test]
async fn blobs_need_a_registered_desktop() {
    let app = TestApp::start().await;
    let content = b"anexo".to_vec();
    let answer = put(&app, "nobody.secret", &hash(&content), content).await;
    assert_error(&answer, StatusCode::UNAUTHORIZED, "device_unknown");
    let answer = app
        .get(&format!("/v1/blobs/{}", hash(b"anexo")), None)
        .await;
    assert_error(&answer, StatusCode::UNAUTHORIZED, "device_unknown");
}
