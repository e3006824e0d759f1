//! Support messages taken in by the server (issue 17), on loopback with a throwaway
//! PostgreSQL and Dovecot:
//!
//! - portal: MESSAGES posts to `POST /v1/portal/messages` by 8 concurrent clients, with
//!   the latency of each post;
//! - mailbox: MESSAGES mails delivered by IMAP APPEND (4 connections) to the mailbox the
//!   server watches, once as fast as they can be delivered and once paced at 10,000 a
//!   minute; each timed from its delivery (APPEND answered) to its row of
//!   `support_messages` in a service desktop's pull (polled every 100 ms), matched by
//!   `rfc_message_id`. Messages/minute run from the first delivery to the last visible;
//! - mailbox backlog: MESSAGES mails delivered first to a folder no mailbox reads, then a
//!   mailbox created for it; each timed from that creation to its row in the pull: the
//!   watcher's own pace, whatever the delivery's.
//!
//! Prints a markdown table.
//!
//! `cargo run --release -p helpdesk-bench --bin intake [-- MESSAGES]`
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use async_imap::Client;
use helpdesk_bench::{millis, Failure, Latencies};
use helpdesk_core::sync::{DesktopProfile, FieldValue, PullCursor, RegistrationRequest};
use helpdesk_intake::test_server::{Dovecot, USER};
use helpdesk_server::test_postgres::PgServer;
use helpdesk_server::Config;
use helpdesk_sync::{ClientConfig, SyncClient};
use reqwest::StatusCode;
use serde_json::{json, Value};
use tokio::net::TcpStream;
use tokio::task::JoinSet;

/// The administrator's enrollment token of the throwaway server.
const TOKEN: &str = "token-de-cadastro-da-bancada";
/// Concurrent clients posting to the portal.
const PORTAL_CLIENTS: usize = 8;
/// Concurrent IMAP connections delivering mail.
const DELIVERERS: usize = 4;
/// How often the desktop pulls when it has caught up.
const PULL_EVERY: Duration = Duration::from_millis(100);
/// A mailbox run fails when no new message becomes visible for this long.
const STALL: Duration = Duration::from_secs(120);

/// One row of the table.
struct Figures {
    case: String,
    messages: usize,
    elapsed: Duration,
    latencies: Latencies,
}

#[tokio::main]
async fn main() -> Result<(), Failure> {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(10_000);
    let postgres = tokio::task::spawn_blocking(PgServer::start).await??;
    let database_url = postgres.create_database("helpdesk").await?;
    let mut config = Config::local(&database_url, TOKEN);
    config.mailbox_check_every = Duration::from_millis(100);
    let server = helpdesk_server::spawn(config).await?;
    let base = server.url();
    let http = reqwest::Client::new();
    let desktop = service_desktop(&base).await?;

    let mut rows = vec![portal(&http, &base, count).await?];

    let dovecot = Dovecot::start()?;
    let inbox = create_mailbox(&http, &base, &dovecot, "INBOX").await?;
    connected(&http, &base, &inbox).await?;
    let mut cursor = caught_up(&desktop).await?;
    let runs = [
        ("as fast as delivered", "rapido", None),
        (
            "paced at 10,000/min",
            "ritmado",
            Some(Duration::from_micros(6_000)),
        ),
    ];
    for (label, run, pace) in runs {
        eprintln!("mailbox, {label}: delivering {count} mails");
        let (figures, after) =
            mail_run(&dovecot, &desktop, cursor, count, run, pace, label).await?;
        cursor = after;
        rows.push(figures);
    }
    eprintln!("mailbox backlog: delivering {count} mails");
    rows.push(backlog_run(&http, &base, &dovecot, &desktop, cursor, count).await?);

    println!("| case | messages | elapsed (s) | messages/min | p50 (ms) | p95 (ms) | max (ms) |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for mut row in rows {
        #[allow(clippy::cast_precision_loss)]
        let rate = row.messages as f64 / row.elapsed.as_secs_f64() * 60.0;
        println!(
            "| {} | {} | {:.1} | {rate:.0} | {} | {} | {} |",
            row.case,
            row.messages,
            row.elapsed.as_secs_f64(),
            millis(row.latencies.percentile(50.0)),
            millis(row.latencies.percentile(95.0)),
            millis(row.latencies.percentile(100.0)),
        );
    }
    server.shutdown().await?;
    Ok(())
}

/// Registers a service desktop; answers its client.
async fn service_desktop(base: &str) -> Result<SyncClient, Failure> {
    let config = ClientConfig::default();
    let registration = SyncClient::new(base, None, &config)?
        .register(&RegistrationRequest {
            enrollment_token: TOKEN.into(),
            name: "Atendimento 1".into(),
            profile: DesktopProfile::Service,
            issued_protocols: Vec::new(),
            origin: None,
        })
        .await?;
    Ok(SyncClient::new(
        base,
        Some(registration.credential),
        &config,
    )?)
}

/// `POST path` with the enrollment token; answers the body unless the status differs
/// from `expected`.
async fn admin_post(
    http: &reqwest::Client,
    url: String,
    body: &Value,
    expected: StatusCode,
) -> Result<Value, Failure> {
    let response = http.post(url).bearer_auth(TOKEN).json(body).send().await?;
    let status = response.status();
    let body: Value = response.json().await?;
    if status != expected {
        return Err(format!("{status}: {body}").into());
    }
    Ok(body)
}

/// Posts `count` portal messages from [`PORTAL_CLIENTS`] clients, timing each post.
async fn portal(http: &reqwest::Client, base: &str, count: usize) -> Result<Figures, Failure> {
    let created = admin_post(
        http,
        format!("{base}/v1/integrations"),
        &json!({ "name": "Portal do assinante" }),
        StatusCode::CREATED,
    )
    .await?;
    let key = created["key"]
        .as_str()
        .ok_or("no integration key")?
        .to_owned();
    let url = format!("{base}/v1/portal/messages");
    let next = Arc::new(AtomicUsize::new(0));
    let mut clients = JoinSet::new();
    let started = Instant::now();
    for _ in 0..PORTAL_CLIENTS {
        let (http, key, url, next) = (http.clone(), key.clone(), url.clone(), next.clone());
        clients.spawn(async move {
            let mut times = Vec::new();
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                if index >= count {
                    return Ok::<_, String>(times);
                }
                let body = json!({
                    "email": format!("cliente{index}@exemplo.com.br"),
                    "name": "Maria Silva",
                    "login": format!("maria.silva{index}"),
                    "document": "123.456.789-09",
                    "subject": format!("Sem conexão desde ontem ({index})"),
                    "text": "Minha internet caiu ontem à noite.\nJá reiniciei o roteador.",
                });
                let posted = Instant::now();
                let response = http
                    .post(&url)
                    .bearer_auth(&key)
                    .header("Idempotency-Key", format!("pedido-{index}"))
                    .json(&body)
                    .send()
                    .await
                    .map_err(|error| error.to_string())?;
                let status = response.status();
                let answer = response.bytes().await.map_err(|error| error.to_string())?;
                times.push(posted.elapsed());
                if status != StatusCode::CREATED {
                    return Err(format!("{status}: {}", String::from_utf8_lossy(&answer)));
                }
            }
        });
    }
    let mut latencies = Latencies::default();
    while let Some(times) = clients.join_next().await {
        for time in times?? {
            latencies.record(time);
        }
    }
    Ok(Figures {
        case: format!(
            "portal: `POST /v1/portal/messages`, {PORTAL_CLIENTS} clients (latency of a post)"
        ),
        messages: count,
        elapsed: started.elapsed(),
        latencies,
    })
}

/// Creates the server's mailbox reading `folder` on `dovecot`; answers its id.
async fn create_mailbox(
    http: &reqwest::Client,
    base: &str,
    dovecot: &Dovecot,
    folder: &str,
) -> Result<Value, Failure> {
    let settings = json!({
        "host": "127.0.0.1",
        "port": dovecot.port,
        "tls": "none",
        "login": USER,
        "password": dovecot.password,
        "folder": folder,
    });
    let created = admin_post(
        http,
        format!("{base}/v1/mailboxes"),
        &settings,
        StatusCode::CREATED,
    )
    .await?;
    Ok(created["id"].clone())
}

/// Waits until the mailbox `id` is connected.
async fn connected(http: &reqwest::Client, base: &str, id: &Value) -> Result<(), Failure> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let list: Value = http
            .get(format!("{base}/v1/mailboxes"))
            .bearer_auth(TOKEN)
            .send()
            .await?
            .json()
            .await?;
        let status = list
            .as_array()
            .and_then(|all| all.iter().find(|mailbox| mailbox["id"] == *id))
            .map(|mailbox| mailbox["status"].clone());
        if status == Some(json!("connected")) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("the mailbox did not connect: {status:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Pulls everything there is; answers the cursor after it.
async fn caught_up(desktop: &SyncClient) -> Result<PullCursor, Failure> {
    let mut cursor = PullCursor::default();
    loop {
        let page = desktop.pull(cursor, 1000).await?;
        cursor = page.cursor;
        if !page.more {
            return Ok(cursor);
        }
    }
}

/// The Message-ID of mail `index` of `run`, without its angle brackets.
fn message_id(run: &str, index: usize) -> String {
    format!("bancada-{run}-{index}@conectafibra.net.br")
}

/// A plain-text customer mail.
fn raw_mail(run: &str, index: usize) -> Vec<u8> {
    format!(
        "From: Cliente {index} <cliente{index}@exemplo.com.br>\r\n\
         To: suporte@conectafibra.net.br\r\n\
         Subject: =?UTF-8?Q?Sem_conex=C3=A3o_desde_ontem?= ({index})\r\n\
         Message-ID: <{id}>\r\n\
         Date: {date}\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: 8bit\r\n\
         \r\n\
         Boa tarde,\r\n\
         \r\n\
         Estou sem conexão desde ontem à noite. A luz PON da ONU está vermelha e já\r\n\
         reiniciei o roteador duas vezes. Contrato {index}.\r\n\
         \r\n\
         Obrigado.\r\n",
        id = message_id(run, index),
        date = chrono::Utc::now().to_rfc2822(),
    )
    .into_bytes()
}

/// What the delivering connections deliver.
#[derive(Clone)]
struct Delivery {
    port: u16,
    password: String,
    folder: &'static str,
    run: &'static str,
    count: usize,
    started: tokio::time::Instant,
    /// Mail `index` is delivered at `started + pace × index`; as fast as it can be if `None`.
    pace: Option<Duration>,
}

/// Delivers every [`DELIVERERS`]-th mail of the delivery from `first` over one IMAP
/// session; answers each Message-ID and when its APPEND was answered.
async fn deliver(delivery: Delivery, first: usize) -> Result<Vec<(String, Instant)>, String> {
    let Delivery {
        port,
        password,
        folder,
        run,
        count,
        started,
        pace,
    } = delivery;
    let failed = |error: &dyn std::fmt::Display| error.to_string();
    let tcp = TcpStream::connect(("127.0.0.1", port))
        .await
        .map_err(|error| failed(&error))?;
    let mut client = Client::new(tcp);
    match client.read_response().await {
        Some(Ok(_)) => {}
        Some(Err(error)) => return Err(failed(&error)),
        None => return Err("dovecot closed the connection".into()),
    }
    let mut session = client
        .login(USER, &password)
        .await
        .map_err(|(error, _)| failed(&error))?;
    let mut delivered = Vec::new();
    for index in (first..count).step_by(DELIVERERS) {
        if let Some(pace) = pace {
            let at = started + pace * u32::try_from(index).map_err(|error| failed(&error))?;
            tokio::time::sleep_until(at).await;
        }
        session
            .append(folder, None, None, raw_mail(run, index))
            .await
            .map_err(|error| failed(&error))?;
        delivered.push((message_id(run, index), Instant::now()));
    }
    session.logout().await.map_err(|error| failed(&error))?;
    Ok(delivered)
}

/// Delivers `count` mails of `run` while the desktop pulls from `cursor`; answers the
/// figures and the cursor after the last message.
async fn mail_run(
    dovecot: &Dovecot,
    desktop: &SyncClient,
    cursor: PullCursor,
    count: usize,
    run: &'static str,
    pace: Option<Duration>,
    label: &str,
) -> Result<(Figures, PullCursor), Failure> {
    let mut deliverers = spawn_deliverers(dovecot, "INBOX", run, count, pace);
    let (seen, cursor) = visible(desktop, cursor, run, count, label).await?;
    let mut delivered = HashMap::with_capacity(count);
    while let Some(result) = deliverers.join_next().await {
        delivered.extend(result??);
    }
    let mut latencies = Latencies::default();
    let mut first = None::<Instant>;
    let mut last = None::<Instant>;
    for (id, at) in &delivered {
        let visible = seen.get(id).ok_or_else(|| format!("{id} never visible"))?;
        latencies.record(visible.saturating_duration_since(*at));
        first = Some(first.map_or(*at, |first| first.min(*at)));
        last = Some(last.map_or(*visible, |last| last.max(*visible)));
    }
    let (Some(first), Some(last)) = (first, last) else {
        return Err("nothing delivered".into());
    };
    let figures = Figures {
        case: format!("mailbox, {label} ({DELIVERERS} connections): delivery → desktop's pull"),
        messages: count,
        elapsed: last.duration_since(first),
        latencies,
    };
    Ok((figures, cursor))
}

/// Starts [`DELIVERERS`] connections delivering the `count` mails of `run` to `folder`.
fn spawn_deliverers(
    dovecot: &Dovecot,
    folder: &'static str,
    run: &'static str,
    count: usize,
    pace: Option<Duration>,
) -> JoinSet<Result<Vec<(String, Instant)>, String>> {
    let delivery = Delivery {
        port: dovecot.port,
        password: dovecot.password.clone(),
        folder,
        run,
        count,
        started: tokio::time::Instant::now(),
        pace,
    };
    let mut deliverers = JoinSet::new();
    for first in 0..DELIVERERS {
        deliverers.spawn(deliver(delivery.clone(), first));
    }
    deliverers
}

/// Pulls from `cursor` until the `count` messages of `run` are visible; answers when each
/// became visible, by Message-ID, and the cursor after them.
async fn visible(
    desktop: &SyncClient,
    mut cursor: PullCursor,
    run: &str,
    count: usize,
    label: &str,
) -> Result<(HashMap<String, Instant>, PullCursor), Failure> {
    let mut seen: HashMap<String, Instant> = HashMap::with_capacity(count);
    let mut last_new = Instant::now();
    while seen.len() < count {
        let page = desktop.pull(cursor, 1000).await?;
        cursor = page.cursor;
        let now = Instant::now();
        for row in page
            .rows
            .iter()
            .filter(|row| row.table == "support_messages")
        {
            if let Some(FieldValue::Text(id)) = row.value("rfc_message_id") {
                let id = id.trim().trim_start_matches('<').trim_end_matches('>');
                if id.starts_with(&format!("bancada-{run}-")) && !seen.contains_key(id) {
                    seen.insert(id.to_owned(), now);
                    last_new = now;
                }
            }
        }
        if now.duration_since(last_new) > STALL {
            return Err(format!("{label}: only {} of {count} visible", seen.len()).into());
        }
        if !page.more {
            tokio::time::sleep(PULL_EVERY).await;
        }
    }
    Ok((seen, cursor))
}

/// Delivers `count` mails to a folder no mailbox reads, then creates a mailbox for it and
/// times each mail from that creation to its row in the desktop's pull.
async fn backlog_run(
    http: &reqwest::Client,
    base: &str,
    dovecot: &Dovecot,
    desktop: &SyncClient,
    cursor: PullCursor,
    count: usize,
) -> Result<Figures, Failure> {
    const FOLDER: &str = "Fila";
    dovecot.client().create_folder(FOLDER).await?;
    let mut deliverers = spawn_deliverers(dovecot, FOLDER, "fila", count, None);
    while let Some(result) = deliverers.join_next().await {
        result??;
    }
    let started = Instant::now();
    create_mailbox(http, base, dovecot, FOLDER).await?;
    let (seen, _) = visible(desktop, cursor, "fila", count, "backlog").await?;
    let mut latencies = Latencies::default();
    let mut last = started;
    for at in seen.values() {
        latencies.record(at.saturating_duration_since(started));
        last = last.max(*at);
    }
    Ok(Figures {
        case: format!("mailbox backlog: {count} mails waiting, mailbox created → desktop's pull"),
        messages: count,
        elapsed: last.duration_since(started),
        latencies,
    })
}
