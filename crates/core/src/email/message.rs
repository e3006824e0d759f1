//! The e-mail as it is queued: recipients checked, placeholders filled, attachments within
//! the limit, and its Message-ID.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use super::template::{render, EmailContext};
use super::thread::with_protocol;
use super::{fields, EmailDraft};
use crate::attachment::{describe_size, DraftAttachment, DEFAULT_MAX_BYTES};
use crate::form::{FieldError, FieldErrors};

/// The biggest total of an e-mail's attachments: 25 MB, what most providers accept.
pub const MAX_ATTACHMENT_BYTES: u64 = DEFAULT_MAX_BYTES;
/// The longest address accepted (RFC 5321's path limit).
const MAX_ADDRESS_CHARS: usize = 254;
/// The domain of every Message-ID this app makes.
pub const MESSAGE_ID_DOMAIN: &str = "helpdesk.local";

/// A file sent with the e-mail, stored in the attachments folder under `hash`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct EmailAttachment {
    /// The SHA-256 of its content, lowercase hex.
    pub hash: String,
    /// The name shown to the recipient.
    pub name: String,
    #[specta(type = f64)]
    pub size: u64,
}

impl From<&DraftAttachment> for EmailAttachment {
    fn from(attachment: &DraftAttachment) -> Self {
        Self {
            hash: attachment.content_hash.clone(),
            name: attachment.file_name.clone(),
            size: attachment.size_bytes,
        }
    }
}

/// The e-mail ready for the outbox: addresses checked, placeholders filled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct OutgoingEmail {
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub subject: String,
    pub body: String,
    pub attachments: Vec<EmailAttachment>,
}

/// The address trimmed (possibly empty), or `None` with why it is not an e-mail address
/// recorded at `field`.
pub fn check_optional_address(
    errors: &mut FieldErrors,
    field: &str,
    address: &str,
) -> Option<String> {
    if address.trim().is_empty() {
        return Some(String::new());
    }
    check_address(field, address)
        .map_err(|error| errors.add(&error.field, error.message))
        .ok()
}

/// `address` trimmed, or why it is not an e-mail address, at `field`.
pub fn check_address(field: &str, address: &str) -> Result<String, FieldError> {
    let address = address.trim();
    if address.chars().count() <= MAX_ADDRESS_CHARS
        && email_address::EmailAddress::is_valid(address)
        && !address.contains(['<', '>', ',', ';', ' '])
    {
        Ok(address.to_owned())
    } else {
        Err(FieldError::new(
            field,
            format!("\"{address}\" não é um e-mail válido. Exemplo: nome@provedor.com.br"),
        ))
    }
}

impl EmailDraft {
    /// The e-mail to queue, or every reason at its field: no recipient, an invalid address,
    /// the copy asked for with no copy address configured, an empty subject or body, an
    /// unknown placeholder, attachments over `max_total_bytes` (their total named).
    pub fn validate(
        &self,
        copy_address: Option<&str>,
        context: &EmailContext,
        max_total_bytes: u64,
    ) -> Result<OutgoingEmail, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let mut to: Vec<String> = Vec::new();
        for address in &self.recipients {
            match check_address(fields::RECIPIENTS, address) {
                Ok(address) if !to.iter().any(|seen| seen.eq_ignore_ascii_case(&address)) => {
                    to.push(address);
                }
                Ok(_) => {}
                Err(error) => errors.add(&error.field, error.message),
            }
        }
        if self.recipients.is_empty() {
            errors.add(fields::RECIPIENTS, "Escolha ao menos um destinatário.");
        }
        let mut cc = Vec::new();
        if self.copy {
            match copy_address
                .map(str::trim)
                .filter(|address| !address.is_empty())
            {
                None => errors.add(
                    fields::RECIPIENTS,
                    "Não há e-mail cópia configurado: peça a um administrador para configurá-lo \
                     ou desmarque \"E-mail cópia\".",
                ),
                Some(address) if to.iter().any(|seen| seen.eq_ignore_ascii_case(address)) => {}
                Some(address) => cc.push(address.to_owned()),
            }
        }
        let subject = self.filled(
            &mut errors,
            fields::SUBJECT,
            "o assunto",
            &self.subject,
            context,
        );
        let body = self.filled(
            &mut errors,
            fields::BODY,
            "o texto do e-mail",
            &self.body,
            context,
        );
        let total: u64 = self.attachments.iter().map(|a| a.size_bytes).sum();
        if total > max_total_bytes {
            errors.add(
                fields::ATTACHMENTS,
                format!(
                    "Os anexos somam {}; o limite de um e-mail é {}. Remova algum anexo.",
                    describe_size(total),
                    describe_size(max_total_bytes)
                ),
            );
        }
        errors.into_result(|| OutgoingEmail {
            to,
            cc,
            subject: with_protocol(&subject.unwrap_or_default(), &context.protocol)
                .replace(['\r', '\n'], " "),
            body: body.unwrap_or_default(),
            attachments: self.attachments.iter().map(EmailAttachment::from).collect(),
        })
    }

    /// `text` required and filled from `context`, or `None` with the reason recorded.
    fn filled(
        &self,
        errors: &mut FieldErrors,
        field: &str,
        label: &str,
        text: &str,
        context: &EmailContext,
    ) -> Option<String> {
        if text.trim().is_empty() {
            errors.add(field, format!("Preencha {label}."));
            return None;
        }
        render(field, text, context)
            .map_err(|error| errors.add(&error.field, error.message))
            .ok()
    }
}

/// The Message-ID of the outbox row `id`, fixed when it is queued, so a message sent again
/// after a crash carries the same one: `<uuid@helpdesk.local>`.
pub fn message_id(id: Uuid) -> String {
    format!("<{}@{MESSAGE_ID_DOMAIN}>", id.as_simple())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn context() -> EmailContext {
        EmailContext {
            customer: "Maria Conceição".into(),
            protocol: "261128-001-00042".into(),
            contacted_at: NaiveDate::from_ymd_opt(2026, 11, 28)
                .and_then(|day| day.and_hms_opt(14, 30, 0))
                .expect("date"),
            plan: String::new(),
            problem: "Lentidão".into(),
            visit: None,
            operator: "Ana Souza".into(),
            ticket_type: String::new(),
        }
    }

    fn attachment(size_bytes: u64) -> DraftAttachment {
        DraftAttachment {
            content_hash: "ab".repeat(32),
            file_name: "boleto.pdf".into(),
            size_bytes,
            notes: String::new(),
        }
    }

    fn draft() -> EmailDraft {
        EmailDraft {
            recipients: vec![
                " maria@exemplo.com.br ".into(),
                "MARIA@exemplo.com.br".into(),
            ],
            copy: true,
            template_id: None,
            subject: "Protocolo {protocolo}".into(),
            body: "Olá, {cliente}. Contato em {data_contato}.".into(),
            attachments: vec![attachment(1024)],
        }
    }

    #[test]
    fn a_good_draft_becomes_the_email_to_queue() {
        let email = draft()
            .validate(
                Some("copia@provedor.net.br"),
                &context(),
                MAX_ATTACHMENT_BYTES,
            )
            .expect("valid");
        assert_eq!(email.to, ["maria@exemplo.com.br"]);
        assert_eq!(email.cc, ["copia@provedor.net.br"]);
        assert_eq!(email.subject, "Protocolo 261128-001-00042");
        assert_eq!(
            email.body,
            "Olá, Maria Conceição. Contato em 28/11/2026 14:30."
        );
        assert_eq!(email.attachments[0].size, 1024);
    }

    #[test]
    fn every_reason_is_given_at_its_field() {
        let bad = EmailDraft {
            recipients: vec!["maria@".into(), "a@b.com, c@d.com".into()],
            subject: " ".into(),
            body: "{xyz}".into(),
            attachments: vec![attachment(20 << 20), attachment(10 << 20)],
            ..draft()
        };
        let errors = bad
            .validate(None, &context(), MAX_ATTACHMENT_BYTES)
            .expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                fields::RECIPIENTS,
                fields::RECIPIENTS,
                fields::RECIPIENTS,
                fields::SUBJECT,
                fields::BODY,
                fields::ATTACHMENTS
            ]
        );
        assert!(errors[0]
            .message
            .contains("\"maria@\" não é um e-mail válido"));
        assert!(errors[2].message.contains("e-mail cópia"));
        assert!(
            errors[5].message.contains("somam 30,0 MB"),
            "{}",
            errors[5].message
        );
    }

    #[test]
    fn no_recipient_is_refused() {
        let errors = EmailDraft {
            recipients: vec![],
            copy: false,
            ..draft()
        }
        .validate(None, &context(), MAX_ATTACHMENT_BYTES)
        .expect_err("no recipient");
        assert_eq!(errors[0].message, "Escolha ao menos um destinatário.");
    }

    #[test]
    fn message_ids_are_stable_and_local() {
        let id = Uuid::from_u128(0x0123_4567_89ab_cdef_0123_4567_89ab_cdef);
        assert_eq!(
            message_id(id),
            "<0123456789abcdef0123456789abcdef@helpdesk.local>"
        );
        assert_eq!(message_id(id), message_id(id));
    }
}
