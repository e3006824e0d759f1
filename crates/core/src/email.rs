//! "Enviar E-mail": the message the operator composes in the wizard (recipients, copy,
//! template, subject, body, attachments), and the templates it starts from.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::attachment::DraftAttachment;

/// Field names of the e-mail step's messages, shared with the UI.
pub mod fields {
    pub const RECIPIENTS: &str = "email-destinatarios";
    pub const TEMPLATE: &str = "email-modelo";
    pub const SUBJECT: &str = "email-assunto";
    pub const BODY: &str = "email-corpo";
    pub const ATTACHMENTS: &str = "email-anexos";
}

/// "Modelo de E-mail": a subject and body with `{placeholders}` filled from the ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct EmailTemplate {
    pub id: Uuid,
    pub name: String,
    pub subject: String,
    pub body: String,
    /// The roles that may use it; empty: every role.
    pub role_ids: Vec<Uuid>,
}

/// The e-mail as the operator composes it in the wizard, kept as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct EmailDraft {
    /// "Enviar Para": the addresses checked, in the order the step lists them.
    pub recipients: Vec<String>,
    /// "E-mail cópia": the configured copy address goes in Cc.
    pub copy: bool,
    /// The template the subject and body came from, if any.
    pub template_id: Option<Uuid>,
    /// The subject and body with the placeholders still in them, as the template or the
    /// operator wrote them; filled from the ticket when sent.
    pub subject: String,
    pub body: String,
    /// "Anexar E-mail": files stored in the attachments folder (the ticket's own, or picked
    /// from disk).
    pub attachments: Vec<DraftAttachment>,
}

mod message;
mod preview;
mod smtp;
mod template;
mod thread;

pub use message::{
    check_address, check_optional_address, message_id, EmailAttachment, OutgoingEmail,
    MAX_ATTACHMENT_BYTES, MESSAGE_ID_DOMAIN,
};
pub use preview::{preview, EmailPreview, EmailPreviewRequest};
pub use smtp::{
    fields as smtp_fields, SecretPlace, SmtpSecurity, SmtpSettings, SmtpSettingsForm,
    SmtpSettingsView, PASSWORD_IN_CLEAR,
};
pub use template::{
    check_placeholders, fields as template_fields, render, EmailContext, EmailTemplateDraft,
    VisitInfo, NAME_TAKEN, PLACEHOLDERS,
};
pub use thread::{with_protocol, Thread};
