//! The catalogs whose entries are a name only: teams and contact roles, written here for
//! both tables (their own modules keep their rules).
use helpdesk_core::catalog::CatalogKind;
use sqlx::SqliteConnection;
use uuid::Uuid;

use super::Written;
use crate::{new_id, Result};

/// Inserts an entry of `kind` named `name`; returns its id.
pub(super) async fn insert(
    conn: &mut SqliteConnection,
    kind: CatalogKind,
    stamp: i64,
    name: &str,
) -> Result<Uuid> {
    let id = new_id();
    let sql = format!(
        "INSERT INTO {} (id, name, changed_at) VALUES (?1, ?2, ?3)",
        kind.table()
    );
    sqlx::query(&sql)
        .bind(id)
        .bind(name)
        .bind(stamp)
        .execute(conn)
        .await?;
    Ok(id)
}

/// Creates the entry of `kind`, or renames entry `id`.
pub(super) async fn write(
    conn: &mut SqliteConnection,
    kind: CatalogKind,
    stamp: i64,
    id: Option<Uuid>,
    name: &str,
) -> Result<Written> {
    let Some(id) = id else {
        return Ok(Written::Saved(insert(conn, kind, stamp, name).await?));
    };
    let sql = format!(
        "UPDATE {} SET name = ?1, changed_at = ?2 WHERE id = ?3 AND deleted = 0",
        kind.table()
    );
    let updated = sqlx::query(&sql)
        .bind(name)
        .bind(stamp)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(Written::updated(id, updated.rows_affected()))
}

/// Every entry of `kind` not deleted: id, name and whether it is active.
pub(super) async fn list(
    conn: &mut SqliteConnection,
    kind: CatalogKind,
) -> Result<Vec<(Uuid, String, bool)>> {
    let sql = format!(
        "SELECT id, name, active FROM {} WHERE deleted = 0",
        kind.table()
    );
    Ok(sqlx::query_as(&sql).fetch_all(conn).await?)
}
