//! Messages customers sent to the online support channel ("Suporte Online"): stored with
//! their files (`support_message_attachments`), found by sender, source and period with
//! where each stands (new, taken, handled), taken by an operator in the wizard, and the
//! headers a reply to one needs.
use helpdesk_core::email::Thread;
use helpdesk_core::protocol::Protocol;
use helpdesk_core::support::{
    ListedMessage, MessageAttachment, MessageSource, MessageState, SupportMessage,
};
use helpdesk_core::text;
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::support_message_attachments::{self, MessageFile};
use crate::{new_id, prefix_upper_bound, Result, Store, StoreError};

/// A message received from the online support channel.
#[derive(Debug, Clone)]
pub struct NewSupportMessage {
    pub email: String,
    pub subject: String,
    pub login: String,
    pub body: String,
    /// When it arrived, Unix milliseconds UTC.
    pub received_at: i64,
    /// Its Message-ID, in angle brackets; empty when it had none.
    pub rfc_message_id: String,
    /// The Message-IDs of its References header, space-separated.
    pub rfc_references: String,
    pub source: MessageSource,
    /// The sender's name, possibly empty.
    pub sender_name: String,
    /// The customer's CPF or CNPJ, bare, possibly empty.
    pub document: String,
    /// The quoted replies and signature, apart from `body`.
    pub quoted: String,
    /// The files that came with it, already kept in the attachments folder.
    pub attachments: Vec<MessageFile>,
}

/// Stores messages and their files in one transaction.
pub async fn insert_many(store: &Store, messages: &[NewSupportMessage]) -> Result<()> {
    let mut tx = store.pool().begin().await?;
    for message in messages {
        insert_in(&mut tx, new_id(), message, store.stamp()).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Writes `message` as the row `id` with its files' rows, stamped `changed_at`, on `conn`
/// (the caller's transaction).
pub async fn insert_in(
    conn: &mut SqliteConnection,
    id: Uuid,
    message: &NewSupportMessage,
    changed_at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO support_messages (id, email, email_folded, subject, login, body,
                                       received_at, changed_at, rfc_message_id,
                                       rfc_references, source, sender_name, document, quoted)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )
    .bind(id)
    .bind(&message.email)
    .bind(text::fold(&message.email))
    .bind(&message.subject)
    .bind(&message.login)
    .bind(&message.body)
    .bind(message.received_at)
    .bind(changed_at)
    .bind(&message.rfc_message_id)
    .bind(&message.rfc_references)
    .bind(message.source.code())
    .bind(&message.sender_name)
    .bind(&message.document)
    .bind(&message.quoted)
    .execute(&mut *conn)
    .await?;
    for file in &message.attachments {
        support_message_attachments::insert_in(conn, id, file, changed_at).await?;
    }
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

/// Which messages [`list`] finds.
#[derive(Debug, Clone, Copy)]
pub struct MessageFilter<'a> {
    /// The sender's address, folded; `None`: every sender.
    pub email: Option<&'a str>,
    /// The period, Unix ms, both ends included.
    pub from: i64,
    pub to: i64,
    pub limit: u32,
    /// Only the messages that came by mail; else every source.
    pub mail_only: bool,
    /// The operator asking (whose own takes are theirs).
    pub operator: Uuid,
}

/// The messages of `filter`, each with where it stands: new ones first, then those being
/// handled, then the handled ones, each newest first; at most `filter.limit`.
///
/// One ordered, limited walk per state, joined by `UNION ALL` under the same limit, so SQLite
/// stops as soon as the limit is reached: each walk goes down `support_messages_email_received`
/// (one sender) or `support_messages_received` newest first (the new ones', every sender's,
/// `support_messages_untaken`: only the messages nobody took) and asks
/// `tickets_support_message` whether the message has a ticket, never sorting the period.
/// `filter.mail_only` filters each walk by `source`; the files are read per message row
/// (`support_message_attachments_message`).
pub async fn list(store: &Store, filter: &MessageFilter<'_>) -> Result<Vec<ListedMessage>> {
    let sql = list_sql(filter.email.is_some(), filter.mail_only);
    let rows = sqlx::query_as::<_, ListedRow>(&sql)
        .bind(filter.email.unwrap_or_default())
        .bind(filter.from)
        .bind(filter.to)
        .bind(filter.limit)
        .bind(MessageSource::Mail.code())
        .fetch_all(store.pool())
        .await?;
    rows.into_iter()
        .map(|row| row.into_listed(filter.operator))
        .collect()
}

/// The SQL of [`list`], one sender's (`?1`) or every sender's, by mail only (`?5`) or not;
/// the period is `?2` to `?3`, the limit `?4`.
fn list_sql(by_sender: bool, mail_only: bool) -> String {
    let sender = if by_sender {
        "m.email_folded = ?1 AND"
    } else {
        ""
    };
    let source = if mail_only { "m.source = ?5 AND" } else { "" };
    let has_ticket = "EXISTS (SELECT 1 FROM tickets t
                              WHERE t.support_message_id = m.id AND t.deleted = 0)";
    let walk = |state: &str| {
        format!(
            "SELECT * FROM (
                 SELECT m.id, m.email, m.subject, m.login, m.body, m.received_at, m.taken_by,
                        m.taken_at, u.name AS taken_by_name, m.sender_name, m.document,
                        m.quoted,
                        (SELECT json_group_array(protocol) FROM (
                             SELECT protocol FROM tickets
                             WHERE support_message_id = m.id AND deleted = 0
                             ORDER BY opened_at, protocol)) AS protocols,
                        (SELECT json_group_array(json_array(lower(hex(id)), file_name,
                                                            content_hash, size_bytes))
                         FROM (SELECT id, file_name, content_hash, size_bytes
                               FROM support_message_attachments
                               WHERE message_id = m.id AND deleted = 0
                               ORDER BY file_name, id)) AS attachments
                 FROM support_messages m
                 LEFT JOIN users u ON u.id = m.taken_by
                 WHERE {sender} {source} m.received_at BETWEEN ?2 AND ?3 AND m.deleted = 0
                     AND {state}
                 ORDER BY m.received_at DESC
                 LIMIT ?4)"
        )
    };
    format!(
        "{} UNION ALL {} UNION ALL {} LIMIT ?4",
        walk(&format!("m.taken_by IS NULL AND NOT {has_ticket}")),
        walk(&format!("m.taken_by IS NOT NULL AND NOT {has_ticket}")),
        walk(has_ticket),
    )
}

/// One row of [`list`].
#[derive(sqlx::FromRow)]
struct ListedRow {
    id: Uuid,
    email: String,
    subject: String,
    login: String,
    body: String,
    received_at: i64,
    taken_by: Option<Uuid>,
    taken_at: Option<i64>,
    taken_by_name: Option<String>,
    sender_name: String,
    document: String,
    quoted: String,
    /// The tickets' protocols (digits), oldest first, as a JSON array.
    protocols: String,
    /// The message's files as a JSON array of `[id as hex, name, hash, size]`.
    attachments: String,
}

impl ListedRow {
    fn into_listed(self, operator: Uuid) -> Result<ListedMessage> {
        let protocols: Vec<String> = serde_json::from_str(&self.protocols)?;
        let protocols: Vec<Protocol> = protocols
            .iter()
            .filter_map(|digits| digits.parse().ok())
            .collect();
        let state = match (protocols.is_empty(), self.taken_by) {
            (false, _) => MessageState::Handled(protocols),
            (true, Some(by)) => MessageState::Taken {
                by: self.taken_by_name.unwrap_or_default(),
                mine: by == operator,
                at: self.taken_at.unwrap_or_default(),
            },
            (true, None) => MessageState::New,
        };
        Ok(ListedMessage {
            message: SupportMessage {
                id: self.id,
                email: self.email,
                subject: self.subject,
                login: self.login,
                body: self.body,
                received_at: self.received_at,
                sender_name: self.sender_name,
                document: self.document,
                quoted: self.quoted,
                attachments: files_of(&self.attachments)?,
            },
            state,
        })
    }
}

/// The files of a message from their JSON array (see [`ListedRow::attachments`]).
fn files_of(json: &str) -> Result<Vec<MessageAttachment>> {
    let rows: Vec<(String, String, String, u64)> = serde_json::from_str(json)?;
    rows.into_iter()
        .map(|(id, file_name, content_hash, size_bytes)| {
            let id =
                Uuid::try_parse(&id).map_err(|error| StoreError::Corrupt(error.to_string()))?;
            Ok(MessageAttachment {
                id,
                file_name,
                content_hash,
                size_bytes,
            })
        })
        .collect()
}

/// The operator `user_id` took the message `id` in the wizard at `now` (Unix ms): it shows
/// "Em atendimento" with their name until a ticket links to it. Synced like any change; the
/// last to take it is named. `false` when there is no such message.
pub async fn take(store: &Store, id: Uuid, user_id: Uuid, now: i64) -> Result<bool> {
    let changed = sqlx::query(
        "UPDATE support_messages SET taken_by = ?2, taken_at = ?3, changed_at = ?4
         WHERE id = ?1 AND deleted = 0",
    )
    .bind(id)
    .bind(user_id)
    .bind(now)
    .bind(store.stamp())
    .execute(store.pool())
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// Gives back the message `id` taken by `user_id` (their draft was discarded), on `conn`
/// (the discard's transaction): it shows "Novo" again unless another operator took it since.
pub async fn release_in(
    conn: &mut SqliteConnection,
    store: &Store,
    id: Uuid,
    user_id: Uuid,
) -> Result<()> {
    sqlx::query(
        "UPDATE support_messages SET taken_by = NULL, taken_at = NULL, changed_at = ?3
         WHERE id = ?1 AND taken_by = ?2",
    )
    .bind(id)
    .bind(user_id)
    .bind(store.stamp())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The headers of a reply to the message `id`, on `conn` (the ticket's save); none when the
/// message is unknown or had no Message-ID.
pub async fn thread_in(conn: &mut SqliteConnection, id: Uuid) -> Result<Thread> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT rfc_message_id, rfc_references FROM support_messages WHERE id = ?1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(
        row.map_or_else(Thread::default, |(message_id, references)| {
            Thread::replying_to(&message_id, &references)
        }),
    )
}

/// How many messages received since `since` (Unix ms) are new (nobody took them and no
/// ticket answers them), counting at most `cap`: a walk of `support_messages_untaken` (only
/// the messages nobody took) that stops at the cap.
pub async fn count_new(store: &Store, since: i64, cap: u32) -> Result<u32> {
    let count: i64 = sqlx::query_scalar(COUNT_NEW)
        .bind(since)
        .bind(cap)
        .fetch_one(store.pool())
        .await?;
    Ok(u32::try_from(count).unwrap_or(cap))
}

/// The query of [`count_new`]: since `?1`, at most `?2`.
const COUNT_NEW: &str = "SELECT count(*) FROM (
        SELECT 1 FROM support_messages m
        WHERE m.received_at >= ?1 AND m.deleted = 0 AND m.taken_by IS NULL
            AND NOT EXISTS (SELECT 1 FROM tickets t
                            WHERE t.support_message_id = m.id AND t.deleted = 0)
        LIMIT ?2)";

#[cfg(test)]
mod tests {
    use super::*;

    /// The plan of `sql`, its parameters `?1` to `?5` bound.
    async fn plan(store: &Store, sql: &str) -> Vec<String> {
        let rows: Vec<(i64, i64, i64, String)> =
            sqlx::query_as(&format!("EXPLAIN QUERY PLAN {sql}"))
                .bind("a@b")
                .bind(1_i64)
                .bind(2_i64)
                .bind(25_i64)
                .bind(MessageSource::Mail.code())
                .fetch_all(store.pool())
                .await
                .expect("EXPLAIN QUERY PLAN");
        rows.into_iter().map(|(_, _, _, detail)| detail).collect()
    }

    /// The queue's new messages (the count, and the list's first walk for every sender) walk
    /// the index of the messages nobody took; a sender's walk that sender's index.
    #[tokio::test]
    async fn new_messages_walk_the_untaken_index() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("plans.db"))
            .await
            .expect("open");
        let count = plan(&store, &COUNT_NEW.replace("?2", "?5")).await;
        assert!(
            count
                .iter()
                .any(|step| step.starts_with("SEARCH m USING INDEX support_messages_untaken")),
            "{count:?}"
        );
        for mail_only in [false, true] {
            let every = plan(&store, &list_sql(false, mail_only)).await;
            let walks: Vec<_> = every.iter().filter(|s| s.contains(" m USING")).collect();
            assert!(walks[0].contains("support_messages_untaken"), "{every:?}");
            assert!(walks.iter().all(|s| s.starts_with("SEARCH")), "{every:?}");
            let one = plan(&store, &list_sql(true, mail_only)).await;
            assert!(
                one.iter()
                    .filter(|s| s.contains(" m USING"))
                    .all(|s| s.contains("support_messages_email_received")),
                "{one:?}"
            );
        }
    }
}
