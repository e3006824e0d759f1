//! Operators and their log-in.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// The longest login or password accepted.
pub const MAX_CREDENTIAL_CHARS: usize = 128;

/// What the operator types on the login screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Credentials {
    pub login: String,
    pub password: String,
}

/// The login form's fields, for placing messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum CredentialsInput {
    Login,
    Password,
}

/// Why the login form cannot be sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CredentialsError {
    #[error("Informe o usuário.")]
    MissingLogin,
    #[error("Informe a senha.")]
    MissingPassword,
    #[error("Usuário ou senha muito longos.")]
    TooLong,
}

impl CredentialsError {
    /// The form field the message should be shown at.
    pub fn input(&self) -> CredentialsInput {
        match self {
            CredentialsError::MissingPassword => CredentialsInput::Password,
            _ => CredentialsInput::Login,
        }
    }
}

impl Credentials {
    /// Checks the form before it is sent; returns the login as stored (trimmed, lower case).
    pub fn validate(&self) -> Result<String, CredentialsError> {
        let login = self.login.trim().to_lowercase();
        if login.is_empty() {
            return Err(CredentialsError::MissingLogin);
        }
        if self.password.is_empty() {
            return Err(CredentialsError::MissingPassword);
        }
        if login.chars().count() > MAX_CREDENTIAL_CHARS
            || self.password.chars().count() > MAX_CREDENTIAL_CHARS
        {
            return Err(CredentialsError::TooLong);
        }
        Ok(login)
    }
}

/// The logged-in operator, known to every command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Operator {
    pub id: Uuid,
    pub login: String,
    pub name: String,
    /// The operator's role ("Cargo").
    pub role: String,
    /// The role administers the help desk: users, catalogs, scripts, templates, settings.
    pub administrator: bool,
    /// The operator must choose a new password before anything else.
    pub must_change_password: bool,
}

/// The role ("Cargo") the demo's administrators have.
pub const ADMINISTRATOR_ROLE: &str = "Administrador";

impl Operator {
    /// Whether the operator may change what every operator uses (scripts, templates ...).
    pub fn is_administrator(&self) -> bool {
        self.administrator
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_is_trimmed_and_lower_cased() {
        let form = Credentials {
            login: " Ana.Souza ".into(),
            password: "x".into(),
        };
        assert_eq!(form.validate(), Ok("ana.souza".into()));
    }

    #[test]
    fn missing_fields_point_at_the_field() {
        let form = Credentials {
            login: " ".into(),
            password: "x".into(),
        };
        assert_eq!(form.validate(), Err(CredentialsError::MissingLogin));
        let form = Credentials {
            login: "ana".into(),
            password: String::new(),
        };
        let error = form.validate().expect_err("no password");
        assert_eq!(error.input(), CredentialsInput::Password);
    }
}
