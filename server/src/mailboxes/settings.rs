//! A mailbox's settings as the administrator sends them in JSON, checked with the core's
//! rules (the same the desktop's form shows at each field).
use helpdesk_core::form::FieldError;
use helpdesk_core::mailbox::{check_password, fields, MailboxSettings, Tls};
use serde::Deserialize;

/// The body of `POST /v1/mailboxes` and `PUT /v1/mailboxes/{id}`. A missing field is
/// named like a wrong one; on update an empty password keeps the stored one.
#[derive(Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct MailboxRequest {
    pub host: String,
    pub port: i64,
    /// `implicit`, `starttls` or `none`.
    pub tls: String,
    pub login: String,
    pub password: String,
    /// `INBOX` when empty.
    pub folder: String,
    /// Where handled mail is moved; empty or absent only marks it seen.
    pub move_handled_to: Option<String>,
}

/// Settings that passed every check, trimmed, with the password sent.
#[derive(Clone, PartialEq, Eq)]
pub struct CheckedMailbox {
    pub settings: MailboxSettings,
    /// Empty only on update: keep the stored one.
    pub password: String,
}

impl MailboxRequest {
    /// Checks every field (a password is required unless `keep_password`); the error names
    /// each wrong one by its JSON name.
    pub fn check(self, keep_password: bool) -> Result<CheckedMailbox, Vec<String>> {
        let tls = Tls::parse(self.tls.trim());
        let settings = MailboxSettings {
            host: self.host,
            port: u16::try_from(self.port).unwrap_or(0),
            tls: tls.unwrap_or_default(),
            login: self.login,
            folder: self.folder,
            move_handled_to: self.move_handled_to,
        };
        let validated = settings.validate();
        let mut errors = validated.clone().err().unwrap_or_default();
        if tls.is_none() {
            errors.push(FieldError::new(
                fields::TLS,
                "Escolha \"implicit\" (TLS, porta 993), \"starttls\" (porta 143) ou \"none\" (sem criptografia).",
            ));
        }
        errors.extend(check_password(&self.password, keep_password).err());
        match validated {
            Ok(settings) if errors.is_empty() => Ok(CheckedMailbox {
                settings,
                password: self.password,
            }),
            _ => Err(errors.iter().map(named).collect()),
        }
    }
}

/// "`json_name`: message".
fn named(error: &FieldError) -> String {
    let name = match error.field.as_str() {
        fields::HOST => "host",
        fields::PORT => "port",
        fields::TLS => "tls",
        fields::LOGIN => "login",
        fields::PASSWORD => "password",
        fields::FOLDER => "folder",
        fields::MOVE_HANDLED_TO => "move_handled_to",
        other => other,
    };
    format!("{name}: {}", error.message)
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
    fn good_settings_are_checked_by_the_core() {
        let checked = request().check(false).expect("valid");
        assert_eq!(checked.settings.host, "imap.provedor.com.br");
        assert_eq!(checked.settings.tls, Tls::Implicit);
        assert_eq!(checked.password, "segredo");
    }

    #[test]
    fn every_wrong_field_is_named_by_its_json_name() {
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
        let names: Vec<&str> = errors
            .iter()
            .filter_map(|error| error.split(':').next())
            .collect();
        assert_eq!(
            names,
            [
                "host",
                "port",
                "login",
                "move_handled_to",
                "tls",
                "password"
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
}
