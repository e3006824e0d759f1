//! "Primeira configuração": what a desktop needs before anyone can sign in, the provider's
//! settings, and the mark of a demonstration database.
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::email::check_optional_address;
use crate::form::{required_text, FieldError, FieldErrors};
use crate::password::{check_confirmation, check_policy};
use crate::users::{check_login, MAX_NAME_CHARS};

/// How long a window may stay idle before it locks, when the administrator set nothing.
pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 15;
/// The longest idle time an administrator may set (a working day).
pub const MAX_IDLE_LOCK_MINUTES: u32 = 480;
/// The longest provider name.
pub const MAX_PROVIDER_NAME_CHARS: usize = 120;
/// The name of the administrative role the first run creates.
pub const FIRST_ADMINISTRATOR_ROLE: &str = "Administrador";

/// Field names of the first-run and provider forms (the UI's `data-field`).
pub mod fields {
    pub const PROVIDER_NAME: &str = "provedor-nome";
    pub const ADMIN_NAME: &str = "admin-nome";
    pub const ADMIN_LOGIN: &str = "admin-login";
    pub const ADMIN_EMAIL: &str = "admin-email";
    pub const ADMIN_PASSWORD: &str = "admin-senha";
    pub const ADMIN_CONFIRMATION: &str = "admin-senha-confirmacao";
    pub const IDLE_LOCK_MINUTES: &str = "bloqueio-minutos";
}

/// What the window shows before anyone signs in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SetupState {
    /// The database has no user and the desktop joined no server: "Primeira configuração".
    pub needs_setup: bool,
    /// The desktop joined a server and its users have not arrived yet.
    pub awaiting_users: bool,
    /// While the users are awaited: why the last exchange with the server failed (pt-BR).
    pub sync_error: Option<String>,
    /// The database was made with `--demo` ("Dados de demonstração").
    pub demo: bool,
    /// The provider's name, once known.
    pub provider_name: Option<String>,
    /// Minutes of inactivity after which the window locks.
    pub idle_lock_minutes: u32,
    /// This desktop's colours ("Claro", "Escuro", "Sistema").
    pub theme: crate::theme::Theme,
}

/// "Criar provedor": the provider's name and its first administrator.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ProviderSetup {
    pub provider_name: String,
    pub admin_name: String,
    pub login: String,
    pub email: String,
    pub password: String,
    /// "Confirmar senha".
    pub confirmation: String,
}

/// Everything but the password: never in a log.
impl std::fmt::Debug for ProviderSetup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderSetup")
            .field("provider_name", &self.provider_name)
            .field("admin_name", &self.admin_name)
            .field("login", &self.login)
            .field("email", &self.email)
            .finish_non_exhaustive()
    }
}

/// "Provedor": the provider's name and the idle time, as typed by an administrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ProviderSettings {
    pub name: String,
    /// Whole minutes, as typed.
    pub idle_lock_minutes: String,
}

/// The provider's settings as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provider {
    pub name: String,
    pub idle_lock_minutes: u32,
}

impl ProviderSetup {
    /// The form trimmed (the login in lower case), or every reason at its field: names and
    /// login missing or too long, an e-mail that is no address, a password against the
    /// policy, a confirmation that differs.
    pub fn validate(&self) -> Result<ProviderSetup, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let provider_name = required_text(
            &mut errors,
            fields::PROVIDER_NAME,
            "o nome do provedor",
            &self.provider_name,
            MAX_PROVIDER_NAME_CHARS,
        );
        let admin_name = required_text(
            &mut errors,
            fields::ADMIN_NAME,
            "o nome do administrador",
            &self.admin_name,
            MAX_NAME_CHARS,
        );
        let login = check_login(&mut errors, fields::ADMIN_LOGIN, &self.login);
        let email = check_optional_address(&mut errors, fields::ADMIN_EMAIL, &self.email);
        check_policy(
            &mut errors,
            fields::ADMIN_PASSWORD,
            &self.password,
            login.as_deref().unwrap_or(&self.login),
        );
        check_confirmation(
            &mut errors,
            fields::ADMIN_CONFIRMATION,
            &self.password,
            &self.confirmation,
        );
        errors.into_result(|| ProviderSetup {
            provider_name: provider_name.unwrap_or_default(),
            admin_name: admin_name.unwrap_or_default(),
            login: login.unwrap_or_default(),
            email: email.unwrap_or_default(),
            password: self.password.clone(),
            confirmation: self.confirmation.clone(),
        })
    }
}

impl ProviderSettings {
    /// The settings to store, or every reason at its field: no name, or an idle time that is
    /// no whole number of minutes from 1 to [`MAX_IDLE_LOCK_MINUTES`].
    pub fn validate(&self) -> Result<Provider, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let name = required_text(
            &mut errors,
            fields::PROVIDER_NAME,
            "o nome do provedor",
            &self.name,
            MAX_PROVIDER_NAME_CHARS,
        );
        let minutes = self
            .idle_lock_minutes
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|minutes| (1..=MAX_IDLE_LOCK_MINUTES).contains(minutes));
        if minutes.is_none() {
            errors.add(
                fields::IDLE_LOCK_MINUTES,
                format!("Informe um número inteiro de minutos, de 1 a {MAX_IDLE_LOCK_MINUTES}."),
            );
        }
        errors.into_result(|| Provider {
            name: name.unwrap_or_default(),
            idle_lock_minutes: minutes.unwrap_or(DEFAULT_IDLE_LOCK_MINUTES),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> ProviderSetup {
        ProviderSetup {
            provider_name: " Conecta Fibra ".into(),
            admin_name: "Rita Alves".into(),
            login: "Rita".into(),
            email: " rita@conecta.net.br ".into(),
            password: "cavalo bateria grampo".into(),
            confirmation: "cavalo bateria grampo".into(),
        }
    }

    #[test]
    fn a_good_setup_is_trimmed() {
        let valid = setup().validate().expect("valid");
        assert_eq!(valid.provider_name, "Conecta Fibra");
        assert_eq!(valid.login, "rita");
        assert_eq!(valid.email, "rita@conecta.net.br");
    }

    #[test]
    fn every_wrong_field_of_the_setup_is_reported() {
        let wrong = ProviderSetup {
            provider_name: String::new(),
            admin_name: String::new(),
            login: "rita alves".into(),
            email: "rita".into(),
            password: "1234567890".into(),
            confirmation: "123456789".into(),
        };
        let errors = wrong.validate().expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|error| error.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                fields::PROVIDER_NAME,
                fields::ADMIN_NAME,
                fields::ADMIN_LOGIN,
                fields::ADMIN_EMAIL,
                fields::ADMIN_PASSWORD,
                fields::ADMIN_CONFIRMATION,
            ]
        );
    }

    #[test]
    fn the_idle_time_is_a_whole_number_of_minutes_up_to_a_working_day() {
        let settings = |minutes: &str| ProviderSettings {
            name: "Conecta".into(),
            idle_lock_minutes: minutes.into(),
        };
        assert_eq!(
            settings(" 30 ").validate(),
            Ok(Provider {
                name: "Conecta".into(),
                idle_lock_minutes: 30
            })
        );
        for wrong in ["0", "481", "1.5", "", "-3", "quinze"] {
            let errors = settings(wrong).validate().expect_err(wrong);
            assert_eq!(errors[0].field, fields::IDLE_LOCK_MINUTES, "{wrong}");
        }
        assert!(settings("480").validate().is_ok());
    }
}
