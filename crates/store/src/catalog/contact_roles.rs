//! "Funções de contato": what a customer's contact is to them, the choices of "Novo
//! Contato"; written through `super::named`.
use helpdesk_core::catalog::{CatalogEntry, CatalogKind, CatalogValues};
use helpdesk_core::text::fold;
use sqlx::SqliteConnection;
use uuid::Uuid;

use super::{named, Written};
use crate::{Result, Store};

/// Creates the contact role, or renames contact role `id`.
pub(super) async fn write(
    conn: &mut SqliteConnection,
    stamp: i64,
    id: Option<Uuid>,
    name: &str,
) -> Result<Written> {
    named::write(conn, CatalogKind::ContactRoles, stamp, id, name).await
}

/// Every contact role not deleted.
pub(super) async fn list(conn: &mut SqliteConnection) -> Result<Vec<CatalogEntry>> {
    let rows = named::list(conn, CatalogKind::ContactRoles).await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, active)| super::entry(id, CatalogValues::ContactRoles { name }, active))
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
