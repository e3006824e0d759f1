//! The files that came with support messages (`support_message_attachments`, synced): each
//! row names a file of the attachments folder by the SHA-256 of its content. The one module
//! that writes the table.
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::new_id;

/// A message's file, its bytes already in the attachments folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageFile {
    pub file_name: String,
    pub content_type: String,
    /// The SHA-256 of the content, lower-case hex: its name in the folder.
    pub content_hash: String,
    pub size_bytes: i64,
}

/// Writes `file` as a file of the message `message_id`, stamped `changed_at`, on `conn` (the
/// transaction that writes the message).
pub async fn insert_in(
    conn: &mut SqliteConnection,
    message_id: Uuid,
    file: &MessageFile,
    changed_at: i64,
) -> crate::Result<()> {
    sqlx::query(
        "INSERT INTO support_message_attachments (id, message_id, file_name, content_type,
                                                  content_hash, size_bytes, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .bind(new_id())
    .bind(message_id)
    .bind(&file.file_name)
    .bind(&file.content_type)
    .bind(&file.content_hash)
    .bind(file.size_bytes)
    .bind(changed_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
