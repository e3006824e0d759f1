//! What an operator does to a failed e-mail from its ticket's page: "Reenviar" (queued
//! again, due at once, its attempts counted from zero) or "Cancelar" (`cancelled`, never
//! sent). Each appends its history entry (`email_resent`, `email_cancelled`) in the same
//! transaction.
use helpdesk_core::email::OutgoingEmail;
use uuid::Uuid;

use super::event_payload;
use crate::ticket_events::{self, NewEvent};
use crate::{Result, Store};

/// What became of [`resend`] or [`cancel`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperatorOutcome {
    /// Done; the ticket's history tells it.
    Done,
    /// The e-mail is not (or no longer) failed: queued, being sent, sent or cancelled.
    NotFailed,
    /// No such e-mail.
    NotFound,
}

/// One row of [`failed_in`].
#[derive(sqlx::FromRow)]
struct FailedRow {
    ticket_id: Option<Uuid>,
    message_id: String,
    to_addresses: String,
    cc_addresses: String,
    subject: String,
    state: String,
}

/// Queues the failed e-mail `id` again, due at `now`, with no attempts yet; by `user_id`.
pub async fn resend(store: &Store, id: Uuid, user_id: Uuid, now: i64) -> Result<OperatorOutcome> {
    change(
        store,
        id,
        user_id,
        now,
        "UPDATE email_outbox
         SET state = 'queued', attempts = 0, next_attempt_at = ?2, last_error = NULL,
             changed_at = ?3
         WHERE id = ?1 AND state = 'failed'",
        "email_resent",
    )
    .await
}

/// Cancels the failed e-mail `id`: it is never sent; by `user_id`.
pub async fn cancel(store: &Store, id: Uuid, user_id: Uuid, now: i64) -> Result<OperatorOutcome> {
    change(
        store,
        id,
        user_id,
        now,
        "UPDATE email_outbox SET state = 'cancelled', changed_at = ?3
         WHERE id = ?1 AND state = 'failed' AND ?2 = ?2",
        "email_cancelled",
    )
    .await
}

/// Applies `update` (`?1` the id, `?2` now, `?3` the stamp) to the failed e-mail `id` and
/// appends `kind` to its ticket's history, in one transaction.
async fn change(
    store: &Store,
    id: Uuid,
    user_id: Uuid,
    now: i64,
    update: &'static str,
    kind: &'static str,
) -> Result<OperatorOutcome> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let row: Option<FailedRow> = sqlx::query_as(
        "SELECT ticket_id, message_id, to_addresses, cc_addresses, subject, state
         FROM email_outbox WHERE id = ?1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        return Ok(OperatorOutcome::NotFound);
    };
    if row.state != "failed" {
        return Ok(OperatorOutcome::NotFailed);
    }
    sqlx::query(update)
        .bind(id)
        .bind(now)
        .bind(store.stamp())
        .execute(&mut *tx)
        .await?;
    if let Some(ticket_id) = row.ticket_id {
        let email = OutgoingEmail {
            to: serde_json::from_str(&row.to_addresses)?,
            cc: serde_json::from_str(&row.cc_addresses)?,
            subject: row.subject,
            body: String::new(),
            attachments: Vec::new(),
        };
        let payload = event_payload(&email, &row.message_id, None);
        let event = NewEvent {
            ticket_id,
            kind,
            payload: &payload,
            user_id,
            at: now,
        };
        ticket_events::append(&mut tx, store, &event).await?;
    }
    tx.commit().await?;
    Ok(OperatorOutcome::Done)
}
