//! What every request shares: the PostgreSQL pool and the settings it needs.
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use crate::config::Config;
use crate::credential;
use crate::limiter::AddressLimiter;

/// How long a request waits for a PostgreSQL connection before answering 503.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

/// The state of one server instance; cheap to clone. Nothing lives here between requests
/// but the pool, the per-address limits (the public form's, wrong credentials') and the
/// instance's metrics: any number of instances may serve the same database (each limits
/// and counts on its own).
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    pool: PgPool,
    enrollment_digest: [u8; 32],
    max_blob_bytes: usize,
    form_limiter: AddressLimiter,
    auth_limiter: AddressLimiter,
    metrics_digest: Option<[u8; 32]>,
    metrics: crate::metrics::Metrics,
    trusted_proxies: Vec<std::net::IpAddr>,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("configuration: {0}")]
    Config(#[from] crate::config::ConfigError),
    #[error("cannot connect to PostgreSQL: {0}")]
    Database(#[from] sqlx::Error),
    #[error("cannot apply the database migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("cannot load the TLS certificate or key: {0}")]
    Tls(std::io::Error),
    #[error("cannot listen: {0}")]
    Io(#[from] std::io::Error),
}

impl AppState {
    /// Connects to PostgreSQL, applies the migrations and checks the pull positions'
    /// lineage ([`crate::repo::lineage::check`]); safe with several instances starting at
    /// once (both take an advisory lock).
    pub async fn connect(config: &Config) -> Result<AppState, StartError> {
        let pool = PgPoolOptions::new()
            .max_connections(config.max_db_connections)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect(&config.database_url)
            .await?;
        crate::MIGRATOR.run(&pool).await?;
        if let crate::repo::lineage::Lineage::NewEpoch { epoch, rows } =
            crate::repo::lineage::check(&pool).await?
        {
            tracing::warn!(
                epoch,
                rows,
                "this database is a copy (restored from a dump, say): a new pull epoch began, \
                 every desktop pulls again from the start"
            );
        }
        Ok(AppState::new(pool, config))
    }

    /// A state over an existing pool whose database is migrated.
    pub fn new(pool: PgPool, config: &Config) -> AppState {
        AppState {
            inner: Arc::new(Inner {
                pool,
                enrollment_digest: credential::digest(config.enrollment_token.as_bytes()),
                max_blob_bytes: config.max_blob_bytes,
                form_limiter: AddressLimiter::portal_form(),
                auth_limiter: AddressLimiter::new(
                    NonZeroU32::new(config.auth_failures).unwrap_or(NonZeroU32::MIN),
                    config.auth_failure_window,
                ),
                metrics_digest: config
                    .metrics_token
                    .as_ref()
                    .map(|token| credential::digest(token.as_bytes())),
                metrics: crate::metrics::Metrics::default(),
                trusted_proxies: config.trusted_proxies.clone(),
            }),
        }
    }

    /// The PostgreSQL pool.
    pub fn pool(&self) -> &PgPool {
        &self.inner.pool
    }

    /// The largest attachment accepted, in bytes.
    pub fn max_blob_bytes(&self) -> usize {
        self.inner.max_blob_bytes
    }

    /// How many public forms each address may send.
    pub fn form_limiter(&self) -> &AddressLimiter {
        &self.inner.form_limiter
    }

    /// How many wrong credentials each address may present.
    pub fn auth_limiter(&self) -> &AddressLimiter {
        &self.inner.auth_limiter
    }

    /// The reverse proxies whose `X-Forwarded-For` names the client
    /// ([`crate::client_address`]).
    pub fn trusted_proxies(&self) -> &[std::net::IpAddr] {
        &self.inner.trusted_proxies
    }

    /// The instance's metrics.
    pub fn metrics(&self) -> &crate::metrics::Metrics {
        &self.inner.metrics
    }

    /// Whether metrics are served (a metrics token is set).
    pub fn serves_metrics(&self) -> bool {
        self.inner.metrics_digest.is_some()
    }

    /// Whether `token` is the metrics token (constant time); never when none is set.
    pub fn is_metrics_token(&self, token: &str) -> bool {
        self.inner.metrics_digest.is_some_and(|expected| {
            credential::digests_equal(&credential::digest(token.as_bytes()), &expected)
        })
    }

    /// Whether `token` is the administrator's enrollment token (constant time).
    pub fn is_enrollment_token(&self, token: &str) -> bool {
        credential::digests_equal(
            &credential::digest(token.as_bytes()),
            &self.inner.enrollment_digest,
        )
    }
}
