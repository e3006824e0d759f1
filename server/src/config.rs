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
//! | `HELPDESK_SERVER_REQUEST_TIMEOUT_SECONDS` | longest a request may take, body upload included (then 503 `request_timeout`) | `120` |
//! | `HELPDESK_SERVER_MAX_CONCURRENT_REQUESTS` | requests served at once by an instance (more are answered 503 `server_busy`) | `256` |
//! | `HELPDESK_SERVER_HEADER_READ_TIMEOUT_SECONDS` | longest a client may take to send a request's headers (then the connection is closed) | `10` |
//! | `HELPDESK_SERVER_AUTH_FAILURES` | failed credentials an address may present at once before it is slowed (429) | `20` |
//! | `HELPDESK_SERVER_AUTH_FAILURE_WINDOW_SECONDS` | the time in which an address earns all of them back | `300` |
//! | `HELPDESK_SERVER_TRUSTED_PROXIES` | addresses of reverse proxies whose last `X-Forwarded-For` entry is taken as the client's (comma-separated) | none |
//! | `HELPDESK_SERVER_SNAPSHOT_HOURS` | how often a snapshot for new desktops' first sync is prepared (one instance at a time; also at start when none is); 0: never | `6` |
//! | `HELPDESK_SERVER_METRICS_TOKEN` | bearer token that reads `GET /metrics` (16 characters or more); unset: no metrics | none |
//! | `RUST_LOG` | log filter (`tracing_subscriber::EnvFilter`) | `info` |
//!
//! The TLS certificate and key go together (both or neither). Without them the server only
//! listens on a loopback address (behind a TLS-terminating proxy, or for tests).
use std::net::{IpAddr, SocketAddr};
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
    /// The longest a request may take (reading its body included).
    pub request_timeout: Duration,
    /// Requests served at once; more are refused at once with 503.
    pub max_concurrent_requests: usize,
    /// The longest a client may take to send a request's headers.
    pub header_read_timeout: Duration,
    /// Failed credentials an address may present at once before it is answered 429.
    pub auth_failures: u32,
    /// The time in which an address earns all its failures back.
    pub auth_failure_window: Duration,
    /// The bearer token that reads `GET /metrics`; `None`: no metrics served.
    pub metrics_token: Option<String>,
    /// How often a snapshot for new desktops is prepared; `None`: never.
    pub snapshot_every: Option<Duration>,
    /// Reverse proxies whose last `X-Forwarded-For` entry is the client's address.
    pub trusted_proxies: Vec<IpAddr>,
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
/// The longest a request may take, in seconds, when not set.
pub const DEFAULT_REQUEST_TIMEOUT_SECONDS: u64 = 120;
/// Requests served at once when not set.
pub const DEFAULT_MAX_CONCURRENT_REQUESTS: usize = 256;
/// The longest a client may take to send its headers, in seconds, when not set.
pub const DEFAULT_HEADER_READ_TIMEOUT_SECONDS: u64 = 10;
/// Failed credentials an address may present at once, when not set.
pub const DEFAULT_AUTH_FAILURES: u32 = 20;
/// The time in which an address earns its failures back, in seconds, when not set.
pub const DEFAULT_AUTH_FAILURE_WINDOW_SECONDS: u64 = 300;
/// How often a snapshot is prepared, in hours.
pub const DEFAULT_SNAPSHOT_HOURS: u64 = 6;

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
        let request_timeout = ranged(
            &value,
            "HELPDESK_SERVER_REQUEST_TIMEOUT_SECONDS",
            DEFAULT_REQUEST_TIMEOUT_SECONDS,
            1..=3600,
        )?;
        let max_concurrent_requests = ranged(
            &value,
            "HELPDESK_SERVER_MAX_CONCURRENT_REQUESTS",
            DEFAULT_MAX_CONCURRENT_REQUESTS,
            1..=100_000,
        )?;
        let header_read_timeout = ranged(
            &value,
            "HELPDESK_SERVER_HEADER_READ_TIMEOUT_SECONDS",
            DEFAULT_HEADER_READ_TIMEOUT_SECONDS,
            1..=300,
        )?;
        let auth_failures = ranged(
            &value,
            "HELPDESK_SERVER_AUTH_FAILURES",
            DEFAULT_AUTH_FAILURES,
            1..=100_000,
        )?;
        let auth_failure_window = ranged(
            &value,
            "HELPDESK_SERVER_AUTH_FAILURE_WINDOW_SECONDS",
            DEFAULT_AUTH_FAILURE_WINDOW_SECONDS,
            1..=86_400,
        )?;
        let snapshot_hours = ranged(
            &value,
            "HELPDESK_SERVER_SNAPSHOT_HOURS",
            DEFAULT_SNAPSHOT_HOURS,
            0..=24 * 30,
        )?;
        let metrics_token =
            value("HELPDESK_SERVER_METRICS_TOKEN").map(|token| token.trim().to_owned());
        if let Some(token) = &metrics_token {
            if token.len() < 16 || *token == enrollment_token {
                return Err(ConfigError(
                    "HELPDESK_SERVER_METRICS_TOKEN must have at least 16 characters and differ from the enrollment token".into(),
                ));
            }
        }
        let trusted_proxies = value("HELPDESK_SERVER_TRUSTED_PROXIES")
            .unwrap_or_default()
            .split([',', ' '])
            .filter(|address| !address.is_empty())
            .map(|address| {
                address.parse().map_err(|_| {
                    ConfigError(format!(
                        "HELPDESK_SERVER_TRUSTED_PROXIES must list IP addresses separated by commas, not {address:?}"
                    ))
                })
            })
            .collect::<Result<Vec<IpAddr>, ConfigError>>()?;
        let config = Config {
            database_url,
            listen,
            tls,
            enrollment_token,
            max_blob_bytes: max_blob_mb * 1024 * 1024,
            max_db_connections,
            mailbox_check_every: Duration::from_secs(mailbox_check_seconds),
            request_timeout: Duration::from_secs(request_timeout),
            max_concurrent_requests,
            header_read_timeout: Duration::from_secs(header_read_timeout),
            auth_failures,
            auth_failure_window: Duration::from_secs(auth_failure_window),
            metrics_token,
            snapshot_every: (snapshot_hours > 0)
                .then(|| Duration::from_secs(snapshot_hours * 3600)),
            trusted_proxies,
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
            request_timeout: Duration::from_secs(DEFAULT_REQUEST_TIMEOUT_SECONDS),
            max_concurrent_requests: DEFAULT_MAX_CONCURRENT_REQUESTS,
            header_read_timeout: Duration::from_secs(DEFAULT_HEADER_READ_TIMEOUT_SECONDS),
            auth_failures: DEFAULT_AUTH_FAILURES,
            auth_failure_window: Duration::from_secs(DEFAULT_AUTH_FAILURE_WINDOW_SECONDS),
            metrics_token: None,
            snapshot_every: None,
            trusted_proxies: Vec::new(),
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
            .field("request_timeout", &self.request_timeout)
            .field("max_concurrent_requests", &self.max_concurrent_requests)
            .field("header_read_timeout", &self.header_read_timeout)
            .field("auth_failures", &self.auth_failures)
            .field("auth_failure_window", &self.auth_failure_window)
            .field(
                "metrics_token",
                &self.metrics_token.as_ref().map(|_| "<hidden>"),
            )
            .field("snapshot_every", &self.snapshot_every)
            .field("trusted_proxies", &self.trusted_proxies)
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

/// A whole number within `range`, or `default` when not set.
fn ranged<T>(
    value: &impl Fn(&str) -> Option<String>,
    name: &str,
    default: T,
    range: std::ops::RangeInclusive<T>,
) -> Result<T, ConfigError>
where
    T: std::str::FromStr + PartialOrd + std::fmt::Display,
{
    let number = number(value, name, default)?;
    if range.contains(&number) {
        Ok(number)
    } else {
        Err(ConfigError(format!(
            "{name} must be between {} and {}",
            range.start(),
            range.end()
        )))
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
        assert_eq!(config.request_timeout, Duration::from_secs(120));
        assert_eq!(config.max_concurrent_requests, 256);
        assert_eq!(config.header_read_timeout, Duration::from_secs(10));
        assert_eq!(config.auth_failures, 20);
        assert_eq!(config.metrics_token, None);
        assert_eq!(config.snapshot_every, Some(Duration::from_secs(6 * 3600)));
    }

    #[test]
    fn limits_are_checked() {
        let mut vars = BASE.to_vec();
        vars.push(("HELPDESK_SERVER_MAX_CONCURRENT_REQUESTS", "0"));
        let error = config(&vars).expect_err("no requests at all");
        assert!(error.0.contains("MAX_CONCURRENT_REQUESTS"), "{error}");
        vars.pop();
        vars.push(("HELPDESK_SERVER_REQUEST_TIMEOUT_SECONDS", "30"));
        vars.push(("HELPDESK_SERVER_METRICS_TOKEN", "0123456789abcdef-token"));
        let error = config(&vars).expect_err("metrics token = enrollment token");
        assert!(error.0.contains("METRICS_TOKEN"), "{error}");
        vars.pop();
        vars.push(("HELPDESK_SERVER_METRICS_TOKEN", "metrics-0123456789"));
        vars.push(("HELPDESK_SERVER_TRUSTED_PROXIES", "10.0.0.1, ::1"));
        let config = config(&vars).expect("config");
        assert_eq!(config.trusted_proxies.len(), 2);
        assert_eq!(config.request_timeout, Duration::from_secs(30));
        assert_eq!(config.metrics_token.as_deref(), Some("metrics-0123456789"));
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
        config.metrics_token = Some("metrics-t0ken-0123456789".into());
        let shown = format!("{config:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(!shown.contains("metrics-t0ken"), "{shown}");
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
