use thiserror::Error;

/// What can go wrong in the store. None of it is the operator's fault.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("password hashing error: {0}")]
    PasswordHash(String),
    #[error("JSON error: {0}")]
    Json(#[from] serde_json::Error),
    #[error("background task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}
