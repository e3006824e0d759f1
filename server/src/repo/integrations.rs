//! `integrations`: the provider's sites and apps that post support messages, and the
//! digests of their keys.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::postgres::PgRow;
use sqlx::{PgPool, Row};
use uuid::Uuid;

/// An integration as the administrator sees it (never its key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct IntegrationSummary {
    pub id: Uuid,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    /// The address of its public form page on this server (`/portal/{id}`).
    pub form_path: String,
}

/// What authenticating an integration needs.
#[derive(Clone)]
pub struct StoredKey {
    pub secret_digest: Vec<u8>,
    pub revoked: bool,
}

impl std::fmt::Debug for StoredKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredKey")
            .field("secret_digest", &"<hidden>")
            .field("revoked", &self.revoked)
            .finish()
    }
}

const SUMMARY_COLUMNS: &str = "id, name, created_at, revoked_at, last_used_at";

fn summary(row: &PgRow) -> Result<IntegrationSummary, sqlx::Error> {
    let id: Uuid = row.try_get("id")?;
    Ok(IntegrationSummary {
        id,
        form_path: format!("/portal/{id}"),
        name: row.try_get("name")?,
        created_at: row.try_get("created_at")?,
        revoked_at: row.try_get("revoked_at")?,
        last_used_at: row.try_get("last_used_at")?,
    })
}

/// Stores a new integration with the digest of its key's secret.
pub async fn insert(
    pool: &PgPool,
    id: Uuid,
    name: &str,
    secret_digest: &[u8],
) -> Result<IntegrationSummary, sqlx::Error> {
    let row = sqlx::query(&format!(
        "INSERT INTO integrations (id, name, secret_digest) VALUES ($1, $2, $3)
         RETURNING {SUMMARY_COLUMNS}"
    ))
    .bind(id)
    .bind(name)
    .bind(secret_digest)
    .fetch_one(pool)
    .await?;
    summary(&row)
}

/// Every integration, the newest first.
pub async fn list(pool: &PgPool) -> Result<Vec<IntegrationSummary>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM integrations ORDER BY created_at DESC, id"
    ))
    .fetch_all(pool)
    .await?;
    rows.iter().map(summary).collect()
}

/// Revokes an integration's key (keeping the first revocation's time); `None` if unknown.
pub async fn revoke(pool: &PgPool, id: Uuid) -> Result<Option<IntegrationSummary>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "UPDATE integrations SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1
         RETURNING {SUMMARY_COLUMNS}"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(summary).transpose()
}

/// The stored key digest of an integration, if it exists.
pub async fn key(pool: &PgPool, id: Uuid) -> Result<Option<StoredKey>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT secret_digest, revoked_at IS NOT NULL AS revoked FROM integrations WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    row.map(|row| {
        Ok(StoredKey {
            secret_digest: row.try_get("secret_digest")?,
            revoked: row.try_get("revoked")?,
        })
    })
    .transpose()
}

/// Records that the integration was just used (at most one write a minute).
pub async fn touch(pool: &PgPool, id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE integrations SET last_used_at = now()
         WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')",
    )
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}
