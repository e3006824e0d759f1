//! What the public form posts (`multipart/form-data`): the message's fields, the files,
//! the submission's id and the field people leave empty.
use axum::extract::multipart::{Multipart, MultipartError};
use helpdesk_core::portal::{fields, PortalMessage};

use super::files::ReceivedFile;

/// The hidden field naming one sending of the form (a UUID drawn when the form is shown).
pub const SUBMISSION: &str = "envio";
/// The field hidden from people: a form that fills it is a robot's.
pub const HONEYPOT: &str = "site";
/// The file input.
pub const FILES: &str = "attachments";

/// The text the customer typed, kept to show the form again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormValues {
    pub name: String,
    pub email: String,
    pub document: String,
    pub login: String,
    pub subject: String,
    pub text: String,
}

impl FormValues {
    /// The message as the JSON route receives it, to be checked by the same rules.
    pub fn message(&self) -> PortalMessage {
        PortalMessage {
            email: self.email.clone(),
            name: self.name.clone(),
            login: self.login.clone(),
            document: self.document.clone(),
            subject: self.subject.clone(),
            text: self.text.clone(),
            attachments: Vec::new(),
        }
    }
}

/// A posted form.
pub struct PostedForm {
    pub values: FormValues,
    /// The files chosen (an empty file input sends none).
    pub files: Vec<ReceivedFile>,
    /// The submission id as sent ("" when missing).
    pub submission: String,
    /// Whether the hidden field was filled.
    pub robot: bool,
}

/// Reads every part; unknown parts are skipped.
pub async fn read(mut multipart: Multipart) -> Result<PostedForm, MultipartError> {
    let mut posted = PostedForm {
        values: FormValues::default(),
        files: Vec::new(),
        submission: String::new(),
        robot: false,
    };
    while let Some(field) = multipart.next_field().await? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == FILES {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let content_type = field.content_type().unwrap_or_default().to_owned();
            let content = field.bytes().await?;
            if !file_name.is_empty() || !content.is_empty() {
                posted.files.push(ReceivedFile {
                    name: file_name,
                    content_type,
                    content: content.to_vec(),
                });
            }
            continue;
        }
        let text = field.text().await?;
        let values = &mut posted.values;
        match name.as_str() {
            fields::NAME => values.name = text,
            fields::EMAIL => values.email = text,
            fields::DOCUMENT => values.document = text,
            fields::LOGIN => values.login = text,
            fields::SUBJECT => values.subject = text,
            fields::TEXT => values.text = text,
            SUBMISSION => posted.submission = text,
            HONEYPOT => posted.robot = !text.trim().is_empty(),
            _ => {}
        }
    }
    Ok(posted)
}
