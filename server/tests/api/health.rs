use helpdesk_server::test_postgres::PgServer;
use helpdesk_server::Config;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::{assert_error, TestApp, TOKEN};

#[tokio::test]
async fn health_answers_ok_when_the_database_answers() {
    let app = TestApp::start().await;
    let (status, body) = app.get("/health", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, json!({"status": "ok"}));
}

#[tokio::test]
async fn health_answers_503_when_the_database_is_down() {
    // A PostgreSQL of its own: this test stops it.
    let mut postgres = PgServer::start().expect("PostgreSQL starts");
    let url = postgres.fresh_database().await.expect("database");
    let server = helpdesk_server::spawn(Config::local(url, TOKEN))
        .await
        .expect("server starts");
    let client = reqwest::Client::new();
    let health = format!("{}/health", server.url());
    let answer = client.get(&health).send().await.expect("health");
    assert_eq!(answer.status(), StatusCode::OK);

    postgres.stop();
    let answer = client.get(&health).send().await.expect("health");
    let status = answer.status();
    let body: serde_json::Value = answer.json().await.expect("JSON error body");
    assert_error(
        &(status, body),
        StatusCode::SERVICE_UNAVAILABLE,
        "database_unavailable",
    );
}

#[tokio::test]
async fn the_harness_for_other_crates_starts_a_server() {
    let test_server = helpdesk_server::test_postgres::TestServer::start(TOKEN)
        .await
        .expect("test server");
    let answer = reqwest::get(format!("{}/health", test_server.url()))
        .await
        .expect("health");
    assert_eq!(answer.status(), StatusCode::OK);
    assert!(test_server.database_url.starts_with("postgres://"));
}
