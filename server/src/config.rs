//! The server's settings, read from the environment at start.
//!
//! | variable | meaning | default |
//! | --- | --- | --- |
//! | `HELPDESK_SERVER_DATABASE_URL` | PostgreSQL URL (`postgres://user:pass@host/db`) | required |
//! | `HELPDESK_SERVER_LISTEN` | address and port to listen on | `127.0.0.1:8443` |
//! | `HELPDESK_SERVER_TLS_CERT` | PEM certificate chain | none |
//! | `HELPDESK_SERVER_TLS_KEY` | PEM private key | none |
//! | `HELPDESK_SERVER_ENROLLMENT_TOKEN` | the administrator's token: registers desktops, lists and revokes them | required |
//! | `HELPDESK_SERVER_MAX_BLOB_MB` | largest attachment accepted, in MiB | `32` |
//! | `HELPDESK_SERVER_DB_MAX_CONNECTIONS` | PostgreSQL connections per instance (plus one per mailbox watched) | `10` |
//! | `HELPDESK_SERVER_MAILBOX_CHECK_SECONDS` | how often the mailboxes' settings are read (changes applied, mailboxes started and stopped) | `10` |
//! | `RUST_LOG` | log filter (`tracing_subscriber::EnvFilter`) | `info` |
//!
//! The TLS certificate and key go together (both or neither). Without them the server only
//! listens on a loopback address (behind a TLS-terminating proxy, or for tests).
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Where the PEM certificate chain and private key are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsPaths {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// Everything the server needs to start. Its `Debug` hides the token and the database
/// password.
#[derive(Clone, PartialEq, Eq)]
pub struct Config {
    pub database_url: String,
    /// Port 0 picks a free port ([`crate::spawn`] tells which).
    pub listen: SocketAddr,
    pub tls: Option<TlsPaths>,
    pub enrollment_token: String,
    pub max_blob_bytes: usize,
    pub max_db_connections: u32,
    /// How often the mailboxes' settings are read.
    pub mailbox_check_every: Duration,
}

/// A setting that is missing or does not parse; the message names the variable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

/// The listen address when none is set.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8443";
/// The largest attachment, in MiB, when none is set.
pub const DEFAULT_MAX_BLOB_MB: usize = 32;
/// PostgreSQL connections per instance when none is set.
pub const DEFAULT_DB_MAX_CONNECTIONS: u32 = 10;
/// How often the mailboxes' settings are read, in seconds, when not set.
pub const DEFAULT_MAILBOX_CHECK_SECONDS: u64 = 10;

impl Config {
    /// Reads the settings from the process environment.
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the settings through `lookup` (a variable's value, if set): testable without
    /// touching the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let value = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        let required = |name: &str| value(name).ok_or_else(|| missing(name));
        let database_url = required("HELPDESK_SERVER_DATABASE_URL")?;
        let enrollment_token = required("HELPDESK_SERVER_ENROLLMENT_TOKEN")?
            .trim()
            .to_owned();
        if enrollment_token.len() < 16 {
            return Err(ConfigError(
                "HELPDESK_SERVER_ENROLLMENT_TOKEN must have at least 16 characters".into(),
            ));
        }
        let listen_text = value("HELPDESK_SERVER_LISTEN").unwrap_or_else(|| DEFAULT_LISTEN.into());
        let listen = listen_text.trim().parse().map_err(|_| {
            ConfigError(format!(
                "HELPDESK_SERVER_LISTEN must be address:port (like 0.0.0.0:8443), not {listen_text:?}"
            ))
        })?;
        let tls = match (
            value("HELPDESK_SERVER_TLS_CERT"),
            value("HELPDESK_SERVER_TLS_KEY"),
        ) {
            (Some(cert), Some(key)) => Some(TlsPaths {
                cert: cert.into(),
                key: key.into(),
            }),
            (None, None) => None,
            _ => {
                return Err(ConfigError(
                    "HELPDESK_SERVER_TLS_CERT and HELPDESK_SERVER_TLS_KEY go together: set both or neither".into(),
                ))
            }
        };
        let max_blob_mb: usize =
            number(&value, "HELPDESK_SERVER_MAX_BLOB_MB", DEFAULT_MAX_BLOB_MB)?;
        if !(1..=1024).contains(&max_blob_mb) {
            return Err(ConfigError(
                "HELPDESK_SERVER_MAX_BLOB_MB must be between 1 and 1024".into(),
            ));
        }
        let max_db_connections = number(
            &value,
            "HELPDESK_SERVER_DB_MAX_CONNECTIONS",
            DEFAULT_DB_MAX_CONNECTIONS,
        )?;
        if max_db_connections == 0 {
            return Err(ConfigError(
                "HELPDESK_SERVER_DB_MAX_CONNECTIONS must be at least 1".into(),
            ));
        }
        let mailbox_check_seconds = number(
            &value,
            "HELPDESK_SERVER_MAILBOX_CHECK_SECONDS",
            DEFAULT_MAILBOX_CHECK_SECONDS,
        )?;
        if !(1..=3600).contains(&mailbox_check_seconds) {
            return Err(ConfigError(
                "HELPDESK_SERVER_MAILBOX_CHECK_SECONDS must be between 1 and 3600".into(),
            ));
        }
        let config = Config {
            database_url,
            listen,
            tls,
            enrollment_token,
            max_blob_bytes: max_blob_mb * 1024 * 1024,
            max_db_connections,
            mailbox_check_every: Duration::from_secs(mailbox_check_seconds),
        };
        config.check_listen()?;
        Ok(config)
    }

    /// Settings for a server on a free loopback port without TLS (tests, embedding).
    pub fn local(database_url: impl Into<String>, enrollment_token: impl Into<String>) -> Config {
        Config {
            database_url: database_url.into(),
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            tls: None,
            enrollment_token: enrollment_token.into(),
            max_blob_bytes: DEFAULT_MAX_BLOB_MB * 1024 * 1024,
            max_db_connections: DEFAULT_DB_MAX_CONNECTIONS,
            mailbox_check_every: Duration::from_secs(DEFAULT_MAILBOX_CHECK_SECONDS),
        }
    }

    /// Refuses plain HTTP on an address other machines can reach.
    pub fn check_listen(&self) -> Result<(), ConfigError> {
        if self.tls.is_none() && !self.listen.ip().is_loopback() {
            return Err(ConfigError(format!(
                "refusing to listen on {} without TLS: set HELPDESK_SERVER_TLS_CERT and HELPDESK_SERVER_TLS_KEY, or listen on a loopback address",
                self.listen
            )));
        }
        Ok(())
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_password(&self.database_url))
            .field("listen", &self.listen)
            .field("tls", &self.tls)
            .field("enrollment_token", &"<hidden>")
            .field("max_blob_bytes", &self.max_blob_bytes)
            .field("max_db_connections", &self.max_db_connections)
            .field("mailbox_check_every", &self.mailbox_check_every)
            .finish()
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.rsplit_once('@') {
        Some((credentials, host)) => {
            let user = credentials.split(':').next().unwrap_or_default();
            if credentials.contains(':') {
                format!("{scheme}://{user}:***@{host}")
            } else {
                url.to_owned()
            }
        }
        None => url.to_owned(),
    }
}

fn missing(name: &str) -> ConfigError {
    ConfigError(format!("{name} is required"))
}

fn number<T: std::str::FromStr>(
    value: &impl Fn(&str) -> Option<String>,
    name: &str,
    default: T,
) -> Result<T, ConfigError> {
    match value(name) {
        None => Ok(default),
        Some(text) => text
            .trim()
            .parse()
            .map_err(|_| ConfigError(format!("{name} must be a whole number, not {text:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect();
        Config::from_lookup(|name| vars.get(name).cloned())
    }

    const BASE: [(&str, &str); 2] = [
        (
            "HELPDESK_SERVER_DATABASE_URL",
            "postgres://localhost/helpdesk",
        ),
        ("HELPDESK_SERVER_ENROLLMENT_TOKEN", "0123456789abcdef-token"),
    ];

    #[test]
    fn defaults_apply() {
        let config = config(&BASE).expect("config");
        assert_eq!(config.listen.to_string(), DEFAULT_LISTEN);
        assert_eq!(config.tls, None);
        assert_eq!(config.max_blob_bytes, 32 * 1024 * 1024);
        assert_eq!(config.max_db_connections, 10);
        assert_eq!(config.mailbox_check_every, Duration::from_secs(10));
    }

    #[test]
    fn required_settings_are_named() {
        let error = config(&BASE[..1]).expect_err("no token");
        assert!(
            error.0.contains("HELPDESK_SERVER_ENROLLMENT_TOKEN"),
            "{error}"
        );
        let error = config(&BASE[1..]).expect_err("no database");
        assert!(error.0.contains("HELPDESK_SERVER_DATABASE_URL"), "{error}");
    }

    #[test]
    fn tls_goes_in_pairs_and_guards_public_addresses() {
        let mut vars = BASE.to_vec();
        vars.push(("HELPDESK_SERVER_TLS_CERT", "/etc/cert.pem"));
        assert!(config(&vars).is_err());
        vars.push(("HELPDESK_SERVER_TLS_KEY", "/etc/key.pem"));
        vars.push(("HELPDESK_SERVER_LISTEN", "0.0.0.0:443"));
        let tls = config(&vars).expect("tls on a public address");
        assert_eq!(tls.listen.port(), 443);
        let mut plain = BASE.to_vec();
        plain.push(("HELPDESK_SERVER_LISTEN", "0.0.0.0:8080"));
        let error = config(&plain).expect_err("plain on a public address");
        assert!(error.0.contains("without TLS"), "{error}");
    }

    #[test]
    fn debug_hides_secrets() {
        let mut config = config(&BASE).expect("config");
        config.database_url = "postgres://helpdesk:s3cret@db:5432/helpdesk".into();
        let shown = format!("{config:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(!shown.contains("0123456789abcdef"), "{shown}");
        assert!(
            shown.contains("postgres://helpdesk:***@db:5432/helpdesk"),
            "{shown}"
        );
    }

    #[test]
    fn numbers_are_checked() {
        let mut vars = BASE.to_vec();
        vars.push(("HELPDESK_SERVER_MAX_BLOB_MB", "lots"));
        assert!(config(&vars).is_err());
        vars.pop();
        vars.push(("HELPDESK_SERVER_MAX_BLOB_MB", "2"));
        assert_eq!(
            config(&vars).expect("2 MiB").max_blob_bytes,
            2 * 1024 * 1024
        );
    }
}
