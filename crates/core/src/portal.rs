//! A message the provider's customer portal posts to the server ("Suporte Online" from the
//! provider's site or app): who sent it, how the customer may be found, and what they
//! wrote. Checked here, stored by the server as a support message.
use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::email::check_address;
use crate::form::{optional_text, required_text, FieldError, FieldErrors};

/// The field names of a portal message, as its JSON and its errors give them.
pub mod fields {
    pub const EMAIL: &str = "email";
    pub const NAME: &str = "name";
    pub const LOGIN: &str = "login";
    pub const DOCUMENT: &str = "document";
    pub const SUBJECT: &str = "subject";
    pub const TEXT: &str = "text";
    pub const ATTACHMENTS: &str = "attachments";
}

/// The longest values accepted.
pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_LOGIN_CHARS: usize = 64;
pub const MAX_SUBJECT_CHARS: usize = 200;
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The most files one message may bring.
pub const MAX_FILES: usize = 5;

/// A message as the portal posts it. Unknown fields are refused, so a portal that sends
/// something this server does not keep hears so instead of losing it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PortalMessage {
    /// The customer's e-mail: the message's sender, to answer.
    pub email: String,
    #[serde(default)]
    pub name: String,
    /// The customer's PPPoE login, when the portal knows it.
    #[serde(default)]
    pub login: String,
    /// The customer's CPF or CNPJ, masked or bare, when the portal knows it.
    #[serde(default)]
    pub document: String,
    pub subject: String,
    pub text: String,
    /// Files the customer attached (photos of the router's lights, a bill).
    #[serde(default)]
    pub attachments: Vec<PortalFile>,
}

/// A file posted with a message, its bytes in standard base64. Its name is made safe and
/// its size checked by the server, which decodes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PortalFile {
    pub name: String,
    /// `application/octet-stream` when not given.
    #[serde(default)]
    pub content_type: String,
    pub content_base64: String,
}

impl PortalMessage {
    /// The message trimmed, the document bare; or every field's error, in pt-BR.
    pub fn validate(&self) -> Result<PortalMessage, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let email = check_address(fields::EMAIL, &self.email)
            .map_err(|error| errors.add(&error.field, error.message))
            .ok();
        let name = optional_text(&mut errors, fields::NAME, &self.name, MAX_NAME_CHARS);
        let login = optional_text(&mut errors, fields::LOGIN, &self.login, MAX_LOGIN_CHARS);
        let document = match self.document.trim() {
            "" => Some(String::new()),
            typed => Document::parse(typed)
                .map(|document| document.bare().to_owned())
                .map_err(|error| errors.add(fields::DOCUMENT, error.to_string()))
                .ok(),
        };
        let subject = required_text(
            &mut errors,
            fields::SUBJECT,
            "o assunto",
            &self.subject,
            MAX_SUBJECT_CHARS,
        );
        let text = required_text(
            &mut errors,
            fields::TEXT,
            "o texto",
            &self.text,
            MAX_TEXT_CHARS,
        );
        if let Err(error) = check_file_count(self.attachments.len()) {
            errors.add(&error.field, error.message);
        }
        errors.into_result(|| PortalMessage {
            email: email.unwrap_or_default(),
            name: name.unwrap_or_default(),
            login: login.unwrap_or_default(),
            document: document.unwrap_or_default(),
            subject: subject.unwrap_or_default(),
            text: text.unwrap_or_default(),
            attachments: self.attachments.clone(),
        })
    }
}

/// Refuses more than [`MAX_FILES`] files on one message (the JSON's and the form's alike).
pub fn check_file_count(count: usize) -> Result<(), FieldError> {
    if count > MAX_FILES {
        Err(FieldError::new(
            fields::ATTACHMENTS,
            format!("Envie no máximo {MAX_FILES} arquivos por mensagem."),
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message() -> PortalMessage {
        PortalMessage {
            email: " maria@example.com ".into(),
            name: "Maria".into(),
            login: "maria.silva".into(),
            document: "123.456.789-09".into(),
            subject: "Sem conexão".into(),
            text: "Minha internet caiu.\n".into(),
            attachments: Vec::new(),
        }
    }

    #[test]
    fn a_good_message_is_trimmed_and_its_document_bare() {
        let valid = message().validate().expect("valid");
        assert_eq!(valid.email, "maria@example.com");
        assert_eq!(valid.document, "12345678909");
        assert_eq!(valid.text, "Minha internet caiu.");
        assert_eq!(valid.validate(), Ok(valid.clone()));
    }

    #[test]
    fn every_wrong_field_is_named() {
        let errors = PortalMessage {
            email: "maria@".into(),
            name: "n".repeat(MAX_NAME_CHARS + 1),
            login: "l".repeat(MAX_LOGIN_CHARS + 1),
            document: "123.456.789-00".into(),
            subject: " ".into(),
            text: String::new(),
            attachments: vec![PortalFile::default(); MAX_FILES + 1],
        }
        .validate()
        .expect_err("invalid");
        let named: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
        assert_eq!(
            named,
            [
                fields::EMAIL,
                fields::NAME,
                fields::LOGIN,
                fields::DOCUMENT,
                fields::SUBJECT,
                fields::TEXT,
                fields::ATTACHMENTS
            ]
        );
        assert_eq!(errors[4].message, "Preencha o assunto.");
    }

    #[test]
    fn only_email_subject_and_text_are_required_and_unknown_fields_are_refused() {
        let minimal: PortalMessage =
            serde_json::from_str(r#"{"email": "a@example.com", "subject": "Oi", "text": "Lento"}"#)
                .expect("parses");
        assert!(minimal.validate().is_ok());
        let unknown = serde_json::from_str::<PortalMessage>(
            r#"{"email": "a@example.com", "subject": "Oi", "text": "Lento", "anexos": []}"#,
        );
        assert!(unknown.is_err());
    }
}
