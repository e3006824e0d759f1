//! The durable outbox: every e-mail is written here first (inside the transaction that saves
//! its ticket) and sent later by the background worker, which claims due rows with a lease.
//! Each step appends to the ticket's history: `email_queued`, `email_sent`, `email_failed`
//! with `{"to", "cc", "subject", "message_id", "error"}`.
use helpdesk_core::email::{message_id, EmailAttachment, OutgoingEmail, Thread};
use serde_json::json;
use sqlx::SqliteConnection;
use uuid::Uuid;

mod operator;

pub use operator::{cancel, resend, OperatorOutcome};

use crate::ticket_events::{self, NewEvent};
use crate::{new_id, Result, Store};

/// An e-mail to queue.
#[derive(Debug, Clone, Copy)]
pub struct NewEmail<'a> {
    /// The ticket whose history tells what happened to it, if any.
    pub ticket_id: Option<Uuid>,
    /// The sender, from the SMTP settings at the time it is queued.
    pub from_address: &'a str,
    pub email: &'a OutgoingEmail,
    /// The operator who sent it.
    pub created_by: Uuid,
    /// The customer's message it answers, if any.
    pub thread: Option<&'a Thread>,
}

/// A message the worker claimed, as it must go out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMessage {
    pub id: Uuid,
    pub ticket_id: Option<Uuid>,
    /// `<uuid@helpdesk.local>`, fixed when queued.
    pub message_id: String,
    pub from_address: String,
    pub email: OutgoingEmail,
    /// Attempts so far, this one included.
    pub attempts: u32,
    /// When it was queued (Unix ms): the message's Date, the same on every attempt.
    pub queued_at: i64,
    pub created_by: Uuid,
    /// In-Reply-To and References (empty: it answers no message).
    pub thread: Thread,
}

/// Where a message is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxStatus {
    /// `queued`, `sending`, `sent` or `failed`.
    pub state: String,
    pub attempts: u32,
    pub last_error: Option<String>,
    pub next_attempt_at: i64,
    pub sent_at: Option<i64>,
}

/// Queues `new` on `conn` (the caller's transaction, e.g. the ticket's save), due at once,
/// with its Message-ID fixed now; writes `email_queued` to the ticket's history. Returns the
/// outbox id.
pub async fn enqueue_in(
    conn: &mut SqliteConnection,
    store: &Store,
    new: &NewEmail<'_>,
    now: i64,
) -> Result<Uuid> {
    let id = new_id();
    let message_id = message_id(id);
    sqlx::query(
        "INSERT INTO email_outbox (id, ticket_id, message_id, from_address, to_addresses,
             cc_addresses, subject, body, attachments, state, attempts, next_attempt_at,
             queued_at, created_by, changed_at, in_reply_to, thread_references)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'queued', 0, ?10, ?10, ?11, ?12, ?13, ?14)",
    )
    .bind(id)
    .bind(new.ticket_id)
    .bind(&message_id)
    .bind(new.from_address)
    .bind(serde_json::to_string(&new.email.to)?)
    .bind(serde_json::to_string(&new.email.cc)?)
    .bind(&new.email.subject)
    .bind(&new.email.body)
    .bind(serde_json::to_string(&new.email.attachments)?)
    .bind(now)
    .bind(new.created_by)
    .bind(store.stamp())
    .bind(new.thread.map_or("", |thread| thread.in_reply_to.as_str()))
    .bind(new.thread.map_or("", |thread| thread.references.as_str()))
    .execute(&mut *conn)
    .await?;
    if let Some(ticket_id) = new.ticket_id {
        let payload = event_payload(new.email, &message_id, None);
        let event = NewEvent {
            ticket_id,
            kind: "email_queued",
            payload: &payload,
            user_id: new.created_by,
            at: now,
        };
        ticket_events::append(conn, store, &event).await?;
    }
    Ok(id)
}

/// Queues `new` in a transaction of its own.
pub async fn enqueue(store: &Store, new: &NewEmail<'_>, now: i64) -> Result<Uuid> {
    let mut tx = store.pool().begin().await?;
    let id = enqueue_in(&mut tx, store, new, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// A message as [`claim_due`] returns it.
#[derive(sqlx::FromRow)]
struct ClaimedRow {
    id: Uuid,
    ticket_id: Option<Uuid>,
    message_id: String,
    from_address: String,
    to_addresses: String,
    cc_addresses: String,
    subject: String,
    body: String,
    attachments: String,
    attempts: i64,
    queued_at: i64,
    created_by: Uuid,
    in_reply_to: String,
    thread_references: String,
}

impl ClaimedRow {
    fn into_message(self) -> Result<OutboxMessage> {
        Ok(OutboxMessage {
            id: self.id,
            ticket_id: self.ticket_id,
            message_id: self.message_id,
            from_address: self.from_address,
            email: OutgoingEmail {
                to: serde_json::from_str(&self.to_addresses)?,
                cc: serde_json::from_str(&self.cc_addresses)?,
                subject: self.subject,
                body: self.body,
                attachments: serde_json::from_str::<Vec<EmailAttachment>>(&self.attachments)?,
            },
            attempts: u32::try_from(self.attempts).unwrap_or(u32::MAX),
            queued_at: self.queued_at,
            created_by: self.created_by,
            thread: Thread {
                in_reply_to: self.in_reply_to,
                references: self.thread_references,
            },
        })
    }
}

/// Claims up to `limit` due messages (queued and due, or claimed by a worker whose lease has
/// run out) in one statement: each becomes `sending` until `now + lease_ms`, one attempt
/// more. Oldest due first.
pub async fn claim_due(
    store: &Store,
    now: i64,
    lease_ms: i64,
    limit: u32,
) -> Result<Vec<OutboxMessage>> {
    let rows: Vec<ClaimedRow> = sqlx::query_as(
        "UPDATE email_outbox
         SET state = 'sending', attempts = attempts + 1, next_attempt_at = ?2, changed_at = ?3
         WHERE id IN (SELECT id FROM email_outbox
                      WHERE state IN ('queued', 'sending') AND next_attempt_at <= ?1
                      ORDER BY next_attempt_at LIMIT ?4)
         RETURNING id, ticket_id, message_id, from_address, to_addresses, cc_addresses, subject,
                   body, attachments, attempts, queued_at, created_by, in_reply_to,
                   thread_references",
    )
    .bind(now)
    .bind(now.saturating_add(lease_ms))
    .bind(store.stamp())
    .bind(limit)
    .fetch_all(store.pool())
    .await?;
    let mut messages = rows
        .into_iter()
        .map(ClaimedRow::into_message)
        .collect::<Result<Vec<_>>>()?;
    messages.sort_by_key(|message| message.queued_at);
    Ok(messages)
}

/// The message went out: `sent`, with `email_sent` in the ticket's history.
pub async fn mark_sent(store: &Store, message: &OutboxMessage, now: i64) -> Result<()> {
    finish(store, message, now, "sent", None).await
}

/// The message could not go out for now: queued again, due at `retry_at`, with the reason.
pub async fn mark_retry(
    store: &Store,
    message: &OutboxMessage,
    retry_at: i64,
    error: &str,
) -> Result<()> {
    sqlx::query(
        "UPDATE email_outbox
         SET state = 'queued', next_attempt_at = ?2, last_error = ?3, changed_at = ?4
         WHERE id = ?1 AND state = 'sending'",
    )
    .bind(message.id)
    .bind(retry_at)
    .bind(error)
    .bind(store.stamp())
    .execute(store.pool())
    .await?;
    Ok(())
}

/// The server refused the message for good: `failed`, with the reason, in the outbox and in
/// the ticket's history (`email_failed`).
pub async fn mark_failed(
    store: &Store,
    message: &OutboxMessage,
    now: i64,
    error: &str,
) -> Result<()> {
    finish(store, message, now, "failed", Some(error)).await
}

async fn finish(
    store: &Store,
    message: &OutboxMessage,
    now: i64,
    state: &str,
    error: Option<&str>,
) -> Result<()> {
    let mut tx = store.pool().begin().await?;
    let changed = sqlx::query(
        "UPDATE email_outbox
         SET state = ?2, last_error = ?3, sent_at = CASE WHEN ?2 = 'sent' THEN ?4 END,
             changed_at = ?5
         WHERE id = ?1 AND state = 'sending'",
    )
    .bind(message.id)
    .bind(state)
    .bind(error)
    .bind(now)
    .bind(store.stamp())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if let (1, Some(ticket_id)) = (changed, message.ticket_id) {
        let payload = event_payload(&message.email, &message.message_id, error);
        let kind = if error.is_some() {
            "email_failed"
        } else {
            "email_sent"
        };
        let event = NewEvent {
            ticket_id,
            kind,
            payload: &payload,
            user_id: message.created_by,
            at: now,
        };
        ticket_events::append(&mut tx, store, &event).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// One row of [`status`].
#[derive(sqlx::FromRow)]
struct StatusRow {
    state: String,
    attempts: i64,
    last_error: Option<String>,
    next_attempt_at: i64,
    sent_at: Option<i64>,
}

/// Where the outbox message `id` is, if it exists.
pub async fn status(store: &Store, id: Uuid) -> Result<Option<OutboxStatus>> {
    let row: Option<StatusRow> = sqlx::query_as(
        "SELECT state, attempts, last_error, next_attempt_at, sent_at
         FROM email_outbox WHERE id = ?1",
    )
    .bind(id)
    .fetch_optional(store.pool())
    .await?;
    Ok(row.map(|row| OutboxStatus {
        state: row.state,
        attempts: u32::try_from(row.attempts).unwrap_or(u32::MAX),
        last_error: row.last_error,
        next_attempt_at: row.next_attempt_at,
        sent_at: row.sent_at,
    }))
}

/// When the next queued message is due (Unix ms), if any is waiting: the worker sleeps
/// until then.
pub async fn next_due(store: &Store) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT min(next_attempt_at) FROM email_outbox WHERE state IN ('queued', 'sending')",
    )
    .fetch_one(store.pool())
    .await?)
}

pub(crate) fn event_payload(
    email: &OutgoingEmail,
    message_id: &str,
    error: Option<&str>,
) -> serde_json::Value {
    let mut payload = json!({
        "to": email.to,
        "cc": email.cc,
        "subject": email.subject,
        "message_id": message_id,
    });
    if let Some(error) = error {
        payload["error"] = json!(error);
    }
    payload
}
