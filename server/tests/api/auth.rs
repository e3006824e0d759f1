use chrono::{DateTime, Utc};
use helpdesk_core::sync::PullCursor;
use reqwest::StatusCode;
use uuid::Uuid;

use crate::common::{assert_error, TestApp, TOKEN};

const PULL: &str = "/v1/pull";

fn pull_body() -> helpdesk_core::sync::PullRequest {
    helpdesk_core::sync::PullRequest {
        after: PullCursor::default(),
        limit: 10,
    }
}

#[tokio::test]
async fn requests_without_a_known_credential_are_refused() {
    let app = TestApp::start().await;
    let registered = app.register("Loja Centro", &[]).await;
    let (id, secret) = registered.credential.split_once('.').expect("credential");
    let wrong_secret = format!("{id}.{}", "0".repeat(secret.len()));
    let unknown_device = format!("{}.{secret}", Uuid::now_v7());
    for bearer in [
        None,
        Some(""),
        Some("garbage"),
        Some(TOKEN),
        Some(wrong_secret.as_str()),
        Some(unknown_device.as_str()),
    ] {
        let answer = app.post(PULL, bearer, &pull_body()).await;
        assert_error(&answer, StatusCode::UNAUTHORIZED, "device_unknown");
    }
    let answer = app
        .post(PULL, Some(&registered.credential), &pull_body())
        .await;
    assert_eq!(answer.0, StatusCode::OK, "{}", answer.1);
}

#[tokio::test]
async fn a_revoked_desktop_is_refused_with_403() {
    let app = TestApp::start().await;
    let registered = app.register("Loja Centro", &[]).await;
    let revoke = format!("/v1/devices/{}/revoke", registered.device_id);
    let (status, _) = app.post(&revoke, Some(TOKEN), &()).await;
    assert_eq!(status, StatusCode::OK);
    let answer = app
        .post(PULL, Some(&registered.credential), &pull_body())
        .await;
    assert_error(&answer, StatusCode::FORBIDDEN, "device_revoked");
    let message = answer.1["message"].as_str().expect("message");
    assert!(
        message.contains("desautorizado pelo administrador"),
        "{message}"
    );
    let answer = app
        .post(
            "/v1/push",
            Some(&registered.credential),
            &serde_json::json!({"rows": []}),
        )
        .await;
    assert_error(&answer, StatusCode::FORBIDDEN, "device_revoked");
}

#[tokio::test]
async fn authenticated_requests_record_when_the_desktop_was_seen() {
    let app = TestApp::start().await;
    let registered = app.register("Loja Centro", &[]).await;
    let seen = || async {
        sqlx::query_scalar::<_, Option<DateTime<Utc>>>(
            "SELECT last_seen_at FROM devices WHERE id = $1",
        )
        .bind(registered.device_id)
        .fetch_one(&app.pool)
        .await
        .expect("last_seen_at")
    };
    assert_eq!(seen().await, None);
    let before = Utc::now();
    app.pull(&registered.credential, PullCursor::default(), 10)
        .await;
    let last_seen = seen().await.expect("seen");
    assert!(
        last_seen >= before - chrono::Duration::seconds(5),
        "{last_seen}"
    );
}
