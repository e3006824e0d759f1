//! "Exportar agenda (.ics)" through Tauri's real IPC path, with a save dialog that answers
//! a temporary file: the file written is read by a real iCalendar parser (Python's
//! `icalendar`, the `python3-icalendar` package), which must find every visit at its time
//! in America/Sao_Paulo, with its summary, place and description as written.
mod common;
mod visits;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, FixedOffset};
use common::DemoApp;
use helpdesk_api::{CommandError, ErrorCode, Uuid};
use helpdesk_demo::{DemoConfig, OPERATOR};
use helpdesk_desktop::FilePicker;
use helpdesk_store::now_millis;
use serde::Deserialize;
use serde_json::json;
use visits::{tomorrow, Visits, DAY, HOUR};

const DEMO: DemoConfig = DemoConfig {
    seed: 8,
    customers: 10,
    messages: 5,
};

/// Reads the calendar at argv[1] and prints its events as JSON.
const PARSE: &str = r#"
import json, sys, icalendar
calendar = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
events = []
for event in calendar.walk("VEVENT"):
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    events.append({
        "uid": str(event["UID"]),
        "summary": str(event["SUMMARY"]),
        "location": str(event["LOCATION"]),
        "description": str(event["DESCRIPTION"]),
        "start": start.isoformat(),
        "end": end.isoformat(),
        "zone": str(start.tzinfo),
    })
print(json.dumps(events))
"#;

#[derive(Debug, Deserialize)]
struct ParsedEvent {
    uid: String,
    summary: String,
    location: String,
    description: String,
    start: String,
    end: String,
    zone: String,
}

/// The demo app, logged in, with a save dialog that answers `answer`.
async fn export_app(answer: Option<PathBuf>) -> DemoApp {
    let app = DemoApp::with(&DEMO, |state, _| {
        state.with_file_picker(FilePicker::answering(answer))
    })
    .await;
    app.log_in(&OPERATOR);
    app
}

impl DemoApp {
    /// `export_agenda_ics` for `technician`: the path written, or the error.
    fn export(&self, technician: Uuid) -> Result<Option<String>, CommandError> {
        self.invoke("export_agenda_ics", json!(technician))
            .map(|path| serde_json::from_value(path).expect("a path or null"))
            .map_err(|error| serde_json::from_value(error).expect("a CommandError"))
    }
}

/// A Python 3 that has `icalendar` (`python3` on the PATH, else the system's).
fn python() -> &'static str {
    ["python3", "/usr/bin/python3"]
        .into_iter()
        .find(|python| {
            Command::new(python)
                .args(["-c", "import icalendar"])
                .output()
                .is_ok_and(|output| output.status.success())
        })
        .expect("Python 3 with icalendar: apt-get install python3-icalendar (scripts/setup.sh)")
}

fn parse(path: &Path) -> Vec<ParsedEvent> {
    let output = Command::new(python())
        .args(["-c", PARSE])
        .arg(path)
        .output()
        .expect("python runs");
    assert!(
        output.status.success(),
        "icalendar refused the file: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the script's JSON")
}

/// `millis` as Python's `isoformat()` of a São Paulo time: `2026-11-29T09:00:00-03:00`.
fn sao_paulo(millis: i64) -> String {
    let offset = FixedOffset::west_opt(3 * 3600).expect("offset");
    DateTime::from_timestamp_millis(millis)
        .expect("instant")
        .with_timezone(&offset)
        .to_rfc3339()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_exported_agenda_parses_with_the_visits_at_sao_paulo_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("agenda.ics");
    let app = export_app(Some(file.clone())).await;
    let customer = "Açougue Boi, Vaca; Cia \\ Filhos";
    let visits = Visits::new(app.store(), customer, 2).await;
    let (technician, other) = (visits.technician(0), visits.technician(1));
    let day = tomorrow(now_millis());
    let long = "Trocar a ONU queimada, refazer a fusão na caixa de emenda e medir a \
                potência óptica; levar conector SC/APC, cabo drop de 80 m e escada.\n\
                Cliente pede que liguem antes: (19) 99876-5432."
        .repeat(3);
    let store = app.store();
    let first = visits
        .visit(
            store,
            technician,
            day + 9 * HOUR,
            day + 10 * HOUR + 30 * 60_000,
            &long,
        )
        .await;
    // 22:00 to 01:00 São Paulo time: the next day in UTC, and in the calendar too.
    let late = visits
        .visit(store, technician, day + 22 * HOUR, day + 25 * HOUR, "")
        .await;
    let past = visits
        .visit(store, technician, day - 20 * DAY, day - 20 * DAY + HOUR, "")
        .await;
    let _too_old = visits
        .visit(store, technician, day - 40 * DAY, day - 40 * DAY + HOUR, "")
        .await;
    let _others = visits
        .visit(store, other, day + 9 * HOUR, day + 10 * HOUR, "")
        .await;

    let written = app.export(technician).expect("exported");
    assert_eq!(written.as_deref(), Some(file.to_str().expect("UTF-8 path")));
    let text = std::fs::read_to_string(&file).expect("the file");
    assert!(text.lines().all(|line| line.len() <= 76), "folded");

    let events = parse(&file);
    let uids: Vec<&str> = events.iter().map(|event| event.uid.as_str()).collect();
    let uid = |id: Uuid| format!("{id}@helpdesk");
    assert_eq!(
        uids,
        [uid(past), uid(first), uid(late)],
        "in order, 30 days back"
    );
    for event in &events {
        assert_eq!(event.zone, "America/Sao_Paulo");
        assert_eq!(event.summary, format!("O.S. · {customer}"));
        assert_eq!(
            event.location,
            "Rua das Palmeiras, 250; apto 12, Centro - Campinas/SP"
        );
    }
    let first_event = &events[1];
    assert_eq!(first_event.start, sao_paulo(day + 9 * HOUR));
    assert!(first_event.start.ends_with("T09:00:00-03:00"));
    assert_eq!(first_event.end, sao_paulo(day + 10 * HOUR + 30 * 60_000));
    assert_eq!(
        first_event.description,
        format!(
            "Protocolo 261128-009-00002 · {} · {}\n{long}",
            visits.catalog.types[0].name, visits.catalog.statuses[0].name
        )
    );
    assert!(events[2].start.ends_with("T22:00:00-03:00"));
    assert!(events[2].end.ends_with("T01:00:00-03:00"));
    assert_eq!(events[2].end, sao_paulo(day + 25 * HOUR));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_closed_dialog_writes_nothing_and_an_unwritable_place_is_explained() {
    let dir = tempfile::tempdir().expect("temp dir");
    let closed = export_app(None).await;
    let technician = Visits::new(closed.store(), "Cliente", 3)
        .await
        .technician(0);
    assert_eq!(closed.export(technician).expect("no error"), None);

    let nowhere = dir.path().join("no-such-folder").join("agenda.ics");
    let app = export_app(Some(nowhere.clone())).await;
    let technician = Visits::new(app.store(), "Cliente", 4).await.technician(0);
    let error = app.export(technician).expect_err("refused");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(
        error.message.contains("escolha outra pasta"),
        "{}",
        error.message
    );
    assert!(!nowhere.exists());
}
