//! Raw RFC 5322 bytes to an [`IncomingMessage`], with mail-parser: charsets, transfer
//! encodings and RFC 2047 headers decoded; HTML-only bodies made text; quoted replies and
//! the signature kept apart from the new text; attachments over the caller's limit dropped
//! and noted in the text.
use mail_parser::{MessageParser, MessagePart, MimeHeaders, PartType};
use sha2::{Digest, Sha256};

use crate::attachment::{oversized_note, sanitize_file_name, IncomingAttachment};
use crate::html::html_to_plain;
use crate::quote::split_quoted;

/// A mail read from the mailbox, ready to become a support message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingMessage {
    /// The Message-ID, without its angle brackets.
    pub message_id: Option<String>,
    /// What identifies this mail across deliveries: the Message-ID, or `sha256:<hex>` of the
    /// raw bytes when it has none.
    pub dedupe_key: String,
    /// The sender's address, in lower case.
    pub from_email: String,
    /// The sender's display name ("" when none).
    pub from_name: String,
    /// The subject ("" when none).
    pub subject: String,
    /// The new text the sender wrote.
    pub text: String,
    /// Quoted replies and the signature, kept apart.
    pub quoted: String,
    /// The Message-ID this mail answers.
    pub in_reply_to: Option<String>,
    /// The thread's Message-IDs, oldest first.
    pub references: Vec<String>,
    /// When it was sent (the Date: header), in Unix milliseconds.
    pub sent_at: Option<i64>,
    /// The attachments within the size limit.
    pub attachments: Vec<IncomingAttachment>,
}

/// Why a mail cannot become a support message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Not a mail at all (empty, or no header could be read).
    #[error("a mensagem está vazia ou não é um e-mail")]
    NotMail,
    /// No sender to answer.
    #[error("a mensagem não tem endereço de remetente (From)")]
    NoSender,
}

/// Reads `raw`, dropping (and noting in the text) attachments over `max_attachment_bytes`.
pub fn parse_message(
    raw: &[u8],
    max_attachment_bytes: usize,
) -> Result<IncomingMessage, ParseError> {
    let message = MessageParser::default()
        .parse(raw)
        .filter(|message| !message.headers().is_empty())
        .ok_or(ParseError::NotMail)?;
    let sender = message.from().and_then(|from| from.first());
    let from_email = sender
        .and_then(|addr| addr.address())
        .map(|address| address.trim().to_lowercase())
        .filter(|address| address.contains('@'))
        .ok_or(ParseError::NoSender)?;
    let from_name = sender
        .and_then(|addr| addr.name())
        .unwrap_or_default()
        .trim()
        .to_owned();

    let split = split_quoted(&body_text(message.text_bodies()));
    let (attachments, notes) = attachments(message.attachments(), max_attachment_bytes);

    let message_id = message.message_id().map(str::to_owned);
    Ok(IncomingMessage {
        dedupe_key: message_id.clone().unwrap_or_else(|| content_hash(raw)),
        message_id,
        from_email,
        from_name,
        subject: message.subject().unwrap_or_default().trim().to_owned(),
        text: std::iter::once(split.text)
            .chain(notes)
            .filter(|paragraph| !paragraph.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n"),
        quoted: split.quoted,
        in_reply_to: ids(message.in_reply_to()).into_iter().next(),
        references: ids(message.references()),
        sent_at: message.date().map(|date| date.to_timestamp() * 1000),
        attachments,
    })
}

/// The text of the inline bodies, HTML made plain, joined by blank lines.
fn body_text<'a>(parts: impl Iterator<Item = &'a MessagePart<'a>>) -> String {
    parts
        .filter_map(|part| match &part.body {
            PartType::Text(text) => Some(text.replace("\r\n", "\n")),
            PartType::Html(html) => Some(html_to_plain(html)),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The attachments within `max_bytes`, and a note for each one over it.
fn attachments<'a>(
    parts: impl Iterator<Item = &'a MessagePart<'a>>,
    max_bytes: usize,
) -> (Vec<IncomingAttachment>, Vec<String>) {
    let (mut kept, mut notes) = (Vec::new(), Vec::new());
    for part in parts {
        let default_name = if part.is_message() {
            "mensagem.eml"
        } else {
            "anexo"
        };
        let file_name = sanitize_file_name(part.attachment_name().unwrap_or(default_name));
        let content = match &part.body {
            PartType::Message(message) => message.raw_message(),
            _ => part.contents(),
        };
        if content.len() > max_bytes {
            notes.push(oversized_note(&file_name, max_bytes));
            continue;
        }
        kept.push(IncomingAttachment {
            file_name,
            content_type: content_type(part),
            content: content.to_vec(),
        });
    }
    (kept, notes)
}

/// `type/subtype` in lower case; `application/octet-stream` when the part has none.
fn content_type(part: &MessagePart<'_>) -> String {
    match part.content_type() {
        Some(kind) => match &kind.c_subtype {
            Some(subtype) => format!("{}/{subtype}", kind.c_type),
            None => kind.c_type.to_string(),
        }
        .to_ascii_lowercase(),
        None if part.is_message() => "message/rfc822".to_owned(),
        None => "application/octet-stream".to_owned(),
    }
}

/// The Message-IDs of an In-Reply-To or References header (one or many).
fn ids(value: &mail_parser::HeaderValue<'_>) -> Vec<String> {
    match value {
        mail_parser::HeaderValue::Text(id) => vec![id.to_string()],
        mail_parser::HeaderValue::TextList(ids) => ids.iter().map(|id| id.to_string()).collect(),
        _ => Vec::new(),
    }
}

/// `sha256:<hex>` of the raw bytes.
pub fn content_hash(raw: &[u8]) -> String {
    let digest = Sha256::digest(raw);
    let hex: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("sha256:{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: usize = 1 << 20;

    #[test]
    fn a_plain_mail_is_read() {
        let raw = b"From: Ana Lima <Ana@Exemplo.com.br>\r\nSubject: Sem internet\r\nMessage-ID: <a1@x>\r\nDate: Thu, 03 Dec 2026 10:00:00 -0300\r\n\r\nCaiu tudo.\r\n";
        let message = parse_message(raw, LIMIT).expect("parsed");
        assert_eq!(message.from_email, "ana@exemplo.com.br");
        assert_eq!(message.from_name, "Ana Lima");
        assert_eq!(message.dedupe_key, "a1@x");
        assert_eq!(message.text, "Caiu tudo.");
        assert_eq!(message.sent_at, Some(1_796_302_800_000));
    }

    #[test]
    fn a_mail_without_sender_is_refused() {
        let raw = b"Subject: ?\r\nTo: suporte@x.com\r\n\r\nOi\r\n";
        assert_eq!(parse_message(raw, LIMIT), Err(ParseError::NoSender));
        let raw = b"From: ninguem\r\n\r\nOi\r\n";
        assert_eq!(parse_message(raw, LIMIT), Err(ParseError::NoSender));
        assert_eq!(parse_message(b"", LIMIT), Err(ParseError::NotMail));
    }

    #[test]
    fn of_text_and_html_alternatives_the_text_is_read_once() {
        let raw = b"From: a@x.com\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nTexto simples\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>Texto <b>rico</b></p>\r\n--b--\r\n";
        let message = parse_message(raw, LIMIT).expect("parsed");
        assert_eq!(message.text, "Texto simples");
        assert!(message.attachments.is_empty());
    }

    #[test]
    fn without_message_id_the_key_is_the_content_hash() {
        let raw = b"From: a@x.com\r\n\r\nOi\r\n";
        let message = parse_message(raw, LIMIT).expect("parsed");
        assert_eq!(message.message_id, None);
        assert_eq!(message.dedupe_key, content_hash(raw));
        assert_eq!(message.dedupe_key.len(), "sha256:".len() + 64);
    }
}
