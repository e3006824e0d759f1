//! Support messages taken in by the server: each becomes a `support_messages` row (and a
//! `support_message_attachments` row per file, its bytes a blob), written as a desktop's
//! push would be, so every desktop pulls it; each is taken once.
use std::collections::HashSet;

use helpdesk_core::clock::HybridClock;
use helpdesk_core::hex;
use helpdesk_core::support_intake::{IntakeAttachment, IntakeMessage};
use helpdesk_core::sync::{FieldValue, SyncRow, SyncTable, Version};
use helpdesk_core::text;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::repo::{blobs, intake, rows};
use crate::state::AppState;

/// The origin of the versions the server writes: a fixed value no desktop draws (desktops'
/// origins are 16 random bytes), so the server's writes never tie with theirs.
pub const SERVER_ORIGIN: Uuid = Uuid::from_u128(0x6865_6c70_6465_736b_2d73_6572_7665_7200);

/// What taking a message did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    /// Stored as this new support message.
    New(Uuid),
    /// Taken before, as this support message: nothing written.
    Again(Uuid),
}

/// Why a message could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    #[error("{0}")]
    Database(#[from] sqlx::Error),
    /// The message's fields do not fit the synced tables (a server older than its
    /// desktops' schema, or the reverse).
    #[error("a mensagem não cabe nas tabelas de mensagens do suporte")]
    Schema,
}

/// Stores `message` as a support message unless it was taken before (see [`take_all`]).
pub async fn take(state: &AppState, message: &IntakeMessage) -> Result<Taken, IntakeError> {
    let mut taken = take_all(state, std::slice::from_ref(message)).await?;
    taken.pop().ok_or_else(unclaimed)
}

/// Stores each of `messages` as a support message unless it was taken before (or earlier
/// in `messages`); answers what became of each, in order. Their files' blobs are stored
/// first (content-addressed, so a retry stores nothing twice); then every row and the
/// record that each was taken commit in one transaction: all of them, or none.
pub async fn take_all(
    state: &AppState,
    messages: &[IntakeMessage],
) -> Result<Vec<Taken>, IntakeError> {
    let version = Version {
        stamp: HybridClock::default().tick(crate::now_ms()),
        origin: SERVER_ORIGIN,
    };
    let mut prepared = Vec::with_capacity(messages.len());
    for message in messages {
        prepared.push(prepare(state, message, version).await?);
    }
    // The first message of each key claims it with its id.
    let (mut keys, mut ids) = (Vec::new(), Vec::new());
    let mut claimed: HashSet<&str> = HashSet::new();
    for (message, (id, _)) in messages.iter().zip(&prepared) {
        if claimed.insert(&message.dedupe_key) {
            keys.push(message.dedupe_key.clone());
            ids.push(*id);
        }
    }

    let mut tx = state.pool().begin().await?;
    let owners = intake::claim_all(&mut tx, &keys, &ids).await?;
    let mut taken = Vec::with_capacity(messages.len());
    let mut written = Vec::new();
    for (message, (id, rows)) in messages.iter().zip(prepared) {
        let owner = *owners.get(&message.dedupe_key).ok_or_else(unclaimed)?;
        if owner == id {
            written.extend(rows);
            taken.push(Taken::New(id));
        } else {
            taken.push(Taken::Again(owner));
        }
    }
    if !written.is_empty() {
        rows::merge_all(&mut tx, &written).await?;
    }
    tx.commit().await?;
    Ok(taken)
}

/// A message the database answered neither as taken now nor as taken before.
fn unclaimed() -> IntakeError {
    IntakeError::Database(sqlx::Error::RowNotFound)
}

/// The id `message` would have and its rows; its files' blobs stored.
async fn prepare(
    state: &AppState,
    message: &IntakeMessage,
    version: Version,
) -> Result<(Uuid, Vec<SyncRow>), IntakeError> {
    let id = Uuid::now_v7();
    let mut rows = vec![message_row(id, message, version).ok_or(IntakeError::Schema)?];
    for attachment in &message.attachments {
        let hash = hex::encode(&Sha256::digest(&attachment.content));
        blobs::put(state.pool(), &hash, &attachment.content).await?;
        rows.push(attachment_row(id, attachment, &hash, version).ok_or(IntakeError::Schema)?);
    }
    Ok((id, rows))
}

fn text(value: &str) -> FieldValue {
    FieldValue::Text(value.to_owned())
}

/// The `support_messages` row of `message`.
fn message_row(id: Uuid, message: &IntakeMessage, version: Version) -> Option<SyncRow> {
    let values = vec![
        ("source", text(message.source.code())),
        ("email", text(&message.email)),
        ("email_folded", FieldValue::Text(text::fold(&message.email))),
        ("sender_name", text(&message.sender_name)),
        ("login", text(&message.login)),
        ("document", text(&message.document)),
        ("subject", text(&message.subject)),
        ("body", text(&message.body)),
        ("quoted", text(&message.quoted)),
        ("rfc_message_id", text(&message.rfc_message_id)),
        ("rfc_references", text(&message.rfc_references)),
        ("received_at", FieldValue::Integer(message.received_at)),
    ];
    SyncRow::created(SyncTable::named("support_messages")?, id, values, version)
}

/// The `support_message_attachments` row of one of the message's files.
fn attachment_row(
    message: Uuid,
    attachment: &IntakeAttachment,
    hash: &str,
    version: Version,
) -> Option<SyncRow> {
    let values = vec![
        ("message_id", FieldValue::Blob(message.as_bytes().to_vec())),
        ("file_name", text(&attachment.file_name)),
        ("content_type", text(&attachment.content_type)),
        ("content_hash", text(hash)),
        (
            "size_bytes",
            FieldValue::Integer(i64::try_from(attachment.content.len()).ok()?),
        ),
    ];
    SyncRow::created(
        SyncTable::named("support_message_attachments")?,
        Uuid::now_v7(),
        values,
        version,
    )
}
