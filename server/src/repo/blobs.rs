//! `blobs`: attachments addressed by the SHA-256 of their content.
use std::collections::HashSet;

use sqlx::PgPool;

/// Stores a blob whose hash was checked; storing it again does nothing.
pub async fn put(pool: &PgPool, hash: &str, content: &[u8]) -> Result<(), sqlx::Error> {
    let size = i64::try_from(content.len()).unwrap_or(i64::MAX);
    sqlx::query(
        "INSERT INTO blobs (hash, size, content) VALUES ($1, $2, $3)
         ON CONFLICT (hash) DO NOTHING",
    )
    .bind(hash)
    .bind(size)
    .bind(content)
    .execute(pool)
    .await?;
    Ok(())
}

/// A blob's content, if stored.
pub async fn get(pool: &PgPool, hash: &str) -> Result<Option<Vec<u8>>, sqlx::Error> {
    sqlx::query_scalar("SELECT content FROM blobs WHERE hash = $1")
        .bind(hash)
        .fetch_optional(pool)
        .await
}

/// Those of `hashes` the server does not hold, in the order given.
pub async fn missing(pool: &PgPool, hashes: &[String]) -> Result<Vec<String>, sqlx::Error> {
    let held: Vec<String> = sqlx::query_scalar("SELECT hash FROM blobs WHERE hash = ANY($1)")
        .bind(hashes)
        .fetch_all(pool)
        .await?;
    let mut seen: HashSet<&str> = held.iter().map(String::as_str).collect();
    Ok(hashes
        .iter()
        .filter(|hash| seen.insert(hash.as_str()))
        .cloned()
        .collect())
}

/// Those of `hashes` the server holds.
pub async fn held(
    executor: impl sqlx::PgExecutor<'_>,
    hashes: &[String],
) -> Result<HashSet<String>, sqlx::Error> {
    if hashes.is_empty() {
        return Ok(HashSet::new());
    }
    let held: Vec<String> = sqlx::query_scalar("SELECT hash FROM blobs WHERE hash = ANY($1)")
        .bind(hashes)
        .fetch_all(executor)
        .await?;
    Ok(held.into_iter().collect())
}
