//! A slow or greedy client cannot hold the server: body limits, the header read timeout,
//! the request timeout and the limit of concurrent requests.
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::common::{assert_error, TestApp};

/// How long a test waits for what should come much sooner.
const PATIENCE: Duration = Duration::from_secs(20);

/// Reads an HTTP/1 answer from `stream` until the connection closes or `PATIENCE` runs
/// out: its status and JSON body (`Null` when not JSON).
async fn read_answer(stream: &mut (impl AsyncReadExt + Unpin)) -> (StatusCode, Value, String) {
    let mut answer = Vec::new();
    let read = tokio::time::timeout(PATIENCE, stream.read_to_end(&mut answer)).await;
    assert!(read.is_ok(), "no answer within {PATIENCE:?}");
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse::<u16>().ok())
        .and_then(|code| StatusCode::from_u16(code).ok())
        .unwrap_or_else(|| panic!("not an HTTP answer: {text:?}"));
    let body = text.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    let (head, _) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    (
        status,
        serde_json::from_str(body).unwrap_or(Value::Null),
        head.to_owned(),
    )
}

/// Opens a connection and sends the headers of `POST path` declaring `length` bytes of
/// JSON body, and `prefix` of that body.
async fn start_post(app: &TestApp, path: &str, length: usize, prefix: &[u8]) -> TcpStream {
    let mut stream = TcpStream::connect(app.server.local_addr())
        .await
        .expect("connected");
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.expect("headers");
    stream.write_all(prefix).await.expect("body prefix");
    stream
}

#[tokio::test]
async fn a_registration_body_over_a_mebibyte_is_refused_before_it_is_all_read() {
    let app = TestApp::start().await;
    // Declares 8 MiB (under the push limit), sends 1 MiB and one byte, and waits: the
    // answer must come without the rest.
    let limit = 1024 * 1024;
    let mut body = br#"{"enrollment_token":""#.to_vec();
    body.resize(limit + 1, b'a');
    let mut stream = start_post(&app, "/v1/devices", 8 * limit, &body).await;
    let (status, body, _) = read_answer(&mut stream).await;
    assert_error(
        &(status, body),
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
    );
    // A registration of ordinary size still works.
    app.register("Loja Centro", &["261205-001-00001"]).await;
}

#[tokio::test]
async fn small_json_routes_take_a_mebibyte_and_push_takes_more() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let big = "x".repeat(1024 * 1024 + 1);
    let answer = app
        .post(
            "/v1/pull",
            Some(&desktop.credential),
            &serde_json::json!({"after": {"transaction": 0, "sequence": 0}, "limit": 1, "pad": big}),
        )
        .await;
    assert_error(&answer, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    // A push of 2 MiB is read whole (and refused for what it holds, not for its size).
    let answer = app
        .post(
            "/v1/push",
            Some(&desktop.credential),
            &serde_json::json!({"rows": [], "pad": "x".repeat(2 * 1024 * 1024)}),
        )
        .await;
    assert_ne!(answer.0, StatusCode::PAYLOAD_TOO_LARGE, "{}", answer.1);
}

#[tokio::test]
async fn a_client_that_sends_its_headers_too_slowly_is_disconnected() {
    let app =
        TestApp::start_with(|config| config.header_read_timeout = Duration::from_secs(1)).await;
    let mut stream = TcpStream::connect(app.server.local_addr())
        .await
        .expect("connected");
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        .await
        .expect("request line");
    // One byte every 100 ms: each arrives well within any idle limit, the headers never end.
    let started = Instant::now();
    let mut buffer = [0u8; 256];
    loop {
        assert!(
            started.elapsed() < PATIENCE,
            "the slow connection is still open after {PATIENCE:?}"
        );
        if stream.write_all(b"a").await.is_err() {
            break;
        }
        match tokio::time::timeout(Duration::from_millis(100), stream.read(&mut buffer)).await {
            Ok(Ok(0) | Err(_)) => break,
            // hyper may answer 408 before closing.
            Ok(Ok(_)) => {}
            Err(_) => {}
        }
    }
    assert!(started.elapsed() >= Duration::from_millis(900));
    // The server still answers others.
    let (status, _) = app.get("/health", None).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_request_slower_than_the_timeout_is_answered_503() {
    let app = TestApp::start_with(|config| config.request_timeout = Duration::from_secs(1)).await;
    // The body never comes whole.
    let mut stream = start_post(&app, "/v1/devices", 100, b"{\"enrollment_token\":").await;
    let (status, body, _) = read_answer(&mut stream).await;
    assert_error(
        &(status, body),
        StatusCode::SERVICE_UNAVAILABLE,
        "request_timeout",
    );
}

#[tokio::test]
async fn past_the_concurrency_limit_requests_are_refused_at_once_with_503() {
    let app = TestApp::start_with(|config| config.max_concurrent_requests = 1).await;
    // Holds the only place: a body that never comes whole.
    let held = start_post(&app, "/v1/devices", 100, b"{\"enrollment_token\":").await;
    let started = Instant::now();
    let busy = loop {
        assert!(
            started.elapsed() < PATIENCE,
            "never refused while the only place is taken"
        );
        let response = app
            .client
            .get(app.url("/health"))
            .send()
            .await
            .expect("health");
        if response.status() == StatusCode::SERVICE_UNAVAILABLE {
            break response;
        }
    };
    let retry_after = busy
        .headers()
        .get("retry-after")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    assert!(retry_after.is_some_and(|seconds| seconds >= 1), "{busy:?}");
    let status = busy.status();
    let body: Value = busy.json().await.expect("JSON error body");
    assert_error(
        &(status, body),
        StatusCode::SERVICE_UNAVAILABLE,
        "server_busy",
    );

    // Once the slow client leaves, requests are served again.
    drop(held);
    let started = Instant::now();
    loop {
        assert!(
            started.elapsed() < PATIENCE,
            "the place was never given back"
        );
        let (status, _) = app.get("/health", None).await;
        if status == StatusCode::OK {
            break;
        }
    }
}
