//! "Tipo de Atendimento": the ticket types "Prim. Contato" offers, each with who its tickets
//! go to. They are created with [`crate::catalog::insert_ticket_type`].
use helpdesk_core::text::fold;
use helpdesk_core::ticket_type::TicketType;
use uuid::Uuid;

use crate::assignee_row::assignee;
use crate::{Result, Store};

/// One row of [`list`]'s query.
type Row = (
    Uuid,
    String,
    i64,
    Option<Uuid>,
    Option<String>,
    Option<bool>,
    Option<Uuid>,
    Option<String>,
);

/// The ticket types not deleted, by name ignoring case and accents, each with its assignee:
///
/// - a user, with `active` false when the user was deactivated or deleted (the type is still
///   listed, so the operator is told the user was removed instead of the type vanishing);
/// - a role, only while the role is not deleted: a type destined to a deleted role has no
///   assignee, so its tickets stay in the operator's queue rather than going to a role that
///   no longer exists (`Assignee::Role` has no flag to say it was removed);
/// - `None` when the type is destined to nobody.
///
/// A destined user missing from `users` (not possible while foreign keys hold) reads as a
/// removed user with an empty name, so the type is still not assignable.
pub async fn list(store: &Store) -> Result<Vec<TicketType>> {
    let rows = sqlx::query_as::<_, Row>(
        "SELECT t.id, t.name, t.sla_hours,
                t.destined_user_id, u.name, u.active = 1 AND u.deleted = 0,
                r.id, r.name
         FROM ticket_types t
         LEFT JOIN users u ON u.id = t.destined_user_id
         LEFT JOIN roles r ON r.id = t.destined_role_id AND r.deleted = 0
         WHERE t.deleted = 0",
    )
    .fetch_all(store.pool())
    .await?;
    let mut types: Vec<TicketType> = rows.into_iter().map(ticket_type).collect();
    types.sort_by_cached_key(|kind| (fold(&kind.name), kind.name.clone()));
    Ok(types)
}

fn ticket_type(
    (id, name, sla_hours, user_id, user_name, user_active, role_id, role_name): Row,
) -> TicketType {
    let assignee = assignee((user_id, user_name, user_active), (role_id, role_name));
    TicketType {
        id,
        name,
        assignee,
        // The column has no check: a negative SLA reads as 0, an enormous one as the most.
        sla_hours: u32::try_from(sla_hours.max(0)).unwrap_or(u32::MAX),
    }
}
