//! The provider's integrations (its site or app posting customers' messages to the server's
//! portal route), as the administrator creates, lists and revokes them.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use super::{fields, ServerToken};
use crate::form::{required_text, FieldError, FieldErrors};

/// The longest integration name the server accepts.
pub const MAX_INTEGRATION_NAME_CHARS: usize = 200;

/// An integration as the server lists it (never its key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct IntegrationSummary {
    pub id: Uuid,
    pub name: String,
    /// Unix ms UTC.
    #[specta(type = f64)]
    pub created_at: i64,
    #[specta(type = Option<f64>)]
    pub revoked_at: Option<i64>,
    /// When its key was last accepted, if the server says.
    #[specta(type = Option<f64>)]
    pub last_used_at: Option<i64>,
    /// The full address of its public form page, when the server offers one.
    pub form_url: Option<String>,
}

/// "Nova integração". Not `Debug`: it carries the token.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct NewIntegration {
    pub token: ServerToken,
    pub name: String,
}

impl NewIntegration {
    /// The name trimmed, or every reason at its field.
    pub fn validate(&self) -> Result<String, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        if let Err(error) = self.token.check() {
            errors.add(&error.field, error.message);
        }
        let name = required_text(
            &mut errors,
            fields::INTEGRATION_NAME,
            "o nome da integração (o site ou aplicativo que vai usá-la)",
            &self.name,
            MAX_INTEGRATION_NAME_CHARS,
        );
        errors.into_result(|| name.unwrap_or_default())
    }
}

/// A new integration and its key, which the server answers only this once. Not `Debug`:
/// it carries the key.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CreatedIntegration {
    pub integration: IntegrationSummary,
    /// `<id>.<secret>`, sent by the portal as `Authorization: Bearer <key>`.
    pub key: String,
}

/// "Revogar" an integration. Not `Debug`: it carries the token.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct IntegrationRevocation {
    pub token: ServerToken,
    pub id: Uuid,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_required_and_not_too_long() {
        let new = |name: &str| NewIntegration {
            token: ServerToken::new("token-do-administrador"),
            name: name.into(),
        };
        assert_eq!(new("  Site  ").validate(), Ok("Site".to_owned()));
        for wrong in ["  ".to_owned(), "x".repeat(MAX_INTEGRATION_NAME_CHARS + 1)] {
            let errors = new(&wrong).validate().expect_err("refused");
            assert_eq!(errors[0].field, fields::INTEGRATION_NAME);
        }
    }
}
