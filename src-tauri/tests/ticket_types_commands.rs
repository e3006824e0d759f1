//! `list_ticket_types` through Tauri's real IPC path (mock runtime, the app's real config and
//! capabilities), on a real SQLite database filled by the demo data generator.
//!
//! Expected values come from the demo data as stored, read through the store's own
//! functions and the demo's own operators, never from the command under test. That another
//! window may not call it is checked for every command in `commands.rs`.
mod common;

use common::DemoApp;
use helpdesk_api::{Assignee, ErrorCode, TicketType};
use helpdesk_core::text::fold;
use helpdesk_demo::{DemoConfig, OPERATOR};
use helpdesk_store::ticket_types;
use serde_json::Value;

/// The demo's catalog (operators, ticket types) with few customers: ticket types do not need
/// them.
const DEMO: DemoConfig = DemoConfig {
    seed: 11,
    customers: 20,
    messages: 40,
};

const COMMAND: &str = "list_ticket_types";

impl DemoApp {
    fn list(&self) -> Vec<TicketType> {
        self.call(COMMAND, Value::Null)
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_ticket_types_need_a_logged_in_operator() {
    let app = DemoApp::new(&DEMO).await;
    let error = app.refuse(COMMAND, Value::Null);
    assert_eq!(error.code, ErrorCode::NotAuthenticated);
    app.log_in(&OPERATOR);
    assert_eq!(app.list().len(), app.summary.ticket_types);
    app.log_out();
    let error = app.refuse(COMMAND, Value::Null);
    assert_eq!(error.code, ErrorCode::NotAuthenticated);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demos_ticket_types_come_by_name_with_their_assignees() {
    let app = DemoApp::new(&DEMO).await;
    app.log_in(&OPERATOR);
    let listed = app.list();
    let stored = ticket_types::list(app.store()).await.expect("stored types");
    assert_eq!(listed, stored);
    assert_eq!(listed.len(), app.summary.ticket_types);

    let names: Vec<String> = listed.iter().map(|kind| fold(&kind.name)).collect();
    assert!(
        names.windows(2).all(|pair| pair[0] < pair[1]),
        "by name, each once: {names:?}"
    );
    for kind in &listed {
        assert!(kind.sla_hours > 0, "{}: an SLA", kind.name);
        assert!(
            kind.is_assignable(),
            "{}: the demo removed nobody",
            kind.name
        );
    }
    let assignees: Vec<&Assignee> = listed.iter().filter_map(|k| k.assignee.as_ref()).collect();
    assert!(
        assignees.iter().any(|a| matches!(a, Assignee::User { .. }))
            && assignees.iter().any(|a| matches!(a, Assignee::Role { .. }))
            && assignees.len() < listed.len(),
        "the demo has types for a user, for a role and for nobody: {listed:?}"
    );

    // Each assignee is one of the demo's operators or roles: a destined user logs in as
    // the same user, a destined role is some demo operator's role.
    app.log_out();
    for assignee in assignees {
        match assignee {
            Assignee::User { id, name, active } => {
                assert!(active, "{name}");
                let who = app
                    .summary
                    .credentials
                    .iter()
                    .find(|who| who.name == name)
                    .unwrap_or_else(|| panic!("{name} is a demo operator"));
                let operator = app.log_in(who);
                assert_eq!(operator.id, *id, "{name}");
                assert_eq!(&operator.name, name);
                app.log_out();
            }
            Assignee::Role { name, .. } => {
                let who = app
                    .summary
                    .credentials
                    .iter()
                    .find(|who| who.role == name)
                    .unwrap_or_else(|| panic!("{name} is a demo operator's role"));
                let operator = app.log_in(who);
                assert_eq!(&operator.role, name);
                app.log_out();
            }
        }
    }
}
