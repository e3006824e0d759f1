//! A mail made a support message: the one mapping the sync server and a desktop reading its
//! own mailbox share.
use helpdesk_core::support::MessageSource;
use helpdesk_core::support_intake::{IntakeAttachment, IntakeMessage};

use crate::parse::IncomingMessage;

/// The support message of `mail`, received at `received_at` (Unix milliseconds): keyed
/// `mail:<Message-ID or content hash>`, its thread (References, then In-Reply-To when not
/// among them) with angle brackets.
pub fn support_message(mail: IncomingMessage, received_at: i64) -> IntakeMessage {
    let mut thread = mail.references;
    if let Some(parent) = mail.in_reply_to {
        if !thread.contains(&parent) {
            thread.push(parent);
        }
    }
    IntakeMessage {
        dedupe_key: format!("mail:{}", mail.dedupe_key),
        source: MessageSource::Mail,
        email: mail.from_email,
        sender_name: mail.from_name,
        login: String::new(),
        document: String::new(),
        subject: mail.subject,
        body: mail.text,
        quoted: mail.quoted,
        rfc_message_id: mail
            .message_id
            .as_deref()
            .map(bracketed)
            .unwrap_or_default(),
        rfc_references: thread
            .iter()
            .map(|id| bracketed(id))
            .collect::<Vec<_>>()
            .join(" "),
        received_at,
        attachments: mail
            .attachments
            .into_iter()
            .map(|attachment| IntakeAttachment {
                file_name: attachment.file_name,
                content_type: attachment.content_type,
                content: attachment.content,
            })
            .collect(),
    }
}

/// A Message-ID as headers write it: `<id>`.
fn bracketed(id: &str) -> String {
    format!("<{id}>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_keeps_its_thread_with_brackets() {
        let mail = IncomingMessage {
            message_id: Some("b@x".into()),
            dedupe_key: "b@x".into(),
            from_email: "ana@x.com".into(),
            from_name: "Ana".into(),
            subject: "Re: Sem internet".into(),
            text: "Voltou.".into(),
            quoted: "> Caiu.".into(),
            in_reply_to: Some("a2@x".into()),
            references: vec!["a1@x".into()],
            sent_at: None,
            attachments: Vec::new(),
        };
        let message = support_message(mail, 7);
        assert_eq!(message.dedupe_key, "mail:b@x");
        assert_eq!(message.source, MessageSource::Mail);
        assert_eq!(message.rfc_message_id, "<b@x>");
        assert_eq!(message.rfc_references, "<a1@x> <a2@x>");
        assert_eq!(message.body, "Voltou.");
        assert_eq!(message.quoted, "> Caiu.");
        assert_eq!(message.received_at, 7);
    }
}
