//! `GET /metrics`: Prometheus text for the holder of the metrics token only.
use helpdesk_core::sync::PushRequest;
use reqwest::StatusCode;
use uuid::Uuid;

use crate::common::{assert_error, role, TestApp, TOKEN};

const METRICS_TOKEN: &str = "token-das-metricas-para-testes";

/// The value of the sample `name` whose labels include every one of `labels`.
fn sample(scrape: &prometheus_parse::Scrape, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    scrape
        .samples
        .iter()
        .find(|sample| {
            sample.metric == name
                && labels
                    .iter()
                    .all(|(label, value)| sample.labels.get(label) == Some(*value))
        })
        .map(|sample| match sample.value {
            prometheus_parse::Value::Counter(value)
            | prometheus_parse::Value::Gauge(value)
            | prometheus_parse::Value::Untyped(value) => value,
            _ => f64::NAN,
        })
}

async fn scraped(app: &TestApp) -> (String, prometheus_parse::Scrape) {
    let response = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(METRICS_TOKEN)
        .send()
        .await
        .expect("scrape");
    assert_eq!(response.status(), StatusCode::OK);
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        content_type.starts_with("application/openmetrics-text"),
        "{content_type}"
    );
    let text = response.text().await.expect("text");
    assert!(text.ends_with("# EOF\n"), "{text}");
    let lines = text.lines().map(|line| Ok(line.to_owned()));
    let parsed = prometheus_parse::Scrape::parse(lines).expect("Prometheus text parses");
    (text, parsed)
}

#[tokio::test]
async fn metrics_count_a_desktops_push_and_pull_and_tell_its_lag() {
    let app = TestApp::start_with(|config| config.metrics_token = Some(METRICS_TOKEN.into())).await;
    let desktop = app.register("Loja Centro", &[]).await;
    let device = desktop.device_id.to_string();
    let rows = vec![
        role(Uuid::now_v7(), desktop.device_id, "Suporte", 10),
        role(Uuid::now_v7(), desktop.device_id, "Financeiro", 10),
    ];
    let pushed = app.push(&desktop.credential, rows.clone()).await;
    assert_eq!(pushed.changed, 2);
    let again = app.push(&desktop.credential, rows[..1].to_vec()).await;
    assert_eq!(again.unchanged, 1);
    let pulled = app.pull_all(&desktop.credential).await;
    assert_eq!(pulled.len(), 2);
    let answer = app
        .post("/v1/push", Some("garbage"), &PushRequest { rows: vec![] })
        .await;
    assert_error(&answer, StatusCode::UNAUTHORIZED, "device_unknown");

    let (text, scrape) = scraped(&app).await;
    let value = |name: &str, labels: &[(&str, &str)]| {
        sample(&scrape, name, labels).unwrap_or_else(|| panic!("no {name} {labels:?} in\n{text}"))
    };
    assert_eq!(
        value("helpdesk_push_rows_total", &[("outcome", "changed")]),
        2.0
    );
    assert_eq!(
        value("helpdesk_push_rows_total", &[("outcome", "unchanged")]),
        1.0
    );
    assert_eq!(
        value("helpdesk_push_rows_total", &[("outcome", "refused")]),
        0.0
    );
    assert_eq!(value("helpdesk_pull_rows_total", &[]), 2.0);
    assert_eq!(
        value(
            "helpdesk_requests_total",
            &[("route", "/v1/push"), ("method", "POST"), ("status", "200")]
        ),
        2.0
    );
    assert_eq!(
        value(
            "helpdesk_requests_total",
            &[("route", "/v1/push"), ("method", "POST"), ("status", "401")]
        ),
        1.0
    );
    assert_eq!(
        value(
            "helpdesk_requests_total",
            &[
                ("route", "/v1/devices"),
                ("method", "POST"),
                ("status", "201")
            ]
        ),
        1.0
    );
    assert_eq!(
        value("helpdesk_errors_total", &[("code", "device_unknown")]),
        1.0
    );
    // Up to date: nothing written after its cursor, pulled a moment ago.
    assert_eq!(
        value(
            "helpdesk_desktop_rows_behind",
            &[("device", &device), ("desktop_number", "2")]
        ),
        0.0
    );
    let since = value(
        "helpdesk_desktop_seconds_since_pull",
        &[("device", &device)],
    );
    assert!((0.0..60.0).contains(&since), "{since}");

    // Another desktop writes: the first falls one row behind.
    let other = app.register("Loja Norte", &[]).await;
    app.push(
        &other.credential,
        vec![role(Uuid::now_v7(), other.device_id, "Vendas", 10)],
    )
    .await;
    let (text, scrape) = scraped(&app).await;
    let behind = sample(
        &scrape,
        "helpdesk_desktop_rows_behind",
        &[("device", &device)],
    );
    assert_eq!(behind, Some(1.0), "{text}");
    // One that never pulled is behind by every row, and has no pull age.
    let never = other.device_id.to_string();
    let behind = sample(
        &scrape,
        "helpdesk_desktop_rows_behind",
        &[("device", &never)],
    );
    assert_eq!(behind, Some(3.0), "{text}");
    assert_eq!(
        sample(
            &scrape,
            "helpdesk_desktop_seconds_since_pull",
            &[("device", &never)]
        ),
        None,
        "{text}"
    );
    // The instance's own scrape is counted too.
    assert!(text.contains(r#"route="/metrics""#), "{text}");
}

#[tokio::test]
async fn metrics_need_their_own_token() {
    let app = TestApp::start_with(|config| config.metrics_token = Some(METRICS_TOKEN.into())).await;
    let answer = app.get("/metrics", None).await;
    assert_error(&answer, StatusCode::UNAUTHORIZED, "metrics_refused");
    // The administrator's token is not the metrics token.
    let answer = app.get("/metrics", Some(TOKEN)).await;
    assert_error(&answer, StatusCode::UNAUTHORIZED, "metrics_refused");
    let desktop = app.register("Loja Centro", &[]).await;
    let answer = app.get("/metrics", Some(&desktop.credential)).await;
    assert_error(&answer, StatusCode::UNAUTHORIZED, "metrics_refused");
}

#[tokio::test]
async fn without_a_metrics_token_there_are_no_metrics() {
    let app = TestApp::start().await;
    let answer = app.get("/metrics", Some(METRICS_TOKEN)).await;
    assert_error(&answer, StatusCode::NOT_FOUND, "not_found");
    let (status, _) = app.get("/health", None).await;
    assert_eq!(status, StatusCode::OK);
}
