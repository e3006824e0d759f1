//! The `tickets` table's writes: a ticket's row (one, or many at once for bulk loading) and
//! its state changed after the wizard. Each joins the caller's transaction.
use helpdesk_core::protocol::Protocol;
use helpdesk_core::ticket::TicketStatus;
use helpdesk_core::ticket_type::Assignee;
use helpdesk_core::ticket_update::TicketState;
use helpdesk_core::wizard::Origin;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use uuid::Uuid;

use crate::{Result, Store};

/// Tickets per INSERT statement of [`insert_many_in`] (17 parameters each): full chunks
/// share one prepared statement.
const ROWS_PER_INSERT: usize = 500;

/// A ticket's row as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketRow<'a> {
    pub id: Uuid,
    pub protocol: Protocol,
    pub origin: Origin,
    pub customer_id: Uuid,
    /// The contract the ticket is about, or
    pub customer_plan_id: Option<Uuid>,
    /// the new plan chosen for the customer ("escolher um novo plano").
    pub new_plan_id: Option<Uuid>,
    pub support_message_id: Option<Uuid>,
    pub problem: &'a str,
    pub ticket_type_id: Option<Uuid>,
    pub assigned_user_id: Option<Uuid>,
    pub assigned_role_id: Option<Uuid>,
    pub status: TicketStatus,
    pub opened_by: Uuid,
    pub opened_at: i64,
    pub due_at: Option<i64>,
    pub resolved_at: Option<i64>,
    /// Resolved in the wizard, at its first contact.
    pub first_contact_resolved: bool,
    /// Its change stamp.
    pub changed_at: i64,
}

/// Writes `rows` as they are on `conn` (the caller's transaction), [`ROWS_PER_INSERT`] a
/// statement: one ticket's save, or bulk loading (the benchmarks' data sets).
pub async fn insert_many_in(conn: &mut SqliteConnection, rows: &[TicketRow<'_>]) -> Result<()> {
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        let mut query = QueryBuilder::<Sqlite>::new(
            "INSERT INTO tickets (id, protocol, origin, customer_id, customer_plan_id,
                                  support_message_id, problem, ticket_type_id, assigned_user_id,
                                  assigned_role_id, status, opened_by, opened_at, due_at,
                                  resolved_at, changed_at, new_plan_id,
                                  first_contact_resolved) ",
        );
        query.push_values(chunk, |mut row, ticket| {
            row.push_bind(ticket.id)
                .push_bind(ticket.protocol.digits())
                .push_bind(ticket.origin.stored())
                .push_bind(ticket.customer_id)
                .push_bind(ticket.customer_plan_id)
                .push_bind(ticket.support_message_id)
                .push_bind(ticket.problem)
                .push_bind(ticket.ticket_type_id)
                .push_bind(ticket.assigned_user_id)
                .push_bind(ticket.assigned_role_id)
                .push_bind(ticket.status.label())
                .push_bind(ticket.opened_by)
                .push_bind(ticket.opened_at)
                .push_bind(ticket.due_at)
                .push_bind(ticket.resolved_at)
                .push_bind(ticket.changed_at)
                .push_bind(ticket.new_plan_id)
                .push_bind(ticket.first_contact_resolved);
        });
        query.build().execute(&mut *conn).await?;
    }
    Ok(())
}

/// Whether a ticket (deleted or not) already has `protocol`.
pub(super) async fn protocol_taken_in(
    conn: &mut SqliteConnection,
    protocol: &Protocol,
) -> Result<bool> {
    Ok(
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM tickets WHERE protocol = ?1)")
            .bind(protocol.digits())
            .fetch_one(&mut *conn)
            .await?,
    )
}

/// Sets the status, resolution time, assignee, type and due time of the ticket `ticket_id`
/// to `state`, on `conn` (the caller's transaction).
pub async fn set_state_in(
    conn: &mut SqliteConnection,
    store: &Store,
    ticket_id: Uuid,
    state: &TicketState,
) -> Result<()> {
    let (assigned_user, assigned_role) = Assignee::ids_of(state.assignee.as_ref());
    sqlx::query(
        "UPDATE tickets SET status = ?2, resolved_at = ?3, assigned_user_id = ?4,
                            assigned_role_id = ?5, changed_at = ?6, ticket_type_id = ?7,
                            due_at = ?8
         WHERE id = ?1",
    )
    .bind(ticket_id)
    .bind(state.status.label())
    .bind(state.resolved_at)
    .bind(assigned_user)
    .bind(assigned_role)
    .bind(store.stamp())
    .bind(state.ticket_type_id)
    .bind(state.due_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
