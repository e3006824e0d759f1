//! Mail from the mailbox made support messages, each taken once.
use helpdesk_intake::IncomingMessage;

use crate::intake::{self, IntakeError, NewAttachment, NewMessage, Source, Taken};
use crate::state::AppState;

/// Takes a batch of `mails` as support messages, all in one transaction; mail taken
/// before (offered again after a dropped connection, or delivered twice) is Ok and writes
/// nothing.
pub async fn take_mails(state: &AppState, mails: Vec<IncomingMessage>) -> Result<(), IntakeError> {
    let received_at = crate::now_ms();
    let messages: Vec<NewMessage> = mails
        .into_iter()
        .map(|mail| new_message(mail, received_at))
        .collect();
    let taken = intake::take_all(state, &messages).await?;
    let new = taken
        .iter()
        .filter(|taken| matches!(taken, Taken::New(_)))
        .count();
    tracing::info!(new, before = taken.len() - new, "mail taken");
    Ok(())
}

/// The support message of `mail`, received at `received_at` (Unix milliseconds).
pub fn new_message(mail: IncomingMessage, received_at: i64) -> NewMessage {
    let mut thread = mail.references;
    if let Some(parent) = mail.in_reply_to {
        if !thread.contains(&parent) {
            thread.push(parent);
        }
    }
    NewMessage {
        dedupe_key: format!("mail:{}", mail.dedupe_key),
        source: Source::Mail,
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
            .map(|attachment| NewAttachment {
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
        let message = new_message(mail, 7);
        assert_eq!(message.dedupe_key, "mail:b@x");
        assert_eq!(message.source, Source::Mail);
        assert_eq!(message.rfc_message_id, "<b@x>");
        assert_eq!(message.rfc_references, "<a1@x> <a2@x>");
        assert_eq!(message.body, "Voltou.");
        assert_eq!(message.quoted, "> Caiu.");
        assert_eq!(message.received_at, 7);
    }
}
