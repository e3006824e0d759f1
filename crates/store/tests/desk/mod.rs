//! A small help desk for the tests of tickets after the wizard: roles, operators, a ticket
//! type and a customer, and tickets saved the way the wizard saves them.
#![allow(dead_code)]

use chrono::NaiveDate;
use helpdesk_core::attachment::DraftAttachment;
use helpdesk_core::protocol::Protocol;
use helpdesk_core::task::NewTask;
use helpdesk_core::ticket::{NewTicket, TicketStatus};
use helpdesk_core::ticket_type::{Assignee, TicketType};
use helpdesk_core::wizard::Origin;
use helpdesk_store::catalog::{self, Destination, NewTicketType};
use helpdesk_store::{customers, ticket_types, tickets, Store};
use uuid::Uuid;

use crate::common;

/// 2026-11-28 12:00 UTC, in Unix ms.
pub const NOON: i64 = 1_795_867_200_000;
pub const HOUR: i64 = 3_600_000;

/// Ana (Atendente N1) works the tickets; Juliana and Carlos are Atendente N2, who "Sem
/// conexão" goes to.
pub struct Desk {
    pub ana: Uuid,
    pub juliana: Uuid,
    pub carlos: Uuid,
    pub n1: Uuid,
    pub n2: Uuid,
    pub kind: TicketType,
    pub customer: Uuid,
    pub plan: Uuid,
}

impl Desk {
    pub fn n1_role(&self) -> Assignee {
        Assignee::Role {
            id: self.n1,
            name: "Atendente N1".into(),
        }
    }

    pub fn n2_role(&self) -> Assignee {
        Assignee::Role {
            id: self.n2,
            name: "Atendente N2".into(),
        }
    }

    pub fn user(&self, id: Uuid, name: &str) -> Assignee {
        Assignee::User {
            id,
            name: name.into(),
            active: true,
        }
    }
}

pub async fn desk(store: &Store) -> Desk {
    let n1 = catalog::insert_role(store, "Atendente N1", false)
        .await
        .expect("role");
    let n2 = catalog::insert_role(store, "Atendente N2", false)
        .await
        .expect("role");
    let ana = common::user(store, "ana.souza", "Ana Souza", n1).await;
    let juliana = common::user(store, "juliana.ribeiro", "Juliana Ribeiro", n2).await;
    let carlos = common::user(store, "carlos.lima", "Carlos Lima", n2).await;
    catalog::insert_ticket_type(
        store,
        &NewTicketType {
            name: "Sem conexão".into(),
            destination: Destination::Role(n2),
            sla_hours: 4,
            sla_calendar: false,
        },
    )
    .await
    .expect("ticket type");
    let kind = ticket_types::list(store).await.expect("types").remove(0);
    let network = common::network(store).await;
    let customer = common::customer(
        "1001",
        "Ana Paula Ferreira",
        "52998224725",
        &[],
        &[],
        &["ana.ferreira"],
        network,
    );
    let customer = customers::insert_many(store, &[customer])
        .await
        .expect("customer")[0];
    let plan: Uuid = sqlx::query_scalar("SELECT id FROM customer_plans WHERE customer_id = ?1")
        .bind(customer)
        .fetch_one(store.pool())
        .await
        .expect("plan");
    Desk {
        ana,
        juliana,
        carlos,
        n1,
        n2,
        kind,
        customer,
        plan,
    }
}

pub fn protocol(sequence: u32) -> Protocol {
    Protocol {
        date: NaiveDate::from_ymd_opt(2026, 11, 28).expect("date"),
        desktop: 3,
        sequence,
    }
}

/// A ticket as the wizard saves it, with an attachment and `task`, opened by Ana at `at`.
pub async fn ticket(
    store: &Store,
    desk: &Desk,
    sequence: u32,
    task: Option<NewTask>,
    at: i64,
) -> Uuid {
    let ticket = NewTicket {
        task,
        ..new_ticket(desk, sequence)
    };
    tickets::save(store, &ticket, desk.ana, at)
        .await
        .expect("save")
        .saved()
        .expect("a new protocol")
        .id
}

/// An open ticket of the desk's customer with one attachment, no task and no work order.
pub fn new_ticket(desk: &Desk, sequence: u32) -> NewTicket {
    NewTicket {
        protocol: protocol(sequence),
        origin: Origin::Phone,
        customer_id: desk.customer,
        plan: helpdesk_core::ticket::TicketPlan::Contract(desk.plan),
        support_message_id: None,
        problem: "Sem internet desde ontem".into(),
        first_contact: "Reiniciou a ONU, sem sucesso.".into(),
        ticket_type: desk.kind.clone(),
        script: None,
        attachments: vec![DraftAttachment {
            content_hash: "ab".repeat(32),
            file_name: "foto-onu.jpg".into(),
            size_bytes: 1_258_291,
            notes: "Luz LOS acesa".into(),
        }],
        task: None,
        work_order: None,
        email: None,
        status: TicketStatus::Open,
    }
}

/// A task for `assignee` due at `due_at`.
pub fn task(title: &str, assignee: Assignee, due_at: i64) -> NewTask {
    NewTask {
        title: title.into(),
        description: format!("Descrição de {title}"),
        assignee,
        due_at,
    }
}

/// The kinds of the ticket's history, in order.
pub async fn kinds(store: &Store, ticket: Uuid) -> Vec<String> {
    tickets::history(store, ticket)
        .await
        .expect("history")
        .into_iter()
        .map(|event| event.kind)
        .collect()
}
