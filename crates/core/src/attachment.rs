//! "Anexo": files attached to a ticket. The file is stored by its content's hash; the name
//! the operator's file had is kept for display only, so it is checked as text, never used as
//! a path.
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::form::FieldError;

/// The field of the attachment step's messages ("Pesquisar ou Criar").
pub const FIELD: &str = "anexo";
/// The biggest attachment when none is configured: 25 MB.
pub const DEFAULT_MAX_BYTES: u64 = 25 * MEGABYTE;
/// The longest "Observações" about an attachment.
pub const MAX_NOTES_CHARS: usize = 1000;
/// The longest file name kept.
pub const MAX_NAME_CHARS: usize = 255;

/// A megabyte as the operator reads sizes (binary, as file managers on Windows count).
const MEGABYTE: u64 = 1024 * 1024;

/// A file attached in the wizard, already stored, waiting for the ticket to be saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct DraftAttachment {
    /// The SHA-256 of its content, lowercase hex: where the file is stored.
    pub content_hash: String,
    /// The name the file had on the operator's disk, for display.
    pub file_name: String,
    #[specta(type = f64)]
    pub size_bytes: u64,
    /// "Observações".
    pub notes: String,
}

/// Whether `text` is a content hash as stored: 64 lowercase hex digits. Only such text ever
/// becomes part of a path in the attachments folder.
pub fn is_content_hash(text: &str) -> bool {
    text.len() == 64
        && text
            .bytes()
            .all(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte))
}

/// The name to show for a picked file whose last path component is `name`: trimmed, or why
/// it cannot be shown safely.
pub fn display_name(name: &str) -> Result<String, FieldError> {
    let name = name.trim();
    let refuse = |reason: &str| {
        Err(FieldError::new(
            FIELD,
            format!("O nome do arquivo {reason}: renomeie o arquivo e anexe-o de novo."),
        ))
    };
    if name.is_empty() || name == "." || name == ".." {
        return refuse("está vazio ou não é um nome de arquivo");
    }
    if name.chars().any(char::is_control) {
        return refuse("tem caracteres de controle");
    }
    if name.contains(['/', '\\']) || name.contains("..") {
        return refuse("tem \"/\", \"\\\" ou \"..\", que indicam outras pastas");
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return refuse(&format!("tem mais de {MAX_NAME_CHARS} caracteres"));
    }
    Ok(name.to_owned())
}

/// A size as the operator reads it, with a decimal comma: "1 byte", "830 bytes", "12,4 KB",
/// "1,2 MB", "2,0 GB".
pub fn describe_size(bytes: u64) -> String {
    const UNITS: [&str; 3] = ["KB", "MB", "GB"];
    if bytes < 1024 {
        return if bytes == 1 {
            "1 byte".to_owned()
        } else {
            format!("{bytes} bytes")
        };
    }
    // Precision is irrelevant at display sizes; f64 holds every file size exactly enough.
    #[allow(clippy::cast_precision_loss)]
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit]).replace('.', ",")
}

/// Why the file `name`, stored when picked, cannot be saved: it left the folder since.
pub fn no_longer_stored(name: &str) -> FieldError {
    FieldError::new(
        FIELD,
        format!(
            "O arquivo \"{name}\" não está mais na pasta de anexos: remova-o e anexe-o de novo."
        ),
    )
}

/// Why a file of `size` bytes is refused when the limit is `max` bytes.
pub fn too_large(size: u64, max: u64) -> FieldError {
    FieldError::new(
        FIELD,
        format!(
            "O arquivo tem {}; o limite para anexos é {}.",
            describe_size(size),
            describe_size(max)
        ),
    )
}

/// Checks the "Observações" of each attachment, at the field `anexo-observacoes-<n>`.
pub fn check_notes(attachments: &[DraftAttachment]) -> Vec<FieldError> {
    attachments
        .iter()
        .enumerate()
        .filter(|(_, attachment)| attachment.notes.trim().chars().count() > MAX_NOTES_CHARS)
        .map(|(index, _)| {
            FieldError::new(
                &notes_field(index),
                format!("Use no máximo {MAX_NOTES_CHARS} caracteres nas observações."),
            )
        })
        .collect()
}

/// The field of the "Observações" of the attachment at `index`.
pub fn notes_field(index: usize) -> String {
    format!("anexo-observacoes-{index}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_name_is_kept_trimmed() {
        assert_eq!(
            display_name("  Relatório da ONU (1).pdf "),
            Ok("Relatório da ONU (1).pdf".to_owned())
        );
    }

    #[test]
    fn names_that_look_like_paths_or_hide_characters_are_refused() {
        for name in [
            "../../etc/passwd",
            "..",
            "a/b.txt",
            "c:\\windows\\x.dll",
            "rel\u{7}atorio.pdf",
            "linha\nnova.txt",
            "",
            "   ",
        ] {
            let error = display_name(name).expect_err(name);
            assert_eq!(error.field, FIELD);
            assert!(error.message.contains("renomeie"), "{name}: {error:?}");
        }
        assert!(display_name(&"a".repeat(MAX_NAME_CHARS + 1)).is_err());
        assert!(display_name(&"á".repeat(MAX_NAME_CHARS)).is_ok());
    }

    #[test]
    fn sizes_read_in_portuguese() {
        assert_eq!(describe_size(0), "0 bytes");
        assert_eq!(describe_size(1), "1 byte");
        assert_eq!(describe_size(830), "830 bytes");
        assert_eq!(describe_size(1024), "1,0 KB");
        assert_eq!(describe_size(1_258_291), "1,2 MB");
        assert_eq!(describe_size(2 * 1024 * MEGABYTE), "2,0 GB");
        assert_eq!(describe_size(5 * 1024 * 1024 * MEGABYTE), "5120,0 GB");
        assert_eq!(describe_size(12_698), "12,4 KB");
        assert_eq!(describe_size(30 * MEGABYTE), "30,0 MB");
        assert_eq!(
            too_large(30 * MEGABYTE, DEFAULT_MAX_BYTES).message,
            "O arquivo tem 30,0 MB; o limite para anexos é 25,0 MB."
        );
    }

    #[test]
    fn only_sha256_hex_is_a_content_hash() {
        let hash = "ab".repeat(32);
        assert!(is_content_hash(&hash));
        assert!(!is_content_hash(&hash.to_uppercase()));
        assert!(!is_content_hash(&format!("../{}", &hash[3..])));
        assert!(!is_content_hash(&hash[1..]));
    }

    #[test]
    fn long_notes_are_refused_at_their_attachment() {
        let attachment = |notes: String| DraftAttachment {
            content_hash: "0".repeat(64),
            file_name: "a.pdf".into(),
            size_bytes: 1,
            notes,
        };
        let errors = check_notes(&[
            attachment("ok".into()),
            attachment("x".repeat(MAX_NOTES_CHARS + 1)),
        ]);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "anexo-observacoes-1");
    }
}
