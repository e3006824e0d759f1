//! "Pré-visualizar": the e-mail as the customer will read it, and what still stops it.
use serde::{Deserialize, Serialize};
use specta::Type;

use super::template::{render, EmailContext};
use super::thread::with_protocol;
use super::{fields, EmailDraft, MAX_ATTACHMENT_BYTES};
use crate::form::FieldError;

/// What `preview_email` is asked: the step's e-mail and the ticket it belongs to (the
/// shell fills `context.operator` from the session).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct EmailPreviewRequest {
    pub draft: EmailDraft,
    pub context: EmailContext,
}

impl EmailPreviewRequest {
    /// The preview as `operator` (the signed-in operator's name, for `{atendente}`) would
    /// send it, with the configured copy address and the e-mails' attachment limit.
    pub fn preview_by(mut self, operator: String, copy_address: Option<&str>) -> EmailPreview {
        self.context.operator = operator;
        preview(
            &self.draft,
            &self.context,
            copy_address,
            MAX_ATTACHMENT_BYTES,
        )
    }
}

/// The subject and body filled (each `None` when it cannot be), and every reason the
/// e-mail cannot be sent yet, at its field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct EmailPreview {
    pub subject: Option<String>,
    pub body: Option<String>,
    pub problems: Vec<FieldError>,
}

/// The preview of `draft` for `context`, with the configured copy address and attachment
/// limit.
pub fn preview(
    draft: &EmailDraft,
    context: &EmailContext,
    copy_address: Option<&str>,
    max_total_bytes: u64,
) -> EmailPreview {
    EmailPreview {
        subject: render(fields::SUBJECT, &draft.subject, context)
            .ok()
            .map(|subject| with_protocol(&subject, &context.protocol)),
        body: render(fields::BODY, &draft.body, context).ok(),
        problems: draft
            .validate(copy_address, context, max_total_bytes)
            .err()
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn the_operator_is_the_one_who_asks() {
        let request = EmailPreviewRequest {
            draft: EmailDraft {
                recipients: vec!["ana@exemplo.com.br".into()],
                subject: "Atendimento de {cliente}".into(),
                body: "Atenciosamente, {atendente}".into(),
                ..EmailDraft::default()
            },
            context: EmailContext {
                customer: "Ana".into(),
                protocol: "261128-001-00001".into(),
                contacted_at: NaiveDate::from_ymd_opt(2026, 11, 28)
                    .and_then(|day| day.and_hms_opt(14, 30, 0))
                    .expect("time"),
                plan: String::new(),
                problem: String::new(),
                visit: None,
                operator: "ignorado".into(),
                ticket_type: String::new(),
            },
        };
        let preview = request.preview_by("Bruno Lima".into(), None);
        assert_eq!(
            preview.subject.as_deref(),
            Some("Atendimento de Ana [Protocolo 261128-001-00001]")
        );
        assert_eq!(preview.body.as_deref(), Some("Atenciosamente, Bruno Lima"));
        assert_eq!(preview.problems, []);
    }
}
