//! The sections of a ticket's page read beside its history: where it came from (origin, the
//! originating message, the routing point, the problem), its work orders and its e-mails.
use helpdesk_core::ticket_details::{
    OriginMessage, OutboxState, TicketEmailLine, TicketOrigin, TicketWorkOrder,
};
use helpdesk_core::wizard::Origin;
use uuid::Uuid;

use crate::{Result, Store};

/// One row of [`origin`].
#[derive(sqlx::FromRow)]
struct OriginRow {
    origin: String,
    problem: String,
    routing_point: Option<String>,
    sender: Option<String>,
    subject: Option<String>,
    body: Option<String>,
    received_at: Option<i64>,
}

/// Origin, originating message, routing point and problem of the ticket `ticket_id` (`None`
/// for an unknown ticket).
pub async fn origin(store: &Store, ticket_id: Uuid) -> Result<Option<TicketOrigin>> {
    let row: Option<OriginRow> = sqlx::query_as(
        "SELECT t.origin, t.problem, rp.name AS routing_point,
                m.email AS sender, m.subject, m.body, m.received_at
         FROM tickets t
         LEFT JOIN customer_plans cp ON cp.id = t.customer_plan_id
         LEFT JOIN routing_points rp ON rp.id = cp.routing_point_id
         LEFT JOIN support_messages m ON m.id = t.support_message_id
         WHERE t.id = ?1",
    )
    .bind(ticket_id)
    .fetch_optional(store.pool())
    .await?;
    Ok(row.map(|row| {
        let message = match (row.sender, row.subject, row.body, row.received_at) {
            (Some(sender), Some(subject), Some(body), Some(received_at)) => Some(OriginMessage {
                sender,
                subject,
                body,
                received_at,
            }),
            _ => None,
        };
        TicketOrigin {
            origin: serde_json::from_value::<Origin>(serde_json::Value::String(row.origin)).ok(),
            message,
            routing_point: row.routing_point,
            problem: row.problem,
        }
    }))
}

/// One row of [`work_orders`].
#[derive(sqlx::FromRow)]
struct WorkOrderRow {
    id: Uuid,
    type_name: Option<String>,
    technician_name: Option<String>,
    status_name: Option<String>,
    starts_at: i64,
    ends_at: i64,
    started_at: Option<i64>,
    finished_at: Option<i64>,
}

/// The work orders of the ticket `ticket_id` not deleted, by visit time. One range of
/// `work_orders_ticket`.
pub async fn work_orders(store: &Store, ticket_id: Uuid) -> Result<Vec<TicketWorkOrder>> {
    let rows: Vec<WorkOrderRow> = sqlx::query_as(
        "SELECT w.id, ty.name AS type_name, te.name AS technician_name, st.name AS status_name,
                w.starts_at, w.ends_at, w.started_at, w.finished_at
         FROM work_orders w
         LEFT JOIN work_order_types ty ON ty.id = w.type_id
         LEFT JOIN technicians te ON te.id = w.technician_id
         LEFT JOIN work_order_statuses st ON st.id = w.status_id
         WHERE w.ticket_id = ?1 AND w.deleted = 0
         ORDER BY w.starts_at, w.id",
    )
    .bind(ticket_id)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| TicketWorkOrder {
            id: row.id,
            type_name: row.type_name.unwrap_or_default(),
            technician_name: row.technician_name.unwrap_or_default(),
            status_name: row.status_name.unwrap_or_default(),
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            started_at: row.started_at,
            finished_at: row.finished_at,
        })
        .collect())
}

/// One row of [`emails`].
#[derive(sqlx::FromRow)]
struct EmailRow {
    id: Uuid,
    to_addresses: String,
    subject: String,
    state: String,
    last_error: Option<String>,
    attempts: i64,
    queued_at: i64,
    sent_at: Option<i64>,
}

/// The e-mails of the ticket `ticket_id` in the outbox, oldest first. One range of
/// `email_outbox_ticket`.
pub async fn emails(store: &Store, ticket_id: Uuid) -> Result<Vec<TicketEmailLine>> {
    let rows: Vec<EmailRow> = sqlx::query_as(
        "SELECT id, to_addresses, subject, state, last_error, attempts, queued_at, sent_at
         FROM email_outbox WHERE ticket_id = ?1
         ORDER BY queued_at, id",
    )
    .bind(ticket_id)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| TicketEmailLine {
            id: row.id,
            to: serde_json::from_str(&row.to_addresses).unwrap_or_default(),
            subject: row.subject,
            state: OutboxState::parse(&row.state).unwrap_or(OutboxState::Queued),
            last_error: row.last_error,
            attempts: u32::try_from(row.attempts).unwrap_or(u32::MAX),
            queued_at: row.queued_at,
            sent_at: row.sent_at,
        })
        .collect())
}
