//! Errors of forms that have more than one field: each reason is shown at its field.
use serde::{Deserialize, Serialize};
use specta::Type;

/// Why a form field's value is refused, in pt-BR, and which field it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct FieldError {
    /// The field's stable name (the UI's `data-field`).
    pub field: String,
    /// For the operator.
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Collects the errors of a form, so every wrong field is reported at once.
#[derive(Debug, Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    /// Records `message` at `field`.
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    /// `Ok(value)` when nothing was recorded, else every error.
    pub fn into_result<T>(self, value: impl FnOnce() -> T) -> Result<T, Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(value())
        } else {
            Err(self.0)
        }
    }
}

/// Why a text with the null character (U+0000) is refused.
pub const NUL_MESSAGE: &str = "Tire o caractere nulo (U+0000) do texto: ele não pode ser guardado.";

/// The text trimmed, or `None` (with the message recorded) when it is empty or longer than
/// `max_chars`; `label` names the field in the message ("o nome").
pub fn required_text(
    errors: &mut FieldErrors,
    field: &str,
    label: &str,
    text: &str,
    max_chars: usize,
) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        errors.add(field, format!("Preencha {label}."));
        None
    } else {
        optional_text(errors, field, trimmed, max_chars)
    }
}

/// The text trimmed (possibly empty), or `None` with the message recorded when it is longer
/// than `max_chars` or holds the null character (U+0000, which no database text keeps).
pub fn optional_text(
    errors: &mut FieldErrors,
    field: &str,
    text: &str,
    max_chars: usize,
) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.chars().count() > max_chars {
        errors.add(field, format!("Use no máximo {max_chars} caracteres."));
        None
    } else if trimmed.contains('\0') {
        errors.add(field, NUL_MESSAGE);
        None
    } else {
        Some(trimmed.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_with_the_null_character_is_refused_at_its_field() {
        let mut errors = FieldErrors::default();
        assert_eq!(
            optional_text(&mut errors, "assunto", "Sem\0 conexão", 100),
            None
        );
        assert_eq!(
            required_text(&mut errors, "texto", "o texto", "\0", 100),
            None
        );
        assert_eq!(
            optional_text(&mut errors, "nome", " Maria ", 100).as_deref(),
            Some("Maria")
        );
        assert_eq!(
            errors.into_result(|| ()),
            Err(vec![
                FieldError::new("assunto", NUL_MESSAGE),
                FieldError::new("texto", NUL_MESSAGE),
            ])
        );
    }
}
