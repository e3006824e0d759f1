//! "Cargos": the roles users hold, administrative or not, the only module writing `roles`.
//! Whether a change leaves an administrator is checked by the caller, in the same
//! transaction (`super::administrators_lost`).
use helpdesk_core::catalog::{CatalogEntry, CatalogValues};
use sqlx::SqliteConnection;
use uuid::Uuid;

use super::{Refusal, Written};
use crate::{new_id, Result, Store};

/// Creates a role, administrative or not, as given (trusted data: tests, benchmarks), and
/// returns its id.
pub async fn insert_role(store: &Store, name: &str, administrator: bool) -> Result<Uuid> {
    let mut conn = store.pool().acquire().await?;
    insert(&mut conn, store.stamp(), name, administrator, false).await
}

/// Creates a role on `conn` (the caller's transaction: the first run's administrator) and
/// returns its id.
pub async fn insert_role_in(
    conn: &mut SqliteConnection,
    store: &Store,
    name: &str,
    administrator: bool,
) -> Result<Uuid> {
    insert(conn, store.stamp(), name, administrator, false).await
}

async fn insert(
    conn: &mut SqliteConnection,
    stamp: i64,
    name: &str,
    administrator: bool,
    edits_customers: bool,
) -> Result<Uuid> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO roles (id, name, is_administrator, edits_customers, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .bind(id)
    .bind(name)
    .bind(administrator)
    .bind(edits_customers)
    .bind(stamp)
    .execute(conn)
    .await?;
    Ok(id)
}

/// Creates the role, or changes role `id`'s name, whether it administers and whether it
/// edits customers.
pub(super) async fn write(
    conn: &mut SqliteConnection,
    stamp: i64,
    id: Option<Uuid>,
    name: &str,
    administrator: bool,
    edits_customers: bool,
) -> Result<Written> {
    let Some(id) = id else {
        return Ok(Written::Saved(
            insert(conn, stamp, name, administrator, edits_customers).await?,
        ));
    };
    let updated = sqlx::query(
        "UPDATE roles SET name = ?1, is_administrator = ?2, edits_customers = ?3, changed_at = ?4
         WHERE id = ?5 AND deleted = 0",
    )
    .bind(name)
    .bind(administrator)
    .bind(edits_customers)
    .bind(stamp)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(Written::updated(id, updated.rows_affected()))
}

/// A role held by active users stays active: their role is changed first.
pub(super) async fn before_deactivating(
    conn: &mut SqliteConnection,
    id: Uuid,
) -> Result<Option<Refusal>> {
    let users: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM users WHERE role_id = ?1 AND active = 1 AND deleted = 0",
    )
    .bind(id)
    .fetch_one(conn)
    .await?;
    Ok((users > 0).then_some(Refusal::RoleInUse(users)))
}

/// Every role not deleted.
pub(super) async fn list(conn: &mut SqliteConnection) -> Result<Vec<CatalogEntry>> {
    let rows: Vec<(Uuid, String, bool, bool, bool)> = sqlx::query_as(
        "SELECT id, name, is_administrator, edits_customers, active FROM roles WHERE deleted = 0",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, administrator, edits_customers, active)| {
            super::entry(
                id,
                CatalogValues::Roles {
                    name,
                    administrator,
                    edits_customers,
                },
                active,
            )
        })
        .collect())
}
