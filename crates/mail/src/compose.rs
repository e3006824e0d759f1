//! The outbox row as an RFC 5322 message: the same Message-ID and Date on every attempt,
//! and In-Reply-To/References when it answers a customer's message.
use std::time::{Duration, UNIX_EPOCH};

use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::email_outbox::OutboxMessage;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::Message;

/// Builds the message, reading its attachments from `files`; the error is the pt-BR reason
/// it can never be sent (a missing attachment, an address lettre refuses).
pub fn compose(message: &OutboxMessage, files: &AttachmentFiles) -> Result<Message, String> {
    let email = &message.email;
    let address = |text: &str| {
        text.parse::<Mailbox>()
            .map_err(|_| format!("O endereço \"{text}\" não é válido para envio."))
    };
    let queued_ms = u64::try_from(message.queued_at).unwrap_or(0);
    let mut builder = Message::builder()
        .message_id(Some(message.message_id.clone()))
        .date(UNIX_EPOCH + Duration::from_millis(queued_ms))
        .from(address(&message.from_address)?)
        .subject(email.subject.clone());
    // A reply to the customer's message, in its thread.
    let thread = &message.thread;
    if !thread.in_reply_to.is_empty() {
        builder = builder
            .in_reply_to(thread.in_reply_to.clone())
            .references(thread.references.clone());
    }
    for to in &email.to {
        builder = builder.to(address(to)?);
    }
    for cc in &email.cc {
        builder = builder.cc(address(cc)?);
    }
    let text = SinglePart::plain(email.body.clone());
    let built = if email.attachments.is_empty() {
        builder.singlepart(text)
    } else {
        let mut parts = MultiPart::mixed().singlepart(text);
        for attachment in &email.attachments {
            let missing = || {
                format!(
                    "O anexo \"{}\" não está mais na pasta de anexos deste computador.",
                    attachment.name
                )
            };
            let path = files.path_of(&attachment.hash).ok_or_else(missing)?;
            let bytes = std::fs::read(path).map_err(|_| missing())?;
            parts = parts.singlepart(
                Attachment::new(attachment.name.clone())
                    .body(bytes, content_type(&attachment.name)),
            );
        }
        builder.multipart(parts)
    };
    built.map_err(|error| format!("A mensagem não pôde ser montada: {error}."))
}

/// The content type of a file by its extension; `application/octet-stream` when unknown.
fn content_type(name: &str) -> ContentType {
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase());
    let mime = match extension.as_deref() {
        Some("pdf") => "application/pdf",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("txt") => "text/plain",
        Some("csv") => "text/csv",
        _ => "application/octet-stream",
    };
    ContentType::parse(mime).unwrap_or(ContentType::TEXT_PLAIN)
}
