//! "Funções de contato": what a customer's contact is to them, the choices of "Novo
//! Contato"; the only module writing `contact_roles`.
use helpdesk_core::catalog::{CatalogEntry, CatalogValues};
use helpdesk_core::text::fold;
use sqlx::SqliteConnection;
use uuid::Uuid;

use super::Written;
use crate::{new_id, Result, Store};

/// Creates the contact role, or renames contact role `id`.
pub(super) async fn write(
    conn: &mut SqliteConnection,
    stamp: i64,
    id: Option<Uuid>,
    name: &str,
) -> Result<Written> {
    let Some(id) = id else {
        let id = new_id();
        sqlx::query("INSERT INTO contact_roles (id, name, changed_at) VALUES (?1, ?2, ?3)")
            .bind(id)
            .bind(name)
            .bind(stamp)
            .execute(conn)
            .await?;
        return Ok(Written::Saved(id));
    };
    let updated = sqlx::query(
        "UPDATE contact_roles SET name = ?1, changed_at = ?2 WHERE id = ?3 AND deleted = 0",
    )
    .bind(name)
    .bind(stamp)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(Written::updated(id, updated.rows_affected()))
}

/// Every contact role not deleted.
pub(super) async fn list(conn: &mut SqliteConnection) -> Result<Vec<CatalogEntry>> {
    let rows: Vec<(Uuid, String, bool)> =
        sqlx::query_as("SELECT id, name, active FROM contact_roles WHERE deleted = 0")
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, active)| CatalogEntry {
            id,
            fields: CatalogValues::ContactRoles { name }.fields(),
            active,
        })
        .collect())
}

/// The active contact roles' names, by name ignoring case and accents: what "Novo Contato"
/// offers.
pub async fn active_names(store: &Store) -> Result<Vec<String>> {
    let mut names: Vec<String> =
        sqlx::query_scalar("SELECT name FROM contact_roles WHERE active = 1 AND deleted = 0")
            .fetch_all(store.pool())
            .await?;
    names.sort_by_cached_key(|name| (fold(name), name.clone()));
    Ok(names)
}
