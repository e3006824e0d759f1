//! What the window shows of sync and the administrator's registration form.
use serde::{Deserialize, Serialize};
use specta::Type;
use url::{Host, Url};

use super::DesktopProfile;
use crate::date::format_instant;
use crate::form::{required_text, FieldError, FieldErrors};

/// Field names of the registration form.
pub mod fields {
    pub const SERVER: &str = "sync-servidor";
    pub const TOKEN: &str = "sync-token";
    pub const NAME: &str = "sync-nome";
    pub const PROFILE: &str = "sync-perfil";
}

/// Where sync stands on this desktop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SyncStatus {
    /// The server this desktop is registered with, if it is.
    pub server_url: Option<String>,
    /// The number in this desktop's protocols (1 until it registers).
    pub desktop_number: u16,
    /// What it may sync, once registered.
    pub profile: Option<DesktopProfile>,
    /// Unix milliseconds of the last complete exchange.
    #[specta(type = Option<f64>)]
    pub last_sync_at: Option<i64>,
    /// Local changes not yet acknowledged by the server.
    pub waiting: u32,
    /// An exchange is under way.
    pub running: bool,
    /// Why the last exchange failed (pt-BR), if it did.
    pub error: Option<String>,
    /// Rows set aside ("Pendências"), counted for administrators only.
    pub set_aside: Option<u32>,
}

impl SyncStatus {
    /// The header's line (pt-BR): what is happening, or what went wrong, or how fresh the
    /// data is; `local_offset_minutes` places the last sync in the desktop's time.
    pub fn headline(&self, local_offset_minutes: i32) -> String {
        let waiting = match self.waiting {
            0 => String::new(),
            1 => " · 1 alteração aguardando".to_owned(),
            many => format!(" · {many} alterações aguardando"),
        };
        let set_aside = match self.set_aside.unwrap_or(0) {
            0 => String::new(),
            1 => " · 1 pendência".to_owned(),
            many => format!(" · {many} pendências"),
        };
        if self.server_url.is_none() {
            return "Sincronização: computador não registrado".to_owned();
        }
        if self.running {
            return format!("Sincronizando…{waiting}{set_aside}");
        }
        if let Some(error) = &self.error {
            return format!("Não sincronizado: {error}{set_aside}");
        }
        match self.last_sync_at {
            Some(at) => {
                let when = format_instant(at, local_offset_minutes);
                format!("Sincronizado em {when}{waiting}{set_aside}")
            }
            None => format!("Ainda não sincronizado{waiting}{set_aside}"),
        }
    }
}

/// "Registrar este computador": the server's address, an administrator's enrollment token and
/// how the desktop will be named there.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RegistrationForm {
    pub server_url: String,
    pub enrollment_token: String,
    pub name: String,
    /// "Perfil": none until the administrator picks one.
    pub profile: Option<DesktopProfile>,
}

/// Everything but the enrollment token: never in a log.
impl std::fmt::Debug for RegistrationForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RegistrationForm")
            .field("server_url", &self.server_url)
            .field("name", &self.name)
            .field("profile", &self.profile)
            .finish_non_exhaustive()
    }
}

impl RegistrationForm {
    /// The form trimmed, or every reason at its field. The address must be `https://`, or
    /// `http://` to this very machine (a server for tests or a local trial).
    pub fn validate(&self) -> Result<RegistrationForm, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let server = required_text(
            &mut errors,
            fields::SERVER,
            "o endereço do servidor",
            &self.server_url,
            300,
        )
        .map(|url| url.trim_end_matches('/').to_owned());
        if let Some(url) = &server {
            if !acceptable_url(url) {
                errors.add(
                    fields::SERVER,
                    "Use um endereço https:// (por exemplo https://sync.provedor.com.br).",
                );
            }
        }
        let token = required_text(
            &mut errors,
            fields::TOKEN,
            "o token de registro",
            &self.enrollment_token,
            500,
        );
        let name = required_text(
            &mut errors,
            fields::NAME,
            "o nome deste computador",
            &self.name,
            80,
        );
        if self.profile.is_none() {
            errors.add(
                fields::PROFILE,
                "Escolha o perfil deste computador: Atendimento ou Administração.",
            );
        }
        errors.into_result(|| RegistrationForm {
            server_url: server.unwrap_or_default(),
            enrollment_token: token.unwrap_or_default(),
            name: name.unwrap_or_default(),
            profile: self.profile,
        })
    }
}

/// Whether `url` may be the sync server's address: HTTPS to any host, or plain HTTP to this
/// machine only; read by a URL parser, so credentials before an `@` cannot pass for the host.
fn acceptable_url(url: &str) -> bool {
    let Ok(parsed) = Url::parse(url) else {
        return false;
    };
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return false;
    }
    match (parsed.scheme(), parsed.host()) {
        ("https", Some(_)) => true,
        ("http", Some(Host::Domain(name))) => name == "localhost",
        ("http", Some(Host::Ipv4(ip))) => ip.is_loopback(),
        ("http", Some(Host::Ipv6(ip))) => ip.is_loopback(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(server_url: &str, token: &str, name: &str) -> RegistrationForm {
        RegistrationForm {
            server_url: server_url.into(),
            enrollment_token: token.into(),
            name: name.into(),
            profile: Some(DesktopProfile::Service),
        }
    }

    #[test]
    fn the_profile_must_be_chosen() {
        let errors = RegistrationForm {
            profile: None,
            ..form("https://sync.provedor.com.br", "t", "Loja")
        }
        .validate()
        .expect_err("no profile");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, fields::PROFILE);
        let chosen = form("https://sync.provedor.com.br", "t", "Loja").validate();
        assert_eq!(
            chosen.expect("valid").profile,
            Some(DesktopProfile::Service)
        );
    }

    #[test]
    fn the_address_must_be_https_or_this_machine() {
        for good in [
            "https://sync.provedor.com.br",
            "https://sync.provedor.com.br:8443/",
            "http://127.0.0.1:8443",
            "http://localhost:8443",
            "http://[::1]:8443",
        ] {
            assert!(form(good, "t", "Loja").validate().is_ok(), "{good}");
        }
        for bad in [
            "http://sync.provedor.com.br",
            "ftp://x",
            "sync.provedor.com.br",
            "https://",
            // What is before the `@` is credentials: the host is evil.example.
            "http://127.0.0.1:8443@evil.example",
            "http://localhost@evil.example:8443",
            "https://usuario:senha@sync.provedor.com.br",
            "http://127.0.0.1.evil.example",
            "https://sync provedor.com.br",
        ] {
            let errors = form(bad, "t", "Loja").validate().expect_err(bad);
            assert_eq!(errors[0].field, fields::SERVER, "{bad}");
        }
        let trimmed = form(" https://sync.provedor.com.br/ ", " t ", " Loja ").validate();
        assert_eq!(
            trimmed.expect("valid").server_url,
            "https://sync.provedor.com.br"
        );
    }

    #[test]
    fn the_headline_says_what_matters_first() {
        let status = SyncStatus {
            server_url: Some("https://sync.provedor.com.br".into()),
            desktop_number: 7,
            profile: Some(DesktopProfile::Service),
            last_sync_at: Some(1_764_340_200_000),
            waiting: 0,
            running: false,
            error: None,
            set_aside: None,
        };
        assert_eq!(status.headline(-180), "Sincronizado em 28/11/2025 11:30");
        let waiting = SyncStatus {
            waiting: 3,
            ..status.clone()
        };
        assert_eq!(
            waiting.headline(-180),
            "Sincronizado em 28/11/2025 11:30 · 3 alterações aguardando"
        );
        let failed = SyncStatus {
            error: Some("Sem conexão.".into()),
            ..waiting.clone()
        };
        assert_eq!(failed.headline(-180), "Não sincronizado: Sem conexão.");
        let running = SyncStatus {
            running: true,
            ..failed
        };
        assert_eq!(
            running.headline(-180),
            "Sincronizando… · 3 alterações aguardando"
        );
        let pending = SyncStatus {
            set_aside: Some(2),
            ..status.clone()
        };
        assert_eq!(
            pending.headline(-180),
            "Sincronizado em 28/11/2025 11:30 · 2 pendências"
        );
        let alone = SyncStatus {
            server_url: None,
            ..status
        };
        assert_eq!(
            alone.headline(-180),
            "Sincronização: computador não registrado"
        );
    }

    #[test]
    fn every_empty_field_is_named() {
        let errors = form("", " ", "").validate().expect_err("empty");
        let named: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
        assert_eq!(named, [fields::SERVER, fields::TOKEN, fields::NAME]);
    }
}
