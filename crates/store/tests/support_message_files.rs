//! A support message's files, its sender, document and quoted part, as "Localizar Reg."
//! lists them; origin "E-mail" lists only the mail; and a ticket saved from the message
//! takes its files (the same stored content) in its own transaction, or none of them.
mod common;
mod desk;

use helpdesk_core::hex;
use helpdesk_core::support::{ListedMessage, MessageSource};
use helpdesk_core::support_attachment::FROM_MESSAGE_NOTE;
use helpdesk_core::ticket::NewTicket;
use helpdesk_core::wizard::{Origin, WizardDraft};
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::support_message_attachments::MessageFile;
use helpdesk_store::support_messages::{self, MessageFilter, NewSupportMessage};
use helpdesk_store::{ticket_details, tickets, Store};
use sha2::{Digest, Sha256};
use uuid::Uuid;

const DAY: i64 = 86_400_000;
const PHOTO: &[u8] = b"a photo of the router's lights";

fn message(subject: &str, source: MessageSource, day: i64) -> NewSupportMessage {
    NewSupportMessage {
        email: "joao.silva@gmail.com".into(),
        subject: subject.into(),
        login: "joao.silva".into(),
        body: format!("{subject}: detalhes"),
        received_at: day * DAY,
        rfc_message_id: String::new(),
        rfc_references: String::new(),
        source,
        sender_name: String::new(),
        document: String::new(),
        quoted: String::new(),
        attachments: Vec::new(),
    }
}

/// A store with a mail that came with a photo (its file kept as the sync would keep it)
/// and a portal message; the photo's hash.
async fn seeded() -> (common::TestStore, String) {
    let test = common::open().await;
    let hash = hex::encode(&Sha256::digest(PHOTO));
    AttachmentFiles::beside(&test.store_path())
        .receive(&hash, PHOTO)
        .expect("the photo kept");
    let mail = NewSupportMessage {
        sender_name: "João Silva".into(),
        document: "52998224725".into(),
        quoted: "Em 01/12, Suporte escreveu:\n> Reinicie o roteador.".into(),
        attachments: vec![MessageFile {
            file_name: "roteador.jpg".into(),
            content_type: "image/jpeg".into(),
            content_hash: hash.clone(),
            size_bytes: PHOTO.len() as i64,
        }],
        ..message("Sem conexão", MessageSource::Mail, 10)
    };
    support_messages::insert_many(
        &test.store,
        &[mail, message("Pelo portal", MessageSource::Portal, 11)],
    )
    .await
    .expect("messages");
    (test, hash)
}

async fn list(store: &Store, mail_only: bool) -> Vec<ListedMessage> {
    let filter = MessageFilter {
        email: None,
        from: 0,
        to: 100 * DAY,
        limit: 50,
        mail_only,
        operator: Uuid::nil(),
    };
    support_messages::list(store, &filter)
        .await
        .expect("messages")
}

#[tokio::test]
async fn a_message_comes_with_its_files_and_origin_email_lists_only_mail() {
    let (test, hash) = seeded().await;
    let every = list(&test.store, false).await;
    let subjects: Vec<_> = every.iter().map(|m| m.message.subject.as_str()).collect();
    assert_eq!(
        subjects,
        ["Pelo portal", "Sem conexão"],
        "Suporte: every source"
    );
    assert!(every[0].message.attachments.is_empty());

    let mail = list(&test.store, true).await;
    assert_eq!(mail.len(), 1, "E-mail: only the mail");
    let message = &mail[0].message;
    assert_eq!(message.subject, "Sem conexão");
    assert_eq!(message.sender_name, "João Silva");
    assert_eq!(message.document, "52998224725");
    assert!(message.quoted.starts_with("Em 01/12"));
    assert_eq!(message.body, "Sem conexão: detalhes", "the new text apart");
    let files = &message.attachments;
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].file_name, "roteador.jpg");
    assert_eq!(files[0].content_hash, hash);
    assert_eq!(files[0].size_bytes, PHOTO.len() as u64);
}

#[tokio::test]
async fn the_ticket_takes_the_messages_files_in_its_own_transaction() {
    let (test, hash) = seeded().await;
    let store = &test.store;
    let desk = desk::desk(store).await;
    let mail = list(store, true).await.remove(0).message;
    let mut draft = WizardDraft::default();
    draft.choose_origin(Origin::Email);
    draft.choose_message(mail.clone());
    let ticket = NewTicket {
        origin: Origin::Email,
        support_message_id: Some(mail.id),
        attachments: draft.attachments.clone(),
        ..desk::new_ticket(&desk, 1)
    };

    // A save that fails at the files writes nothing at all.
    sqlx::query(
        "CREATE TRIGGER refuse_files BEFORE INSERT ON attachments
         BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    )
    .execute(store.pool())
    .await
    .expect("trigger");
    assert!(tickets::save(store, &ticket, desk.ana, desk::NOON)
        .await
        .is_err());
    let counts: (i64, i64) =
        sqlx::query_as("SELECT (SELECT count(*) FROM tickets), (SELECT count(*) FROM attachments)")
            .fetch_one(store.pool())
            .await
            .expect("counts");
    assert_eq!(counts, (0, 0), "neither the ticket nor a file");
    sqlx::query("DROP TRIGGER refuse_files")
        .execute(store.pool())
        .await
        .expect("drop trigger");

    let saved = tickets::save(store, &ticket, desk.ana, desk::NOON)
        .await
        .expect("save")
        .saved()
        .expect("saved");
    let details = ticket_details::details(store, saved.id)
        .await
        .expect("details");
    let files: Vec<_> = details
        .attachments
        .iter()
        .map(|file| {
            (
                file.file_name.as_str(),
                file.notes.as_str(),
                file.size_bytes,
            )
        })
        .collect();
    assert_eq!(
        files,
        [("roteador.jpg", FROM_MESSAGE_NOTE, PHOTO.len() as i64)]
    );
    let stored: Vec<String> =
        sqlx::query_scalar("SELECT content_hash FROM attachments WHERE ticket_id = ?1")
            .bind(saved.id)
            .fetch_all(store.pool())
            .await
            .expect("hashes");
    assert_eq!(
        stored,
        [hash],
        "the message's own content, by its hash: no copy"
    );
}
