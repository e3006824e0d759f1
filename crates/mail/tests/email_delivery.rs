//! The outbox drained through a real SMTP server (aiosmtpd on loopback, `tests/smtp/
//! server.py`): what arrives is parsed by Python's `email` package and checked; the server
//! down, refusing the password or dropping the connection mid-message.
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use helpdesk_core::email::{
    EmailAttachment, OutgoingEmail, SmtpSecurity, SmtpSettings, Thread, PASSWORD_IN_CLEAR,
};
use helpdesk_mail::test_server::{free_port, self_signed_certificate, ServerOptions, SmtpServer};
use helpdesk_mail::{OutboxWorker, WorkerConfig};
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::catalog;
use helpdesk_store::email_outbox::{self, NewEmail, OutboxStatus};
use helpdesk_store::people::{self, NewUser};
use helpdesk_store::secret_vault::{SecretKey, SecretVault};
use helpdesk_store::smtp_settings::{self, PasswordChange};
use helpdesk_store::{now_millis, Store};
use serde_json::Value;
use tempfile::TempDir;
use uuid::Uuid;

const LOGIN: &str = "atendimento";
const PASSWORD: &str = "s3nh@-çorreta";

struct Desk {
    dir: TempDir,
    store: Arc<Store>,
    files: AttachmentFiles,
    vault: Arc<SecretVault>,
    operator: Uuid,
}

async fn desk() -> Desk {
    let dir = tempfile::tempdir().expect("temp dir");
    let database = dir.path().join("helpdesk.db");
    let store = Store::open(&database).await.expect("store");
    let role = catalog::insert_role(&store, "Atendente N1", false)
        .await
        .expect("role");
    let operator = people::insert_user(
        &store,
        &NewUser {
            login: "ana.souza".into(),
            name: "Ana Souza".into(),
            email: "ana.souza@provedor.com.br".into(),
            password: "suporte123".into(),
            role_id: role,
        },
    )
    .await
    .expect("user");
    let key = SecretKey::load_or_create(&SecretKey::path_beside(&database)).expect("key");
    Desk {
        files: AttachmentFiles::beside(&database),
        store: Arc::new(store),
        vault: Arc::new(SecretVault::encrypted(key)),
        operator,
        dir,
    }
}

impl Desk {
    async fn configure(&self, port: u16, security: SmtpSecurity, password: &str) {
        let settings = SmtpSettings {
            host: "127.0.0.1".into(),
            port,
            security,
            username: LOGIN.into(),
            from_address: "atendimento@conectafibra.net.br".into(),
            copy_address: "copia@conectafibra.net.br".into(),
        };
        smtp_settings::save(
            &self.store,
            &settings,
            PasswordChange::from_form(Some(password), &self.vault),
        )
        .await
        .expect("settings");
    }

    fn attach(&self, name: &str, bytes: &[u8]) -> EmailAttachment {
        let source = self.dir.path().join("source.bin");
        std::fs::write(&source, bytes).expect("file");
        let stored = self.files.store(&source, 25 << 20).expect("stored");
        EmailAttachment {
            hash: stored.content_hash,
            name: name.into(),
            size: stored.size_bytes,
        }
    }

    async fn queue(&self, email: &OutgoingEmail) -> Uuid {
        self.queue_in(email, None).await
    }

    /// Queues `email`, answering the message `thread` names, if any.
    async fn queue_in(&self, email: &OutgoingEmail, thread: Option<&Thread>) -> Uuid {
        let new = NewEmail {
            ticket_id: None,
            from_address: "atendimento@conectafibra.net.br",
            email,
            created_by: self.operator,
            thread,
        };
        email_outbox::enqueue(&self.store, &new, now_millis())
            .await
            .expect("queued")
    }

    async fn status(&self, id: Uuid) -> OutboxStatus {
        email_outbox::status(&self.store, id)
            .await
            .expect("status")
            .expect("row")
    }

    async fn message_id(&self, id: Uuid) -> String {
        sqlx::query_scalar("SELECT message_id FROM email_outbox WHERE id = ?1")
            .bind(id)
            .fetch_one(self.store.pool())
            .await
            .expect("message id")
    }

    fn worker(&self, config: WorkerConfig) -> OutboxWorker<Arc<Store>> {
        OutboxWorker::new(
            Arc::clone(&self.store),
            self.files.clone(),
            Arc::clone(&self.vault),
            config,
        )
    }
}

fn quick() -> WorkerConfig {
    WorkerConfig {
        backoff_base: Duration::from_millis(100),
        backoff_max: Duration::from_millis(400),
        idle_poll: Duration::from_millis(100),
        timeout: Duration::from_secs(10),
        ..WorkerConfig::default()
    }
}

fn plain_email() -> OutgoingEmail {
    OutgoingEmail {
        to: vec!["cliente@exemplo.com.br".into()],
        cc: vec![],
        subject: "Protocolo 261128-001-00042".into(),
        body: "Seu atendimento foi registrado.".into(),
        attachments: vec![],
    }
}

fn server(dir: &Path, port: u16, drop_first: u32) -> SmtpServer {
    SmtpServer::start(&ServerOptions {
        folder: dir.join("received"),
        port,
        credentials: Some((LOGIN.into(), PASSWORD.into())),
        drop_first,
        ..ServerOptions::default()
    })
    .expect("SMTP test server (apt-get install python3-aiosmtpd)")
}

fn message_ids(server: &SmtpServer) -> Vec<String> {
    server
        .messages()
        .expect("messages")
        .iter()
        .map(|message| {
            message["message_id"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = text.bytes().filter(|c| *c != b'=').map(value).collect();
    digits
        .chunks(4)
        .flat_map(|chunk| {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0_u32, |n, (i, d)| n | u32::from(*d) << (18 - 6 * i));
            let bytes = n.to_be_bytes();
            bytes[1..chunk.len()].to_vec()
        })
        .collect()
}

#[tokio::test]
async fn the_message_arrives_over_starttls_with_its_copy_accents_and_attachments_byte_for_byte() {
    let desk = desk().await;
    let (cert, key) = self_signed_certificate(desk.dir.path()).expect("certificate");
    let server = SmtpServer::start(&ServerOptions {
        folder: desk.dir.path().join("received"),
        credentials: Some((LOGIN.into(), PASSWORD.into())),
        starttls: Some((cert.clone(), key)),
        ..ServerOptions::default()
    })
    .expect("SMTP test server");
    desk.configure(server.port, SmtpSecurity::StartTls, PASSWORD)
        .await;
    let binary: Vec<u8> = (0..300_000_u32).map(|i| (i * 7 % 256) as u8).collect();
    let text = "Relatório de sinal: atenuação −23,5 dBm, ção ã é ü\r\nlinha 2\n".as_bytes();
    let email = OutgoingEmail {
        to: vec![
            "joao.araujo@exemplo.com.br".into(),
            "financeiro@empresa.com.br".into(),
        ],
        cc: vec!["copia@conectafibra.net.br".into()],
        subject: "Protocolo 261128-001-00042 — atenção à sua conexão".into(),
        body: "Olá, Conceição Araújo.\n\nRegistramos o seu atendimento às 14:30.\nAção: \
               verificação técnica."
            .into(),
        attachments: vec![
            desk.attach("sinal.bin", &binary),
            desk.attach("relatório técnico.txt", text),
        ],
    };
    let id = desk.queue(&email).await;
    let config = WorkerConfig {
        extra_root_pem: Some(std::fs::read(&cert).expect("pem")),
        ..quick()
    };
    let report = desk.worker(config).run_once().await.expect("drain");
    assert_eq!(
        (report.sent, report.retried, report.failed),
        (1, 0, 0),
        "{:?}",
        desk.status(id).await
    );

    let messages = server.messages().expect("messages");
    assert_eq!(messages.len(), 1);
    let message = &messages[0];
    assert_eq!(message["message_id"], desk.message_id(id).await);
    assert_eq!(message["from"][0], "atendimento@conectafibra.net.br");
    assert_eq!(message["to"], serde_json::json!(email.to));
    assert_eq!(message["cc"], serde_json::json!(email.cc));
    let envelope: Vec<&str> = message["rcpt_tos"]
        .as_array()
        .expect("recipients")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        envelope,
        [
            "joao.araujo@exemplo.com.br",
            "financeiro@empresa.com.br",
            "copia@conectafibra.net.br"
        ]
    );
    assert_eq!(message["subject"], email.subject);
    assert_eq!(
        message["body"]
            .as_str()
            .expect("body")
            .replace("\r\n", "\n")
            .trim_end(),
        email.body
    );
    let attachments = message["attachments"].as_array().expect("attachments");
    assert_eq!(attachments.len(), 2);
    assert_eq!(attachments[0]["filename"], "sinal.bin");
    assert_eq!(
        base64_decode(attachments[0]["base64"].as_str().expect("b64")),
        binary
    );
    assert_eq!(attachments[1]["filename"], "relatório técnico.txt");
    assert_eq!(
        base64_decode(attachments[1]["base64"].as_str().expect("b64")),
        text
    );
    assert_eq!(desk.status(id).await.state, "sent");
}

#[tokio::test]
async fn a_reply_arrives_in_the_customers_thread() {
    let desk = desk().await;
    let server = server(desk.dir.path(), 0, 0);
    desk.configure(server.port, SmtpSecurity::None, PASSWORD)
        .await;
    let thread = Thread::replying_to(
        "<18c1f.000042@cliente.example>",
        "<primeira@cliente.example> <resposta@conectafibra.net.br>",
    );
    let reply = desk.queue_in(&plain_email(), Some(&thread)).await;
    let plain = desk.queue(&plain_email()).await;
    let report = desk.worker(quick()).run_once().await.expect("drain");
    assert_eq!((report.sent, report.failed), (2, 0));

    let messages = server.messages().expect("messages");
    let received = |id: String| {
        messages
            .iter()
            .find(|message| message["message_id"] == id.as_str())
            .cloned()
            .expect("received")
    };
    let answered = received(desk.message_id(reply).await);
    assert_eq!(answered["in_reply_to"], "<18c1f.000042@cliente.example>");
    let references: Vec<&str> = answered["references"]
        .as_str()
        .expect("references")
        .split_whitespace()
        .collect();
    assert_eq!(
        references,
        [
            "<primeira@cliente.example>",
            "<resposta@conectafibra.net.br>",
            "<18c1f.000042@cliente.example>"
        ]
    );
    let alone = received(desk.message_id(plain).await);
    assert_eq!(alone["in_reply_to"], Value::Null);
    assert_eq!(alone["references"], Value::Null);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_the_server_down_it_waits_and_is_sent_exactly_once_when_the_server_is_back() {
    let desk = desk().await;
    let port = free_port().expect("port");
    desk.configure(port, SmtpSecurity::None, PASSWORD).await;
    let id = desk.queue(&plain_email()).await;
    let worker = desk.worker(quick());
    let waker = worker.waker();
    let running = tokio::spawn(worker.run());
    waker.wake();

    let deadline = Instant::now() + Duration::from_secs(10);
    while desk.status(id).await.attempts < 2 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let waiting = desk.status(id).await;
    assert!(waiting.attempts >= 2, "{waiting:?}");
    assert!(matches!(waiting.state.as_str(), "queued" | "sending"));
    assert!(
        waiting
            .last_error
            .as_deref()
            .is_some_and(|error| error.contains("Sem conexão com o servidor de e-mail")),
        "{waiting:?}"
    );

    let server = server(desk.dir.path(), port, 0);
    assert_eq!(
        server.wait_for(1, Duration::from_secs(10)).expect("wait"),
        1
    );
    while desk.status(id).await.state != "sent" && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    running.abort();
    assert_eq!(desk.status(id).await.state, "sent");
    assert_eq!(message_ids(&server), [desk.message_id(id).await]);
}

#[tokio::test]
async fn wrong_credentials_fail_for_good_with_a_clear_reason() {
    let desk = desk().await;
    let server = server(desk.dir.path(), 0, 0);
    desk.configure(server.port, SmtpSecurity::None, "senha-errada")
        .await;
    let id = desk.queue(&plain_email()).await;
    let report = desk.worker(quick()).run_once().await.expect("drain");
    assert_eq!(
        (report.sent, report.failed),
        (0, 1),
        "{:?}",
        desk.status(id).await
    );
    let status = desk.status(id).await;
    assert_eq!(status.state, "failed");
    let reason = status.last_error.expect("reason");
    assert!(reason.contains("recusou o usuário ou a senha"), "{reason}");
    assert!(reason.contains("535"), "{reason}");
    assert_eq!(server.count().expect("count"), 0);
}

#[tokio::test]
async fn a_connection_dropped_mid_message_is_retried_and_delivered_once() {
    let desk = desk().await;
    let server = server(desk.dir.path(), 0, 1);
    desk.configure(server.port, SmtpSecurity::None, PASSWORD)
        .await;
    let id = desk.queue(&plain_email()).await;
    let worker = desk.worker(quick());
    let report = worker.run_once().await.expect("drain");
    assert_eq!(
        (report.sent, report.retried),
        (0, 1),
        "{:?}",
        desk.status(id).await
    );
    assert_eq!(server.count().expect("count"), 0);
    assert_eq!(desk.status(id).await.state, "queued");
    // Not due before its backoff.
    assert_eq!(worker.run_once().await.expect("drain").claimed, 0);
    tokio::time::sleep(Duration::from_millis(150)).await;
    let report = worker.run_once().await.expect("drain");
    assert_eq!(report.sent, 1);
    let status = desk.status(id).await;
    assert_eq!((status.state.as_str(), status.attempts), ("sent", 2));
    assert_eq!(message_ids(&server), [desk.message_id(id).await]);
}

#[tokio::test]
async fn a_message_claimed_by_a_crashed_worker_is_sent_after_its_lease_with_the_same_message_id() {
    let desk = desk().await;
    let server = server(desk.dir.path(), 0, 0);
    desk.configure(server.port, SmtpSecurity::None, PASSWORD)
        .await;
    desk.queue(&plain_email()).await;
    // A worker claimed it with a short lease and died before answering.
    let claimed = email_outbox::claim_due(&desk.store, now_millis(), 50, 10)
        .await
        .expect("claim");
    assert_eq!(claimed.len(), 1);
    let worker = desk.worker(quick());
    assert_eq!(worker.run_once().await.expect("drain").claimed, 0);
    tokio::time::sleep(Duration::from_millis(60)).await;
    assert_eq!(worker.run_once().await.expect("drain").sent, 1);
    assert_eq!(message_ids(&server), [claimed[0].message_id.clone()]);
}

#[tokio::test]
async fn nothing_is_claimed_while_no_server_is_configured() {
    let desk = desk().await;
    let id = desk.queue(&plain_email()).await;
    assert_eq!(
        desk.worker(quick())
            .run_once()
            .await
            .expect("drain")
            .claimed,
        0
    );
    assert_eq!(desk.status(id).await.attempts, 0);
}

#[tokio::test]
async fn no_password_goes_in_clear_to_another_machine() {
    let desk = desk().await;
    // Settings from before the rule (saved without the form's check): "Nenhuma", a user,
    // a server elsewhere. Nothing connects; the message waits with the reason.
    let settings = SmtpSettings {
        host: "smtp.conectafibra.invalid".into(),
        port: 25,
        security: SmtpSecurity::None,
        username: LOGIN.into(),
        from_address: "atendimento@conectafibra.net.br".into(),
        copy_address: String::new(),
    };
    smtp_settings::save(
        &desk.store,
        &settings,
        PasswordChange::from_form(Some(PASSWORD), &desk.vault),
    )
    .await
    .expect("settings");
    let id = desk.queue(&plain_email()).await;
    let report = desk.worker(quick()).run_once().await.expect("drain");
    assert_eq!((report.sent, report.failed), (0, 0), "{report:?}");
    let waiting = desk.status(id).await;
    assert_eq!(waiting.state, "queued", "{waiting:?}");
    assert_eq!(waiting.last_error.as_deref(), Some(PASSWORD_IN_CLEAR));
}
