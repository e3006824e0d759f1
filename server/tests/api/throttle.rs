//! Wrong credentials from one address: after a few, that address is answered 429 without
//! its credentials being checked; other addresses go on.
use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use helpdesk_core::sync::PullCursor;
use reqwest::StatusCode;
use serde_json::Value;
use uuid::Uuid;

use crate::common::{assert_error, registration, TestApp, TOKEN};

fn pull_body() -> helpdesk_core::sync::PullRequest {
    helpdesk_core::sync::PullRequest {
        after: PullCursor::default(),
        limit: 10,
    }
}

#[tokio::test]
async fn an_address_that_fails_too_often_is_answered_429_and_others_are_not() {
    let app = TestApp::start_with(|config| {
        config.auth_failures = 3;
        config.auth_failure_window = Duration::from_secs(3600);
    })
    .await;
    let desktop = app.register("Loja Centro", &[]).await;
    let wrong = format!("{}.{}", Uuid::now_v7(), "0".repeat(64));

    // Three failures of any kind: a wrong desktop credential, a wrong administrator's
    // token, a wrong enrollment token in a registration.
    let answer = app.post("/v1/pull", Some(&wrong), &pull_body()).await;
    assert_error(&answer, StatusCode::UNAUTHORIZED, "device_unknown");
    let answer = app.get("/v1/devices", Some("not-the-token-at-all")).await;
    assert_error(&answer, StatusCode::UNAUTHORIZED, "enrollment_refused");
    let mut request = registration("Intruso", &[]);
    request.enrollment_token = "not-the-token-at-all".into();
    let answer = app.post("/v1/devices", None, &request).await;
    assert_error(&answer, StatusCode::UNAUTHORIZED, "enrollment_refused");

    // From then on this address is refused, even with good credentials.
    let response = app
        .client
        .post(app.url("/v1/pull"))
        .bearer_auth(&desktop.credential)
        .json(&pull_body())
        .send()
        .await
        .expect("pull");
    let retry_after: u64 = response
        .headers()
        .get("retry-after")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse().ok())
        .expect("Retry-After in seconds");
    assert!((1..=1200).contains(&retry_after), "{retry_after}");
    let status = response.status();
    let body: Value = response.json().await.expect("JSON error body");
    let message = body["message"].as_str().unwrap_or_default().to_owned();
    assert_error(
        &(status, body),
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_attempts",
    );
    assert!(message.contains("Muitas tentativas"), "{message}");
    let answer = app.get("/v1/devices", Some(TOKEN)).await;
    assert_error(&answer, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");

    // Another address (127.0.0.2 is this machine too) is not slowed.
    let other = reqwest::Client::builder()
        .local_address(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2)))
        .build()
        .expect("client");
    let response = other
        .post(app.url("/v1/pull"))
        .bearer_auth(&desktop.credential)
        .json(&pull_body())
        .send()
        .await
        .expect("pull from another address");
    assert_eq!(response.status(), StatusCode::OK);
    // Requests that need no credential are not refused either.
    let (status, _) = app.get("/health", None).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn good_credentials_do_not_count() {
    let app = TestApp::start_with(|config| {
        config.auth_failures = 2;
        config.auth_failure_window = Duration::from_secs(3600);
    })
    .await;
    let desktop = app.register("Loja Centro", &[]).await;
    for _ in 0..5 {
        app.pull(&desktop.credential, PullCursor::default(), 10)
            .await;
        let (status, _) = app.get("/v1/devices", Some(TOKEN)).await;
        assert_eq!(status, StatusCode::OK);
    }
    let answer = app.post("/v1/pull", Some("garbage"), &pull_body()).await;
    assert_error(&answer, StatusCode::UNAUTHORIZED, "device_unknown");
    app.pull(&desktop.credential, PullCursor::default(), 10)
        .await;
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_address_counts_and_others_cannot_forge_it() {
    // 127.0.0.1 plays the proxy; 127.0.0.2 is a client that is not one.
    let app = TestApp::start_with(|config| {
        config.auth_failures = 2;
        config.auth_failure_window = Duration::from_secs(3600);
        config.trusted_proxies = vec![IpAddr::V4(Ipv4Addr::LOCALHOST)];
    })
    .await;
    let desktop = app.register("Loja Centro", &[]).await;
    let through_proxy = |forwarded: &str, credential: &str| {
        app.client
            .post(app.url("/v1/pull"))
            .header("X-Forwarded-For", forwarded)
            .bearer_auth(credential)
            .json(&pull_body())
            .send()
    };
    for _ in 0..2 {
        let response = through_proxy("203.0.113.9, 198.51.100.7", "garbage")
            .await
            .expect("pull");
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let refused = through_proxy("198.51.100.7", &desktop.credential)
        .await
        .expect("pull");
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    // Another customer behind the same proxy is not slowed.
    let other = through_proxy("198.51.100.8", &desktop.credential)
        .await
        .expect("pull");
    assert_eq!(other.status(), StatusCode::OK);
    // A client that is not the proxy is counted by its own address, whatever it claims.
    let direct = reqwest::Client::builder()
        .local_address(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2)))
        .build()
        .expect("client");
    let claimed = direct
        .post(app.url("/v1/pull"))
        .header("X-Forwarded-For", "198.51.100.8")
        .bearer_auth("garbage")
        .json(&pull_body())
        .send()
        .await
        .expect("pull");
    assert_eq!(claimed.status(), StatusCode::UNAUTHORIZED);
    let claimed = direct
        .post(app.url("/v1/pull"))
        .header("X-Forwarded-For", "198.51.100.7")
        .bearer_auth(&desktop.credential)
        .json(&pull_body())
        .send()
        .await
        .expect("pull");
    assert_eq!(claimed.status(), StatusCode::OK);
}
