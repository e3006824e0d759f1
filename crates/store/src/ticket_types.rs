//! "Tipo de Atendimento": the ticket types "Prim. Contato" offers, each with who its tickets
//! go to. They are kept with [`crate::catalog::save`] (the administrator's list, inactive
//! types included: [`crate::catalog::list`]).
use helpdesk_core::text::fold;
use helpdesk_core::ticket_type::TicketType;
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::assignee_row::AssigneeColumns;
use crate::{Result, Store};

/// One row of [`list`]'s query.
#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    name: String,
    sla_hours: i64,
    sla_calendar: bool,
    #[sqlx(flatten)]
    assignee: AssigneeColumns,
}

/// The ticket types the wizard offers (active, not deleted), by name ignoring case and
/// accents, each with its assignee (a ticket of a type deactivated since still shows the
/// type's name: the ticket's queries read it whatever its state):
///
/// - a user, with `active` false when the user was deactivated or deleted (the type is still
///   listed, so the operator is told the user was removed instead of the type vanishing);
/// - a role, only while the role is active and not deleted: a type destined to a role
///   deactivated or deleted has no assignee, so its tickets stay in the operator's queue
///   rather than going to a role that takes no more tickets (`Assignee::Role` has no flag
///   to say it was removed);
/// - `None` when the type is destined to nobody.
///
/// A destined user missing from `users` (not possible while foreign keys hold) reads as a
/// removed user with an empty name, so the type is still not assignable.
pub async fn list(store: &Store) -> Result<Vec<TicketType>> {
    let rows = sqlx::query_as::<_, Row>(SELECT_ACTIVE)
        .fetch_all(store.pool())
        .await?;
    let mut types: Vec<TicketType> = rows.into_iter().map(ticket_type).collect();
    types.sort_by_cached_key(|kind| (fold(&kind.name), kind.name.clone()));
    Ok(types)
}

/// The ticket type `id` as stored, on the caller's transaction, read as [`list`] reads it;
/// `None` once it was deactivated or removed. A ticket is saved with this, not with what the
/// window sent.
pub async fn active_in(conn: &mut SqliteConnection, id: Uuid) -> Result<Option<TicketType>> {
    let row = sqlx::query_as::<_, Row>(&format!("{SELECT_ACTIVE} AND t.id = ?1"))
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(ticket_type))
}

/// The active ticket types with their destination (see [`list`]).
const SELECT_ACTIVE: &str = "SELECT t.id, t.name, t.sla_hours, t.sla_calendar,
        t.destined_user_id AS user_id, u.name AS user_name,
        u.active = 1 AND u.deleted = 0 AS user_active, r.id AS role_id, r.name AS role_name
     FROM ticket_types t
     LEFT JOIN users u ON u.id = t.destined_user_id
     LEFT JOIN roles r ON r.id = t.destined_role_id AND r.active = 1 AND r.deleted = 0
     WHERE t.active = 1 AND t.deleted = 0";

fn ticket_type(row: Row) -> TicketType {
    TicketType {
        id: row.id,
        name: row.name,
        assignee: row.assignee.assignee(),
        // The column has no check: a negative SLA reads as 0, an enormous one as the most.
        sla_hours: u32::try_from(row.sla_hours.max(0)).unwrap_or(u32::MAX),
        sla_calendar: row.sla_calendar,
    }
}
