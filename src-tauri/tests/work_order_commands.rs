//! The "Agenda Técnica" through Tauri's real IPC path (mock runtime, the app's real config
//! and capabilities) on a real SQLite database with the demo catalog: the catalog, the
//! agenda, and moving a visit (success, a clash, a stale screen, a removed technician, bad
//! slots).
//!
//! Visits are written with plain SQL as the wizard's save writes them; expected values are
//! read through the store, never from the command under test.
mod common;
mod visits;

use common::DemoApp;
use helpdesk_api::{
    AgendaQuery, ErrorCode, Reschedule, Slot, Uuid, Visit, VisitKind, WorkOrderCatalog,
};
use helpdesk_demo::{DemoConfig, OPERATOR};
use helpdesk_store::{now_millis, work_orders};
use serde_json::{json, Value};
use visits::{tomorrow, Visits, DAY, HOUR};

const DEMO: DemoConfig = DemoConfig {
    seed: 6,
    customers: 20,
    messages: 10,
};

/// The demo app, an operator logged in, and a ticket to hang visits on.
async fn agenda_app() -> (DemoApp, Visits) {
    let app = DemoApp::new(&DEMO).await;
    let visits = Visits::new(app.store(), "Mercado São João, Ltda", 1).await;
    app.log_in(&OPERATOR);
    (app, visits)
}

impl DemoApp {
    fn day(&self, from: i64) -> Vec<Visit> {
        self.call(
            "load_agenda",
            AgendaQuery {
                from,
                to: from + DAY,
                technician_ids: Vec::new(),
                kind: None,
            },
        )
    }

    async fn stored(&self, id: Uuid) -> Visit {
        work_orders::visit(self.store(), id)
            .await
            .expect("store")
            .expect("the visit")
    }
}

fn moved(visit: &Visit, slot: Slot, allow_clash: bool) -> Reschedule {
    Reschedule {
        visit_id: visit.id,
        slot,
        changed_at: visit.changed_at,
        allow_clash,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_command_needs_a_logged_in_operator() {
    let app = DemoApp::new(&DEMO).await;
    let slot = Slot {
        technician_id: Uuid::nil(),
        starts_at: 0,
        ends_at: HOUR,
    };
    let requests = [
        ("load_work_order_catalog", Value::Null),
        (
            "load_agenda",
            json!(AgendaQuery {
                from: 0,
                to: DAY,
                technician_ids: Vec::new(),
                kind: None
            }),
        ),
        (
            "reschedule_visit",
            json!(Reschedule {
                visit_id: Uuid::nil(),
                slot,
                changed_at: 0,
                allow_clash: false
            }),
        ),
        ("export_agenda_ics", json!(Uuid::nil())),
    ];
    for (command, request) in &requests {
        let error = app.refuse(command, request);
        assert_eq!(error.code, ErrorCode::NotAuthenticated, "{command}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_catalog_and_the_agenda_are_read_from_the_store() {
    let (app, visits) = agenda_app().await;
    let catalog: WorkOrderCatalog = app.call("load_work_order_catalog", ());
    assert_eq!(
        catalog,
        work_orders::catalog(app.store()).await.expect("catalog")
    );
    assert_eq!(catalog.technicians.len(), 16);
    assert!(catalog
        .types
        .iter()
        .any(|kind| kind.kind == VisitKind::SiteSurvey));

    let day = tomorrow(now_millis());
    let (bruno, carla) = (visits.technician(0), visits.technician(1));
    let store = app.store();
    let nine = visits
        .visit(store, bruno, day + 9 * HOUR, day + 10 * HOUR, "")
        .await;
    let eight = visits
        .visit(store, carla, day + 8 * HOUR, day + 9 * HOUR, "")
        .await;
    let _next_day = visits
        .visit(store, carla, day + DAY, day + DAY + HOUR, "")
        .await;
    let shown = app.day(day);
    assert_eq!(
        shown.iter().map(|visit| visit.id).collect::<Vec<_>>(),
        [eight, nine]
    );
    assert_eq!(shown[1], app.stored(nine).await);
    assert_eq!(shown[1].customer_name, "Mercado São João, Ltda");
    assert_eq!(shown[1].protocol, "261128-009-00001");

    let only_carla: Vec<Visit> = app.call(
        "load_agenda",
        AgendaQuery {
            from: day,
            to: day + DAY,
            technician_ids: vec![carla],
            kind: Some(VisitKind::WorkOrder),
        },
    );
    assert_eq!(only_carla.len(), 1);

    for (from, to) in [(day, day), (day, day - HOUR), (day, day + 63 * DAY)] {
        let error = app.refuse(
            "load_agenda",
            AgendaQuery {
                from,
                to,
                technician_ids: Vec::new(),
                kind: None,
            },
        );
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert_eq!(error.field.as_deref(), Some("data"));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_visit_moved_is_saved_and_read_back() {
    let (app, visits) = agenda_app().await;
    let day = tomorrow(now_millis());
    let id = visits
        .visit(
            app.store(),
            visits.technician(0),
            day + 9 * HOUR,
            day + 10 * HOUR,
            "",
        )
        .await;
    let visit = app.stored(id).await;
    let to = Slot {
        technician_id: visits.technician(2),
        starts_at: day + 14 * HOUR,
        ends_at: day + 15 * HOUR + 45 * 60_000,
    };
    let saved: Visit = app.call("reschedule_visit", moved(&visit, to, false));
    assert_eq!(saved.slot, to);
    assert_eq!(saved, app.stored(id).await, "as stored");
    assert_eq!(app.day(day), std::slice::from_ref(&saved));
    let kinds: Vec<String> =
        sqlx::query_scalar("SELECT kind FROM ticket_events WHERE ticket_id = ?1")
            .bind(visits.ticket)
            .fetch_all(app.store().pool())
            .await
            .expect("history");
    assert_eq!(kinds, ["work_order_rescheduled"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_clash_a_stale_screen_and_a_removed_technician_are_refused() {
    let (app, visits) = agenda_app().await;
    let day = tomorrow(now_millis());
    let bruno = visits.technician(0);
    let store = app.store();
    let nine = visits
        .visit(store, bruno, day + 9 * HOUR, day + 10 * HOUR, "")
        .await;
    let eleven = visits
        .visit(store, bruno, day + 11 * HOUR, day + 12 * HOUR, "")
        .await;
    let visit = app.stored(nine).await;

    // A clash names the visit it clashes with; nothing is moved.
    let clash = Slot {
        technician_id: bruno,
        starts_at: day + 10 * HOUR + 30 * 60_000,
        ends_at: day + 11 * HOUR + 30 * 60_000,
    };
    let error = app.refuse("reschedule_visit", moved(&visit, clash, false));
    assert_eq!(error.code, ErrorCode::Conflict);
    assert!(
        error
            .message
            .starts_with("O técnico já tem uma visita neste horário: Mercado São João, Ltda em "),
        "{}",
        error.message
    );
    assert_eq!(app.stored(nine).await, visit);

    // Accepted, it is saved; a screen still showing the old visit is then refused.
    let saved: Visit = app.call("reschedule_visit", moved(&visit, clash, true));
    assert_eq!(saved.slot, clash);
    let later = Slot {
        starts_at: day + 16 * HOUR,
        ends_at: day + 17 * HOUR,
        ..clash
    };
    let error = app.refuse("reschedule_visit", moved(&visit, later, false));
    assert_eq!(error.code, ErrorCode::Conflict);
    assert_eq!(
        error.message,
        "Esta visita foi alterada por outra pessoa: veja a agenda atualizada."
    );
    assert_eq!(app.stored(nine).await, saved);

    // A technician removed since the agenda was loaded.
    let removed = visits.technician(3);
    sqlx::query("UPDATE technicians SET active = 0 WHERE id = ?1")
        .bind(removed)
        .execute(store.pool())
        .await
        .expect("deactivate");
    let to_removed = Slot {
        technician_id: removed,
        ..later
    };
    let error = app.refuse("reschedule_visit", moved(&saved, to_removed, false));
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert_eq!(error.field.as_deref(), Some("tecnico"));

    // A visit deleted since.
    let eleven = app.stored(eleven).await;
    sqlx::query("UPDATE work_orders SET deleted = 1 WHERE id = ?1")
        .bind(eleven.id)
        .execute(store.pool())
        .await
        .expect("delete");
    let error = app.refuse("reschedule_visit", moved(&eleven, later, false));
    assert_eq!(error.code, ErrorCode::NotFound);
    assert_eq!(app.stored(nine).await, saved, "nothing else moved");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_slot_is_refused_at_its_field() {
    let (app, visits) = agenda_app().await;
    let day = tomorrow(now_millis());
    let bruno = visits.technician(0);
    let id = visits
        .visit(app.store(), bruno, day + 9 * HOUR, day + 10 * HOUR, "")
        .await;
    let visit = app.stored(id).await;
    let cases = [
        (day + 10 * HOUR, day + 9 * HOUR, "fim"),
        (day + 9 * HOUR, day + 9 * HOUR, "fim"),
        (day + 9 * HOUR + 60_000, day + 10 * HOUR, "inicio"),
        (day + 9 * HOUR, day + 9 * HOUR + 25 * HOUR, "fim"),
    ];
    for (starts_at, ends_at, field) in cases {
        let slot = Slot {
            technician_id: bruno,
            starts_at,
            ends_at,
        };
        let error = app.refuse("reschedule_visit", moved(&visit, slot, true));
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert_eq!(
            error.field.as_deref(),
            Some(field),
            "{starts_at}..{ends_at}"
        );
    }
    assert_eq!(app.stored(id).await, visit, "unchanged");
}

#[tokio::test(flavor = "multi_thread")]
async fn exporting_an_unknown_technicians_agenda_is_refused() {
    let (app, _visits) = agenda_app().await;
    let error = app.refuse("export_agenda_ics", Uuid::now_v7());
    assert_eq!(error.code, ErrorCode::NotFound);
}
