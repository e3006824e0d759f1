//! "Sobre" and "Exportar diagnóstico" through Tauri's real IPC path, with a save dialog that
//! answers a temporary file: the zip written opens with a real zip reader and holds the
//! summary and the log files, with what looks like a secret masked.
mod common;

use std::io::Read;

use common::DemoApp;
use helpdesk_api::{AboutInfo, ErrorCode};
use helpdesk_demo::{DemoConfig, OPERATOR};
use helpdesk_desktop::FilePicker;
use serde_json::json;

const DEMO: DemoConfig = DemoConfig {
    seed: 20,
    customers: 12,
    messages: 4,
};

/// A log as the app writes it, with a secret a careless line let through.
const LOG: &str = "\
[2026-12-05][10:00:00][helpdesk_desktop][INFO] opening database\n\
[2026-12-05][10:00:01][helpdesk_desktop][ERROR] store error: password=hunter2 refused\n\
[2026-12-05][10:00:02][helpdesk_ui][WARN] window command refusal at login: Usuário ou senha incorretos.\n";

fn entry(archive: &mut zip::ZipArchive<std::fs::File>, name: &str) -> String {
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|error| panic!("{name} in the zip: {error}"))
        .read_to_string(&mut text)
        .expect("UTF-8 entry");
    text
}

#[tokio::test(flavor = "multi_thread")]
async fn the_diagnostic_zip_holds_the_summary_and_the_logs_without_secrets() {
    let out = tempfile::tempdir().expect("temp dir");
    let logs = out.path().join("logs");
    std::fs::create_dir_all(&logs).expect("log folder");
    std::fs::write(logs.join("helpdesk.log"), LOG).expect("log");
    std::fs::write(
        logs.join("helpdesk_2026-12-01_08-00-00.log"),
        "[a][b][c][INFO] older\n",
    )
    .expect("older log");
    std::fs::write(logs.join("other.txt"), "not a log").expect("other file");
    let target = out.path().join("diagnostico.zip");
    let (picked, folder) = (target.clone(), logs.clone());
    let app = DemoApp::with(&DEMO, move |state, database| {
        let mut state = state
            .with_file_picker(FilePicker::answering(Some(picked)))
            .with_log_folder("9.8.7".into(), folder);
        state.database = Some(database.to_path_buf());
        state
    })
    .await;

    assert_eq!(
        app.refuse("export_diagnostics", ()).code,
        ErrorCode::NotAuthenticated
    );
    app.log_in(&OPERATOR);
    let about: AboutInfo = app.call("load_about", ());
    assert_eq!(about.version, "9.8.7");
    assert_eq!(about.database_path, app.database().display().to_string());
    assert!(about.database_bytes > 0);
    assert_eq!(about.sync.server_url, None);

    let written: Option<String> = app.call("export_diagnostics", ());
    assert_eq!(written, Some(target.display().to_string()));
    let mut archive =
        zip::ZipArchive::new(std::fs::File::open(&target).expect("zip")).expect("a zip");
    let mut names: Vec<String> = archive
        .file_names()
        .map(|name| name.expect("a name").into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "logs/helpdesk.log",
            "logs/helpdesk_2026-12-01_08-00-00.log",
            "resumo.txt"
        ]
    );
    let summary = entry(&mut archive, "resumo.txt");
    for expected in [
        "Versão: 9.8.7".to_owned(),
        format!("Banco de dados: {}", app.database().display()),
        "Servidor de sincronização: não registrado".to_owned(),
        "  customers: 12".to_owned(),
        "Últimos avisos e erros do registro (2):".to_owned(),
        "window command refusal at login: Usuário ou senha incorretos.".to_owned(),
    ] {
        assert!(summary.contains(&expected), "{expected:?} in:\n{summary}");
    }
    let log = entry(&mut archive, "logs/helpdesk.log");
    assert!(log.contains("store error: password=*** refused"), "{log}");
    for text in [&summary, &log] {
        assert!(!text.contains("hunter2"), "{text}");
        assert!(!text.contains(OPERATOR.password), "{text}");
    }

    // The dialog closed: nothing written, nothing answered.
    std::fs::remove_file(&target).expect("remove");
    let closed = DemoApp::with(&DEMO, |state, _| {
        state.with_file_picker(FilePicker::answering(None))
    })
    .await;
    closed.log_in(&OPERATOR);
    let written: Option<String> = closed.call("export_diagnostics", ());
    assert_eq!(written, None);
    assert!(!target.exists());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_window_s_errors_are_taken_signed_in_or_not() {
    let app = DemoApp::new(&DEMO).await;
    let report = json!({"kind": "Panic", "source": "ui/src/app.rs:10", "message": "boom"});
    app.call::<()>("log_ui_error", &report);
    app.log_in(&OPERATOR);
    app.call::<()>("log_ui_error", &report);
}
