//! A support message as it is taken in (from the support mailbox or the customer portal),
//! before it becomes a `support_messages` row and a `support_message_attachments` row per
//! file. The desktop that reads its own mailbox and the sync server build it the same way
//! (`helpdesk_intake::support_message`).
use crate::support::MessageSource;

/// A support message as taken in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeMessage {
    /// What makes it the same message again (`mail:<Message-ID or content hash>`, a portal's
    /// idempotency key), scoped by where it came from.
    pub dedupe_key: String,
    pub source: MessageSource,
    /// The sender's address.
    pub email: String,
    pub sender_name: String,
    pub login: String,
    /// The customer's CPF or CNPJ, bare, when given.
    pub document: String,
    pub subject: String,
    /// The new text.
    pub body: String,
    /// A mail's quoted replies and signature.
    pub quoted: String,
    /// A mail's Message-ID with its angle brackets ("" when none).
    pub rfc_message_id: String,
    /// The Message-IDs of its thread, with their angle brackets, space-separated.
    pub rfc_references: String,
    /// When it arrived, Unix milliseconds.
    pub received_at: i64,
    pub attachments: Vec<IntakeAttachment>,
}

/// A file that came with a message.
#[derive(Clone, PartialEq, Eq)]
pub struct IntakeAttachment {
    /// A name already made safe (no path, no control characters).
    pub file_name: String,
    pub content_type: String,
    pub content: Vec<u8>,
}

/// The name, type and size, not the bytes.
impl std::fmt::Debug for IntakeAttachment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IntakeAttachment")
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .field("size", &self.content.len())
            .finish()
    }
}
