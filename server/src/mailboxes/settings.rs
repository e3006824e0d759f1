//! A mailbox's settings as the administrator sends them, checked field by field.
use helpdesk_intake::{Tls, DEFAULT_FOLDER};
use serde::Deserialize;

/// The longest host name accepted (DNS's limit).
const MAX_HOST_CHARS: usize = 253;
/// The longest login, folder name or password accepted.
const MAX_TEXT_CHARS: usize = 320;

/// The body of `POST /v1/mailboxes` and `PUT /v1/mailboxes/{id}`. A missing field is
/// named like a wrong one; on update an empty password keeps the stored one.
#[derive(Clone, Default, Deserialize)]
#[serde(default)]
pub struct MailboxRequest {
    pub host: String,
    pub port: i64,
    /// `implicit`, `starttls` or `none`.
    pub tls: String,
    pub login: String,
    pub password: String,
    /// [`DEFAULT_FOLDER`] when empty.
    pub folder: String,
    /// Where handled mail is moved; empty or absent only marks it seen.
    pub move_handled_to: Option<String>,
}

/// Settings that passed every check, trimmed.
#[derive(Clone, PartialEq, Eq)]
pub struct MailboxSettings {
    pub host: String,
    pub port: u16,
    pub tls: Tls,
    pub login: String,
    /// Empty only on update: keep the stored one.
    pub password: String,
    pub folder: String,
    pub move_handled_to: Option<String>,
}

/// A wrong field: its pt-BR label (with the JSON name) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl MailboxRequest {
    /// Checks every field (a password is required unless `keep_password`); the error names
    /// each wrong one.
    pub fn check(self, keep_password: bool) -> Result<MailboxSettings, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut wrong = |field: &'static str, message: &str| {
            errors.push(FieldError {
                field,
                message: message.to_owned(),
            });
        };
        let host = self.host.trim().to_owned();
        if host.is_empty() {
            wrong(
                "servidor (host)",
                "informe o endereço do servidor de e-mail.",
            );
        } else if host.chars().count() > MAX_HOST_CHARS
            || host
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '/' | '@'))
        {
            wrong(
                "servidor (host)",
                "informe só o nome ou o endereço IP do servidor, sem espaços, barras ou @.",
            );
        }
        let port = u16::try_from(self.port).ok().filter(|port| *port > 0);
        if port.is_none() {
            wrong(
                "porta (port)",
                "informe uma porta de 1 a 65535 (IMAP: 993 ou 143).",
            );
        }
        let tls = parse_tls(self.tls.trim());
        if tls.is_none() {
            wrong(
                "segurança (tls)",
                "escolha \"implicit\" (TLS, porta 993), \"starttls\" (porta 143) ou \"none\" (sem criptografia).",
            );
        } else if tls == Some(Tls::None) && !is_loopback(&host) {
            wrong(
                "segurança (tls)",
                "sem criptografia a senha passaria às claras: \"none\" só vale para um servidor nesta máquina (127.0.0.1 ou localhost); use \"implicit\" ou \"starttls\".",
            );
        }
        let login = self.login.trim().to_owned();
        if login.is_empty() || !is_plain_text(&login) {
            wrong("usuário (login)", "informe o usuário da caixa de correio.");
        }
        if (self.password.is_empty() && !keep_password) || !fits(&self.password) {
            wrong("senha (password)", "informe a senha da caixa de correio.");
        }
        let folder = match self.folder.trim() {
            "" => DEFAULT_FOLDER.to_owned(),
            folder => folder.to_owned(),
        };
        if !is_plain_text(&folder) {
            wrong("pasta (folder)", "o nome da pasta lida é inválido.");
        }
        let move_handled_to = self
            .move_handled_to
            .map(|target| target.trim().to_owned())
            .filter(|target| !target.is_empty());
        if let Some(target) = &move_handled_to {
            if !is_plain_text(target) || target.eq_ignore_ascii_case(&folder) {
                wrong(
                    "pasta das mensagens lidas (move_handled_to)",
                    "informe uma pasta diferente da pasta lida, ou deixe vazio para só marcar como lidas.",
                );
            }
        }
        match (port, tls) {
            (Some(port), Some(tls)) if errors.is_empty() => Ok(MailboxSettings {
                host,
                port,
                tls,
                login,
                password: self.password,
                folder,
                move_handled_to,
            }),
            _ => Err(errors),
        }
    }
}

/// Whether `host` is this machine (where a connection without TLS stays unseen).
fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Whether `text` is not too long and has no control characters.
fn fits(text: &str) -> bool {
    text.chars().count() <= MAX_TEXT_CHARS && !text.chars().any(char::is_control)
}

/// Whether `text` is a short, visible name.
fn is_plain_text(text: &str) -> bool {
    !text.is_empty() && fits(text)
}

/// How `tls` is stored and sent: `implicit`, `starttls` or `none`.
pub fn tls_code(tls: Tls) -> &'static str {
    match tls {
        Tls::Implicit => "implicit",
        Tls::StartTls => "starttls",
        Tls::None => "none",
    }
}

/// The [`Tls`] of a stored or sent code.
pub fn parse_tls(code: &str) -> Option<Tls> {
    match code {
        "implicit" => Some(Tls::Implicit),
        "starttls" => Some(Tls::StartTls),
        "none" => Some(Tls::None),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> MailboxRequest {
        MailboxRequest {
            host: " imap.provedor.com.br ".into(),
            port: 993,
            tls: "implicit".into(),
            login: "suporte@provedor.com.br".into(),
            password: "segredo".into(),
            ..MailboxRequest::default()
        }
    }

    #[test]
    fn good_settings_are_trimmed_and_read_the_inbox() {
        let settings = request().check(false).expect("valid");
        assert_eq!(settings.host, "imap.provedor.com.br");
        assert_eq!(settings.port, 993);
        assert_eq!(settings.tls, Tls::Implicit);
        assert_eq!(settings.folder, "INBOX");
        assert_eq!(settings.move_handled_to, None);
    }

    #[test]
    fn every_wrong_field_is_named() {
        let errors = MailboxRequest {
            host: "imap provedor".into(),
            port: 70000,
            tls: "ssl".into(),
            move_handled_to: Some("inbox".into()),
            ..MailboxRequest::default()
        }
        .check(false)
        .err()
        .expect("refused");
        let fields: Vec<&str> = errors.iter().map(|error| error.field).collect();
        assert_eq!(
            fields,
            [
                "servidor (host)",
                "porta (port)",
                "segurança (tls)",
                "usuário (login)",
                "senha (password)",
                "pasta das mensagens lidas (move_handled_to)"
            ]
        );
    }

    #[test]
    fn an_update_may_keep_the_password() {
        let keep = MailboxRequest {
            password: String::new(),
            ..request()
        };
        assert!(keep.clone().check(false).is_err());
        assert_eq!(keep.check(true).expect("kept").password, "");
    }

    #[test]
    fn no_encryption_only_on_this_machine() {
        let plain = |host: &str| MailboxRequest {
            host: host.into(),
            port: 143,
            tls: "none".into(),
            ..request()
        };
        for host in ["127.0.0.1", "localhost", "[::1]"] {
            assert!(plain(host).check(false).is_ok(), "{host}");
        }
        let errors = plain("imap.provedor.com.br")
            .check(false)
            .err()
            .expect("refused");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "segurança (tls)");
    }

    #[test]
    fn tls_codes_go_both_ways() {
        for tls in [Tls::Implicit, Tls::StartTls, Tls::None] {
            assert_eq!(parse_tls(tls_code(tls)), Some(tls));
        }
        assert_eq!(parse_tls("ssl"), None);
    }
}
