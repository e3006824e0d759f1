//! The files attached to tickets (`attachments`): their rows, written with their ticket,
//! and read back for the ticket's page. The files themselves are kept by
//! [`crate::attachment_files`].
use helpdesk_core::attachment::DraftAttachment;
use helpdesk_core::ticket_details::AttachmentInfo;
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::{new_id, Result, Store};

/// Attaches `attachment` (its file already stored) to the ticket `ticket_id`, added by
/// `added_by` at `at` (Unix ms), on `conn` (the caller's transaction).
pub async fn insert_in(
    conn: &mut SqliteConnection,
    store: &Store,
    ticket_id: Uuid,
    attachment: &DraftAttachment,
    added_by: Uuid,
    at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO attachments (id, ticket_id, file_name, content_hash, size_bytes, notes,
                                  added_by, added_at, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )
    .bind(new_id())
    .bind(ticket_id)
    .bind(&attachment.file_name)
    .bind(&attachment.content_hash)
    .bind(i64::try_from(attachment.size_bytes).unwrap_or(i64::MAX))
    .bind(&attachment.notes)
    .bind(added_by)
    .bind(at)
    .bind(store.stamp())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// One row of [`of_ticket`].
#[derive(sqlx::FromRow)]
struct InfoRow {
    id: Uuid,
    file_name: String,
    size_bytes: i64,
    notes: String,
    added_by_name: Option<String>,
    added_at: i64,
}

/// The files attached to the ticket `ticket_id` and not deleted, in the order they were
/// attached. One range of `attachments_ticket`.
pub async fn of_ticket(store: &Store, ticket_id: Uuid) -> Result<Vec<AttachmentInfo>> {
    let rows = sqlx::query_as::<_, InfoRow>(
        "SELECT a.id, a.file_name, a.size_bytes, a.notes, u.name AS added_by_name, a.added_at
         FROM attachments a
         LEFT JOIN users u ON u.id = a.added_by
         WHERE a.ticket_id = ?1 AND a.deleted = 0
         ORDER BY a.added_at, a.id",
    )
    .bind(ticket_id)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| AttachmentInfo {
            id: row.id,
            file_name: row.file_name,
            size_bytes: row.size_bytes,
            notes: row.notes,
            added_by_name: row.added_by_name.unwrap_or_default(),
            added_at: row.added_at,
        })
        .collect())
}

/// The display name and content hash of the attachment `id` (not deleted), if any.
pub async fn file_of(store: &Store, id: Uuid) -> Result<Option<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT file_name, content_hash FROM attachments WHERE id = ?1 AND deleted = 0",
    )
    .bind(id)
    .fetch_optional(store.pool())
    .await?)
}
