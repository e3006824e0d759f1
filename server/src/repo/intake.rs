//! `intake_seen`: the messages the server took in, by what makes a message the same again.
use std::collections::HashMap;

use sqlx::PgConnection;
use uuid::Uuid;

/// Records that each message `keys[i]` (keys distinct) becomes `ids[i]`, unless taken
/// before; answers, for every key, the message it became: `ids[i]` when new, the earlier
/// one otherwise. Call inside the transaction that writes the new messages: a concurrent
/// claim of the same key waits for it, then sees it taken. Keys are claimed in byte order,
/// so two batches claiming some of the same keys wait for each other without deadlocking.
pub async fn claim_all(
    conn: &mut PgConnection,
    keys: &[String],
    ids: &[Uuid],
) -> Result<HashMap<String, Uuid>, sqlx::Error> {
    sqlx::query(
        "INSERT INTO intake_seen (dedupe_key, message_id)
         SELECT k, id FROM unnest($1::text[], $2::uuid[]) AS c(k, id)
         ORDER BY k COLLATE \"C\"
         ON CONFLICT (dedupe_key) DO NOTHING",
    )
    .bind(keys)
    .bind(ids)
    .execute(&mut *conn)
    .await?;
    let owners: Vec<(String, Uuid)> = sqlx::query_as(
        "SELECT dedupe_key, message_id FROM intake_seen WHERE dedupe_key = ANY($1::text[])",
    )
    .bind(keys)
    .fetch_all(&mut *conn)
    .await?;
    Ok(owners.into_iter().collect())
}
