//! `intake_taken` (local): the support messages this desktop took in from its own mailbox,
//! by what makes a message the same again (the key of the server's `intake_seen`). The one
//! module that writes the table.
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::Result;

/// Records that the message `dedupe_key` becomes `message_id` at `now` (Unix ms); answers the
/// id it already became when it was taken before, writing nothing. Call inside the
/// transaction that writes the message.
pub async fn claim_in(
    conn: &mut SqliteConnection,
    dedupe_key: &str,
    message_id: Uuid,
    now: i64,
) -> Result<Option<Uuid>> {
    let earlier: Option<Uuid> =
        sqlx::query_scalar("SELECT message_id FROM intake_taken WHERE dedupe_key = ?1")
            .bind(dedupe_key)
            .fetch_optional(&mut *conn)
            .await?;
    if earlier.is_none() {
        sqlx::query(
            "INSERT INTO intake_taken (dedupe_key, message_id, taken_at) VALUES (?1, ?2, ?3)",
        )
        .bind(dedupe_key)
        .bind(message_id)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(earlier)
}
