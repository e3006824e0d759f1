use thiserror::Error;
use uuid::Uuid;

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
    /// A stored script version whose definition this build cannot read (damaged, or written
    /// by a later version of the app).
    #[error("script {script_id} version {version}: the stored definition does not read as a script: {source}")]
    ScriptDefinition {
        script_id: Uuid,
        version: u32,
        #[source]
        source: serde_json::Error,
    },
    /// A secret stored encrypted that does not decrypt (another desktop's key, or damaged).
    #[error("secret: {0}")]
    Secret(String),
    /// A stored value that does not read as what it should be (damaged, or written by a
    /// later version of the app).
    #[error("stored data does not read: {0}")]
    Corrupt(String),
    /// Trusted data (the demo's) that a rule of the catalogs refused.
    #[error("refused: {0}")]
    Refused(String),
    /// The attachments folder refused a file (disk full, permissions).
    #[error("attachments folder: {0}")]
    Files(String),
    /// A backup could not be written or read (the folder, the disk, a damaged backup).
    #[error("backup: {0}")]
    Backup(String),
    /// Another process of the app has the database open ([`crate::app_lock::AppLock`]).
    #[error("the database {} is open in another window of the app", .0.display())]
    InUse(std::path::PathBuf),
    /// The database's lock file could not be made or locked (permissions, a full disk).
    #[error("database lock file: {0}")]
    Lock(std::io::Error),
    #[error("background task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}
