//! A desktop reading its own mailbox: the settings with the password kept apart, and a
//! taken-in message stored once with its files, on a real SQLite file.
mod common;

use helpdesk_core::email::SecretPlace;
use helpdesk_core::mailbox::{MailboxSettings, Tls};
use helpdesk_core::support::{MessageSource, MessageState};
use helpdesk_core::support_intake::{IntakeAttachment, IntakeMessage};
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::local_mailbox::{self, PasswordChange, PASSWORD_KEY};
use helpdesk_store::mail_intake::{self, TakeOutcome};
use helpdesk_store::secret_vault::{SecretKey, SecretVault};
use helpdesk_store::support_messages::{self, MessageFilter};
use helpdesk_store::{local_settings, new_id};

fn settings() -> MailboxSettings {
    MailboxSettings {
        host: "imap.provedor.com.br".into(),
        port: 993,
        tls: Tls::Implicit,
        login: "suporte@provedor.com.br".into(),
        folder: "INBOX".into(),
        move_handled_to: Some("Lidas".into()),
    }
}

fn message(key: &str, attachments: Vec<IntakeAttachment>) -> IntakeMessage {
    IntakeMessage {
        dedupe_key: format!("mail:{key}"),
        source: MessageSource::Mail,
        email: "Ana@Exemplo.com.br".into(),
        sender_name: "Ana Lima".into(),
        login: String::new(),
        document: String::new(),
        subject: "Sem internet".into(),
        body: "Caiu tudo desde ontem.".into(),
        quoted: "> mensagem anterior".into(),
        rfc_message_id: format!("<{key}>"),
        rfc_references: "<a0@x>".into(),
        received_at: 1_796_302_800_000,
        attachments,
    }
}

fn file(name: &str, content: &[u8]) -> IntakeAttachment {
    IntakeAttachment {
        file_name: name.into(),
        content_type: "application/pdf".into(),
        content: content.to_vec(),
    }
}

#[tokio::test]
async fn settings_and_password_are_kept_apart_and_the_password_is_kept_when_empty() {
    let test = common::open().await;
    let store = &test.store;
    let vault = SecretVault::encrypted(
        SecretKey::load_or_create(&SecretKey::path_beside(&test.store_path())).expect("key"),
    );
    assert_eq!(local_mailbox::load(store).await.expect("load"), None);
    assert_eq!(
        local_mailbox::password_place(store).await.expect("place"),
        None
    );

    let set = PasswordChange::from_form(Some("senha-da-caixa"), &vault);
    local_mailbox::save(store, &settings(), set)
        .await
        .expect("save");
    assert_eq!(
        local_mailbox::load(store).await.expect("load"),
        Some(settings())
    );
    assert_eq!(
        local_mailbox::password_place(store).await.expect("place"),
        Some(SecretPlace::Encrypted)
    );
    let stored = local_settings::get(store, PASSWORD_KEY)
        .await
        .expect("row")
        .expect("stored");
    assert!(
        !stored.contains("senha-da-caixa"),
        "the password in plain text"
    );
    assert_eq!(
        local_mailbox::load_password(store, &vault)
            .await
            .expect("password")
            .as_deref(),
        Some("senha-da-caixa")
    );

    let changed = MailboxSettings {
        port: 143,
        tls: Tls::StartTls,
        ..settings()
    };
    local_mailbox::save(store, &changed, PasswordChange::Keep)
        .await
        .expect("save again");
    assert_eq!(
        local_mailbox::load(store).await.expect("load"),
        Some(changed)
    );
    assert_eq!(
        local_mailbox::load_password(store, &vault)
            .await
            .expect("password")
            .as_deref(),
        Some("senha-da-caixa")
    );
    // The SMTP settings are elsewhere.
    assert_eq!(
        helpdesk_store::smtp_settings::password_place(store)
            .await
            .expect("smtp"),
        None
    );
}

#[tokio::test]
async fn a_message_is_taken_once_with_its_files() {
    let test = common::open().await;
    let store = &test.store;
    let files = AttachmentFiles::beside(&test.store_path());
    let mail = message(
        "b1@exemplo.com.br",
        vec![
            file("fatura.pdf", b"%PDF-1.4 fatura"),
            file("foto.pdf", b"%PDF foto"),
        ],
    );

    let TakeOutcome::New(id) = mail_intake::take(store, &files, &mail).await.expect("take") else {
        panic!("the first take is new");
    };
    assert_eq!(
        mail_intake::take(store, &files, &mail)
            .await
            .expect("again"),
        TakeOutcome::Again(id)
    );
    let other = message("b2@exemplo.com.br", Vec::new());
    assert!(matches!(
        mail_intake::take(store, &files, &other).await.expect("other"),
        TakeOutcome::New(other_id) if other_id != id
    ));

    let listed = support_messages::list(
        store,
        &MessageFilter {
            email: Some("ana@exemplo.com.br"),
            from: 0,
            to: i64::MAX,
            limit: 10,
            operator: new_id(),
            mail_only: true,
        },
    )
    .await
    .expect("list");
    assert_eq!(listed.len(), 2, "{listed:?}");
    let taken = listed
        .iter()
        .find(|listed| listed.message.id == id)
        .expect("the message is listed");
    assert_eq!(taken.state, MessageState::New);
    assert_eq!(taken.message.subject, "Sem internet");

    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT file_name, content_type, content_hash, size_bytes
         FROM support_message_attachments WHERE message_id = ?1 ORDER BY file_name",
    )
    .bind(id)
    .fetch_all(store.pool())
    .await
    .expect("files");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].0, "fatura.pdf");
    assert_eq!(rows[0].3, 15);
    let path = files.path_of(&rows[0].2).expect("a hash");
    assert_eq!(std::fs::read(path).expect("file"), b"%PDF-1.4 fatura");

    let (sender, quoted, source): (String, String, String) =
        sqlx::query_as("SELECT sender_name, quoted, source FROM support_messages WHERE id = ?1")
            .bind(id)
            .fetch_one(store.pool())
            .await
            .expect("row");
    assert_eq!(
        (sender.as_str(), quoted.as_str(), source.as_str()),
        ("Ana Lima", "> mensagem anterior", "mail")
    );
    // Written as any local change: a server this desktop joins later receives them.
    let outbox: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sync_outbox
         WHERE table_name IN ('support_messages', 'support_message_attachments')",
    )
    .fetch_one(store.pool())
    .await
    .expect("outbox");
    assert_eq!(outbox, 4);
}
