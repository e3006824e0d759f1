//! The SMTP server e-mails go out through, as an administrator configures it.
use serde::{Deserialize, Serialize};
use specta::Type;

use super::message::{check_address, check_optional_address};
use crate::form::{optional_text, required_text, FieldErrors};
use crate::host::is_loopback;

/// Field names of the administrator's SMTP form.
pub mod fields {
    pub const HOST: &str = "smtp-servidor";
    pub const PORT: &str = "smtp-porta";
    pub const USERNAME: &str = "smtp-usuario";
    pub const PASSWORD: &str = "smtp-senha";
    pub const FROM: &str = "smtp-remetente";
    pub const COPY: &str = "smtp-copia";
    pub const SECURITY: &str = "smtp-seguranca";
}

/// How the connection is protected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum SmtpSecurity {
    /// No encryption (only for a server on this machine or a trusted network).
    None,
    /// STARTTLS, required (usually port 587).
    #[default]
    StartTls,
    /// TLS from the first byte (usually port 465).
    Tls,
}

/// The SMTP settings, without the password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    /// Empty: no authentication.
    pub username: String,
    /// The sender of every e-mail.
    pub from_address: String,
    /// "E-mail cópia": the address put in Cc when the operator asks; empty: none.
    pub copy_address: String,
}

/// Where a stored secret (the SMTP password) is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum SecretPlace {
    /// In the OS keyring; the database holds only the entry's name.
    Keyring,
    /// In the database, encrypted with the key file beside it.
    Encrypted,
}

/// What `load_smtp_settings` answers: the settings, and where the password is kept if one is
/// stored (it never leaves the shell).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SmtpSettingsView {
    pub settings: Option<SmtpSettings>,
    pub password: Option<SecretPlace>,
}

/// The administrator's SMTP form: `password` `None` keeps the stored one, `Some("")` clears it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SmtpSettingsForm {
    pub settings: SmtpSettings,
    pub password: Option<String>,
}

/// Everything but the password: never in a log.
impl std::fmt::Debug for SmtpSettingsForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettingsForm")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

/// Why "Nenhuma" is refused with a user on another machine.
pub const PASSWORD_IN_CLEAR: &str = "Sem criptografia a senha passaria às claras: com usuário, \
    \"Nenhuma\" só vale para um servidor nesta máquina (127.0.0.1 ou localhost). Escolha STARTTLS ou TLS.";

impl SmtpSettings {
    /// Whether signing in would send the user's password unencrypted to another machine.
    pub fn password_in_clear(&self) -> bool {
        self.security == SmtpSecurity::None
            && !self.username.trim().is_empty()
            && !is_loopback(self.host.trim())
    }

    /// The settings trimmed, or every reason at its field.
    pub fn validate(&self) -> Result<SmtpSettings, Vec<crate::form::FieldError>> {
        let mut errors = FieldErrors::default();
        let host = required_text(&mut errors, fields::HOST, "o servidor", &self.host, 253);
        if host
            .as_deref()
            .is_some_and(|host| host.contains(char::is_whitespace))
        {
            errors.add(fields::HOST, "O servidor não pode ter espaços.");
        }
        if self.port == 0 {
            errors.add(fields::PORT, "Informe a porta (por exemplo 587).");
        }
        let username = optional_text(&mut errors, fields::USERNAME, &self.username, 254);
        let from = check_address(fields::FROM, &self.from_address)
            .map_err(|error| errors.add(&error.field, error.message))
            .ok();
        let copy = check_optional_address(&mut errors, fields::COPY, &self.copy_address);
        if self.password_in_clear() {
            errors.add(fields::SECURITY, PASSWORD_IN_CLEAR);
        }
        errors.into_result(|| SmtpSettings {
            host: host.unwrap_or_default(),
            port: self.port,
            security: self.security,
            username: username.unwrap_or_default(),
            from_address: from.unwrap_or_default(),
            copy_address: copy.unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_checked_at_each_field() {
        let settings = SmtpSettings {
            host: "smtp.exemplo.com".into(),
            port: 0,
            security: SmtpSecurity::StartTls,
            username: String::new(),
            from_address: "atendimento".into(),
            copy_address: " ".into(),
        };
        let errors = settings.validate().expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, [fields::PORT, fields::FROM]);
        let good = SmtpSettings {
            port: 587,
            from_address: "atendimento@exemplo.com".into(),
            ..settings
        };
        assert_eq!(good.validate().expect("valid").copy_address, "");
    }

    #[test]
    fn no_password_goes_in_clear_to_another_machine() {
        let settings = SmtpSettings {
            host: "smtp.exemplo.com".into(),
            port: 25,
            security: SmtpSecurity::None,
            username: "atendimento".into(),
            from_address: "atendimento@exemplo.com".into(),
            copy_address: String::new(),
        };
        let errors = settings.validate().expect_err("a password in clear");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, fields::SECURITY);
        assert_eq!(errors[0].message, PASSWORD_IN_CLEAR);
        for allowed in [
            SmtpSettings {
                security: SmtpSecurity::StartTls,
                ..settings.clone()
            },
            SmtpSettings {
                username: String::new(),
                ..settings.clone()
            },
            SmtpSettings {
                host: "127.0.0.1".into(),
                ..settings.clone()
            },
            SmtpSettings {
                host: "localhost".into(),
                ..settings.clone()
            },
        ] {
            assert!(allowed.validate().is_ok(), "{allowed:?}");
        }
    }
}
