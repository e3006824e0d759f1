//! "Tipos de Atendimento": the ticket types with who their tickets go to and their SLA, the
//! only module writing `ticket_types` (the wizard's choices: `crate::ticket_types`).
use helpdesk_core::catalog::{CatalogEntry, CatalogValues};
use helpdesk_core::ticket_type::Assignee;
use sqlx::SqliteConnection;
use uuid::Uuid;

use super::{Refusal, Written};
use crate::assignee_row::AssigneeColumns;
use crate::{new_id, Result, Store};

/// Who a ticket type is destined to, if anyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    Nobody,
    User(Uuid),
    Role(Uuid),
}

impl Destination {
    /// The ids of a form's destination.
    pub fn of(assignee: Option<&Assignee>) -> Self {
        match assignee {
            None => Destination::Nobody,
            Some(Assignee::User { id, .. }) => Destination::User(*id),
            Some(Assignee::Role { id, .. }) => Destination::Role(*id),
        }
    }

    /// The (user id, role id) columns.
    fn ids(self) -> (Option<Uuid>, Option<Uuid>) {
        match self {
            Destination::Nobody => (None, None),
            Destination::User(user) => (Some(user), None),
            Destination::Role(role) => (None, Some(role)),
        }
    }
}

/// A ticket type ("Tipo de Atendimento").
#[derive(Debug, Clone)]
pub struct NewTicketType {
    pub name: String,
    pub destination: Destination,
    pub sla_hours: i64,
    /// The SLA counts calendar hours, not business hours ("Prazo em horas corridas").
    pub sla_calendar: bool,
}

/// Creates a ticket type, as given (trusted data: tests, benchmarks), and returns its id.
pub async fn insert_ticket_type(store: &Store, ticket_type: &NewTicketType) -> Result<Uuid> {
    let mut conn = store.pool().acquire().await?;
    insert(&mut conn, store.stamp(), ticket_type).await
}

async fn insert(conn: &mut SqliteConnection, stamp: i64, kind: &NewTicketType) -> Result<Uuid> {
    let id = new_id();
    let (user, role) = kind.destination.ids();
    sqlx::query(
        "INSERT INTO ticket_types (id, name, destined_user_id, destined_role_id, sla_hours,
                                   sla_calendar, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .bind(id)
    .bind(&kind.name)
    .bind(user)
    .bind(role)
    .bind(kind.sla_hours)
    .bind(kind.sla_calendar)
    .bind(stamp)
    .execute(conn)
    .await?;
    Ok(id)
}

/// Creates the type, or replaces type `id`'s values, unless it is destined to a user or a
/// role deactivated or removed.
pub(super) async fn write(
    conn: &mut SqliteConnection,
    stamp: i64,
    id: Option<Uuid>,
    kind: &NewTicketType,
) -> Result<Written> {
    if !destination_active(conn, kind.destination).await? {
        return Ok(Written::Refused(Refusal::DestinationInactive));
    }
    let Some(id) = id else {
        return Ok(Written::Saved(insert(conn, stamp, kind).await?));
    };
    let (user, role) = kind.destination.ids();
    let updated = sqlx::query(
        "UPDATE ticket_types SET name = ?1, destined_user_id = ?2, destined_role_id = ?3,
                                 sla_hours = ?4, sla_calendar = ?7, changed_at = ?5
         WHERE id = ?6 AND deleted = 0",
    )
    .bind(&kind.name)
    .bind(user)
    .bind(role)
    .bind(kind.sla_hours)
    .bind(stamp)
    .bind(id)
    .bind(kind.sla_calendar)
    .execute(conn)
    .await?;
    Ok(Written::updated(id, updated.rows_affected()))
}

/// A type destined to a user or a role no longer active is not reactivated.
pub(super) async fn before_reactivating(
    conn: &mut SqliteConnection,
    id: Uuid,
) -> Result<Option<Refusal>> {
    let destination: Option<(Option<Uuid>, Option<Uuid>)> =
        sqlx::query_as("SELECT destined_user_id, destined_role_id FROM ticket_types WHERE id = ?1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let destination = match destination {
        Some((Some(user), _)) => Destination::User(user),
        Some((None, Some(role))) => Destination::Role(role),
        _ => Destination::Nobody,
    };
    Ok((!destination_active(conn, destination).await?).then_some(Refusal::DestinationInactive))
}

/// Whether the user or role exists and is active (nobody always is).
async fn destination_active(conn: &mut SqliteConnection, destination: Destination) -> Result<bool> {
    let sql = match destination {
        Destination::Nobody => return Ok(true),
        Destination::User(_) => {
            "SELECT EXISTS (SELECT 1 FROM users
                                 WHERE id = ?1 AND active = 1 AND deleted = 0)"
        }
        Destination::Role(_) => {
            "SELECT EXISTS (SELECT 1 FROM roles
                                 WHERE id = ?1 AND active = 1 AND deleted = 0)"
        }
    };
    let (user, role) = destination.ids();
    Ok(sqlx::query_scalar(sql)
        .bind(user.or(role))
        .fetch_one(conn)
        .await?)
}

/// One row of [`list`].
#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    name: String,
    sla_hours: i64,
    sla_calendar: bool,
    active: bool,
    #[sqlx(flatten)]
    destination: AssigneeColumns,
}

/// Every ticket type not deleted, with its destination by name.
pub(super) async fn list(conn: &mut SqliteConnection) -> Result<Vec<CatalogEntry>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT t.id, t.name, t.sla_hours, t.sla_calendar, t.active,
                t.destined_user_id AS user_id, u.name AS user_name,
                u.active = 1 AND u.deleted = 0 AS user_active,
                t.destined_role_id AS role_id, r.name AS role_name
         FROM ticket_types t
         LEFT JOIN users u ON u.id = t.destined_user_id
         LEFT JOIN roles r ON r.id = t.destined_role_id
         WHERE t.deleted = 0",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            super::entry(
                row.id,
                CatalogValues::TicketTypes {
                    name: row.name,
                    destination: row.destination.assignee(),
                    sla_hours: super::whole(row.sla_hours),
                    sla_calendar: row.sla_calendar,
                },
                row.active,
            )
        })
        .collect())
}
