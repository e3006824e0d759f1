//! The password policy and the forms that set a password.
//!
//! A password has at least [`MIN_PASSWORD_CHARS`] characters, does not contain the login
//! (ignoring case and accents), and is not one of the most common passwords
//! (`password/common.txt`, compared ignoring case). It is never trimmed: spaces count.
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::auth::MAX_CREDENTIAL_CHARS;
use crate::form::{FieldError, FieldErrors};
use crate::text::fold;

/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// A login shorter than this is not looked for inside the password (a one-letter login would
/// refuse most passwords).
const MIN_LOGIN_CHARS_LOOKED_FOR: usize = 3;

/// Field names of the password forms (the UI's `data-field`).
pub mod fields {
    pub const CURRENT: &str = "senha-atual";
    pub const NEW: &str = "senha-nova";
    pub const CONFIRMATION: &str = "senha-confirmacao";
}

/// "Trocar senha": the operator's own password.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PasswordChange {
    pub current: String,
    pub new_password: String,
    pub confirmation: String,
}

/// Everything but the passwords: never in a log.
impl std::fmt::Debug for PasswordChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordChange").finish_non_exhaustive()
    }
}

/// "Redefinir senha": an administrator gives a user a new password, to be changed at the
/// user's next sign-in.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PasswordReset {
    pub user_id: Uuid,
    pub password: String,
}

/// Everything but the password: never in a log.
impl std::fmt::Debug for PasswordReset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordReset")
            .field("user_id", &self.user_id)
            .finish_non_exhaustive()
    }
}

/// Why `password` may not be the password of `login` (pt-BR), or `None` when it may.
pub fn policy_error(password: &str, login: &str) -> Option<String> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Some(format!(
            "Use pelo menos {MIN_PASSWORD_CHARS} caracteres na senha."
        ));
    }
    if chars > MAX_CREDENTIAL_CHARS {
        return Some(format!(
            "Use no máximo {MAX_CREDENTIAL_CHARS} caracteres na senha."
        ));
    }
    let login = fold(login);
    if login.chars().count() >= MIN_LOGIN_CHARS_LOOKED_FOR && fold(password).contains(&login) {
        return Some("A senha não pode conter o login.".to_owned());
    }
    if is_common(password) {
        return Some("Esta senha é muito comum e fácil de adivinhar: escolha outra.".to_owned());
    }
    None
}

/// Records at `field` why `password` may not be the password of `login`.
pub fn check_policy(errors: &mut FieldErrors, field: &str, password: &str, login: &str) {
    if let Some(message) = policy_error(password, login) {
        errors.add(field, message);
    }
}

/// Records at `field` that the confirmation differs from the password.
pub fn check_confirmation(
    errors: &mut FieldErrors,
    field: &str,
    password: &str,
    confirmation: &str,
) {
    if password != confirmation {
        errors.add(field, "A confirmação não é igual à senha.");
    }
}

/// Whether `password` is in the list of the most common passwords, ignoring case.
pub fn is_common(password: &str) -> bool {
    common_passwords()
        .binary_search(&password.to_lowercase().as_str())
        .is_ok()
}

/// The list of `password/common.txt` (sorted, lower case), read once.
fn common_passwords() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("password/common.txt")
            .lines()
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect()
    })
}

impl PasswordChange {
    /// The new password, or every reason at its field: the current one missing, the new one
    /// against the policy for `login` or equal to the current one, the confirmation different.
    pub fn validate(&self, login: &str) -> Result<String, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        if self.current.is_empty() {
            errors.add(fields::CURRENT, "Informe a senha atual.");
        }
        if !self.current.is_empty() && self.new_password == self.current {
            errors.add(fields::NEW, "A nova senha deve ser diferente da atual.");
        } else {
            check_policy(&mut errors, fields::NEW, &self.new_password, login);
        }
        check_confirmation(
            &mut errors,
            fields::CONFIRMATION,
            &self.new_password,
            &self.confirmation,
        );
        errors.into_result(|| self.new_password.clone())
    }
}

impl PasswordReset {
    /// The password given, or why it breaks the policy for the user's `login`, at `field`
    /// (the users screen's password field).
    pub fn validate(&self, login: &str, field: &str) -> Result<String, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        check_policy(&mut errors, field, &self.password, login);
        errors.into_result(|| self.password.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_lower_case_and_long_enough_to_matter() {
        let list = common_passwords();
        assert!(list.len() > 1000, "{}", list.len());
        assert!(
            list.windows(2).all(|pair| pair[0] < pair[1]),
            "sorted, no repeats"
        );
        assert!(
            list.iter()
                .all(|word| word.chars().count() >= MIN_PASSWORD_CHARS
                    && word.to_lowercase() == *word)
        );
    }

    #[test]
    fn common_passwords_are_found_ignoring_case() {
        assert!(is_common("1234567890"));
        assert!(is_common("QwertyUIOP"));
        assert!(is_common("Senha12345"));
        assert!(!is_common("cavalo bateria grampo"));
    }

    #[test]
    fn the_policy_names_the_first_rule_broken() {
        let short = policy_error("curta", "ana").expect("too short");
        assert!(short.contains("pelo menos 10"), "{short}");
        let long = "a".repeat(MAX_CREDENTIAL_CHARS + 1);
        assert!(policy_error(&long, "ana").is_some());
        let with_login = policy_error("minha-ANA.Souza-2026", "ana.souza").expect("login");
        assert!(with_login.contains("login"), "{with_login}");
        let with_accents = policy_error("joão.silva rápido", "joao.silva");
        assert!(with_accents.is_some(), "accents are ignored");
        let common = policy_error("Brasil2024", "ana").expect("common");
        assert!(common.contains("comum"), "{common}");
        assert_eq!(policy_error("cavalo bateria grampo", "ana.souza"), None);
        // A very short login is not looked for.
        assert_eq!(policy_error("cavalo bateria grampo", "ca"), None);
    }

    #[test]
    fn a_change_needs_the_current_password_a_new_one_and_its_confirmation() {
        let change = PasswordChange {
            current: String::new(),
            new_password: "curta".into(),
            confirmation: "outra".into(),
        };
        let errors = change.validate("ana").expect_err("three errors");
        let fields: Vec<_> = errors.iter().map(|error| error.field.as_str()).collect();
        assert_eq!(fields, [fields::CURRENT, fields::NEW, fields::CONFIRMATION]);

        let same = PasswordChange {
            current: "cavalo bateria grampo".into(),
            new_password: "cavalo bateria grampo".into(),
            confirmation: "cavalo bateria grampo".into(),
        };
        let errors = same.validate("ana").expect_err("the same");
        assert_eq!(errors[0].field, fields::NEW);
        assert!(errors[0].message.contains("diferente"));

        let good = PasswordChange {
            current: "admin123".into(),
            new_password: "cavalo bateria grampo".into(),
            confirmation: "cavalo bateria grampo".into(),
        };
        assert_eq!(good.validate("ana"), Ok("cavalo bateria grampo".into()));
    }

    #[test]
    fn a_reset_follows_the_policy_for_the_users_login() {
        let reset = PasswordReset {
            user_id: Uuid::nil(),
            password: "maria.lima-2026!".into(),
        };
        let errors = reset
            .validate("maria.lima", "senha")
            .expect_err("contains the login");
        assert_eq!(errors[0].field, "senha");
        assert!(reset.validate("jose", "senha").is_ok());
    }
}
