//! The desktop notification of what someone else destines to the operator, delivered for
//! real: the app runs on a private D-Bus session bus where this test owns
//! `org.freedesktop.Notifications` (the service notify-rust, under Tauri's notification
//! plugin, talks to on Linux) and records every `Notify`. Signed in, the operator is told of
//! a ticket and a task another user destines to them meanwhile (written into the app's
//! database, as sync would), by protocol and problem or task title; not of what was theirs
//! before signing in, nor of what they took themselves.
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use helpdesk_core::task::NewTask;
use helpdesk_core::ticket_type::Assignee;
use helpdesk_core::ticket_update::TicketAction;
use helpdesk_demo::OPERATOR;
use helpdesk_e2e::wizard::log_in;
use helpdesk_e2e::{Harness, StepResult, TIMEOUT};
use helpdesk_store::ticket_additions::{self, AddOutcome};
use helpdesk_store::ticket_updates::{self, UpdateOutcome};
use helpdesk_store::{now_millis, Store};
use uuid::Uuid;
use zbus::zvariant::OwnedValue;

/// A notification as the service received it: its summary (title) and body.
type Shown = Arc<Mutex<Vec<(String, String)>>>;

/// A private session bus (`dbus-daemon`), ended when dropped.
struct SessionBus {
    daemon: Child,
    address: String,
}

impl SessionBus {
    fn start() -> Self {
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--print-address", "--nofork"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon starts");
        let mut address = String::new();
        if let Some(stdout) = daemon.stdout.take() {
            let _ = BufReader::new(stdout).read_line(&mut address);
        }
        let address = address.trim().to_owned();
        assert!(!address.is_empty(), "dbus-daemon did not print its address");
        Self { daemon, address }
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

/// The notification service (Desktop Notifications Specification), recording what it shows.
struct Notifications {
    shown: Shown,
    last_id: u32,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Notifications {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &mut self,
        _app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        _actions: Vec<String>,
        _hints: HashMap<String, OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        if let Ok(mut shown) = self.shown.lock() {
            shown.push((summary, body));
        }
        self.last_id += 1;
        self.last_id
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["body".to_owned()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "e2e".to_owned(),
            "helpdesk".to_owned(),
            "1".to_owned(),
            "1.2".to_owned(),
        )
    }

    fn close_notification(&self, _id: u32) {}
}

/// Owns `org.freedesktop.Notifications` on the bus at `address`; the connection serves it
/// while kept.
async fn serve_notifications(address: &str, shown: Shown) -> zbus::Connection {
    let service = Notifications { shown, last_id: 0 };
    zbus::connection::Builder::address(address)
        .expect("the bus address")
        .name("org.freedesktop.Notifications")
        .expect("the service name")
        .serve_at("/org/freedesktop/Notifications", service)
        .expect("the service object")
        .build()
        .await
        .expect("the notification service on the private bus")
}

/// An open ticket of the demo: its id, protocol (as shown) and problem.
type Ticket = (Uuid, String, String);

/// Four open tickets of the demo not destined to `operator`, and another active user.
async fn open_tickets(store: &Store, operator: Uuid) -> (Vec<Ticket>, Uuid) {
    let rows: Vec<(Uuid, String, String)> = sqlx::query_as(
        "SELECT id, protocol, problem FROM tickets
         WHERE status = 'Aberto' AND deleted = 0
           AND (assigned_user_id IS NULL OR assigned_user_id <> ?1)
         ORDER BY opened_at LIMIT 4",
    )
    .bind(operator)
    .fetch_all(store.pool())
    .await
    .expect("open tickets");
    let tickets = rows
        .into_iter()
        .map(|(id, digits, problem)| {
            let protocol: helpdesk_core::protocol::Protocol =
                digits.parse().expect("a stored protocol");
            (id, protocol.to_string(), problem)
        })
        .collect();
    let other: Uuid = sqlx::query_scalar(
        "SELECT id FROM users WHERE id <> ?1 AND active = 1 AND deleted = 0 LIMIT 1",
    )
    .bind(operator)
    .fetch_one(store.pool())
    .await
    .expect("another user");
    (tickets, other)
}

/// Gives `ticket` to `to`, done by `by` now.
async fn give(store: &Store, ticket: Uuid, to: &Assignee, by: Uuid) -> StepResult {
    let action = TicketAction::Reassign {
        assignee: to.clone(),
    };
    match ticket_updates::apply(store, ticket, &action, by, now_millis()).await {
        Ok(UpdateOutcome::Done(_)) => Ok(()),
        other => Err(format!("ticket {ticket} not reassigned: {other:?}")),
    }
}

/// Waits, up to [`TIMEOUT`], for a notification of `title` and `body`.
async fn notified(shown: &Shown, title: &str, body: &str) -> StepResult {
    eprintln!("e2e: waiting for the notification {title:?}");
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let seen = shown.lock().map(|shown| shown.clone()).unwrap_or_default();
        if seen.iter().any(|(s, b)| s == title && b == body) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!(
                "no notification {title:?} / {body:?}; shown: {seen:?}"
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_operator_is_told_of_what_someone_else_destines_to_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, store) = helpdesk_e2e::demo::desk_with_tickets(&dir).await;
    let (operator, name): (Uuid, String) =
        sqlx::query_as("SELECT id, name FROM users WHERE login = ?1")
            .bind(OPERATOR.login)
            .fetch_one(store.pool())
            .await
            .expect("the demo operator");
    let to_operator = Assignee::User {
        id: operator,
        name,
        active: true,
    };
    let (tickets, other) = open_tickets(&store, operator).await;
    let [before, taken, given, later] = <[Ticket; 4]>::try_from(tickets).expect("four tickets");
    // Theirs before they sign in: not news.
    give(&store, before.0, &to_operator, other)
        .await
        .expect("given before sign-in");
    store.close().await;

    let bus = SessionBus::start();
    let shown = Shown::default();
    let _service = serve_notifications(&bus.address, Arc::clone(&shown)).await;
    let app = Harness::start_with(
        "assignment_notification",
        &database,
        &[("DBUS_SESSION_BUS_ADDRESS", &bus.address)],
    )
    .await;
    let writer_path = database.clone();
    app.run(async |app: &mut Harness| {
        log_in(app).await?;
        app.element(&format!(
            "#fila-meus button.queue-entry[data-protocol=\"{}\"]",
            before.1
        ))
        .await?;

        // Meanwhile the operator takes one (not news) and another user gives them one.
        let writer = Store::open(&writer_path).await.map_err(|e| e.to_string())?;
        give(&writer, taken.0, &to_operator, operator).await?;
        give(&writer, given.0, &to_operator, other).await?;
        notified(
            &shown,
            &format!("Atendimento {} para você", given.1),
            &given.2,
        )
        .await?;

        // Later, a task for them on another ticket.
        let task = NewTask {
            title: "Retornar a ligação do cliente".into(),
            description: "Confirmar se o sinal voltou.".into(),
            assignee: to_operator.clone(),
            due_at: now_millis() + 86_400_000,
        };
        match ticket_additions::add_task(&writer, later.0, &task, other, now_millis()).await {
            Ok(AddOutcome::Added) => {}
            other => return Err(format!("task not added: {other:?}")),
        }
        writer.close().await;
        notified(
            &shown,
            &format!("Tarefa do atendimento {} para você", later.1),
            "Retornar a ligação do cliente",
        )
        .await?;
        app.screenshot("notificado").await;

        // Only those two: the task's look came after the one that saw the ticket taken.
        let seen = shown.lock().map(|s| s.clone()).unwrap_or_default();
        if seen.len() != 2 {
            return Err(format!("exactly two notifications expected: {seen:?}"));
        }
        Ok(())
    })
    .await;
}
