//! A support message taken in by this desktop from its own mailbox: its files go to the
//! attachments folder first (content-addressed, so a retry stores nothing twice), then the
//! message, its files' rows and the record that it was taken commit in one transaction. A
//! message taken before writes nothing.
use helpdesk_core::hex;
use helpdesk_core::support_intake::IntakeMessage;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::attachment_files::AttachmentFiles;
use crate::support_message_attachments::MessageFile;
use crate::support_messages::{self, NewSupportMessage};
use crate::{intake_taken, new_id, now_millis, Result, Store, StoreError};

/// What taking a message did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TakeOutcome {
    /// Stored as this new support message.
    New(Uuid),
    /// Taken before, as this support message: nothing written.
    Again(Uuid),
}

/// Stores `message` as a support message unless it was taken before.
pub async fn take(
    store: &Store,
    files: &AttachmentFiles,
    message: &IntakeMessage,
) -> Result<TakeOutcome> {
    let mut stored = Vec::with_capacity(message.attachments.len());
    for attachment in &message.attachments {
        let content_hash = hex::encode(&Sha256::digest(&attachment.content));
        let (folder, hash, content) = (
            files.clone(),
            content_hash.clone(),
            attachment.content.clone(),
        );
        tokio::task::spawn_blocking(move || folder.receive(&hash, &content))
            .await?
            .map_err(|error| StoreError::Files(error.to_string()))?;
        stored.push(MessageFile {
            file_name: attachment.file_name.clone(),
            content_type: attachment.content_type.clone(),
            content_hash,
            size_bytes: i64::try_from(attachment.content.len()).unwrap_or(i64::MAX),
        });
    }
    let id = new_id();
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    if let Some(earlier) =
        intake_taken::claim_in(&mut tx, &message.dedupe_key, id, now_millis()).await?
    {
        return Ok(TakeOutcome::Again(earlier));
    }
    support_messages::insert_in(&mut tx, id, &row(message, stored), store.stamp()).await?;
    tx.commit().await?;
    Ok(TakeOutcome::New(id))
}

/// The row of `message`, whose files are stored as `files`.
fn row(message: &IntakeMessage, files: Vec<MessageFile>) -> NewSupportMessage {
    NewSupportMessage {
        email: message.email.clone(),
        subject: message.subject.clone(),
        login: message.login.clone(),
        body: message.body.clone(),
        received_at: message.received_at,
        rfc_message_id: message.rfc_message_id.clone(),
        rfc_references: message.rfc_references.clone(),
        source: message.source,
        sender_name: message.sender_name.clone(),
        document: message.document.clone(),
        quoted: message.quoted.clone(),
        attachments: files,
    }
}
