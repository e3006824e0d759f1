//! The files that came with a support message, and how they become the ticket's: the same
//! stored content (by its hash), never a copy, with a note saying where it came from.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::attachment::DraftAttachment;

/// The "Observações" of a file the ticket took from the customer's message.
pub const FROM_MESSAGE_NOTE: &str = "Veio com a mensagem do cliente.";

/// A file that came with a support message (`support_message_attachments`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct MessageAttachment {
    pub id: Uuid,
    /// The file's name, as the mail or the portal gave it (made safe by the intake).
    pub file_name: String,
    /// The SHA-256 of its content, lowercase hex: where the file is stored.
    pub content_hash: String,
    #[specta(type = f64)]
    pub size_bytes: u64,
}

impl MessageAttachment {
    /// The file as the ticket attaches it: the same content, noted as the customer's.
    pub fn to_draft(&self) -> DraftAttachment {
        DraftAttachment {
            content_hash: self.content_hash.clone(),
            file_name: self.file_name.clone(),
            size_bytes: self.size_bytes,
            notes: FROM_MESSAGE_NOTE.to_owned(),
        }
    }

    /// Whether `attachment` (in the wizard) is this file taken from the message.
    pub fn is(&self, attachment: &DraftAttachment) -> bool {
        attachment.content_hash == self.content_hash && attachment.file_name == self.file_name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> MessageAttachment {
        MessageAttachment {
            id: Uuid::from_u128(1),
            file_name: "roteador.jpg".into(),
            content_hash: "a".repeat(64),
            size_bytes: 2048,
        }
    }

    #[test]
    fn the_ticket_keeps_the_same_content_noted_as_the_customers() {
        let draft = file().to_draft();
        assert_eq!(draft.content_hash, "a".repeat(64));
        assert_eq!(draft.file_name, "roteador.jpg");
        assert_eq!(draft.size_bytes, 2048);
        assert_eq!(draft.notes, FROM_MESSAGE_NOTE);
        assert!(file().is(&draft));
        let other = DraftAttachment {
            file_name: "outro.jpg".into(),
            ..draft
        };
        assert!(!file().is(&other), "same content under another name");
    }
}
