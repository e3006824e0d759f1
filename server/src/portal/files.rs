//! The files a portal message brings: names made safe, sizes checked against the server's
//! blob limit, JSON's base64 decoded.
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use helpdesk_core::attachment::describe_size;
use helpdesk_core::form::FieldError;
use helpdesk_core::portal::{fields, PortalFile};
use helpdesk_core::support_intake::IntakeAttachment;
use helpdesk_intake::sanitize_file_name;

/// The content type of a file that names none.
const UNKNOWN_TYPE: &str = "application/octet-stream";
/// The longest content type kept.
const MAX_TYPE_CHARS: usize = 127;

/// A file as received: its name as the customer's system gave it, its type and bytes.
pub struct ReceivedFile {
    pub name: String,
    pub content_type: String,
    pub content: Vec<u8>,
}

/// The JSON's files decoded; a file that is not base64 is named in the error.
pub fn decode(files: &[PortalFile]) -> Result<Vec<ReceivedFile>, FieldError> {
    files
        .iter()
        .map(|file| {
            let content = STANDARD.decode(file.content_base64.trim()).map_err(|_| {
                FieldError::new(
                    fields::ATTACHMENTS,
                    format!(
                        "O conteúdo de {} não está em base64.",
                        sanitize_file_name(&file.name)
                    ),
                )
            })?;
            Ok(ReceivedFile {
                name: file.name.clone(),
                content_type: file.content_type.clone(),
                content,
            })
        })
        .collect()
}

/// The files as a support message's attachments, or the first one over `max_bytes` named.
pub fn attachments(
    files: Vec<ReceivedFile>,
    max_bytes: usize,
) -> Result<Vec<IntakeAttachment>, FieldError> {
    files
        .into_iter()
        .map(|file| {
            let file_name = sanitize_file_name(&file.name);
            if file.content.len() > max_bytes {
                return Err(FieldError::new(
                    fields::ATTACHMENTS,
                    format!(
                        "{file_name} tem {}; o limite por arquivo é {}.",
                        describe_size(file.content.len() as u64),
                        describe_size(max_bytes as u64)
                    ),
                ));
            }
            Ok(IntakeAttachment {
                file_name,
                content_type: content_type(&file.content_type),
                content: file.content,
            })
        })
        .collect()
}

/// A short, visible `type/subtype`, or [`UNKNOWN_TYPE`].
fn content_type(given: &str) -> String {
    let given = given.trim();
    let plausible = given.contains('/')
        && given.len() <= MAX_TYPE_CHARS
        && given.chars().all(|c| c.is_ascii_graphic() || c == ' ');
    if plausible {
        given.to_owned()
    } else {
        UNKNOWN_TYPE.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, content: &[u8]) -> ReceivedFile {
        ReceivedFile {
            name: name.into(),
            content_type: String::new(),
            content: content.to_vec(),
        }
    }

    #[test]
    fn names_are_made_safe_and_types_defaulted() {
        let kept = attachments(vec![file("../../etc/passwd", b"x")], 10).expect("kept");
        assert_eq!(kept[0].file_name, "passwd");
        assert_eq!(kept[0].content_type, UNKNOWN_TYPE);
    }

    #[test]
    fn a_file_over_the_limit_is_named() {
        let error = attachments(vec![file("foto.jpg", &[0; 11])], 10).expect_err("refused");
        assert_eq!(error.field, fields::ATTACHMENTS);
        assert!(
            error.message.starts_with("foto.jpg tem "),
            "{}",
            error.message
        );
    }

    #[test]
    fn base64_is_decoded_and_garbage_named() {
        let good = PortalFile {
            name: "a.txt".into(),
            content_type: "text/plain".into(),
            content_base64: "b2zDoQ==".into(),
        };
        let decoded = decode(std::slice::from_ref(&good)).expect("decoded");
        assert_eq!(decoded[0].content, "olá".as_bytes());
        let bad = PortalFile {
            content_base64: "não é base64".into(),
            ..good
        };
        let Err(error) = decode(&[bad]) else {
            panic!("garbage decoded");
        };
        assert!(error.message.contains("a.txt"), "{}", error.message);
    }
}
