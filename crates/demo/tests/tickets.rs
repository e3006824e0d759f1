//! The demo's tickets: written through the store as the app writes them, with history,
//! tasks and work in the demo operator's "Minhas Tarefas", and visits on the agenda ahead.
use chrono::{DateTime, Datelike, FixedOffset, Timelike, Weekday};
use helpdesk_core::ticket::TicketFilter;
use helpdesk_core::work_order::{clashes, AgendaQuery};
use helpdesk_core::work_order_life::WorkOrderStage;
use helpdesk_demo::{DemoConfig, DemoTickets, OPERATOR};
use helpdesk_store::{now_millis, people, tasks, tickets, work_orders, Store};

const DAY: i64 = 24 * 3_600_000;

const CONFIG: DemoConfig = DemoConfig {
    seed: 5,
    customers: 800,
    messages: 100,
};

/// The demo with its tickets, in a temporary folder (kept while the test runs).
async fn seeded() -> (tempfile::TempDir, Store, DemoTickets) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("demo.db"))
        .await
        .expect("open");
    helpdesk_demo::seed(&store, &CONFIG).await.expect("seed");
    let summary = helpdesk_demo::seed_tickets(&store, &CONFIG)
        .await
        .expect("tickets");
    (dir, store, summary)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_has_tickets_with_history_and_tasks() {
    let (_dir, store, summary) = seeded().await;
    assert_eq!(summary.tickets, CONFIG.customers / 8);
    assert!(summary.tasks >= summary.tickets / 3, "{summary}");

    let filter = TicketFilter {
        limit: 500,
        ..TicketFilter::default()
    };
    let listed = tickets::list(&store, &filter).await.expect("list");
    assert_eq!(listed.len(), summary.tickets);
    let now = helpdesk_store::now_millis();
    let mut kinds = std::collections::BTreeSet::new();
    for ticket in &listed {
        assert!(
            ticket.opened_at < now - 12 * 3_600_000,
            "not today: {ticket:?}"
        );
        let history = tickets::history(&store, ticket.id).await.expect("history");
        assert_eq!(history[0].kind, "opened", "{ticket:?}");
        assert!(history.iter().all(|event| event.at < now));
        kinds.extend(history.into_iter().map(|event| event.kind));
    }
    for kind in [
        "first_contact",
        "task",
        "follow_up",
        "status_changed",
        "resolved",
        "task_done",
    ] {
        assert!(kinds.contains(kind), "some ticket has {kind}: {kinds:?}");
    }

    let operator = people::authenticate(&store, OPERATOR.login, OPERATOR.password)
        .await
        .expect("operator")
        .expect("the demo operator");
    let mine = tasks::for_user(&store, operator.id, 20)
        .await
        .expect("tasks");
    assert!(
        mine.iter().filter(|task| task.done_at.is_none()).count() >= 2,
        "the demo operator has open tasks: {mine:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_agenda_has_visits_on_working_hours_without_clashes_and_past_ones_done() {
    let (_dir, store, summary) = seeded().await;
    assert!(summary.work_orders >= 5, "{summary}");
    let now = now_millis();
    let visits = work_orders::agenda(
        &store,
        &AgendaQuery {
            from: now - 45 * DAY,
            to: now + 12 * DAY,
            technician_ids: Vec::new(),
            kind: None,
        },
    )
    .await
    .expect("agenda");
    assert_eq!(visits.len(), summary.work_orders);
    // São Paulo time: 08:00 to 18:00, never on a Sunday, never clashing.
    let offset = FixedOffset::west_opt(3 * 3600).expect("UTC-3");
    for visit in &visits {
        let local = |millis| {
            DateTime::from_timestamp_millis(millis)
                .expect("an instant")
                .with_timezone(&offset)
        };
        let (start, end) = (local(visit.slot.starts_at), local(visit.slot.ends_at));
        assert!(
            start.hour() >= 8 && end.hour() * 60 + end.minute() <= 18 * 60,
            "{start}–{end}"
        );
        assert_ne!(start.weekday(), Weekday::Sun, "{start}");
        assert!(
            clashes(&visits, &visit.slot, Some(visit.id)).is_empty(),
            "{visit:?} clashes"
        );
        assert!(!visit.address.is_empty());
    }
    // Visits already made were finished by their technician, with a report and outcome.
    let past: Vec<_> = visits
        .iter()
        .filter(|visit| visit.slot.ends_at < now)
        .collect();
    assert!(!past.is_empty(), "some visit was made already");
    for visit in past {
        let line = work_orders::line(&store, visit.id)
            .await
            .expect("line")
            .expect("the work order");
        assert_eq!(visit.stage, WorkOrderStage::Done, "{visit:?}");
        let (started, finished) = (
            line.started_at.expect("start"),
            line.finished_at.expect("end"),
        );
        assert!(started < finished && finished < now, "{line:?}");
        assert!(
            !line.report.is_empty() && line.outcome.is_some(),
            "{line:?}"
        );
    }
}
