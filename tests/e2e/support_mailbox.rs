//! A support mailbox's mail answered from a desktop, end to end: an administrator adds the
//! provider's mailbox (a real Dovecot) to the sync server (in process, over a real
//! PostgreSQL) with `POST /v1/mailboxes`; a customer's mail (ISO-8859-1, quoted-printable)
//! arrives there; the server takes it in; on a service desktop ("Atendimento"), after
//! "Sincronizar agora", "Localizar Reg." lists it as "Novo" with the customer's own words;
//! the operator walks the wizard to a ticket with "Enviar E-mail"; the message shows
//! "Atendido" with the protocol, and the reply reaches a real SMTP server (aiosmtpd) in the
//! mail's thread (In-Reply-To, References) with the protocol in its subject.
use std::time::{Duration, Instant};

use helpdesk_core::customer::{CustomerSearch, CustomerSummary, SearchCondition, SearchField};
use helpdesk_core::customer_record::CustomerRecord;
use helpdesk_core::email::{SmtpSecurity, SmtpSettings};
use helpdesk_core::sync::DesktopProfile;
use helpdesk_core::wizard::Step;
use helpdesk_demo::DemoConfig;
use helpdesk_e2e::desktops::registered_desktop;
use helpdesk_e2e::status_bar::status_says;
use helpdesk_e2e::wizard::{advance, at_step, log_in, skip_script};
use helpdesk_e2e::{Harness, StepResult};
use helpdesk_intake::test_server::{Dovecot, TestClient, USER};
use helpdesk_mail::test_server::{ServerOptions, SmtpServer};
use helpdesk_server::test_postgres::PgServer;
use helpdesk_server::Config;
use helpdesk_store::smtp_settings::{self, PasswordChange};
use helpdesk_store::{customer_records, customers, email_templates, ticket_types, Store};
use serde_json::{json, Value};
use uuid::Uuid;

const TOKEN: &str = "token-do-administrador-e2e";
const DEMO: DemoConfig = DemoConfig {
    seed: 5,
    customers: 150,
    messages: 200,
};
/// How long the server, the sync and the outbox may take for their part.
const PATIENCE: Duration = Duration::from_secs(30);
const SUBJECT: &str = "Conexão caindo várias vezes";
/// The customer's words, one line each (short: quoted-printable lines stay under 76).
const BODY: [&str; 6] = [
    "Boa tarde,",
    "",
    "Desde ontem à noite a conexão cai várias vezes",
    "por hora e a luz do roteador fica vermelha.",
    "Já reiniciei a ONU duas vezes e não resolveu.",
    "Preciso da internet para trabalhar em casa.",
];

/// A customer of the demo with a plan, found by their address alone: the mail's sender.
struct Sender {
    customer: CustomerSummary,
    record: CustomerRecord,
    email: String,
}

/// The first customer (one with an accent in the name, if any) whose first address finds
/// only them and who has a plan.
async fn find_sender(store: &Store) -> Sender {
    let mut candidates = search(store, SearchField::Name, SearchCondition::Contains, "a").await;
    candidates.sort_by_key(|customer| customer.name.is_ascii());
    for customer in candidates {
        let Some(email) = customer.emails.first().cloned() else {
            continue;
        };
        if search(store, SearchField::Email, SearchCondition::Equals, &email)
            .await
            .len()
            != 1
        {
            continue;
        }
        let record = customer_records::record(store, customer.id)
            .await
            .expect("record")
            .expect("the customer's record");
        if !record.plans.is_empty() {
            return Sender {
                customer,
                record,
                email,
            };
        }
    }
    panic!("the demo has a customer with a plan and an address of their own");
}

async fn search(
    store: &Store,
    field: SearchField,
    condition: SearchCondition,
    text: &str,
) -> Vec<CustomerSummary> {
    let term = CustomerSearch {
        text: text.into(),
        field,
        condition,
        limit: 500,
    }
    .validate()
    .expect("a valid search");
    customers::search(store, &term).await.expect("search")
}

/// `text` in ISO-8859-1, quoted-printable; in a `header`, as an encoded word's text.
fn latin1_quoted_printable(text: &str, header: bool) -> String {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable, "{text:?} fits ISO-8859-1");
    bytes
        .iter()
        .map(|&byte| match byte {
            b' ' if header => "_".to_owned(),
            b' ' | b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' | b',' | b'.' | b'-' => {
                char::from(byte).to_string()
            }
            _ => format!("={byte:02X}"),
        })
        .collect()
}

/// The customer's mail as a mail program sends it: ISO-8859-1 headers and text.
fn customer_mail(sender: &Sender, message_id: &str) -> Vec<u8> {
    let date = chrono::Utc::now().to_rfc2822();
    let name = latin1_quoted_printable(&sender.customer.name, true);
    let subject = latin1_quoted_printable(SUBJECT, true);
    let body: Vec<String> = BODY
        .iter()
        .map(|line| latin1_quoted_printable(line, false))
        .collect();
    format!(
        "Return-Path: <{email}>\r\n\
         Received: from mail.exemplo.com.br (mail.exemplo.com.br [203.0.113.25])\r\n\
         \tby mx.conectafibra.net.br with ESMTPS; {date}\r\n\
         Message-ID: {message_id}\r\n\
         Date: {date}\r\n\
         From: =?ISO-8859-1?Q?{name}?= <{email}>\r\n\
         To: Suporte Conecta Fibra <suporte@conectafibra.net.br>\r\n\
         Subject: =?ISO-8859-1?Q?{subject}?=\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: text/plain; charset=\"ISO-8859-1\"\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\
         \r\n\
         {body}\r\n",
        email = sender.email,
        body = body.join("\r\n"),
    )
    .into_bytes()
}

/// The administrator adds the Dovecot's mailbox to the server, as server/README.md shows.
async fn add_mailbox(server_url: &str, dovecot: &Dovecot) {
    let response = reqwest::Client::new()
        .post(format!("{server_url}/v1/mailboxes"))
        .bearer_auth(TOKEN)
        .json(&json!({
            "host": "127.0.0.1",
            "port": dovecot.port,
            "tls": "none",
            "login": USER,
            "password": dovecot.password,
            "folder": "INBOX",
            "move_handled_to": null,
        }))
        .send()
        .await
        .expect("the server answers");
    let status = response.status();
    let body = response.text().await.expect("the answer's body");
    assert_eq!(status, reqwest::StatusCode::CREATED, "{body}");
}

/// The service desktop sends e-mail through the test SMTP server on `port` (a setting of
/// the desktop's own, which only an administration desktop's window edits).
async fn send_through(store: &Store, port: u16) {
    let settings = SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        security: SmtpSecurity::None,
        username: String::new(),
        from_address: "atendimento@conectafibra.net.br".into(),
        copy_address: String::new(),
    };
    smtp_settings::save(store, &settings, PasswordChange::Keep)
        .await
        .expect("SMTP settings");
}

/// Waits until the server has taken the mail in: it marks a mail seen only after the
/// message is stored.
async fn taken_in(mailbox: &TestClient) -> StepResult {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let seen = mailbox
            .search("INBOX", "SEEN")
            .await
            .map_err(|error| format!("search the mailbox: {error}"))?;
        if !seen.is_empty() {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err("the server should have taken the mail in".into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// "Sincronizar agora", once the button can be used; waits for the exchange to end.
async fn sync_now(app: &Harness) -> StepResult {
    let before = app
        .element("#sincronizacao")
        .await?
        .attr("data-last-sync")
        .await
        .map_err(|error| error.to_string())?;
    app.click("button#sincronizar-agora:not([disabled])")
        .await?;
    status_says(app, "Sincronizado em", before.as_deref()).await?;
    Ok(())
}

/// From the start panel to "Localizar Reg." with the last 7 days and `email`.
async fn find_messages(app: &Harness, email: &str) -> StepResult {
    app.click("button#novo-atendimento").await?;
    at_step(app, Step::Origin).await?;
    app.check("input[name=\"origem\"][value=\"Support\"]")
        .await?;
    advance(app).await?;
    at_step(app, Step::Filters).await?;
    app.fill("input#dias", "7").await?;
    app.fill("input#email-suporte", email).await?;
    app.press("input#email-suporte", "\u{E00C}").await?;
    advance(app).await?;
    at_step(app, Step::FindMessage).await?;
    app.element("#mensagens-contagem").await?;
    Ok(())
}

/// In "Localizar Reg.", the row whose subject is [`SUBJECT`]: its position and message id.
async fn mail_row(app: &Harness) -> StepResult<(usize, String)> {
    let script = "const rows = [...document.querySelectorAll('table#mensagens tbody tr')];
                  const index = rows.findIndex(row => row.cells[2].textContent === arguments[0]);
                  return index < 0 ? null : [index, rows[index].dataset.messageId];";
    let found = app
        .client
        .execute(script, vec![SUBJECT.into()])
        .await
        .map_err(|error| format!("find the mail's row: {error}"))?;
    let position = found[0].as_u64().ok_or("the mail is listed")?;
    let id = found[1].as_str().ok_or("the row names its message")?;
    Ok((position as usize, id.to_owned()))
}

/// Waits until the SMTP server received `count` messages; answers them.
async fn received(smtp: &SmtpServer, count: usize) -> StepResult<Vec<Value>> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let messages = smtp.messages().map_err(|error| error.to_string())?;
        if messages.len() >= count {
            return Ok(messages);
        }
        if Instant::now() > deadline {
            return Err(format!("the SMTP server should have {count} message(s)"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mailbox_message_is_answered_from_a_desktop_in_its_thread() {
    let dovecot = Dovecot::start().expect("Dovecot starts (run scripts/setup.sh test)");
    let postgres = PgServer::shared().expect("PostgreSQL starts (run scripts/setup.sh test)");
    let database_url = postgres.fresh_database().await.expect("a database");
    let server = helpdesk_server::spawn(Config {
        mailbox_check_every: Duration::from_millis(200),
        ..Config::local(&database_url, TOKEN)
    })
    .await
    .expect("the sync server starts");
    let url = server.url();
    add_mailbox(&url, &dovecot).await;

    // The provider's data comes from an administration desktop; the operator's desktop
    // receives it by sync.
    let dir = tempfile::tempdir().expect("temp dir");
    let administration = dir.path().join("administracao.db");
    let profile = DesktopProfile::Administration;
    registered_desktop(&administration, &url, TOKEN, profile, Some(&DEMO)).await;
    let store = Store::open(&administration).await.expect("store");
    let sender = find_sender(&store).await;
    store.close().await;
    let service = dir.path().join("atendimento.db");
    registered_desktop(&service, &url, TOKEN, DesktopProfile::Service, None).await;
    let smtp_folder = tempfile::tempdir().expect("the SMTP server's folder");
    let smtp = SmtpServer::start(&ServerOptions {
        folder: smtp_folder.path().to_owned(),
        ..ServerOptions::default()
    })
    .expect("aiosmtpd starts (run scripts/setup.sh test)");
    let store = Store::open(&service).await.expect("store");
    send_through(&store, smtp.port).await;
    let kind = ticket_types::list(&store)
        .await
        .expect("ticket types")
        .remove(0)
        .id
        .to_string();
    let template = email_templates::list_all(&store)
        .await
        .expect("templates")
        .into_iter()
        .find(|template| template.name == "Protocolo de atendimento")
        .expect("the demo's protocol template, synced")
        .id
        .to_string();
    store.close().await;

    let message_id = format!("<CAH{}@mail.exemplo.com.br>", Uuid::now_v7().simple());
    let mailbox = dovecot.client();
    let app = Harness::start("support_mailbox", &service).await;
    app.run(async |app: &mut Harness| {
        log_in(app).await?;
        mailbox
            .deliver(&customer_mail(&sender, &message_id))
            .await
            .map_err(|error| format!("deliver the mail: {error}"))?;
        taken_in(&mailbox).await?;
        // Twice: an exchange already under way when the message was stored may end after
        // the first click without it; the second starts after that one ended.
        sync_now(app).await?;
        sync_now(app).await?;

        // "Novo", with the customer's words decoded.
        find_messages(app, &sender.email).await?;
        let (position, id) = mail_row(app).await?;
        let row = format!("#mensagens tr[data-message-id=\"{id}\"]");
        app.text_at(&format!("{row}[data-state=\"novo\"]"), "Novo")
            .await?;
        app.screenshot("mensagem-nova").await;
        app.press("table#mensagens", &"\u{E015}".repeat(position + 1))
            .await?;
        app.element(&format!("{row}.selected")).await?;
        app.text_at("#relato-texto", BODY[4]).await?;
        app.screenshot("relato-do-cliente").await;

        // The customer found by the sender's address; the problem taken from the mail.
        advance(app).await?;
        at_step(app, Step::FindCustomer).await?;
        app.text_at("#cliente-selecionado", &sender.customer.name)
            .await?;
        advance(app).await?;
        at_step(app, Step::CustomerData).await?;
        advance(app).await?;
        at_step(app, Step::TicketData).await?;
        let plan = &sender.record.plans[0];
        app.check(&format!("input[name=\"plano\"][value=\"{}\"]", plan.id))
            .await?;
        let problem = app.value("textarea#problema").await?;
        if !problem.contains(BODY[2]) {
            return Err(format!("the problem should be the mail's: {problem:?}"));
        }
        advance(app).await?;
        skip_script(app, "Reiniciou a ONU com o cliente.", &kind).await?;

        // The answer, by e-mail to the sender, saved with the ticket.
        app.click("button#enviar-email").await?;
        at_step(app, Step::SendEmail).await?;
        let recipient = format!("input[name=\"email-para\"][value=\"{}\"]", sender.email);
        // Answering the message, the e-mail starts addressed to its sender.
        app.element(&format!("{recipient}:checked")).await?;
        app.select("select#email-modelo", &template).await?;
        let header = app.text_at("#protocolo", "Protocolo ").await?;
        let protocol = header.trim_start_matches("Protocolo ").to_owned();
        app.screenshot("enviar-email").await;
        app.click("button#salvar-atendimento").await?;
        app.text_at("#protocolo-final", &protocol).await?;
        app.click("button#concluir").await?;

        // "Atendido" with the protocol.
        find_messages(app, &sender.email).await?;
        app.text_at(
            &format!("{row}[data-state=\"atendido\"]"),
            &format!("Atendido ({protocol})"),
        )
        .await?;
        app.screenshot("mensagem-atendida").await;

        // The reply, in the mail's thread.
        let arrived = received(&smtp, 1).await?;
        let reply = &arrived[0];
        if reply["to"] != json!([sender.email]) || reply["in_reply_to"] != json!(message_id) {
            return Err(format!(
                "the reply should go to {} in reply to {message_id}: {reply}",
                sender.email
            ));
        }
        let references = reply["references"].as_str().unwrap_or_default();
        if !references.split_whitespace().any(|id| id == message_id) {
            return Err(format!("References should hold {message_id}: {reply}"));
        }
        let subject = reply["subject"].as_str().unwrap_or_default();
        if !subject.contains(&protocol) {
            return Err(format!("the subject should name {protocol}: {subject:?}"));
        }
        let body = reply["body"].as_str().unwrap_or_default();
        if !body.contains(&sender.customer.name) {
            return Err(format!("the reply should name the customer: {body:?}"));
        }
        if arrived.len() != 1 {
            return Err(format!("one reply expected, the server has {arrived:?}"));
        }
        Ok(())
    })
    .await;
    server.shutdown().await.expect("server stopped");
}
