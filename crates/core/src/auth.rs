//! Operators and their log-in.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// The longest login or password accepted.
pub const MAX_CREDENTIAL_CHARS: usize = 128;

/// What the operator types on the login screen.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Credentials {
    pub login: String,
    pub password: String,
}

/// Everything but the password: never in a log.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("login", &self.login)
            .finish_non_exhaustive()
    }
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
    /// The role may create and change customers and their contracts ("Edita clientes").
    pub edits_customers: bool,
    /// The operator must choose a new password before anything else.
    pub must_change_password: bool,
}

impl Operator {
    /// Whether the operator may change what every operator uses (scripts, templates ...).
    pub fn is_administrator(&self) -> bool {
        self.administrator
    }

    /// Whether the operator may create and change customers: administrators always, others
    /// when their role says so.
    pub fn may_edit_customers(&self) -> bool {
        self.administrator || self.edits_customers
    }
}

/// Failed sign-ins of a login that cost nothing; each one after them makes the next try wait.
pub const FREE_FAILURES: u32 = 5;
/// The wait after the last free failure, doubled by each further failure.
const FIRST_WAIT_MS: i64 = 30_000;
/// The longest wait.
const MAX_WAIT_MS: i64 = 15 * 60_000;

/// How long after its last failure a login that failed `failures` times in a row must wait
/// before it may try again: nothing up to [`FREE_FAILURES`], then 30 s doubled per further
/// failure, at most 15 min.
pub fn retry_wait_ms(failures: u32) -> i64 {
    match failures.checked_sub(FREE_FAILURES) {
        None => 0,
        // 30 s doubled five times is already past the longest wait.
        Some(doublings) if doublings >= 5 => MAX_WAIT_MS,
        Some(doublings) => (FIRST_WAIT_MS << doublings).min(MAX_WAIT_MS),
    }
}

/// The milliseconds still to wait at `now` (Unix ms) after `failures` failures, the last at
/// `last_failure_at`; `None` when a try is allowed.
pub fn remaining_wait_ms(failures: u32, last_failure_at: i64, now: i64) -> Option<i64> {
    let remaining = last_failure_at
        .saturating_add(retry_wait_ms(failures))
        .saturating_sub(now);
    (remaining > 0).then_some(remaining)
}

/// The refusal of a try made `remaining_ms` before it is allowed (pt-BR), the wait rounded
/// up to whole seconds, or to whole minutes from a minute on.
pub fn wait_message(remaining_ms: i64) -> String {
    let seconds = (remaining_ms.max(1) + 999) / 1000;
    let wait = if seconds < 60 {
        plural(seconds, "segundo")
    } else {
        plural((seconds + 59) / 60, "minuto")
    };
    format!("Muitas tentativas sem sucesso. Tente de novo em {wait}.")
}

fn plural(count: i64, unit: &str) -> String {
    if count == 1 {
        format!("1 {unit}")
    } else {
        format!("{count} {unit}s")
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

    #[test]
    fn five_failures_are_free_then_the_wait_doubles_up_to_fifteen_minutes() {
        assert_eq!(retry_wait_ms(0), 0);
        assert_eq!(retry_wait_ms(FREE_FAILURES - 1), 0);
        assert_eq!(retry_wait_ms(FREE_FAILURES), 30_000);
        assert_eq!(retry_wait_ms(FREE_FAILURES + 1), 60_000);
        assert_eq!(retry_wait_ms(FREE_FAILURES + 4), 480_000);
        assert_eq!(retry_wait_ms(FREE_FAILURES + 5), 900_000);
        assert_eq!(retry_wait_ms(u32::MAX), 900_000);
    }

    #[test]
    fn the_remaining_wait_counts_from_the_last_failure() {
        let last = 1_000_000;
        assert_eq!(remaining_wait_ms(4, last, last + 1), None);
        assert_eq!(remaining_wait_ms(5, last, last), Some(30_000));
        assert_eq!(remaining_wait_ms(5, last, last + 29_999), Some(1));
        assert_eq!(remaining_wait_ms(5, last, last + 30_000), None);
        assert_eq!(remaining_wait_ms(6, last, last + 30_000), Some(30_000));
    }

    #[test]
    fn the_wait_is_told_in_seconds_then_minutes() {
        assert_eq!(
            wait_message(30_000),
            "Muitas tentativas sem sucesso. Tente de novo em 30 segundos."
        );
        assert!(wait_message(1).ends_with("em 1 segundo."));
        assert!(wait_message(59_001).ends_with("em 1 minuto."));
        assert!(wait_message(60_001).ends_with("em 2 minutos."));
        assert!(wait_message(900_000).ends_with("em 15 minutos."));
    }
}
