//! A mail taken in by the server, with a file, through Tauri's real IPC path (mock runtime,
//! the app's real config and capabilities) on a real SQLite database filled by the demo
//! data generator: origin "E-mail" lists only the mail, the customer is found by the CPF/CNPJ
//! the message gave, and the saved ticket keeps the message's file.
//!
//! Expected values are read through the store's own functions, never from the commands
//! under test.
mod common;

use common::DemoApp;
use helpdesk_api::{ListedMessage, SavedTicket, TicketDetails, TicketSubmission, Uuid};
use helpdesk_core::attachment::DEFAULT_MAX_BYTES;
use helpdesk_core::customer::{CustomerSummary, SearchField};
use helpdesk_core::support::{MessagePeriod, MessageQuery, MessageSource};
use helpdesk_core::support_attachment::FROM_MESSAGE_NOTE;
use helpdesk_core::ticket_type::TicketType;
use helpdesk_core::wizard::{Origin, ScriptProgress, Step, WizardDraft};
use helpdesk_demo::{DemoConfig, OPERATOR};
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::customer_records;
use helpdesk_store::now_millis;
use helpdesk_store::support_message_attachments::MessageFile;
use helpdesk_store::support_messages::{self, NewSupportMessage};

const DEMO: DemoConfig = DemoConfig {
    seed: 42,
    customers: 300,
    messages: 300,
};
const PHOTO: &[u8] = b"the router's lights, photographed";

/// A customer with a plan whose CPF/CNPJ no other customer has: id and document as stored.
async fn customer_with_document(app: &DemoApp) -> (Uuid, String) {
    sqlx::query_as(
        "SELECT c.id, c.document FROM customers c
         WHERE c.document <> ''
           AND (SELECT count(*) FROM customers d WHERE d.document = c.document) = 1
           AND EXISTS (SELECT 1 FROM customer_plans p WHERE p.customer_id = c.id)
         ORDER BY c.code LIMIT 1",
    )
    .fetch_one(app.store().pool())
    .await
    .expect("a customer with a document of their own")
}

/// Stores, as the server's intake would bring it, a mail giving `document` with a photo.
async fn receive_mail(app: &DemoApp, document: &str) -> String {
    let picked = tempfile::tempdir().expect("temp dir");
    let photo = picked.path().join("luzes.jpg");
    std::fs::write(&photo, PHOTO).expect("the photo");
    let hash = AttachmentFiles::beside(&app.database())
        .store(&photo, DEFAULT_MAX_BYTES)
        .expect("the photo kept")
        .content_hash;
    let mail = NewSupportMessage {
        email: "alguem.sem.cadastro@example.com".into(),
        subject: "Foto do roteador".into(),
        login: String::new(),
        body: "Segue a foto das luzes.".into(),
        received_at: now_millis() - 60_000,
        rfc_message_id: "<foto.1@example.com>".into(),
        rfc_references: String::new(),
        source: MessageSource::Mail,
        sender_name: "Cliente".into(),
        document: document.into(),
        quoted: "> Mande uma foto das luzes.".into(),
        attachments: vec![MessageFile {
            file_name: "luzes.jpg".into(),
            content_type: "image/jpeg".into(),
            content_hash: hash.clone(),
            size_bytes: PHOTO.len() as i64,
        }],
    };
    support_messages::insert_many(app.store(), &[mail])
        .await
        .expect("the mail");
    hash
}

fn query(mail_only: bool) -> MessageQuery {
    MessageQuery {
        email: None,
        period: MessagePeriod::LastDays(3650),
        limit: 500,
        mail_only,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mail_with_a_file_becomes_a_ticket_with_it_for_its_customer() {
    let app = DemoApp::new(&DEMO).await;
    app.log_in(&OPERATOR);
    let (customer_id, document) = customer_with_document(&app).await;
    let hash = receive_mail(&app, &document).await;

    // "Suporte" lists every source; "E-mail" only the mail.
    let every: Vec<ListedMessage> = app.call("find_support_messages", query(false));
    assert!(every.len() > 1, "the demo's messages too");
    let mail: Vec<ListedMessage> = app.call("find_support_messages", query(true));
    assert_eq!(mail.len(), 1, "only the mail");
    let message = mail[0].message.clone();
    assert_eq!(message.subject, "Foto do roteador");
    assert_eq!(message.quoted, "> Mande uma foto das luzes.");
    let files: Vec<_> = message
        .attachments
        .iter()
        .map(|file| (file.file_name.as_str(), file.content_hash.as_str()))
        .collect();
    assert_eq!(files, [("luzes.jpg", hash.as_str())]);

    // The wizard, by origin "E-mail": the customer found by the message's document alone.
    let mut draft = WizardDraft::default();
    draft.protocol = Some(app.call("reserve_protocol", ()));
    draft.choose_origin(Origin::Email);
    assert_eq!(draft.advance(), Ok(Step::Filters));
    assert_eq!(draft.advance(), Ok(Step::FindMessage));
    assert!(draft.message_query().expect("the filters").mail_only);
    draft.choose_message(message.clone());
    assert_eq!(draft.advance(), Ok(Step::FindCustomer));
    let search = draft.searches_for_message().remove(0);
    assert_eq!(search.field, SearchField::Document);
    let found: Vec<CustomerSummary> = app.call("search_customers", &search);
    assert_eq!(
        found.iter().map(|c| c.id).collect::<Vec<_>>(),
        [customer_id]
    );
    draft.choose_customer(found[0].clone());
    draft.advance().expect("customer");
    draft.advance().expect("customer data");
    let record = customer_records::record(app.store(), customer_id)
        .await
        .expect("record")
        .expect("the customer");
    draft.plan = Some(record.plans[0].id);
    draft.advance().expect("ticket data");
    draft.set_script(ScriptProgress::Skipped);
    draft.advance().expect("script");
    draft.first_contact = "Recebida a foto: LOS aceso.".into();
    let kinds: Vec<TicketType> = app.call("list_ticket_types", ());
    draft.ticket_type = kinds.into_iter().next();

    let saved: SavedTicket = app.call(
        "save_ticket",
        TicketSubmission {
            draft,
            resolved: false,
            email_context: None,
        },
    );
    let details: TicketDetails = app.call("load_ticket_details", saved.id);
    let files: Vec<_> = details
        .attachments
        .iter()
        .map(|file| (file.file_name.as_str(), file.notes.as_str()))
        .collect();
    assert_eq!(files, [("luzes.jpg", FROM_MESSAGE_NOTE)]);
    let (linked, stored_hash): (Option<Uuid>, String) = sqlx::query_as(
        "SELECT t.support_message_id, a.content_hash FROM tickets t
         JOIN attachments a ON a.ticket_id = t.id WHERE t.id = ?1",
    )
    .bind(saved.id)
    .fetch_one(app.store().pool())
    .await
    .expect("the ticket's file");
    assert_eq!(linked, Some(message.id), "the ticket records the message");
    assert_eq!(stored_hash, hash, "the same content, not a copy");
}
