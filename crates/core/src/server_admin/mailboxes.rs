//! The support mailboxes the sync server reads, as the administrator lists and changes them.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use super::ServerToken;
use crate::form::FieldError;
use crate::mailbox::{check_password, MailboxSettings};

/// How the server's reader of a mailbox stands (`status` in `GET /v1/mailboxes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum WatcherStatus {
    /// Enabled, no reader reported yet (new, changed or enabled again).
    Waiting,
    Connecting,
    Connected,
    /// The mail server refused the login or the password; retried on its own.
    WrongPassword,
    /// The mail server does not answer; retried on its own.
    Unreachable,
    /// The folder read does not exist; retried on its own.
    FolderMissing,
    /// The connection dropped; reconnecting.
    Disconnected,
    /// Disabled by the administrator.
    Disabled,
    /// A status this desktop does not know (a newer server): its detail says it.
    Other,
}

impl WatcherStatus {
    /// The status the server's code names.
    pub fn from_code(code: &str) -> Self {
        match code {
            "waiting" => Self::Waiting,
            "connecting" => Self::Connecting,
            "connected" => Self::Connected,
            "wrong_password" => Self::WrongPassword,
            "unreachable" => Self::Unreachable,
            "folder_missing" => Self::FolderMissing,
            "disconnected" => Self::Disconnected,
            "disabled" => Self::Disabled,
            _ => Self::Other,
        }
    }

    /// What the administrator reads in the list.
    pub fn label(self) -> &'static str {
        match self {
            Self::Waiting => "Aguardando o leitor de e-mails do servidor",
            Self::Connecting => "Conectando ao servidor de e-mail",
            Self::Connected => "Conectada — as mensagens novas são lidas",
            Self::WrongPassword => {
                "Senha recusada pelo servidor de e-mail — nova tentativa em breve"
            }
            Self::Unreachable => "Servidor de e-mail inacessível — nova tentativa em breve",
            Self::FolderMissing => "Pasta inexistente — nova tentativa em breve",
            Self::Disconnected => "Conexão perdida — reconectando",
            Self::Disabled => "Desativada — as mensagens não são lidas",
            Self::Other => "Situação informada pelo servidor",
        }
    }

    /// The administrator has something to fix or wait for.
    pub fn is_trouble(self) -> bool {
        matches!(
            self,
            Self::WrongPassword | Self::Unreachable | Self::FolderMissing | Self::Disconnected
        )
    }
}

/// A mailbox as the server lists it (never its password).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct MailboxSummary {
    pub id: Uuid,
    pub settings: MailboxSettings,
    pub enabled: bool,
    pub status: WatcherStatus,
    /// The server's words about the status (pt-BR, with the mail server's own reason).
    pub status_detail: String,
    /// When the status was written (Unix ms UTC).
    #[specta(type = Option<f64>)]
    pub status_at: Option<i64>,
}

/// "Nova caixa" (`id` `None`) or a mailbox changed. Not `Debug`: it carries the token and
/// the password.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct MailboxSave {
    pub token: ServerToken,
    pub id: Option<Uuid>,
    pub settings: MailboxSettings,
    /// Empty on a change keeps the stored password.
    pub password: String,
}

impl MailboxSave {
    /// The settings trimmed, or every reason at its field (the server checks the same).
    pub fn validate(&self) -> Result<MailboxSettings, Vec<FieldError>> {
        let mut errors: Vec<FieldError> = self.token.check().err().into_iter().collect();
        let settings = self
            .settings
            .validate()
            .map_err(|found| errors.extend(found))
            .ok();
        errors.extend(check_password(&self.password, self.id.is_some()).err());
        match settings {
            Some(settings) if errors.is_empty() => Ok(settings),
            _ => Err(errors),
        }
    }
}

/// "Desativar" (`enabled` false) or "Ativar" a mailbox. Not `Debug`: it carries the token.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct MailboxEnabledChange {
    pub token: ServerToken,
    pub id: Uuid,
    pub enabled: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mailbox::{example, fields};
    use crate::server_admin::fields::TOKEN;

    fn save(id: Option<Uuid>, password: &str) -> MailboxSave {
        MailboxSave {
            token: ServerToken::new("token-do-administrador"),
            id,
            settings: example("imap.provedor.com.br"),
            password: password.into(),
        }
    }

    fn named(save: &MailboxSave) -> Vec<String> {
        save.validate()
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|error| error.field)
            .collect()
    }

    #[test]
    fn a_new_mailbox_needs_a_password_and_a_change_keeps_the_stored_one() {
        assert_eq!(named(&save(None, "")), [fields::PASSWORD]);
        assert!(named(&save(Some(Uuid::nil()), "")).is_empty());
        assert_eq!(
            save(None, "segredo").validate().map(|s| s.folder),
            Ok("INBOX".to_owned())
        );
    }

    #[test]
    fn the_token_and_every_field_are_named() {
        let mut wrong = save(None, "");
        wrong.token = ServerToken::new("");
        wrong.settings.port = 0;
        assert_eq!(named(&wrong), [TOKEN, fields::PORT, fields::PASSWORD]);
    }

    #[test]
    fn the_server_s_codes_are_read_and_unknown_ones_kept_apart() {
        assert_eq!(
            WatcherStatus::from_code("wrong_password"),
            WatcherStatus::WrongPassword
        );
        assert!(WatcherStatus::WrongPassword
            .label()
            .starts_with("Senha recusada pelo servidor de e-mail"));
        assert_eq!(WatcherStatus::from_code("novo"), WatcherStatus::Other);
        assert!(!WatcherStatus::Connected.is_trouble());
    }
}
