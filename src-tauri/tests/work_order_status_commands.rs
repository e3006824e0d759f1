//! "Ordens de Serviço" through Tauri's real IPC path on a real SQLite database with the
//! demo catalog: the list by technician and status, and a visit's change of status (a
//! refusal at its field, a stale screen as a conflict, started, finished with the ticket
//! resolved).
mod common;
mod visits;

use common::DemoApp;
use helpdesk_api::{
    ErrorCode, StatusForm, Uuid, VisitOutcome, WorkOrderFilter, WorkOrderLine, WorkOrderStage,
};
use helpdesk_core::date::format_instant;
use helpdesk_demo::{DemoConfig, OPERATOR};
use helpdesk_store::now_millis;
use visits::{Visits, HOUR};

const DEMO: DemoConfig = DemoConfig {
    seed: 8,
    customers: 20,
    messages: 10,
};

fn status(visits: &Visits, stage: WorkOrderStage) -> Uuid {
    visits
        .catalog
        .statuses
        .iter()
        .find(|status| status.stage == stage)
        .map(|status| status.id)
        .expect("a status of the stage")
}

fn form(line: &WorkOrderLine, status_id: Uuid, started: i64, finished: i64) -> StatusForm {
    let offset = local_offset(started);
    StatusForm {
        work_order_id: line.visit.id,
        changed_at: line.visit.changed_at,
        status_id: Some(status_id),
        started_at: format_instant(started, offset),
        finished_at: format_instant(finished, offset),
        outcome: Some(VisitOutcome::ResolvedOnSite),
        report: "Conector trocado.".into(),
        resolve_ticket: false,
    }
}

/// The desktop's UTC offset at `millis`, in minutes east, as the shell reads typed times.
fn local_offset(millis: i64) -> i32 {
    use chrono::{Local, Offset, TimeZone};
    Local
        .timestamp_millis_opt(millis)
        .single()
        .map_or(0, |local| local.offset().fix().local_minus_utc() / 60)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_visit_is_listed_started_and_finished_resolving_its_ticket() {
    let app = DemoApp::new(&DEMO).await;
    let visits = Visits::new(app.store(), "Mercado São João, Ltda", 1).await;
    app.log_in(&OPERATOR);
    let now = now_millis();
    let technician = visits.technician(0);
    let starts_at = now - 3 * HOUR;
    let id = visits
        .visit(
            app.store(),
            technician,
            starts_at,
            starts_at + HOUR,
            "Trocar conector",
        )
        .await;

    let open = visits.catalog.statuses[0].id;
    let mine: Vec<WorkOrderLine> = app.call(
        "list_work_orders",
        WorkOrderFilter {
            technician_id: Some(technician),
            status_id: Some(open),
            ..WorkOrderFilter::default()
        },
    );
    let line = mine
        .iter()
        .find(|line| line.visit.id == id)
        .expect("listed")
        .clone();
    assert_eq!(line.visit.stage, WorkOrderStage::Open);

    let done = status(&visits, WorkOrderStage::Done);
    let mut no_report = form(&line, done, starts_at, starts_at + HOUR);
    no_report.report = String::new();
    let error = app.refuse("change_work_order_status", &no_report);
    assert_eq!(error.field.as_deref(), Some("os-relatorio"));

    let started: WorkOrderLine = app.call(
        "change_work_order_status",
        form(
            &line,
            status(&visits, WorkOrderStage::InProgress),
            starts_at,
            0,
        ),
    );
    assert_eq!(started.visit.stage, WorkOrderStage::InProgress);
    assert_eq!(started.started_at, Some(starts_at - starts_at % 60_000));

    let stale = form(&line, done, starts_at, starts_at + HOUR);
    assert_eq!(
        app.refuse("change_work_order_status", &stale).code,
        ErrorCode::Conflict
    );

    let mut finish = form(&started, done, starts_at, starts_at + HOUR);
    finish.resolve_ticket = true;
    let finished: WorkOrderLine = app.call("change_work_order_status", &finish);
    assert_eq!(finished.visit.stage, WorkOrderStage::Done);
    assert_eq!(finished.outcome, Some(VisitOutcome::ResolvedOnSite));
    let status: String = sqlx::query_scalar("SELECT status FROM tickets WHERE id = ?1")
        .bind(visits.ticket)
        .fetch_one(app.store().pool())
        .await
        .expect("ticket");
    assert_eq!(status, "Resolvido");
    let loaded: Option<WorkOrderLine> = app.call("load_work_order", id);
    assert_eq!(loaded, Some(finished));
}
