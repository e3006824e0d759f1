//! The operator's day after the protocol, in the real app window: signed in, the queue shows
//! an overdue ticket destined to the operator's role; a message that arrives meanwhile (as
//! sync or the mailbox brings it) appears by itself; Enter on the ticket opens it; the
//! ticket list filters by SLA state and refuses a period that is not one at its field; and
//! the new message starts a ticket at "Localizar Cliente".
use chrono::{Datelike, Utc};
use helpdesk_core::protocol::Protocol;
use helpdesk_core::support::MessageSource;
use helpdesk_core::ticket::TicketStatus;
use helpdesk_core::wizard::{Origin, Step};
use helpdesk_demo::OPERATOR;
use helpdesk_e2e::wizard::{at_step, error_at, log_in};
use helpdesk_e2e::Harness;
use helpdesk_store::support_messages::{self, NewSupportMessage};
use helpdesk_store::tickets::{self, TicketRow};
use helpdesk_store::{now_millis, Store};
use uuid::Uuid;

const HOUR: i64 = 3_600_000;
/// WebDriver's Enter key.
const ENTER: &str = "\u{E007}";

/// An open ticket destined to the demo operator's role, opened five hours ago by someone
/// else and due an hour ago: its id and protocol.
async fn overdue_for_the_role(store: &Store) -> (Uuid, String) {
    let (operator, role): (Uuid, Uuid) =
        sqlx::query_as("SELECT id, role_id FROM users WHERE login = ?1")
            .bind(OPERATOR.login)
            .fetch_one(store.pool())
            .await
            .expect("the demo operator");
    let opened_by: Uuid = sqlx::query_scalar("SELECT id FROM users WHERE id <> ?1 LIMIT 1")
        .bind(operator)
        .fetch_one(store.pool())
        .await
        .expect("another user");
    let (customer, plan): (Uuid, Uuid) =
        sqlx::query_as("SELECT customer_id, id FROM customer_plans LIMIT 1")
            .fetch_one(store.pool())
            .await
            .expect("a contract");
    let kind: Uuid = sqlx::query_scalar("SELECT id FROM ticket_types LIMIT 1")
        .fetch_one(store.pool())
        .await
        .expect("a ticket type");
    let today = Utc::now().date_naive();
    let protocol = Protocol {
        date: today.with_day(1).unwrap_or(today),
        desktop: 977,
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
        problem: "Sem sinal desde a manhã",
        ticket_type_id: Some(kind),
        assigned_user_id: None,
        assigned_role_id: Some(role),
        status: TicketStatus::Open,
        opened_by,
        opened_at: now - 5 * HOUR,
        due_at: Some(now - HOUR),
        resolved_at: None,
        first_contact_resolved: false,
        changed_at: store.stamp(),
    };
    let mut tx = store.pool().begin().await.expect("begin");
    tickets::insert_many_in(&mut tx, std::slice::from_ref(&row))
        .await
        .expect("ticket");
    tx.commit().await.expect("commit");
    (row.id, protocol.to_string())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_queue_brings_what_waits_and_opens_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, store) = helpdesk_e2e::demo::desk_with_tickets(&dir).await;
    let (ticket_id, protocol) = overdue_for_the_role(&store).await;
    store.close().await;

    let app = Harness::start("operator_day", &database).await;
    let writer_path = database.clone();
    app.run(async |app: &mut Harness| {
        log_in(app).await?;

        // The role's group holds the overdue ticket, marked, with the group's counts.
        let entry = format!("#fila-cargo button.queue-entry[data-protocol=\"{protocol}\"]");
        app.element(&entry).await?;
        app.element(&format!("{entry} .sla[data-sla=\"Overdue\"]"))
            .await?;
        app.element("#fila-cargo .queue-overdue").await?;
        app.screenshot("fila").await;

        // A message arriving meanwhile appears without anyone asking.
        let writer = Store::open(&writer_path).await.map_err(|e| e.to_string())?;
        let subject = "Internet caindo toda hora (fila)";
        support_messages::insert_many(
            &writer,
            &[NewSupportMessage {
                email: "marcos.lima@example.com".into(),
                subject: subject.into(),
                login: String::new(),
                body: "A conexão cai a cada dez minutos.".into(),
                received_at: now_millis(),
                rfc_message_id: String::new(),
                rfc_references: String::new(),
                source: MessageSource::Portal,
                sender_name: "Marcos Lima".into(),
                document: String::new(),
                quoted: String::new(),
                attachments: Vec::new(),
            }],
        )
        .await
        .map_err(|e| e.to_string())?;
        writer.close().await;
        app.text_at("#fila-mensagens", subject).await?;
        app.screenshot("fila-mensagem").await;

        // Enter on the ticket opens it.
        app.press(&entry, ENTER).await?;
        app.element(&format!("main#atendimento[data-ticket-id=\"{ticket_id}\"]"))
            .await?;
        app.screenshot("aberto-pela-fila").await;

        // The list: only the overdue tickets, this one among them; a period that is not
        // one is told at its field.
        app.click("button#atendimentos").await?;
        app.select("select#filtro-prazo", "Overdue").await?;
        app.click("button#filtrar").await?;
        app.element(&format!(
            "table#atendimentos-lista tr[data-protocol=\"{protocol}\"]"
        ))
        .await?;
        app.gone("table#atendimentos-lista tr[data-status=\"Resolvido\"]")
            .await?;
        app.fill("input#filtro-periodo-inicio", "31/02/2026")
            .await?;
        app.click("button#filtrar").await?;
        error_at(app, "periodo_inicio", "Esta data não existe no calendário.").await?;
        if app.value("input#filtro-periodo-inicio").await? != "31/02/2026" {
            return Err("the period typed is kept".into());
        }
        app.screenshot("filtro-prazo").await;

        // Back home, the new message starts a ticket answering it.
        app.click("button#voltar-inicio").await?;
        app.click("#fila-mensagens button.queue-entry").await?;
        at_step(app, Step::FindCustomer).await?;
        app.screenshot("mensagem-no-assistente").await;
        Ok(())
    })
    .await;
}
