//! The demo's tickets: written through the store as the app writes them, with history and
//! tasks, and work in the demo operator's "Minhas Tarefas".
use helpdesk_core::ticket::TicketFilter;
use helpdesk_demo::{DemoConfig, OPERATOR};
use helpdesk_store::{people, tasks, tickets, Store};

const CONFIG: DemoConfig = DemoConfig {
    seed: 5,
    customers: 800,
    messages: 100,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_has_tickets_with_history_and_tasks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("demo.db"))
        .await
        .expect("open");
    helpdesk_demo::seed(&store, &CONFIG).await.expect("seed");
    let summary = helpdesk_demo::seed_tickets(&store, &CONFIG)
        .await
        .expect("tickets");
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
