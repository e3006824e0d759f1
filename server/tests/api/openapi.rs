//! The OpenAPI document: served, kept in the repository (`server/openapi.json`, refreshed
//! with `UPDATE_OPENAPI=1 cargo test -p helpdesk-server --test api openapi`), and every
//! answer of the running server conforming to it (schemathesis).
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use reqwest::StatusCode;

use serde_json::json;

use crate::common::{TestApp, TOKEN};

#[test]
fn the_committed_document_matches_the_routes() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("openapi.json");
    let fresh = helpdesk_server::openapi::document_json();
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(&committed, &fresh).expect("write openapi.json");
    }
    let current = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        current == fresh,
        "server/openapi.json is stale: run UPDATE_OPENAPI=1 cargo test -p helpdesk-server --test api openapi"
    );
}

#[tokio::test]
async fn the_server_serves_its_document_without_credentials() {
    let app = TestApp::start().await;
    let (status, body) = app.get("/v1/openapi.json", None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let expected: serde_json::Value =
        serde_json::from_str(&helpdesk_server::openapi::document_json()).expect("JSON");
    assert_eq!(body, expected);
    assert!(body["paths"]["/v1/push"]["post"].is_object(), "{body}");
}

/// Where `scripts/setup.sh test` installs schemathesis (a pinned version in a venv of its
/// own); `HELPDESK_SCHEMATHESIS` names another.
fn schemathesis() -> PathBuf {
    if let Some(path) = std::env::var_os("HELPDESK_SCHEMATHESIS") {
        return PathBuf::from(path);
    }
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default();
    home.join(".cache/helpdesk/schemathesis/bin/schemathesis")
}

/// The metrics token of the server the document is checked against.
const METRICS_TOKEN: &str = "token-das-metricas-para-testes";

/// schemathesis generates requests for every operation of the served document (valid ones
/// and invalid ones), and checks that the server never fails (no 500) and answers only
/// documented statuses, content types and shapes. The desktop's operations (and the
/// unauthenticated ones) run with a desktop's credential, the administrator's with the
/// enrollment token, the portal's with an integration's key, the metrics with their token.
#[tokio::test(flavor = "multi_thread")]
async fn every_answer_conforms_to_the_document() {
    let tool = schemathesis();
    assert!(
        tool.is_file(),
        "schemathesis is not installed at {}: run scripts/setup.sh test (or set HELPDESK_SCHEMATHESIS)",
        tool.display()
    );
    // The runs present credentials to operations of other callers too (the desktop's to
    // the metrics, say): those wrong credentials must not lock the address out (429).
    let app = TestApp::start_with(|config| {
        config.auth_failures = 1_000_000;
        config.metrics_token = Some(METRICS_TOKEN.to_owned());
    })
    .await;
    let device = app.register("Schemathesis", &[]).await;
    let (status, created) = app
        .post("/v1/integrations", Some(TOKEN), &json!({ "name": "Site" }))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let key = created["key"].as_str().expect("key");

    let started = Instant::now();
    for (tags, bearer) in [
        ("sync", device.credential.as_str()),
        ("operation", METRICS_TOKEN),
        ("administration", TOKEN),
        ("portal", key),
    ] {
        let output = run(&tool, &app.server.url(), tags, bearer).await;
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "schemathesis found answers of the {tags} operations that do not conform ({:?}):\n{stdout}\n{stderr}",
            output.status
        );
        let summary = stdout.lines().rev().find(|line| line.contains("generated"));
        eprintln!("{tags}: {}", summary.unwrap_or("?").trim());
    }
    eprintln!("schemathesis passed in {:.0?}", started.elapsed());
}

/// Runs schemathesis on the operations tagged `tag` of the server at `base`, with
/// `Authorization: Bearer <bearer>`.
async fn run(tool: &Path, base: &str, tag: &str, bearer: &str) -> Output {
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("schemathesis");
    std::fs::create_dir_all(&work).expect("work dir");
    let mut command = Command::new(tool);
    command
        .current_dir(&work)
        .arg("run")
        .arg(format!("{base}/v1/openapi.json"))
        .args(["--url", base, "--include-tag", tag])
        .args(["--header", &format!("Authorization: Bearer {bearer}")])
        .args([
            "--checks",
            "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
        ])
        .args(["--phases", "examples,coverage,fuzzing"])
        .args(["--max-examples", "100", "--seed", "19"])
        .args(["--generation-database", "none", "--no-color"]);
    tokio::task::spawn_blocking(move || command.output())
        .await
        .expect("joined")
        .expect("schemathesis runs")
}
