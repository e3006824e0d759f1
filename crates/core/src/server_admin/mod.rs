//! The sync server's administration from the desktop ("Caixas de correio", "Integrações"):
//! every command carries the server's enrollment token, which the administrator types when
//! the screen opens and which is kept nowhere else.
mod integrations;
mod mailboxes;

pub use integrations::{
    CreatedIntegration, IntegrationRevocation, IntegrationSummary, NewIntegration,
    MAX_INTEGRATION_NAME_CHARS,
};
pub use mailboxes::{MailboxEnabledChange, MailboxSave, MailboxSummary, WatcherStatus};

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::form::FieldError;

/// Field names of the administration screens (the UI's `data-field`).
pub mod fields {
    /// "Token do administrador do servidor".
    pub const TOKEN: &str = "servidor-token";
    /// "Nome" of a new integration.
    pub const INTEGRATION_NAME: &str = "integracao-nome";
}

/// The longest token accepted (the server's are far shorter).
const MAX_TOKEN_CHARS: usize = 512;

/// The server's enrollment token as the administrator typed it. Neither `Debug` nor
/// `Display`: it is never logged.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ServerToken(String);

impl ServerToken {
    /// The token typed, trimmed.
    pub fn new(typed: &str) -> Self {
        Self(typed.trim().to_owned())
    }

    /// The token, for the `Authorization` header.
    pub fn secret(&self) -> &str {
        &self.0
    }

    /// Refuses an empty token (or one that could not be a header), at [`fields::TOKEN`].
    pub fn check(&self) -> Result<(), FieldError> {
        let token = self.0.trim();
        if token.is_empty() {
            Err(FieldError::new(
                fields::TOKEN,
                "Informe o token do administrador do servidor.",
            ))
        } else if token.chars().count() > MAX_TOKEN_CHARS
            || !token.chars().all(|c| c.is_ascii_graphic())
        {
            Err(FieldError::new(
                fields::TOKEN,
                "O token tem caracteres que não podem estar nele; copie-o de novo.",
            ))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_required_and_printable() {
        assert_eq!(
            ServerToken::new("  ").check().map_err(|e| e.field),
            Err(fields::TOKEN.into())
        );
        assert!(ServerToken::new("com espaço").check().is_err());
        let token = ServerToken::new(" token-do-administrador ");
        assert_eq!(token.secret(), "token-do-administrador");
        assert!(token.check().is_ok());
    }

    #[test]
    fn a_token_travels_as_a_plain_string() {
        let json = serde_json::to_string(&ServerToken::new("abc")).expect("json");
        assert_eq!(json, "\"abc\"");
    }
}
