//! Tickets after the wizard through Tauri's real IPC path (mock runtime, the app's real
//! config and capabilities) on a real SQLite database filled by the demo data generator:
//! the list with its filters, the ticket page's details and actions, "Minhas Tarefas".
//!
//! Expected values are read through the store's own functions, never from the command
//! under test.
mod common;

use common::DemoApp;
use helpdesk_api::{
    ErrorCode, TaskSummary, TicketAction, TicketDetails, TicketFilter, TicketListQuery,
    TicketState, TicketStatus, TicketSummary, TicketUpdate, Uuid,
};
use helpdesk_demo::{DemoConfig, OPERATOR};
use helpdesk_store::{people, tasks, ticket_details, tickets};
use serde_json::{json, Value};

/// 25 tickets of the last weeks, with tasks.
const DEMO: DemoConfig = DemoConfig {
    seed: 23,
    customers: 200,
    messages: 40,
};

/// The demo app, with the demo's tickets.
async fn demo_app() -> DemoApp {
    let app = DemoApp::new(&DEMO).await;
    let written = helpdesk_demo::seed_tickets(app.store(), &DEMO)
        .await
        .expect("demo tickets");
    assert_eq!(written.tickets, DEMO.customers / 8);
    app
}

impl DemoApp {
    fn list(&self, filter: TicketFilter, protocol: &str) -> Vec<TicketSummary> {
        self.call(
            "list_tickets",
            TicketListQuery {
                filter,
                protocol: protocol.into(),
            },
        )
    }

    fn update(&self, ticket_id: Uuid, action: TicketAction) -> Result<TicketState, Value> {
        self.invoke("update_ticket", TicketUpdate { ticket_id, action })
            .map(|state| serde_json::from_value(state).expect("a ticket state"))
    }

    async fn kinds(&self, ticket: Uuid) -> Vec<String> {
        tickets::history(self.store(), ticket)
            .await
            .expect("history")
            .into_iter()
            .map(|event| event.kind)
            .collect()
    }
}

fn everything() -> TicketFilter {
    TicketFilter {
        limit: 500,
        ..TicketFilter::default()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_command_needs_a_logged_in_operator() {
    let app = demo_app().await;
    let requests = [
        ("list_tickets", json!(TicketListQuery::default())),
        ("load_ticket_details", json!(Uuid::nil())),
        (
            "update_ticket",
            json!(TicketUpdate {
                ticket_id: Uuid::nil(),
                action: TicketAction::Close
            }),
        ),
        ("my_tasks", Value::Null),
        ("complete_task", json!(Uuid::nil())),
    ];
    for (command, request) in &requests {
        let error = app.refuse(command, request);
        assert_eq!(error.code, ErrorCode::NotAuthenticated, "{command}");
    }
    app.log_in(&OPERATOR);
    app.log_out();
    for (command, request) in &requests {
        let error = app.refuse(command, request);
        assert_eq!(error.code, ErrorCode::NotAuthenticated, "{command}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_list_filters_and_a_protocol_finds_its_ticket() {
    let app = demo_app().await;
    app.log_in(&OPERATOR);
    let stored = tickets::list(app.store(), &everything())
        .await
        .expect("stored");
    assert_eq!(stored.len(), DEMO.customers / 8);
    assert_eq!(app.list(everything(), ""), stored);

    // A page, then the next one after its last ticket.
    let first = app.list(
        TicketFilter {
            limit: 10,
            ..TicketFilter::default()
        },
        "",
    );
    assert_eq!(first, stored[..10]);
    let next = app.list(
        TicketFilter {
            limit: 10,
            before: first.last().map(helpdesk_api::TicketCursor::after),
            ..TicketFilter::default()
        },
        "",
    );
    assert_eq!(next, stored[10..20]);

    let open = app.list(
        TicketFilter {
            status: Some(TicketStatus::Open),
            ..everything()
        },
        "",
    );
    assert!(!open.is_empty() && open.len() < stored.len());
    assert!(open
        .iter()
        .all(|ticket| ticket.status == TicketStatus::Open));

    // The protocol as an operator types it, with or without separators.
    let wanted = &stored[3];
    let typed = wanted.protocol.to_string();
    assert_eq!(app.list(everything(), &typed), std::slice::from_ref(wanted));
    assert_eq!(
        app.list(everything(), &typed.replace('-', " ")),
        std::slice::from_ref(wanted)
    );
    let other_status = TicketFilter {
        status: Some(if wanted.status == TicketStatus::Open {
            TicketStatus::Resolved
        } else {
            TicketStatus::Open
        }),
        ..everything()
    };
    assert!(
        app.list(other_status, &typed).is_empty(),
        "the other filters still apply"
    );
    let by_customer = TicketFilter {
        customer_id: Some(wanted.customer_id),
        ..everything()
    };
    assert_eq!(app.list(by_customer, &typed), std::slice::from_ref(wanted));

    let error = app.refuse(
        "list_tickets",
        TicketListQuery {
            filter: everything(),
            protocol: "12-34".into(),
        },
    );
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert_eq!(error.field.as_deref(), Some("protocolo"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_ticket_page_follows_up_reassigns_resolves_and_closes() {
    let app = demo_app().await;
    let operator = app.log_in(&OPERATOR);
    let ticket = tickets::list(
        app.store(),
        &TicketFilter {
            status: Some(TicketStatus::Open),
            ..everything()
        },
    )
    .await
    .expect("stored")
    .remove(0);
    let details: TicketDetails = app.call("load_ticket_details", ticket.id);
    assert_eq!(
        details,
        ticket_details::details(app.store(), ticket.id)
            .await
            .expect("stored details")
    );
    let before = app.kinds(ticket.id).await;

    // An empty follow-up: the message at its field, nothing written.
    let error = app
        .update(
            ticket.id,
            TicketAction::FollowUp {
                description: "   ".into(),
            },
        )
        .expect_err("refused");
    assert_eq!(error["code"], "INVALID_INPUT");
    assert_eq!(error["field"], "novo-contato");
    assert_eq!(error["message"], "Preencha a descrição do contato.");
    assert_eq!(app.kinds(ticket.id).await, before);

    let state = app
        .update(
            ticket.id,
            TicketAction::FollowUp {
                description: " Cliente confirmou que a conexão voltou. ".into(),
            },
        )
        .expect("follow-up");
    assert_eq!(state.status, TicketStatus::Open);
    let history = tickets::history(app.store(), ticket.id)
        .await
        .expect("history");
    let last = history.last().expect("an event");
    assert_eq!(last.kind, "follow_up");
    assert_eq!(last.user_id, operator.id);
    assert_eq!(
        last.payload,
        r#"{"description":"Cliente confirmou que a conexão voltou."}"#
    );

    let someone = people::assignees(app.store())
        .await
        .expect("assignees")
        .into_iter()
        .find(|assignee| Some(assignee) != ticket.assignee.as_ref())
        .expect("someone else");
    let state = app
        .update(
            ticket.id,
            TicketAction::Reassign {
                assignee: someone.clone(),
            },
        )
        .expect("reassigned");
    assert_eq!(state.assignee.as_ref(), Some(&someone));
    let found = tickets::find_by_protocol(app.store(), &ticket.protocol)
        .await
        .expect("find")
        .expect("the ticket");
    assert_eq!(found.assignee, Some(someone));

    let state = app
        .update(
            ticket.id,
            TicketAction::ChangeStatus {
                status: TicketStatus::Resolved,
            },
        )
        .expect("resolved");
    assert_eq!(state.status, TicketStatus::Resolved);
    assert!(state.resolved_at.is_some());
    let error = app
        .update(
            ticket.id,
            TicketAction::ChangeStatus {
                status: TicketStatus::Resolved,
            },
        )
        .expect_err("already resolved");
    assert_eq!(error["field"], "situacao");

    let state = app.update(ticket.id, TicketAction::Close).expect("closed");
    assert_eq!(state.status, TicketStatus::Closed);
    let error = app
        .update(
            ticket.id,
            TicketAction::FollowUp {
                description: "Mais um".into(),
            },
        )
        .expect_err("closed");
    assert_eq!(error["field"], "atendimento");
    let mut expected = before;
    expected.extend(["follow_up", "reassigned", "status_changed", "closed"].map(String::from));
    assert_eq!(app.kinds(ticket.id).await, expected);

    let error = app
        .update(Uuid::nil(), TicketAction::Close)
        .expect_err("no such ticket");
    assert_eq!(error["code"], "NOT_FOUND");
}

#[tokio::test(flavor = "multi_thread")]
async fn my_tasks_are_the_operators_and_can_be_completed_once() {
    let app = demo_app().await;
    let operator = app.log_in(&OPERATOR);
    let mine: Vec<TaskSummary> = app.call("my_tasks", Value::Null);
    assert_eq!(
        mine,
        tasks::for_user(app.store(), operator.id, 20)
            .await
            .expect("stored")
    );
    let open = mine
        .iter()
        .find(|task| task.done_at.is_none())
        .expect("the demo operator has an open task");
    let done: TaskSummary = app.call("complete_task", open.id);
    assert!(done.done_at.is_some());
    let stored = tasks::for_user(app.store(), operator.id, 20)
        .await
        .expect("stored");
    assert!(stored
        .iter()
        .any(|task| task.id == open.id && task.done_at.is_some()));
    if let Some(ticket) = open.ticket_id {
        assert_eq!(
            app.kinds(ticket).await.last().map(String::as_str),
            Some("task_done")
        );
    }
    let error = app.refuse("complete_task", open.id);
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert_eq!(error.message, "Esta tarefa já foi concluída.");
    let error = app.refuse("complete_task", Uuid::nil());
    assert_eq!(error.code, ErrorCode::NotFound);

    // A task of someone else's (not her role's) is not hers to complete.
    let all: Vec<(Uuid,)> = sqlx::query_as("SELECT id FROM tasks WHERE done_at IS NULL")
        .fetch_all(app.store().pool())
        .await
        .expect("tasks");
    let theirs: Vec<Uuid> = mine.iter().map(|task| task.id).collect();
    let other = all
        .iter()
        .find(|(id,)| !theirs.contains(id))
        .expect("someone else's task");
    let error = app.refuse("complete_task", other.0);
    assert_eq!(error.message, "Esta tarefa não é sua nem do seu cargo.");
}
