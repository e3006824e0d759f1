//! The one error every command returns: a stable code, a pt-BR message, and the form field
//! it belongs to, if any.
use helpdesk_core::auth::{CredentialsError, CredentialsInput};
use helpdesk_core::customer::{SearchError, SearchInput};
use helpdesk_core::form::FieldError;
use helpdesk_core::protocol::ProtocolError;
use serde::{Deserialize, Serialize};
use specta::Type;

/// Stable error codes, safe to match on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    /// The operator's input breaks a rule; the message says which.
    InvalidInput,
    /// Wrong login or password.
    InvalidCredentials,
    /// The command needs a logged-in operator.
    NotAuthenticated,
    /// The operator's role may not do this.
    Forbidden,
    /// The record asked for does not exist.
    NotFound,
    /// The change collides with another one (a clash on the agenda, or a record changed by
    /// someone else since it was shown); the message says with what.
    Conflict,
    /// The session is locked after the idle time: the window shows its lock screen, and
    /// only the operator's password (`unlock_session`) or signing out goes on.
    SessionLocked,
    /// A fault that is not the operator's; details are in the log.
    Internal,
}

/// The error of every command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, thiserror::Error)]
#[error("{message}")]
pub struct CommandError {
    pub code: ErrorCode,
    /// For the operator, in pt-BR.
    pub message: String,
    /// The form field the message belongs to (e.g. "text", "limit", "password").
    pub field: Option<String>,
}

impl CommandError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            field: None,
        }
    }

    /// An invalid-input error shown at `field`.
    pub fn at_field(field: &str, message: impl Into<String>) -> Self {
        Self {
            code: ErrorCode::InvalidInput,
            message: message.into(),
            field: Some(field.into()),
        }
    }

    pub fn invalid_credentials() -> Self {
        Self::at_field("password", "Usuário ou senha incorretos.")
            .with_code(ErrorCode::InvalidCredentials)
    }

    pub fn not_authenticated() -> Self {
        Self::new(
            ErrorCode::NotAuthenticated,
            "Sua sessão terminou. Entre novamente.",
        )
    }

    /// The operator's account was deactivated (or removed) during the session, which ends.
    pub fn access_ended() -> Self {
        Self::new(
            ErrorCode::NotAuthenticated,
            "Seu acesso foi desativado. Fale com um administrador.",
        )
    }

    /// The session is locked: the lock screen asks for the password.
    pub fn session_locked() -> Self {
        Self::new(
            ErrorCode::SessionLocked,
            "A sessão está bloqueada. Digite sua senha para continuar.",
        )
    }

    /// The operator must choose a new password before anything else.
    pub fn must_change_password() -> Self {
        Self::new(ErrorCode::Forbidden, "Troque sua senha antes de continuar.")
    }

    /// The operator's role may not do what they asked.
    pub fn forbidden(what: &str) -> Self {
        Self::new(
            ErrorCode::Forbidden,
            format!("Somente administradores podem {what}."),
        )
    }

    /// `what` is administration, which this desktop's profile (`profile`, pt-BR) does not do.
    pub fn not_on_this_desktop(what: &str, profile: &str) -> Self {
        Self::new(
            ErrorCode::Forbidden,
            format!(
                "Este computador é de {profile}: para {what}, use um computador de Administração."
            ),
        )
    }

    /// Whether the window writes the error to the app's log when it shows it: every error
    /// but the session's own course (signed out, locked).
    pub fn worth_logging(&self) -> bool {
        !matches!(
            self.code,
            ErrorCode::NotAuthenticated | ErrorCode::SessionLocked
        )
    }

    /// Whether the error is a fault that is not the operator's.
    pub fn is_fault(&self) -> bool {
        self.code == ErrorCode::Internal
    }

    /// An internal fault; the message tells the operator nothing was lost and what to do.
    pub fn internal() -> Self {
        Self::new(
            ErrorCode::Internal,
            "Ocorreu um erro interno. Tente novamente; se persistir, avise o suporte.",
        )
    }

    /// The same error with another code.
    pub fn with_code(mut self, code: ErrorCode) -> Self {
        self.code = code;
        self
    }
}

impl From<SearchError> for CommandError {
    fn from(error: SearchError) -> Self {
        let field = match error.input() {
            SearchInput::Text => "text",
            SearchInput::Limit => "limit",
        };
        Self::at_field(field, error.to_string())
    }
}

impl From<FieldError> for CommandError {
    fn from(error: FieldError) -> Self {
        Self::at_field(&error.field, error.message)
    }
}

impl From<ProtocolError> for CommandError {
    fn from(error: ProtocolError) -> Self {
        match error {
            // Typed by the operator.
            ProtocolError::Format => Self::at_field("protocolo", error.to_string()),
            _ => Self::new(ErrorCode::Internal, error.to_string()),
        }
    }
}

impl From<CredentialsError> for CommandError {
    fn from(error: CredentialsError) -> Self {
        let field = match error.input() {
            CredentialsInput::Login => "login",
            CredentialsInput::Password => "password",
        };
        Self::at_field(field, error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_with_a_stable_code() {
        let json = serde_json::to_value(CommandError::invalid_credentials()).expect("serializes");
        assert_eq!(json["code"], "INVALID_CREDENTIALS");
        assert_eq!(json["field"], "password");
    }

    #[test]
    fn a_locked_session_has_its_own_code() {
        let json = serde_json::to_value(CommandError::session_locked()).expect("serializes");
        assert_eq!(json["code"], "SESSION_LOCKED");
    }

    #[test]
    fn the_window_logs_every_error_but_the_session_s_course() {
        assert!(CommandError::invalid_credentials().worth_logging());
        assert!(CommandError::internal().worth_logging());
        assert!(CommandError::forbidden("x").worth_logging());
        assert!(!CommandError::not_authenticated().worth_logging());
        assert!(!CommandError::session_locked().worth_logging());
        assert!(CommandError::internal().is_fault());
        assert!(!CommandError::invalid_credentials().is_fault());
    }

    #[test]
    fn search_errors_point_at_their_field() {
        let error = CommandError::from(SearchError::LimitOutOfRange);
        assert_eq!(error.field.as_deref(), Some("limit"));
        assert_eq!(error.code, ErrorCode::InvalidInput);
    }
}
