//! `intake_seen`: the messages the server took in, by what makes a message the same again.
use sqlx::PgConnection;
use uuid::Uuid;

/// Records that the message `dedupe_key` becomes `message_id`; answers the id it already
/// became when it was taken before. Call inside the transaction that writes the message:
/// a concurrent take of the same key waits for it, then sees it taken.
pub async fn claim(
    conn: &mut PgConnection,
    dedupe_key: &str,
    message_id: Uuid,
) -> Result<Option<Uuid>, sqlx::Error> {
    let inserted: Option<Uuid> = sqlx::query_scalar(
        "INSERT INTO intake_seen (dedupe_key, message_id) VALUES ($1, $2)
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING message_id",
    )
    .bind(dedupe_key)
    .bind(message_id)
    .fetch_optional(&mut *conn)
    .await?;
    if inserted.is_some() {
        return Ok(None);
    }
    sqlx::query_scalar("SELECT message_id FROM intake_seen WHERE dedupe_key = $1")
        .bind(dedupe_key)
        .fetch_one(&mut *conn)
        .await
        .map(Some)
}
