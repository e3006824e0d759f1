//! "Técnicos": who visits customers, each in a team and possibly signing in as a user, the
//! only module writing `technicians`.
use helpdesk_core::catalog::{CatalogEntry, CatalogValues};
use sqlx::SqliteConnection;
use uuid::Uuid;

use super::{Refusal, Written};
use crate::{new_id, Result, Store};

/// A technician.
#[derive(Debug, Clone)]
pub struct NewTechnician {
    pub name: String,
    pub team_id: Uuid,
    pub user_id: Option<Uuid>,
    pub phone: String,
}

/// Creates a technician, as given (trusted data: tests, benchmarks), and returns its id.
pub async fn insert_technician(store: &Store, technician: &NewTechnician) -> Result<Uuid> {
    let mut conn = store.pool().acquire().await?;
    insert(&mut conn, store.stamp(), technician).await
}

async fn insert(
    conn: &mut SqliteConnection,
    stamp: i64,
    technician: &NewTechnician,
) -> Result<Uuid> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO technicians (id, name, team_id, user_id, phone, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .bind(id)
    .bind(&technician.name)
    .bind(technician.team_id)
    .bind(technician.user_id)
    .bind(&technician.phone)
    .bind(stamp)
    .execute(conn)
    .await?;
    Ok(id)
}

/// Creates the technician, or replaces technician `id`'s values, unless the team or the
/// user is deactivated or removed.
pub(super) async fn write(
    conn: &mut SqliteConnection,
    stamp: i64,
    id: Option<Uuid>,
    technician: &NewTechnician,
) -> Result<Written> {
    if let Some(refusal) = inactive_link(conn, technician.team_id, technician.user_id).await? {
        return Ok(Written::Refused(refusal));
    }
    let Some(id) = id else {
        return Ok(Written::Saved(insert(conn, stamp, technician).await?));
    };
    let updated = sqlx::query(
        "UPDATE technicians SET name = ?1, team_id = ?2, user_id = ?3, phone = ?4,
                                changed_at = ?5
         WHERE id = ?6 AND deleted = 0",
    )
    .bind(&technician.name)
    .bind(technician.team_id)
    .bind(technician.user_id)
    .bind(&technician.phone)
    .bind(stamp)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(Written::updated(id, updated.rows_affected()))
}

/// A technician of a team or a user no longer active is not reactivated.
pub(super) async fn before_reactivating(
    conn: &mut SqliteConnection,
    id: Uuid,
) -> Result<Option<Refusal>> {
    let links: Option<(Uuid, Option<Uuid>)> =
        sqlx::query_as("SELECT team_id, user_id FROM technicians WHERE id = ?1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    match links {
        Some((team, user)) => inactive_link(conn, team, user).await,
        None => Ok(None),
    }
}

/// Why the team or the user (if any) cannot be a technician's: deactivated or removed.
async fn inactive_link(
    conn: &mut SqliteConnection,
    team: Uuid,
    user: Option<Uuid>,
) -> Result<Option<Refusal>> {
    let team_active: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM teams WHERE id = ?1 AND active = 1 AND deleted = 0)",
    )
    .bind(team)
    .fetch_one(&mut *conn)
    .await?;
    if !team_active {
        return Ok(Some(Refusal::TeamInactive));
    }
    let Some(user) = user else {
        return Ok(None);
    };
    let user_active: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM users WHERE id = ?1 AND active = 1 AND deleted = 0)",
    )
    .bind(user)
    .fetch_one(conn)
    .await?;
    Ok((!user_active).then_some(Refusal::UserInactive))
}

/// Every technician not deleted.
pub(super) async fn list(conn: &mut SqliteConnection) -> Result<Vec<CatalogEntry>> {
    let rows: Vec<(Uuid, String, Uuid, Option<Uuid>, String, bool)> = sqlx::query_as(
        "SELECT id, name, team_id, user_id, phone, active FROM technicians WHERE deleted = 0",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, team_id, user_id, phone, active)| {
            super::entry(
                id,
                CatalogValues::Technicians {
                    name,
                    team_id,
                    user_id,
                    phone,
                },
                active,
            )
        })
        .collect())
}
