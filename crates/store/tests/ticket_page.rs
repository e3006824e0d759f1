//! The ticket's page on a real database: its sections read in one call (origin and the
//! originating message, routing point, problem, work orders, e-mails with their state), what
//! it adds to a ticket (a file, a task, a work order, an e-mail: each its row and its
//! history entry, refused on a closed ticket), and "Reenviar"/"Cancelar" of a failed e-mail.
mod common;
mod desk;

use desk::{desk, kinds, new_ticket, task, Desk, NOON};
use helpdesk_core::attachment::DraftAttachment;
use helpdesk_core::email::OutgoingEmail;
use helpdesk_core::support::MessageSource;
use helpdesk_core::ticket::{NewTicket, TicketEmail};
use helpdesk_core::ticket_details::OutboxState;
use helpdesk_core::wizard::Origin;
use helpdesk_core::work_order::{Slot, MINUTE};
use helpdesk_core::work_order_form::NewWorkOrder;
use helpdesk_store::catalog::{self, NewWorkOrderStatus, NewWorkOrderType};
use helpdesk_store::email_outbox::{self, OperatorOutcome};
use helpdesk_store::support_messages::{self, NewSupportMessage};
use helpdesk_store::ticket_additions::{self, AddOutcome};
use helpdesk_store::tickets::{self, SaveOutcome};
use helpdesk_store::{ticket_details, Store};
use uuid::Uuid;

struct Field {
    technician: Uuid,
    kind: Uuid,
    status: Uuid,
}

async fn field(store: &Store) -> Field {
    let team = catalog::insert_team(store, "Equipe Norte")
        .await
        .expect("team");
    let technician = catalog::insert_technician(
        store,
        &catalog::NewTechnician {
            name: "Bruno Alves".into(),
            team_id: team,
            user_id: None,
            phone: String::new(),
        },
    )
    .await
    .expect("technician");
    let kind = catalog::insert_work_order_type(
        store,
        &NewWorkOrderType {
            name: "Reparo".into(),
            is_site_survey: false,
            default_minutes: 60,
            color: "#1565c0".into(),
        },
    )
    .await
    .expect("type");
    let status = catalog::insert_work_order_statuses(
        store,
        &[NewWorkOrderStatus {
            name: "Agendada".into(),
            color: "#8e24aa".into(),
            stage: helpdesk_core::work_order_life::WorkOrderStage::Open,
        }],
    )
    .await
    .expect("status")[0];
    Field {
        technician,
        kind,
        status,
    }
}

fn order(field: &Field, start_hour: i64, allow_clash: bool) -> NewWorkOrder {
    NewWorkOrder {
        slot: Slot {
            technician_id: field.technician,
            starts_at: NOON + start_hour * 60 * MINUTE,
            ends_at: NOON + (start_hour + 1) * 60 * MINUTE,
        },
        status_id: field.status,
        type_id: field.kind,
        address: "Rua das Flores, 120 – Centro, Campinas/SP".into(),
        description: "Trocar o conector óptico.".into(),
        allow_clash,
    }
}

fn email(subject: &str) -> TicketEmail {
    TicketEmail {
        from_address: "atendimento@provedor.com.br".into(),
        email: OutgoingEmail {
            to: vec!["ana.ferreira@exemplo.com.br".into()],
            cc: Vec::new(),
            subject: subject.into(),
            body: "Olá, Ana Paula.".into(),
            attachments: Vec::new(),
        },
    }
}

/// A support message from Ana Paula, and a ticket answering it with a work order at 14:00.
async fn ticket_from_message(store: &Store, desk: &Desk, field: &Field) -> Uuid {
    support_messages::insert_many(
        store,
        &[NewSupportMessage {
            email: "ana.ferreira@exemplo.com.br".into(),
            subject: "Internet caindo".into(),
            login: "ana.ferreira".into(),
            body: "A internet cai toda noite.".into(),
            received_at: NOON - 3_600_000,
            rfc_message_id: "<m1@cliente.example>".into(),
            rfc_references: String::new(),
            source: MessageSource::Mail,
            sender_name: String::new(),
            document: String::new(),
            quoted: String::new(),
            attachments: Vec::new(),
        }],
    )
    .await
    .expect("message");
    let message: Uuid = sqlx::query_scalar("SELECT id FROM support_messages")
        .fetch_one(store.pool())
        .await
        .expect("message id");
    let ticket = NewTicket {
        origin: Origin::Support,
        support_message_id: Some(message),
        work_order: Some(order(field, 2, false)),
        ..new_ticket(desk, 1)
    };
    let outcome = tickets::save(store, &ticket, desk.ana, NOON)
        .await
        .expect("save");
    outcome.saved().expect("saved").id
}

#[tokio::test]
async fn the_page_reads_origin_message_work_orders_and_emails_at_once() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let field = field(store).await;
    let ticket = ticket_from_message(store, &desk, &field).await;
    let added = ticket_additions::add_email(store, ticket, &email("Protocolo"), desk.ana, NOON)
        .await
        .expect("e-mail");
    assert_eq!(added, AddOutcome::Added);

    let details = ticket_details::details(store, ticket)
        .await
        .expect("details");
    let origin = details.origin.expect("an origin");
    assert_eq!(origin.origin, Some(Origin::Support));
    assert_eq!(origin.problem, "Sem internet desde ontem");
    assert_eq!(origin.routing_point.as_deref(), Some("OLT-CENTRO-01"));
    let message = origin.message.expect("the message");
    assert_eq!(message.sender, "ana.ferreira@exemplo.com.br");
    assert_eq!(message.subject, "Internet caindo");
    assert_eq!(message.body, "A internet cai toda noite.");
    assert_eq!(message.received_at, NOON - 3_600_000);
    assert_eq!(details.work_orders.len(), 1);
    let visit = &details.work_orders[0];
    assert_eq!(
        (
            visit.type_name.as_str(),
            visit.technician_name.as_str(),
            visit.status_name.as_str()
        ),
        ("Reparo", "Bruno Alves", "Agendada")
    );
    assert_eq!(visit.starts_at, order(&field, 2, false).slot.starts_at);
    assert_eq!(visit.started_at, None);
    assert_eq!(details.emails.len(), 1);
    assert_eq!(details.emails[0].state, OutboxState::Queued);
    assert_eq!(details.emails[0].state_text(), "Na fila");
    assert_eq!(details.emails[0].to, ["ana.ferreira@exemplo.com.br"]);

    // The page's e-mail answers the customer's message in its thread.
    let in_reply_to: String = sqlx::query_scalar("SELECT in_reply_to FROM email_outbox")
        .fetch_one(store.pool())
        .await
        .expect("thread");
    assert_eq!(in_reply_to, "<m1@cliente.example>");

    // An unknown ticket has no origin.
    let none = ticket_details::details(store, Uuid::from_u128(7))
        .await
        .expect("details");
    assert_eq!(none.origin, None);
    assert!(none.work_orders.is_empty() && none.emails.is_empty());
}

#[tokio::test]
async fn each_addition_writes_its_row_and_history_and_a_closed_ticket_takes_none() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let field = field(store).await;
    let ticket = desk::ticket(store, &desk, 1, None, NOON).await;
    let file = DraftAttachment {
        content_hash: "cd".repeat(32),
        file_name: "contrato.pdf".into(),
        size_bytes: 2048,
        notes: "Assinado".into(),
    };
    let later = NOON + 60 * MINUTE;
    let adds = [
        ticket_additions::add_attachment(store, ticket, &file, desk.juliana, later).await,
        ticket_additions::add_task(
            store,
            ticket,
            &task("Ligar", desk.n2_role(), later),
            desk.juliana,
            later,
        )
        .await,
        ticket_additions::add_work_order(
            store,
            ticket,
            &order(&field, 2, false),
            desk.juliana,
            later,
        )
        .await,
        ticket_additions::add_email(store, ticket, &email("Visita"), desk.juliana, later).await,
    ];
    for add in adds {
        assert_eq!(add.expect("added"), AddOutcome::Added);
    }
    let history = kinds(store, ticket).await;
    assert_eq!(
        history[history.len() - 4..],
        ["attachment", "task", "work_order", "email_queued"]
    );
    let by: Vec<Uuid> = sqlx::query_scalar(
        "SELECT user_id FROM ticket_events WHERE ticket_id = ?1 AND at = ?2 ORDER BY changed_at",
    )
    .bind(ticket)
    .bind(later)
    .fetch_all(store.pool())
    .await
    .expect("who");
    assert_eq!(by, [desk.juliana; 4]);
    let details = ticket_details::details(store, ticket)
        .await
        .expect("details");
    assert_eq!(details.attachments.len(), 2);
    assert_eq!(details.attachments[1].notes, "Assinado");
    assert_eq!(details.tasks.len(), 1);
    assert_eq!(details.work_orders.len(), 1);
    assert_eq!(details.emails.len(), 1);

    // The same time again is a clash until accepted.
    let clash =
        ticket_additions::add_work_order(store, ticket, &order(&field, 2, false), desk.ana, later)
            .await
            .expect("clash");
    assert!(
        matches!(clash, AddOutcome::WorkOrder(SaveOutcome::Clash(ref visits)) if visits.len() == 1)
    );
    let accepted =
        ticket_additions::add_work_order(store, ticket, &order(&field, 2, true), desk.ana, later)
            .await
            .expect("accepted");
    assert_eq!(accepted, AddOutcome::Added);

    sqlx::query("UPDATE tickets SET status = 'Fechado' WHERE id = ?1")
        .bind(ticket)
        .execute(store.pool())
        .await
        .expect("closed");
    let before = kinds(store, ticket).await.len();
    let refused = ticket_additions::add_email(store, ticket, &email("Depois"), desk.ana, later)
        .await
        .expect("refused");
    assert_eq!(refused, AddOutcome::Closed);
    let refused = ticket_additions::add_attachment(store, ticket, &file, desk.ana, later)
        .await
        .expect("refused");
    assert_eq!(refused, AddOutcome::Closed);
    assert_eq!(kinds(store, ticket).await.len(), before, "nothing written");
    let unknown =
        ticket_additions::add_attachment(store, Uuid::from_u128(7), &file, desk.ana, later)
            .await
            .expect("unknown");
    assert_eq!(unknown, AddOutcome::NotFound);
}

/// Queues an e-mail for `ticket`, claims it and fails it with `error`; its outbox id.
async fn failed_email(store: &Store, desk: &Desk, ticket: Uuid, error: &str) -> Uuid {
    ticket_additions::add_email(store, ticket, &email("Fatura"), desk.ana, NOON)
        .await
        .expect("queued");
    let claimed = email_outbox::claim_due(store, NOON, 5 * MINUTE, 10)
        .await
        .expect("claim");
    assert_eq!(claimed.len(), 1);
    email_outbox::mark_failed(store, &claimed[0], NOON, error)
        .await
        .expect("failed");
    claimed[0].id
}

#[tokio::test]
async fn a_failed_email_is_sent_again_or_cancelled_each_in_the_history() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let ticket = desk::ticket(store, &desk, 1, None, NOON).await;
    let id = failed_email(store, &desk, ticket, "Conexão recusada").await;
    let details = ticket_details::details(store, ticket)
        .await
        .expect("details");
    assert_eq!(details.emails[0].state_text(), "Falhou: Conexão recusada");
    assert_eq!(details.emails[0].attempts, 1);

    let later = NOON + MINUTE;
    let resent = email_outbox::resend(store, id, desk.juliana, later)
        .await
        .expect("resend");
    assert_eq!(resent, OperatorOutcome::Done);
    let status = email_outbox::status(store, id)
        .await
        .expect("status")
        .expect("the e-mail");
    assert_eq!(
        (
            status.state.as_str(),
            status.attempts,
            status.next_attempt_at
        ),
        ("queued", 0, later)
    );
    assert_eq!(status.last_error, None);
    assert_eq!(
        kinds(store, ticket).await.last().map(String::as_str),
        Some("email_resent")
    );
    // Queued again: neither sent again nor cancelled from its line.
    assert_eq!(
        email_outbox::cancel(store, id, desk.ana, later)
            .await
            .expect("cancel"),
        OperatorOutcome::NotFailed
    );

    // Claimed and failed again, then cancelled: it is never claimed again.
    let claimed = email_outbox::claim_due(store, later, 5 * MINUTE, 10)
        .await
        .expect("claim");
    assert_eq!(claimed.len(), 1);
    email_outbox::mark_failed(store, &claimed[0], later, "Senha recusada")
        .await
        .expect("failed");
    let cancelled = email_outbox::cancel(store, id, desk.ana, later)
        .await
        .expect("cancel");
    assert_eq!(cancelled, OperatorOutcome::Done);
    assert_eq!(
        kinds(store, ticket).await.last().map(String::as_str),
        Some("email_cancelled")
    );
    let details = ticket_details::details(store, ticket)
        .await
        .expect("details");
    assert_eq!(details.emails[0].state, OutboxState::Cancelled);
    assert_eq!(details.emails[0].state_text(), "Cancelado");
    assert!(
        email_outbox::claim_due(store, later + 60 * MINUTE, 5 * MINUTE, 10)
            .await
            .expect("claim")
            .is_empty()
    );
    assert_eq!(
        email_outbox::resend(store, Uuid::from_u128(7), desk.ana, later)
            .await
            .expect("unknown"),
        OperatorOutcome::NotFound
    );
}
