//! "Usuários": the operator accounts an administrator keeps.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::email::check_optional_address;
use crate::form::{required_text, FieldError, FieldErrors};
use crate::password::check_policy;

/// The longest name of a user.
pub const MAX_NAME_CHARS: usize = 120;
/// The longest login.
pub const MAX_LOGIN_CHARS: usize = 64;

/// Field names of the user form (the UI's `data-field`).
pub mod fields {
    pub const NAME: &str = "usuario-nome";
    pub const LOGIN: &str = "usuario-login";
    pub const EMAIL: &str = "usuario-email";
    pub const ROLE: &str = "usuario-cargo";
    pub const TEAM: &str = "usuario-equipe";
    pub const PASSWORD: &str = "usuario-senha";
}

/// A user as the administrator's list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct UserAccount {
    pub id: Uuid,
    pub login: String,
    pub name: String,
    pub email: String,
    pub role_id: Uuid,
    pub role_name: String,
    pub team_id: Option<Uuid>,
    pub team_name: Option<String>,
    pub active: bool,
    /// Must choose a new password at the next sign-in.
    pub must_change_password: bool,
}

/// "Novo usuário" or a user's changes, as typed.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct UserForm {
    /// `None` creates a user.
    pub id: Option<Uuid>,
    pub name: String,
    pub login: String,
    pub email: String,
    pub role_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    /// The first password, when creating (ignored when changing a user); the user must
    /// change it at the first sign-in.
    pub password: String,
}

/// Everything but the password: never in a log.
impl std::fmt::Debug for UserForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserForm")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("login", &self.login)
            .field("email", &self.email)
            .field("role_id", &self.role_id)
            .field("team_id", &self.team_id)
            .finish_non_exhaustive()
    }
}

/// Deactivating (`active: false`) or reactivating a user or a catalog entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ActiveChange {
    pub id: Uuid,
    pub active: bool,
}

/// A user form that passed [`UserForm::validate`]: trimmed, the login in lower case, the
/// e-mail possibly empty.
#[derive(Clone, PartialEq, Eq)]
pub struct ValidUser {
    /// `None` creates a user.
    pub id: Option<Uuid>,
    pub name: String,
    pub login: String,
    pub email: String,
    pub role_id: Uuid,
    pub team_id: Option<Uuid>,
    /// The first password, only when creating.
    pub password: Option<String>,
}

/// Everything but the password: never in a log.
impl std::fmt::Debug for ValidUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ValidUser")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("login", &self.login)
            .field("email", &self.email)
            .field("role_id", &self.role_id)
            .field("team_id", &self.team_id)
            .finish_non_exhaustive()
    }
}

impl UserForm {
    /// The user to store, or every reason at its field: the name, the login (lower case
    /// letters, digits, ".", "-" and "_"), an e-mail that is no address, no role, and when
    /// creating, a first password against the policy.
    pub fn validate(&self) -> Result<ValidUser, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let name = required_text(
            &mut errors,
            fields::NAME,
            "o nome",
            &self.name,
            MAX_NAME_CHARS,
        );
        let login = check_login(&mut errors, fields::LOGIN, &self.login);
        let email = check_optional_address(&mut errors, fields::EMAIL, &self.email);
        if self.role_id.is_none() {
            errors.add(fields::ROLE, "Escolha o cargo.");
        }
        if self.id.is_none() {
            check_policy(
                &mut errors,
                fields::PASSWORD,
                &self.password,
                login.as_deref().unwrap_or(&self.login),
            );
        }
        errors.into_result(|| ValidUser {
            id: self.id,
            name: name.unwrap_or_default(),
            login: login.unwrap_or_default(),
            email: email.unwrap_or_default(),
            role_id: self.role_id.unwrap_or_default(),
            team_id: self.team_id,
            password: self.id.is_none().then(|| self.password.clone()),
        })
    }
}

/// The login trimmed and in lower case, or `None` with the reason recorded at `field`: empty,
/// too long, or with characters other than letters, digits, ".", "-" and "_".
pub fn check_login(errors: &mut FieldErrors, field: &str, login: &str) -> Option<String> {
    let login = required_text(errors, field, "o login", login, MAX_LOGIN_CHARS)?.to_lowercase();
    if login
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'))
    {
        Some(login)
    } else {
        errors.add(
            field,
            "Use no login só letras sem acento, números, ponto, hífen e sublinhado.",
        );
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> UserForm {
        UserForm {
            id: None,
            name: " Maria Lima ".into(),
            login: " Maria.Lima ".into(),
            email: String::new(),
            role_id: Some(Uuid::from_u128(1)),
            team_id: None,
            password: "cavalo bateria grampo".into(),
        }
    }

    #[test]
    fn a_new_user_is_trimmed_and_the_login_lower_cased() {
        let user = form().validate().expect("valid");
        assert_eq!(user.name, "Maria Lima");
        assert_eq!(user.login, "maria.lima");
        assert_eq!(user.email, "");
        assert_eq!(user.password.as_deref(), Some("cavalo bateria grampo"));
    }

    #[test]
    fn every_wrong_field_is_reported() {
        let wrong = UserForm {
            name: " ".into(),
            login: "maria lima".into(),
            email: "maria@".into(),
            role_id: None,
            password: "curta".into(),
            ..form()
        };
        let errors = wrong.validate().expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|error| error.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                fields::NAME,
                fields::LOGIN,
                fields::EMAIL,
                fields::ROLE,
                fields::PASSWORD
            ]
        );
        let accented = UserForm {
            login: "joão".into(),
            ..form()
        };
        assert!(accented.validate().is_err());
    }

    #[test]
    fn the_password_is_checked_only_when_creating() {
        let with_login = UserForm {
            password: "maria.lima.2026".into(),
            ..form()
        };
        let errors = with_login.validate().expect_err("contains the login");
        assert_eq!(errors[0].field, fields::PASSWORD);
        let changed = UserForm {
            id: Some(Uuid::from_u128(7)),
            password: String::new(),
            ..form()
        };
        let user = changed.validate().expect("no password needed");
        assert_eq!(user.password, None);
    }
}
