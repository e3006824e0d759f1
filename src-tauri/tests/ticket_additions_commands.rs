//! The ticket page's additions and attached files through Tauri's real IPC path (mock
//! runtime, the app's real config and capabilities) on a real SQLite database with the
//! demo's tickets: a file attached with its notes, opened (the opener asked for a checked
//! copy under a safe name) and saved where the save dialog answers; a file changed on disk
//! refused; a task added; a closed ticket refusing additions.
mod common;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use common::DemoApp;
use helpdesk_api::{
    DraftAttachment, TicketAction, TicketAdd, TicketAddition, TicketDetails, TicketUpdate, Uuid,
};
use helpdesk_core::task::TaskForm;
use helpdesk_demo::{DemoConfig, OPERATOR};
use helpdesk_desktop::{FilePicker, Opener};
use helpdesk_store::tickets;
use serde_json::json;

const DEMO: DemoConfig = DemoConfig {
    seed: 31,
    customers: 16,
    messages: 4,
};

/// The logged-in demo app with a recording opener and a save dialog answering `save_to`,
/// and the paths the opener was asked to open.
async fn app(folder: PathBuf, save_to: PathBuf) -> (DemoApp, Arc<Mutex<Vec<PathBuf>>>) {
    let opened = Arc::new(Mutex::new(Vec::new()));
    let recording = Arc::clone(&opened);
    let app = DemoApp::with(&DEMO, move |state, _| {
        state
            .with_file_picker(FilePicker::answering(Some(save_to)))
            .with_opener(Opener::recording(folder, recording))
    })
    .await;
    helpdesk_demo::seed_tickets(app.store(), &DEMO)
        .await
        .expect("demo tickets");
    app.log_in(&OPERATOR);
    (app, opened)
}

async fn open_ticket(app: &DemoApp) -> Uuid {
    sqlx::query_scalar("SELECT id FROM tickets WHERE status = 'Aberto' ORDER BY protocol LIMIT 1")
        .fetch_one(app.store().pool())
        .await
        .expect("an open ticket")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_is_attached_opened_checked_and_saved_and_a_closed_ticket_takes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let save_to = dir.path().join("salvo.pdf");
    let (app, opened) = app(dir.path().join("abrir"), save_to.clone()).await;
    let ticket = open_ticket(&app).await;

    // A file of the operator's, stored as "Anexar arquivo" stores it.
    let source = dir.path().join("contrato assinado.pdf");
    let content = b"%PDF-1.4 contrato".to_vec();
    std::fs::write(&source, &content).expect("source");
    let stored: DraftAttachment = app
        .attachments()
        .files
        .store(&source, app.attachments().max_bytes)
        .expect("stored");
    let add = |addition| TicketAdd {
        ticket_id: ticket,
        addition,
    };
    let file = DraftAttachment {
        notes: " Assinado pelo cliente ".into(),
        ..stored.clone()
    };
    let () = app.call("add_to_ticket", add(TicketAddition::Attachment(file)));
    let details: TicketDetails = app.call("load_ticket_details", json!(ticket));
    let attached = details
        .attachments
        .iter()
        .find(|info| info.file_name == "contrato assinado.pdf")
        .expect("the attachment listed");
    assert_eq!(attached.notes, "Assinado pelo cliente");
    let history = tickets::history(app.store(), ticket)
        .await
        .expect("history");
    assert_eq!(
        history.last().map(|event| event.kind.as_str()),
        Some("attachment")
    );

    // "Abrir": a checked copy, under its name, handed to the opener.
    let () = app.call("open_attachment", json!(attached.id));
    let asked = opened.lock().expect("opened").clone();
    assert_eq!(asked.len(), 1);
    assert_eq!(
        asked[0].file_name().and_then(|n| n.to_str()),
        Some("contrato assinado.pdf")
    );
    assert!(asked[0].starts_with(dir.path().join("abrir")));
    assert_eq!(std::fs::read(&asked[0]).expect("the copy"), content);

    // "Salvar como…": where the dialog answers.
    let path: Option<String> = app.call("save_attachment_as", json!(attached.id));
    assert_eq!(path.map(PathBuf::from), Some(save_to.clone()));
    assert_eq!(std::fs::read(&save_to).expect("saved"), content);

    // Changed on disk: refused, and nothing handed over.
    let stored_at = app
        .attachments()
        .files
        .path_of(&stored.content_hash)
        .expect("a path");
    std::fs::write(&stored_at, b"outro conteudo").expect("tampered");
    let refused = app.refuse("open_attachment", json!(attached.id));
    assert_eq!(refused.field.as_deref(), Some("anexo-abrir"));
    assert!(refused.message.contains("alterado"), "{}", refused.message);
    assert_eq!(opened.lock().expect("opened").len(), 1);

    // A task: checked by the wizard's rules, then written with its history entry.
    let empty = app.refuse(
        "add_to_ticket",
        add(TicketAddition::Task(TaskForm::default())),
    );
    assert!(empty.field.is_some(), "{empty:?}");
    let assignees: Vec<helpdesk_api::Assignee> = app.call("list_assignees", ());
    let task = TaskForm {
        title: "Ligar para o cliente".into(),
        description: String::new(),
        assignee: assignees.first().cloned(),
        due: "31/12/2099".into(),
    };
    let () = app.call("add_to_ticket", add(TicketAddition::Task(task)));
    let details: TicketDetails = app.call("load_ticket_details", json!(ticket));
    assert!(details
        .tasks
        .iter()
        .any(|task| task.title == "Ligar para o cliente"));

    // Closed: no more additions.
    let _: serde_json::Value = app.call(
        "update_ticket",
        TicketUpdate {
            ticket_id: ticket,
            action: TicketAction::Close,
        },
    );
    let closed = app.refuse("add_to_ticket", add(TicketAddition::Attachment(stored)));
    assert_eq!(closed.field.as_deref(), Some("atendimento"));
    assert!(closed.message.contains("fechado"));

    let unknown = app.refuse("resend_email", json!(Uuid::nil()));
    assert!(
        unknown.message.contains("não existe"),
        "{}",
        unknown.message
    );
}
