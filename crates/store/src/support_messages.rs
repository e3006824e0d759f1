//! Messages customers sent to the online support channel ("Suporte Online").
use helpdesk_core::support::SupportMessage;
use helpdesk_core::text;
use uuid::Uuid;

use crate::{new_id, prefix_upper_bound, Result, Store};

/// A message received from the online support channel.
#[derive(Debug, Clone)]
pub struct NewSupportMessage {
    pub email: String,
    pub subject: String,
    pub login: String,
    pub body: String,
    /// When it arrived, Unix milliseconds UTC.
    pub received_at: i64,
}

/// Stores messages in one transaction.
pub async fn insert_many(store: &Store, messages: &[NewSupportMessage]) -> Result<()> {
    let mut tx = store.pool().begin().await?;
    for message in messages {
        sqlx::query(
            "INSERT INTO support_messages (id, email, email_folded, subject, login, body,
                                           received_at, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .bind(new_id())
        .bind(&message.email)
        .bind(text::fold(&message.email))
        .bind(&message.subject)
        .bind(&message.login)
        .bind(&message.body)
        .bind(message.received_at)
        .bind(store.stamp())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Up to `limit` sender addresses starting with `prefix` (already folded with
/// `helpdesk_core::text::fold`), in alphabetical order, each once.
///
/// Walks the `(email_folded, received_at)` index in order and stops after `limit` addresses.
pub async fn suggest_emails(store: &Store, prefix: &str, limit: u32) -> Result<Vec<String>> {
    let emails = sqlx::query_scalar(
        "SELECT min(email) FROM support_messages
         WHERE email_folded >= ?1 AND email_folded < ?2 AND deleted = 0
         GROUP BY email_folded ORDER BY email_folded LIMIT ?3",
    )
    .bind(prefix)
    .bind(prefix_upper_bound(prefix))
    .bind(limit)
    .fetch_all(store.pool())
    .await?;
    Ok(emails)
}

/// The messages from `email` (folded) received between `from` and `to` (Unix ms, both
/// included), newest first, at most `limit`.
pub async fn from_sender(
    store: &Store,
    email: &str,
    from: i64,
    to: i64,
    limit: u32,
) -> Result<Vec<SupportMessage>> {
    let rows = sqlx::query_as::<_, MessageRow>(
        "SELECT id, email, subject, login, body, received_at FROM support_messages
         WHERE email_folded = ?1 AND received_at BETWEEN ?2 AND ?3 AND deleted = 0
         ORDER BY received_at DESC LIMIT ?4",
    )
    .bind(email)
    .bind(from)
    .bind(to)
    .bind(limit)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| SupportMessage {
            id: row.id,
            email: row.email,
            subject: row.subject,
            login: row.login,
            body: row.body,
            received_at: row.received_at,
        })
        .collect())
}

/// One row of [`from_sender`].
#[derive(sqlx::FromRow)]
struct MessageRow {
    id: Uuid,
    email: String,
    subject: String,
    login: String,
    body: String,
    received_at: i64,
}
