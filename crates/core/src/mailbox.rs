//! A support mailbox (the IMAP account support messages are read from) as an administrator
//! enters it. The desktop's form and the server's `POST /v1/mailboxes` check the same rules.
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::form::{FieldError, FieldErrors};
use crate::host::is_loopback;

/// Field names of the mailbox form (the UI's `data-field`).
pub mod fields {
    pub const HOST: &str = "caixa-servidor";
    pub const PORT: &str = "caixa-porta";
    pub const TLS: &str = "caixa-seguranca";
    pub const LOGIN: &str = "caixa-usuario";
    pub const PASSWORD: &str = "caixa-senha";
    pub const FOLDER: &str = "caixa-pasta";
    pub const MOVE_HANDLED_TO: &str = "caixa-pasta-lidas";
}

/// The folder read when none is chosen.
pub const DEFAULT_FOLDER: &str = "INBOX";
/// The longest host name accepted (DNS's limit).
const MAX_HOST_CHARS: usize = 253;
/// The longest login, folder name or password accepted.
const MAX_TEXT_CHARS: usize = 320;

/// How the connection to the mailbox is protected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum Tls {
    /// TLS from the first byte (IMAPS, usually port 993).
    #[default]
    Implicit,
    /// A plain connection upgraded with STARTTLS (usually port 143).
    StartTls,
    /// No encryption: only for a server on this machine.
    None,
}

impl Tls {
    /// Every choice, in the form's order.
    pub const ALL: [Tls; 3] = [Tls::Implicit, Tls::StartTls, Tls::None];

    /// How it is stored and sent in the server's JSON: `implicit`, `starttls` or `none`.
    pub fn code(self) -> &'static str {
        match self {
            Tls::Implicit => "implicit",
            Tls::StartTls => "starttls",
            Tls::None => "none",
        }
    }

    /// The choice a stored or sent code names.
    pub fn parse(code: &str) -> Option<Tls> {
        Tls::ALL.into_iter().find(|tls| tls.code() == code)
    }

    /// What the administrator reads.
    pub fn label(self) -> &'static str {
        match self {
            Tls::Implicit => "TLS (porta 993)",
            Tls::StartTls => "STARTTLS (porta 143)",
            Tls::None => "Nenhuma (só para um servidor nesta máquina)",
        }
    }
}

/// A mailbox's settings, without the password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct MailboxSettings {
    pub host: String,
    pub port: u16,
    pub tls: Tls,
    pub login: String,
    /// The folder read; [`DEFAULT_FOLDER`] when left empty.
    pub folder: String,
    /// Where handled mail is moved; `None` only marks it seen.
    pub move_handled_to: Option<String>,
}

impl MailboxSettings {
    /// The settings trimmed (an empty folder reads [`DEFAULT_FOLDER`]), or every reason at
    /// its field.
    pub fn validate(&self) -> Result<MailboxSettings, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let host = self.host.trim();
        if host.is_empty() {
            errors.add(fields::HOST, "Informe o endereço do servidor de e-mail.");
        } else if host.chars().count() > MAX_HOST_CHARS
            || host
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '/' | '@'))
        {
            errors.add(
                fields::HOST,
                "Informe só o nome ou o endereço IP do servidor, sem espaços, barras ou @.",
            );
        }
        if self.port == 0 {
            errors.add(
                fields::PORT,
                "Informe uma porta de 1 a 65535 (IMAP: 993 ou 143).",
            );
        }
        if self.tls == Tls::None && !is_loopback(host) {
            errors.add(
                fields::TLS,
                "Sem criptografia a senha passaria às claras: \"Nenhuma\" só vale para um servidor nesta máquina (127.0.0.1 ou localhost).",
            );
        }
        let login = self.login.trim();
        if !is_plain_text(login) {
            errors.add(fields::LOGIN, "Informe o usuário da caixa de correio.");
        }
        let folder = match self.folder.trim() {
            "" => DEFAULT_FOLDER,
            folder => folder,
        };
        if !is_plain_text(folder) {
            errors.add(fields::FOLDER, "O nome da pasta lida é inválido.");
        }
        let move_handled_to = self
            .move_handled_to
            .as_deref()
            .map(str::trim)
            .filter(|target| !target.is_empty());
        if let Some(target) = move_handled_to {
            if !is_plain_text(target) || target.eq_ignore_ascii_case(folder) {
                errors.add(
                    fields::MOVE_HANDLED_TO,
                    "Informe uma pasta diferente da pasta lida, ou deixe vazio para só marcar como lidas.",
                );
            }
        }
        errors.into_result(|| MailboxSettings {
            host: host.to_owned(),
            port: self.port,
            tls: self.tls,
            login: login.to_owned(),
            folder: folder.to_owned(),
            move_handled_to: move_handled_to.map(str::to_owned),
        })
    }
}

/// Checks a mailbox password the administrator typed: empty is refused unless one is
/// already stored (`keeps_stored`), in which case it keeps that one.
pub fn check_password(password: &str, keeps_stored: bool) -> Result<(), FieldError> {
    if (password.is_empty() && !keeps_stored) || !fits(password) {
        Err(FieldError::new(
            fields::PASSWORD,
            "Informe a senha da caixa de correio.",
        ))
    } else {
        Ok(())
    }
}

/// Whether `text` is not too long and has no control characters.
fn fits(text: &str) -> bool {
    text.chars().count() <= MAX_TEXT_CHARS && !text.chars().any(char::is_control)
}

/// Whether `text` is a short, visible name.
fn is_plain_text(text: &str) -> bool {
    !text.is_empty() && fits(text)
}

/// Good settings for `host` (TLS on 993, login "suporte", the inbox), for the forms' tests.
#[cfg(test)]
pub(crate) fn example(host: &str) -> MailboxSettings {
    MailboxSettings {
        host: host.into(),
        port: 993,
        tls: Tls::Implicit,
        login: "suporte".into(),
        folder: String::new(),
        move_handled_to: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> MailboxSettings {
        MailboxSettings {
            host: " imap.provedor.com.br ".into(),
            port: 993,
            tls: Tls::Implicit,
            login: "suporte@provedor.com.br".into(),
            folder: String::new(),
            move_handled_to: Some("  ".into()),
        }
    }

    fn fields_of(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|error| error.field.as_str()).collect()
    }

    #[test]
    fn good_settings_are_trimmed_and_read_the_inbox() {
        let checked = settings().validate().expect("valid");
        assert_eq!(checked.host, "imap.provedor.com.br");
        assert_eq!(checked.folder, DEFAULT_FOLDER);
        assert_eq!(checked.move_handled_to, None);
    }

    #[test]
    fn every_wrong_field_is_named() {
        let errors = MailboxSettings {
            host: "imap provedor".into(),
            port: 0,
            tls: Tls::None,
            login: " ".into(),
            folder: "INBOX".into(),
            move_handled_to: Some("inbox".into()),
        }
        .validate()
        .expect_err("refused");
        assert_eq!(
            fields_of(&errors),
            [
                fields::HOST,
                fields::PORT,
                fields::TLS,
                fields::LOGIN,
                fields::MOVE_HANDLED_TO
            ]
        );
    }

    #[test]
    fn no_encryption_only_on_this_machine() {
        let plain = |host: &str| MailboxSettings {
            host: host.into(),
            port: 143,
            tls: Tls::None,
            ..settings()
        };
        for host in ["127.0.0.1", "localhost", "[::1]"] {
            assert!(plain(host).validate().is_ok(), "{host}");
        }
        let errors = plain("imap.provedor.com.br")
            .validate()
            .expect_err("refused");
        assert_eq!(fields_of(&errors), [fields::TLS]);
    }

    #[test]
    fn a_password_is_needed_unless_one_is_kept() {
        assert!(check_password("", false).is_err());
        assert!(check_password("", true).is_ok());
        assert!(check_password("segredo", false).is_ok());
        assert!(check_password("com\nquebra", true).is_err());
    }

    #[test]
    fn tls_codes_go_both_ways() {
        for tls in Tls::ALL {
            assert_eq!(Tls::parse(tls.code()), Some(tls));
        }
        assert_eq!(Tls::parse("ssl"), None);
    }
}
