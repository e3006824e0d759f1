//! A desktop without a sync server reading its own mailbox, against a real Dovecot: a refused
//! password shows its pt-BR status; the right one, saved, restarts the reader, and each mail
//! becomes one support message with its files (a mail delivered twice is taken once); the
//! reader stops once the desktop registers with a server.
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use helpdesk_core::mailbox::{MailboxSettings, Tls};
use helpdesk_core::sync::{DesktopProfile, RegistrationResponse};
use helpdesk_desktop::mailbox_watcher::{MailboxBoard, MailboxWatcher};
use helpdesk_intake::test_server::{Dovecot, USER};
use helpdesk_intake::WatchConfig;
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::local_mailbox::{self, PasswordChange};
use helpdesk_store::secret_vault::{SecretKey, SecretVault};
use helpdesk_store::{sync, Store};

const PATIENCE: Duration = Duration::from_secs(30);
const ATTACHMENTS: &[u8] = include_bytes!("../../crates/intake/tests/fixtures/attachments.eml");
const BOLETO: &[u8] = include_bytes!("../../crates/intake/tests/fixtures/boleto.pdf");
const REPLY: &[u8] = include_bytes!("../../crates/intake/tests/fixtures/reply.eml");

/// Fast retries for the test; IDLE takes new mail at once.
fn fast(mailbox: helpdesk_intake::MailboxConfig) -> WatchConfig {
    WatchConfig {
        retry_first: Duration::from_millis(100),
        retry_max: Duration::from_millis(500),
        ..WatchConfig::new(mailbox)
    }
}

async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = Instant::now() + PATIENCE;
    while !check().await {
        assert!(Instant::now() < deadline, "not in time: {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn count(store: &Store, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(store.pool())
        .await
        .expect("count")
}

fn status_code(board: &MailboxBoard) -> Option<String> {
    board.status().map(|status| status.code)
}

#[tokio::test]
async fn mail_becomes_support_messages_once_while_no_server_reads_it() {
    let server = Dovecot::start().expect("dovecot");
    let client = server.client();
    client.deliver(ATTACHMENTS).await.expect("delivered");
    client.deliver(ATTACHMENTS).await.expect("delivered twice");

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("helpdesk.db");
    let store = Arc::new(Store::open(&path).await.expect("store"));
    let vault = Arc::new(SecretVault::encrypted(
        SecretKey::load_or_create(&SecretKey::path_beside(&path)).expect("key"),
    ));
    let files = AttachmentFiles::beside(&path);
    let settings = MailboxSettings {
        host: "127.0.0.1".into(),
        port: server.port,
        tls: Tls::None,
        login: USER.into(),
        folder: "INBOX".into(),
        move_handled_to: None,
    };
    let wrong = PasswordChange::Set {
        password: "senha-errada",
        vault: &vault,
    };
    local_mailbox::save(&store, &settings, wrong)
        .await
        .expect("save");

    let mut watcher = MailboxWatcher::new(Arc::clone(&store), files.clone(), Arc::clone(&vault));
    watcher.check_every = Duration::from_millis(200);
    watcher.watch_config = fast;
    let board = watcher.board();
    let task = tokio::spawn(watcher.run());

    eventually("the refused password's status", || async {
        status_code(&board).as_deref() == Some("wrong_password")
    })
    .await;
    let status = board.status().expect("status");
    assert!(
        status.detail.starts_with("Usuário ou senha recusados"),
        "{status:?}"
    );
    assert!(!status.detail.contains("senha-errada"), "{status:?}");
    assert_eq!(
        count(&store, "SELECT count(*) FROM support_messages").await,
        0
    );

    let right = PasswordChange::Set {
        password: &server.password,
        vault: &vault,
    };
    local_mailbox::save(&store, &settings, right)
        .await
        .expect("save the right password");
    board.restart();
    eventually("connected", || async {
        status_code(&board).as_deref() == Some("connected")
    })
    .await;
    eventually("both deliveries marked seen", || async {
        client
            .search("INBOX", "SEEN")
            .await
            .is_ok_and(|seen| seen == [1, 2])
    })
    .await;
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM support_messages WHERE rfc_message_id = '<attach-1@exemplo.com>'"
        )
        .await,
        1,
        "a mail delivered twice is one message"
    );
    let (hash, name): (String, String) = sqlx::query_as(
        "SELECT a.content_hash, a.file_name FROM support_message_attachments a
         JOIN support_messages m ON m.id = a.message_id
         WHERE m.rfc_message_id = '<attach-1@exemplo.com>' AND a.content_type = 'application/pdf'",
    )
    .fetch_one(store.pool())
    .await
    .expect("the PDF's row");
    assert_eq!(name, "boleto.pdf");
    assert_eq!(
        std::fs::read(files.path_of(&hash).expect("hash")).expect("file"),
        BOLETO
    );

    client.deliver(REPLY).await.expect("delivered");
    eventually("the new mail", || async {
        count(&store, "SELECT count(*) FROM support_messages").await == 2
    })
    .await;

    let registration = RegistrationResponse {
        device_id: helpdesk_store::new_id(),
        desktop_number: 3,
        profile: DesktopProfile::Administration,
        credential: "credencial".into(),
    };
    sync::set_registration(
        &store,
        &vault,
        "https://sync.provedor.com.br",
        &registration,
    )
    .await
    .expect("registered");
    // The reader's task is stopped (aborted and awaited) before its status is forgotten.
    eventually("the reader stopped", || async { board.status().is_none() }).await;
    task.abort();
}
