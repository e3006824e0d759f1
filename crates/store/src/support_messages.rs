//! Messages customers sent to the online support channel ("Suporte Online").
use helpdesk_core::text;

use crate::{new_id, Result, Store};

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
