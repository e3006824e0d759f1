//! The central sync server of the help desk: desktops register with the administrator's
//! enrollment token, then push their changed rows (merged field by field, last writer
//! wins, [`helpdesk_core::sync`]) and pull everyone else's, in the server's write order,
//! with a cursor. Attachments travel as content-addressed blobs. PostgreSQL holds all state:
//! any number of instances may serve one database.
//!
//! To run one in a test or another crate: [`spawn`] a [`Config::local`] server on a free
//! port (with the `test-postgres` feature, [`test_postgres::PgServer`] gives a throwaway
//! PostgreSQL), or mount [`router`] over an [`AppState`] with its [`routes::Limits`].
pub mod auth;
pub mod client_address;
pub mod config;
pub mod credential;
pub mod error;
pub mod extract;
pub mod intake;
pub mod limiter;
pub mod logging;
pub mod mailboxes;
pub mod metrics;
pub mod openapi;
pub mod portal;
pub mod repo;
pub mod routes;
mod server;
pub mod snapshots;
pub mod state;
#[cfg(feature = "test-postgres")]
pub mod test_postgres;
pub mod validate;

pub use config::{Config, ConfigError, TlsPaths};
pub use error::ApiError;
pub use routes::router;
pub use server::{serve, serve_until, spawn, spawn_with_state, RunningServer};
pub use state::{AppState, StartError};

/// The server's migrations (`server/migrations`), applied by [`AppState::connect`].
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The wall clock in Unix milliseconds, sent with pushes and pulls.
pub(crate) fn now_ms() -> i64 {
    let elapsed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
}
