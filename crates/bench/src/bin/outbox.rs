//! The e-mail outbox: 1,000 queued messages drained by the worker through a local SMTP
//! server (aiosmtpd on loopback, `tests/smtp/server.py`, saving each message to disk), with
//! and without a 100 KB attachment; then the store's own share (claim and mark sent, no
//! SMTP). Prints the table of the "Outbox" section of `docs/PERFORMANCE.md`.
//!
//! `cargo run --release -p helpdesk-bench --bin outbox [-- MESSAGES]`
use std::sync::Arc;
use std::time::{Duration, Instant};

use helpdesk_core::email::{EmailAttachment, OutgoingEmail, SmtpSecurity, SmtpSettings};
use helpdesk_mail::test_server::{ServerOptions, SmtpServer};
use helpdesk_mail::{OutboxWorker, WorkerConfig};
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::catalog;
use helpdesk_store::email_outbox::{self, NewEmail};
use helpdesk_store::people::{self, NewUser};
use helpdesk_store::secret_vault::{SecretKey, SecretVault};
use helpdesk_store::smtp_settings::{self, PasswordChange};
use helpdesk_store::{now_millis, Store};

type Failure = Box<dyn std::error::Error>;

#[tokio::main]
async fn main() -> Result<(), Failure> {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(1_000);
    println!("| case | messages | queue (ms) | drain (ms) | messages/s |");
    println!("|---|---:|---:|---:|---:|");
    for attachment in [false, true] {
        let dir = tempfile::tempdir()?;
        let (store, files, operator) = open(dir.path()).await?;
        let server = SmtpServer::start(&ServerOptions {
            folder: dir.path().join("received"),
            raw_only: true,
            ..ServerOptions::default()
        })?;
        configure(&store, server.port).await?;
        let attachments = if attachment {
            let source = dir.path().join("laudo.pdf");
            std::fs::write(&source, vec![0x25_u8; 100 * 1024])?;
            let stored = files.store(&source, 25 << 20)?;
            vec![EmailAttachment {
                hash: stored.content_hash,
                name: "laudo técnico.pdf".into(),
                size: stored.size_bytes,
            }]
        } else {
            Vec::new()
        };
        let started = Instant::now();
        queue(&store, operator, count, &attachments).await?;
        let queued = started.elapsed();

        let vault = Arc::new(SecretVault::encrypted(SecretKey::load_or_create(
            &dir.path().join("helpdesk.key"),
        )?));
        let config = WorkerConfig {
            batch: 100,
            ..WorkerConfig::default()
        };
        let worker = OutboxWorker::new(Arc::clone(&store), files.clone(), vault, config);
        let started = Instant::now();
        let mut sent = 0;
        while sent < count {
            let report = worker.run_once().await?;
            if report.claimed == 0 {
                return Err(format!("only {sent} of {count} sent").into());
            }
            sent += report.sent;
        }
        let drained = started.elapsed();
        let received = server.wait_for(count, Duration::from_secs(30))?;
        if received != count {
            return Err(format!("the server saved {received} of {count}").into());
        }
        let case = if attachment {
            "text + 100 KB attachment"
        } else {
            "text only (1 KB)"
        };
        row(case, count, queued, drained);
    }
    store_share(count).await
}

/// The store's share of the drain: the same messages claimed and marked sent, no SMTP.
async fn store_share(count: usize) -> Result<(), Failure> {
    let dir = tempfile::tempdir()?;
    let (store, _, operator) = open(dir.path()).await?;
    let started = Instant::now();
    queue(&store, operator, count, &[]).await?;
    let queued = started.elapsed();
    let started = Instant::now();
    loop {
        let claimed = email_outbox::claim_due(&store, now_millis(), 600_000, 100).await?;
        if claimed.is_empty() {
            break;
        }
        for message in &claimed {
            email_outbox::mark_sent(&store, message, now_millis()).await?;
        }
    }
    row(
        "store only (claim + mark sent, no SMTP)",
        count,
        queued,
        started.elapsed(),
    );
    Ok(())
}

fn row(case: &str, count: usize, queued: Duration, drained: Duration) {
    #[allow(clippy::cast_precision_loss)]
    let rate = count as f64 / drained.as_secs_f64();
    println!(
        "| {case} | {count} | {:.0} | {:.0} | {rate:.0} |",
        queued.as_secs_f64() * 1e3,
        drained.as_secs_f64() * 1e3
    );
}

async fn open(dir: &std::path::Path) -> Result<(Arc<Store>, AttachmentFiles, uuid::Uuid), Failure> {
    let database = dir.join("helpdesk.db");
    let store = Store::open(&database).await?;
    let role = catalog::insert_role(&store, "Atendente N1", false).await?;
    let operator = people::insert_user(
        &store,
        &NewUser {
            login: "ana.souza".into(),
            name: "Ana Souza".into(),
            email: "ana.souza@conectafibra.net.br".into(),
            password: "suporte123".into(),
            role_id: role,
        },
    )
    .await?;
    Ok((
        Arc::new(store),
        AttachmentFiles::beside(&database),
        operator,
    ))
}

async fn configure(store: &Store, port: u16) -> Result<(), Failure> {
    let settings = SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        security: SmtpSecurity::None,
        username: String::new(),
        from_address: "atendimento@conectafibra.net.br".into(),
        copy_address: String::new(),
    };
    smtp_settings::save(store, &settings, PasswordChange::Keep).await?;
    Ok(())
}

/// Queues `count` messages, one transaction each (as each ticket's save queues its own).
async fn queue(
    store: &Store,
    operator: uuid::Uuid,
    count: usize,
    attachments: &[EmailAttachment],
) -> Result<(), Failure> {
    let body = "Olá, cliente.\n\nRegistramos o seu contato em 28/11/2026 14:30. Número do \
                protocolo: 261128-001-00042.\n\n"
        .repeat(6);
    for index in 0..count {
        let email = OutgoingEmail {
            to: vec![format!("cliente{index}@exemplo.com.br")],
            cc: vec!["atendimento.copia@conectafibra.net.br".into()],
            subject: format!("Protocolo 261128-001-{index:05}"),
            body: body.clone(),
            attachments: attachments.to_vec(),
        };
        let new = NewEmail {
            ticket_id: None,
            from_address: "atendimento@conectafibra.net.br",
            email: &email,
            created_by: operator,
            thread: None,
        };
        email_outbox::enqueue(store, &new, now_millis()).await?;
    }
    Ok(())
}
