//! An operator's walk through one ticket, in the real window: signed in, "Sua fila" holds a
//! ticket destined to the operator's role; Enter opens it; "Abrir" hands its attachment to
//! the system's opener (a real `xdg-open` with this test's handler); a note and an e-mail
//! are added; "Alterar tipo" moves its due time ("#atendimento-prazo"); "Pedir OS" asks for
//! a visit (a refusal at its field first, what was typed kept), which is then started ("Em
//! execução") and finished ("Concluída") with its report, resolving the ticket; the SLA
//! report of the period counts it as met, and its CSV export says the same.
//!
//! The page's buttons below the fold are pressed with Enter, as an operator tabbing there
//! would: a click there can land on the status bar over the window's bottom edge.
//!
//! The demo's help desk, with one more ticket written by SQL: opened an hour ago by someone
//! else, destined to the demo operator's role, for a customer with an e-mail address, with a
//! text file attached, and no work order.
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{Days, Local, NaiveDate, NaiveTime, TimeZone};
use helpdesk_core::date::{format_date, start_of_day};
use helpdesk_core::email::{SmtpSecurity, SmtpSettings};
use helpdesk_core::protocol::Protocol;
use helpdesk_core::ticket::TicketStatus;
use helpdesk_core::wizard::Origin;
use helpdesk_core::work_order_form::fields as order;
use helpdesk_core::work_order_life::{
    fields as status, format_typed, VisitOutcome, WorkOrderStage,
};
use helpdesk_demo::OPERATOR;
use helpdesk_e2e::opener::Handler;
use helpdesk_e2e::wizard::{error_at, log_in};
use helpdesk_e2e::{Harness, StepResult};
use helpdesk_mail::test_server::{ServerOptions, SmtpServer};
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::smtp_settings::{self, PasswordChange};
use helpdesk_store::tickets::{self, TicketRow};
use helpdesk_store::{attachments, email_templates, now_millis, ticket_types, work_orders, Store};
use uuid::Uuid;

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
/// WebDriver's Enter key.
const ENTER: &str = "\u{E007}";
const SAVE: &str = "Salvar como";
const FILE_NAME: &str = "leitura da ONU.txt";
const CONTENT: &[u8] = b"Sinal: -29 dBm na ONU.\n";
/// The visit asked for from the page, today (a slot the technician has free).
const VISIT: (u32, &str, &str) = (22, "22:00", "22:30");

/// What the test wrote and expects.
struct Seeded {
    ticket: Uuid,
    protocol: String,
    /// The customer's address the e-mail goes to.
    email: String,
    template: Uuid,
    /// The type the ticket is changed to, and how many of its tickets of the report's
    /// period met their SLA before the walk.
    new_type: Uuid,
    met_before: i64,
    technician: Uuid,
    order_type: Uuid,
    in_progress: Uuid,
    done: Uuid,
    content_hash: String,
}

/// Unix ms of today at `hour`:00, local time.
fn today_at(hour: u32) -> i64 {
    let time = NaiveTime::from_hms_opt(hour, 0, 0).expect("a time");
    Local
        .from_local_datetime(&Local::now().date_naive().and_time(time))
        .earliest()
        .expect("a local time")
        .timestamp_millis()
}

/// The desktop's offset from UTC now, in minutes.
fn offset() -> i32 {
    Local::now().offset().local_minus_utc() / 60
}

/// The report's period: yesterday to today.
fn period() -> (NaiveDate, NaiveDate) {
    let today = Local::now().date_naive();
    (today - Days::new(1), today)
}

async fn seeded_database(dir: &tempfile::TempDir, smtp_port: u16) -> (PathBuf, Seeded) {
    let (database, store) = helpdesk_e2e::demo::desk_with_tickets(dir).await;
    let pool = store.pool();
    let (operator, role): (Uuid, Uuid) =
        sqlx::query_as("SELECT id, role_id FROM users WHERE login = ?1")
            .bind(OPERATOR.login)
            .fetch_one(pool)
            .await
            .expect("the demo operator");
    let opened_by: Uuid = sqlx::query_scalar("SELECT id FROM users WHERE id <> ?1 LIMIT 1")
        .bind(operator)
        .fetch_one(pool)
        .await
        .expect("another user");
    let (customer, plan, email): (Uuid, Uuid, String) = sqlx::query_as(
        "SELECT p.customer_id, p.id, e.email FROM customer_plans p
         JOIN customer_emails e ON e.customer_id = p.customer_id AND e.deleted = 0
         LIMIT 1",
    )
    .fetch_one(pool)
    .await
    .expect("a contract of a customer with an e-mail");
    let types = ticket_types::list(&store).await.expect("ticket types");
    let new_type = types
        .iter()
        .find(|kind| kind.assignee.is_some() && kind.sla_hours >= 4)
        .expect("a demo type destined to someone, of a few hours")
        .id;
    let first_type = types
        .iter()
        .find(|kind| kind.id != new_type)
        .expect("another type")
        .id;
    let (from, to) = period();
    let met_before: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM tickets WHERE deleted = 0 AND ticket_type_id = ?1
           AND opened_at >= ?2 AND opened_at < ?3 AND resolved_at <= due_at",
    )
    .bind(new_type)
    .bind(start_of_day(from, offset()))
    .bind(start_of_day(to + Days::new(1), offset()))
    .fetch_one(pool)
    .await
    .expect("the met count");

    // The ticket, due in half an hour, with its attachment.
    let today = Local::now().date_naive();
    let protocol = Protocol {
        date: today,
        desktop: 978,
        sequence: 1,
    };
    let now = now_millis();
    let row = TicketRow {
        id: Uuid::now_v7(),
        protocol,
        origin: Origin::Phone,
        customer_id: customer,
        customer_plan_id: Some(plan),
        new_plan_id: None,
        support_message_id: None,
        problem: "Internet lenta desde ontem",
        ticket_type_id: Some(first_type),
        assigned_user_id: None,
        assigned_role_id: Some(role),
        status: TicketStatus::Open,
        opened_by,
        opened_at: now - HOUR,
        due_at: Some(now + 30 * MINUTE),
        resolved_at: None,
        first_contact_resolved: false,
        changed_at: store.stamp(),
    };
    let picked = dir.path().join(FILE_NAME);
    std::fs::write(&picked, CONTENT).expect("the file");
    let mut file = AttachmentFiles::beside(&database)
        .store(&picked, 1_000_000)
        .expect("the file stored");
    file.notes = "Leitura enviada pelo cliente.".into();
    let mut tx = pool.begin().await.expect("begin");
    tickets::insert_many_in(&mut tx, std::slice::from_ref(&row))
        .await
        .expect("ticket");
    attachments::insert_in(&mut tx, &store, row.id, &file, opened_by, now - HOUR)
        .await
        .expect("attachment");
    tx.commit().await.expect("commit");

    // Where the e-mail goes: a real SMTP server on loopback.
    let settings = SmtpSettings {
        host: "127.0.0.1".into(),
        port: smtp_port,
        security: SmtpSecurity::None,
        username: String::new(),
        from_address: "atendimento@conectafibra.com.br".into(),
        copy_address: String::new(),
    };
    smtp_settings::save(&store, &settings, PasswordChange::Keep)
        .await
        .expect("SMTP settings");
    let template = email_templates::list_for_user(&store, operator)
        .await
        .expect("templates")
        .into_iter()
        .find(|template| template.name == "Protocolo de atendimento")
        .expect("the demo's template")
        .id;

    // A technician free at the visit's time, the visit's type and the statuses.
    let catalog = work_orders::catalog(&store).await.expect("catalog");
    let (start, end) = (today_at(VISIT.0), today_at(VISIT.0) + 30 * MINUTE);
    let mut technician = None;
    for candidate in &catalog.technicians {
        let busy: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM work_orders WHERE technician_id = ?1 AND deleted = 0
               AND starts_at < ?2 AND ends_at > ?3",
        )
        .bind(candidate.id)
        .bind(end)
        .bind(start)
        .fetch_one(pool)
        .await
        .expect("visits");
        if busy == 0 {
            technician = Some(candidate.id);
            break;
        }
    }
    let stage = |stage: WorkOrderStage| {
        catalog
            .statuses
            .iter()
            .find(|status| status.stage == stage)
            .expect("a status of each stage")
            .id
    };
    let seeded = Seeded {
        ticket: row.id,
        protocol: protocol.to_string(),
        email,
        template,
        new_type,
        met_before,
        technician: technician.expect("a technician free tonight"),
        order_type: catalog.types[0].id,
        in_progress: stage(WorkOrderStage::InProgress),
        done: stage(WorkOrderStage::Done),
        content_hash: file.content_hash,
    };
    store.close().await;
    (database, seeded)
}

/// Waits until the text of the element matching `css` is no longer `before`; the new text.
async fn changed_from(app: &Harness, css: &str, before: &str) -> StepResult<String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let now = app.text_at(css, "").await?;
        if now != before {
            return Ok(now);
        }
        if Instant::now() > deadline {
            return Err(format!("{css} should change from {before:?}"));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_operator_walks_a_ticket_from_the_queue_to_the_sla_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = SmtpServer::start(&ServerOptions {
        folder: dir.path().join("smtp"),
        ..ServerOptions::default()
    })
    .expect("aiosmtpd starts (run scripts/setup.sh test)");
    let (database, seeded) = seeded_database(&dir, server.port).await;
    let handler = Handler::new(&dir.path().join("xdg"));
    let environment = handler.environment();
    let csv_path = dir.path().join("sla.csv");
    let (from, to) = period();
    let expected_met = seeded.met_before + 1;
    let offset = offset();
    let (started, finished) = (
        format_typed(Some(now_millis() - 40 * MINUTE), offset),
        format_typed(Some(now_millis() - 10 * MINUTE), offset),
    );

    let app = Harness::start_with("ticket_walk", &database, &environment.pairs()).await;
    let opened = std::sync::Mutex::new(None);
    app.run(async |app: &mut Harness| {
        // Signed in: the queue holds the ticket destined to the operator's role.
        log_in(app).await?;
        app.text_at("#fila-titulo", "Sua fila").await?;
        let entry = format!(
            "#fila-cargo button.queue-entry[data-protocol=\"{}\"]",
            seeded.protocol
        );
        app.element(&entry).await?;
        app.screenshot("fila").await;

        // Enter opens it.
        app.press(&entry, ENTER).await?;
        app.element(&format!(
            "main#atendimento[data-ticket-id=\"{}\"]",
            seeded.ticket
        ))
        .await?;
        app.text_at("#anexos", "Leitura enviada pelo cliente.")
            .await?;
        app.element("#ordens-servico-vazio").await?;

        // "Abrir" on the attachment: the system's opener is asked for a copy of the file.
        app.press("#anexos li button.abrir-anexo", ENTER).await?;
        *opened.lock().expect("lock") = Some(handler.opened().await?);

        // A note: a new contact, in the history.
        app.fill("textarea#novo-contato", "Cliente confirmou a lentidão.")
            .await?;
        app.click("button#registrar-contato").await?;
        app.element("ol#historico li[data-kind=\"follow_up\"]")
            .await?;

        // An e-mail to the customer, from a template, in the page's e-mails.
        app.press("button#enviar-email", ENTER).await?;
        app.element("#novo-email-dialogo").await?;
        app.click(&format!(
            "input[name=\"email-para\"][value=\"{}\"]",
            seeded.email
        ))
        .await?;
        app.select("select#email-modelo", &seeded.template.to_string())
            .await?;
        app.click("button#novo-email-enviar").await?;
        app.gone("#novo-email-dialogo").await?;
        app.text_at("#emails-atendimento", &seeded.email).await?;
        app.screenshot("nota-e-email").await;
        let sent = server
            .wait_for(1, Duration::from_secs(30))
            .map_err(|error| error.to_string())?;
        if sent != 1 {
            return Err(format!(
                "the e-mail should reach the SMTP server, {sent} did"
            ));
        }

        // Another type: the due time follows it.
        let due_before = app.text_at("#atendimento-prazo", "").await?;
        app.select("select#alterar-tipo", &seeded.new_type.to_string())
            .await?;
        app.click("button#salvar-tipo").await?;
        app.text_at("#novo-prazo", "Novo prazo").await?;
        let due_after = changed_from(app, "#atendimento-prazo", &due_before).await?;
        eprintln!("e2e: due {due_before:?} → {due_after:?}");
        app.screenshot("novo-prazo").await;

        // "Pedir OS": without a description it is refused at that field, the times kept.
        app.press("button#pedir-os", ENTER).await?;
        app.element("#nova-os-dialogo").await?;
        app.select(
            &format!("#{}", order::TECHNICIAN),
            &seeded.technician.to_string(),
        )
        .await?;
        app.select(&format!("#{}", order::TYPE), &seeded.order_type.to_string())
            .await?;
        app.fill(&format!("#{}", order::START), VISIT.1).await?;
        app.fill(&format!("#{}", order::END), VISIT.2).await?;
        app.click("button#nova-os-salvar").await?;
        error_at(app, order::DESCRIPTION, "descrição do trabalho").await?;
        app.expect_value(&format!("#{}", order::START), VISIT.1)
            .await?;
        app.expect_value(&format!("#{}", order::END), VISIT.2)
            .await?;
        app.screenshot("os-sem-descricao").await;
        app.fill(
            &format!("#{}", order::DESCRIPTION),
            "Verificar a fibra e trocar o conector.",
        )
        .await?;
        app.click("button#nova-os-salvar").await?;
        app.gone("#nova-os-dialogo").await?;
        let visit = "#ordens-servico li[data-work-order-id]";
        app.text_at(visit, VISIT.1).await?;

        // Started: "Em execução".
        app.press(&format!("{visit} button.alterar-status-os"), ENTER)
            .await?;
        app.element("#os-status-dialogo").await?;
        app.select(
            &format!("#{}", status::STATUS),
            &seeded.in_progress.to_string(),
        )
        .await?;
        app.fill(&format!("#{}", status::STARTED), &started).await?;
        app.click("#os-status-salvar").await?;
        app.gone("#os-status-dialogo").await?;
        app.text_at(visit, "Em execução").await?;

        // Finished: "Concluída", with the outcome and the report, resolving the ticket.
        app.press(&format!("{visit} button.alterar-status-os"), ENTER)
            .await?;
        app.element("#os-status-dialogo").await?;
        app.select(&format!("#{}", status::STATUS), &seeded.done.to_string())
            .await?;
        app.expect_value(&format!("#{}", status::STARTED), &started)
            .await?;
        app.fill(&format!("#{}", status::FINISHED), &finished)
            .await?;
        app.select(
            &format!("#{}", status::OUTCOME),
            VisitOutcome::ResolvedOnSite.code(),
        )
        .await?;
        app.fill(
            &format!("#{}", status::REPORT),
            "Conector trocado; sinal normalizado.",
        )
        .await?;
        app.click(&format!("#{}", status::RESOLVE)).await?;
        app.click("#os-status-salvar").await?;
        app.gone("#os-status-dialogo").await?;
        app.text_at(visit, "Concluída").await?;
        app.text_at("#atendimento-situacao", "Resolvido").await?;
        app.element("#atendimento-prazo .sla[data-sla=\"Met\"]")
            .await?;
        app.screenshot("resolvido").await;

        // "Relatórios": the SLA of the new type over the period counts the ticket as met.
        app.click("button#relatorios").await?;
        app.element("main#relatorios-pagina").await?;
        app.select("#relatorio-tipo", "SlaByType").await?;
        app.fill("#relatorio-de", &format_date(from)).await?;
        app.fill("#relatorio-ate", &format_date(to)).await?;
        app.select("#relatorio-filtro-tipo", &seeded.new_type.to_string())
            .await?;
        app.click("button#gerar").await?;
        app.text_at("#relatorio-titulo", "SLA cumprido e perdido")
            .await?;
        // The total row's first number: "Cumprido".
        let met = app.text_at("#relatorio-total td", "").await?;
        if met.trim() != expected_met.to_string() {
            return Err(format!(
                "{expected_met} tickets met their SLA (the ticket walked among them), shows {met:?}"
            ));
        }
        app.screenshot("relatorio-sla").await;

        // Its CSV: `;`-separated UTF-8 with a BOM, the same count.
        app.click("button#exportar-csv").await?;
        app.answer_file_picker(SAVE, &csv_path).await?;
        app.text_at("#relatorio-exportado", "Relatório exportado para")
            .await?;
        let bytes = std::fs::read(&csv_path).map_err(|error| error.to_string())?;
        let body = bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .ok_or("the CSV starts with a UTF-8 BOM")?;
        let records: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .flexible(true)
            .from_reader(body)
            .records()
            .collect::<Result<_, _>>()
            .map_err(|error| format!("the CSV parses: {error}"))?;
        let header = records.get(2).ok_or("a header line")?;
        if header.get(0) != Some("Tipo de atendimento") || header.get(1) != Some("Cumprido") {
            return Err(format!("header {header:?}"));
        }
        let last = records.last().ok_or("lines")?;
        if last.get(0) != Some("Total") || last.get(1) != Some(expected_met.to_string().as_str()) {
            return Err(format!(
                "the CSV's met total should be {expected_met}: {last:?}"
            ));
        }
        Ok(())
    })
    .await;

    // The opener got the attachment's content; the ticket met its SLA.
    let (path, sha256) = opened.lock().expect("lock").clone().expect("opened");
    assert_eq!(sha256, seeded.content_hash, "the opener got the attachment");
    assert!(path.ends_with(FILE_NAME), "opened {path}");
    let store = Store::open(&database).await.expect("store");
    let (state, due, resolved): (String, Option<i64>, Option<i64>) =
        sqlx::query_as("SELECT status, due_at, resolved_at FROM tickets WHERE id = ?1")
            .bind(seeded.ticket)
            .fetch_one(store.pool())
            .await
            .expect("ticket");
    assert_eq!(state, "Resolvido");
    assert!(
        resolved.is_some() && resolved <= due,
        "resolved {resolved:?}, due {due:?}"
    );
}
