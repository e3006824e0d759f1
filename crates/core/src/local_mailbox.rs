//! The support mailbox a desktop without a sync server reads itself ("Caixa de correio deste
//! computador"): the administrator's form, what the screen shows, and the form's checks (the
//! mailbox rules of [`crate::mailbox`]).
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::email::SecretPlace;
use crate::form::FieldError;
use crate::mailbox::{check_password, MailboxSettings};

/// What the administrator saves: `password` empty keeps the stored one.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct LocalMailboxForm {
    pub settings: MailboxSettings,
    pub password: String,
}

/// Everything but the password.
impl std::fmt::Debug for LocalMailboxForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalMailboxForm")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl LocalMailboxForm {
    /// The settings trimmed, or every reason at its field; `password_stored` says whether
    /// an empty password keeps one.
    pub fn validate(&self, password_stored: bool) -> Result<MailboxSettings, Vec<FieldError>> {
        let password = check_password(&self.password, password_stored);
        match (self.settings.validate(), password) {
            (Ok(settings), Ok(())) => Ok(settings),
            (settings, password) => Err(settings
                .err()
                .unwrap_or_default()
                .into_iter()
                .chain(password.err())
                .collect()),
        }
    }
}

/// What the watcher last said, for the screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct MailboxStatusView {
    /// Stable: `connecting`, `connected`, `wrong_password`, `unreachable`,
    /// `folder_missing`, `disconnected`.
    pub code: String,
    /// pt-BR, for the administrator.
    pub detail: String,
    /// When it was said, Unix ms UTC.
    #[specta(type = f64)]
    pub at: i64,
}

/// What `load_local_mailbox` answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct LocalMailboxView {
    /// The saved settings, if any.
    pub settings: Option<MailboxSettings>,
    /// Where the password is kept, if one is stored (it never leaves the shell).
    pub password: Option<SecretPlace>,
    /// The watcher's last status; `None` while it does not run.
    pub status: Option<MailboxStatusView>,
    /// This desktop is registered with a sync server, which reads the mailboxes instead.
    pub server_reads: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mailbox::{example, fields};

    fn form(host: &str, password: &str) -> LocalMailboxForm {
        LocalMailboxForm {
            settings: example(host),
            password: password.into(),
        }
    }

    #[test]
    fn the_password_is_needed_only_when_none_is_stored() {
        assert!(form("imap.x.com", "").validate(true).is_ok());
        let errors = form("imap.x.com", "").validate(false).expect_err("refused");
        assert_eq!(errors[0].field, fields::PASSWORD);
    }

    #[test]
    fn every_field_in_error_is_named_with_the_password() {
        let errors = form("", "").validate(false).expect_err("refused");
        let named: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
        assert_eq!(named, [fields::HOST, fields::PASSWORD]);
    }

    #[test]
    fn debug_hides_the_password() {
        assert!(!format!("{:?}", form("x", "segredo-42")).contains("segredo-42"));
    }
}
