//! What the sync tests do on a desktop: find the demo's operator, customer, ticket and
//! technician, and save tickets the way the wizard saves them.
use chrono::{Local, NaiveDate};
use helpdesk_core::attachment::DraftAttachment;
use helpdesk_core::ticket::{NewTicket, TicketPlan, TicketStatus};
use helpdesk_core::wizard::Origin;
use helpdesk_core::work_order::Slot;
use helpdesk_core::work_order_form::NewWorkOrder;
use helpdesk_demo::OPERATOR;
use helpdesk_store::{
    email_templates, now_millis, people, protocols, ticket_types, tickets, work_orders, Store,
};
use uuid::Uuid;

pub const HOUR: i64 = 3_600_000;

/// What every desktop finds in the shared data.
pub struct Shared {
    pub operator: Uuid,
    pub customer: Uuid,
    pub plan: Uuid,
    pub ticket: Uuid,
    pub template: Uuid,
    pub slot: Slot,
    pub type_id: Uuid,
    pub status_id: Uuid,
}

pub async fn shared(store: &Store) -> Shared {
    let operator = people::authenticate(store, OPERATOR.login, OPERATOR.password)
        .await
        .expect("log in")
        .expect("the demo operator")
        .id;
    let (customer, plan): (Uuid, Uuid) = sqlx::query_as(
        "SELECT customer_id, id FROM customer_plans ORDER BY customer_id, id LIMIT 1",
    )
    .fetch_one(store.pool())
    .await
    .expect("a contract");
    let ticket: Uuid = sqlx::query_scalar(
        "SELECT id FROM tickets WHERE status = 'Aberto' ORDER BY opened_at LIMIT 1",
    )
    .fetch_one(store.pool())
    .await
    .expect("an open ticket");
    let template = email_templates::list_all(store).await.expect("templates")[0].id;
    let catalog = work_orders::catalog(store).await.expect("catalog");
    let tomorrow_ten = {
        let day = Local::now().date_naive().succ_opt().expect("tomorrow");
        let ten = day.and_hms_opt(10, 0, 0).expect("10:00");
        ten.and_local_timezone(Local)
            .earliest()
            .expect("a local time")
            .timestamp_millis()
    };
    Shared {
        operator,
        customer,
        plan,
        ticket,
        template,
        slot: Slot {
            technician_id: catalog.technicians[0].id,
            starts_at: tomorrow_ten,
            ends_at: tomorrow_ten + HOUR,
        },
        type_id: catalog.types[0].id,
        status_id: catalog
            .statuses
            .iter()
            .find(|status| !status.is_final)
            .expect("an open status")
            .id,
    }
}

/// A ticket saved the way the wizard saves it, with a visit in `slot` if given.
pub async fn new_ticket(
    store: &Store,
    shared: &Shared,
    problem: &str,
    slot: Option<Slot>,
    attachments: Vec<DraftAttachment>,
) -> String {
    save_ticket(store, shared, problem, slot, attachments, None).await
}

/// A ticket answering the online-support message `message`, as the wizard saves it.
pub async fn message_ticket(store: &Store, shared: &Shared, message: Uuid) -> String {
    save_ticket(
        store,
        shared,
        "Relato da mensagem",
        None,
        Vec::new(),
        Some(message),
    )
    .await
}

async fn save_ticket(
    store: &Store,
    shared: &Shared,
    problem: &str,
    slot: Option<Slot>,
    attachments: Vec<DraftAttachment>,
    message: Option<Uuid>,
) -> String {
    let today: NaiveDate = Local::now().date_naive();
    let protocol = protocols::reserve(store, shared.operator, today)
        .await
        .expect("reserve")
        .expect("a protocol");
    let kind = ticket_types::list(store).await.expect("types").remove(0);
    let ticket = NewTicket {
        protocol,
        origin: if message.is_some() {
            Origin::Support
        } else {
            Origin::Phone
        },
        customer_id: shared.customer,
        plan: TicketPlan::Contract(shared.plan),
        support_message_id: message,
        problem: problem.into(),
        first_contact: "Orientado a reiniciar a ONU.".into(),
        ticket_type: kind,
        script: None,
        attachments,
        task: None,
        work_order: slot.map(|slot| NewWorkOrder {
            slot,
            status_id: shared.status_id,
            type_id: shared.type_id,
            address: "Rua das Flores, 10".into(),
            description: problem.into(),
            allow_clash: false,
        }),
        email: None,
        status: TicketStatus::Open,
    };
    tickets::save(store, &ticket, shared.operator, now_millis())
        .await
        .expect("save")
        .saved()
        .expect("saved");
    protocol.digits()
}

/// An edit of the customer's `column` ("city" or "street") made here, as the Clients
/// module would write it.
pub async fn edit_customer(store: &Store, customer: Uuid, column: &str, value: &str) {
    let sql = match column {
        "city" => "UPDATE customers SET city = ?1, changed_at = ?2 WHERE id = ?3",
        "street" => "UPDATE customers SET street = ?1, changed_at = ?2 WHERE id = ?3",
        other => panic!("no edit of {other}"),
    };
    sqlx::query(sql)
        .bind(value)
        .bind(store.stamp())
        .bind(customer)
        .execute(store.pool())
        .await
        .expect("customer edited");
}
