//! The provider's settings (`provider_settings`, synced): its name and the idle time after
//! which windows lock. One live row, the oldest (UUIDv7 keys grow with time), should two
//! desktops ever have made one each. The one module that writes the table.
use helpdesk_core::setup::Provider;
use sqlx::SqliteConnection;

use crate::{new_id, Result, Store};

/// The provider's settings, once the first run or a sync wrote them.
pub async fn load(store: &Store) -> Result<Option<Provider>> {
    let row: Option<(String, i64)> = sqlx::query_as(
        "SELECT name, idle_lock_minutes FROM provider_settings
         WHERE deleted = 0 ORDER BY id LIMIT 1",
    )
    .fetch_optional(store.pool())
    .await?;
    Ok(row.map(|(name, minutes)| Provider {
        name,
        idle_lock_minutes: u32::try_from(minutes).unwrap_or(u32::MAX),
    }))
}

/// Replaces the live row's values with `provider`'s, or writes the first row.
pub async fn save(store: &Store, provider: &Provider) -> Result<()> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let updated = sqlx::query(
        "UPDATE provider_settings SET name = ?1, idle_lock_minutes = ?2, changed_at = ?3
         WHERE id = (SELECT id FROM provider_settings WHERE deleted = 0 ORDER BY id LIMIT 1)",
    )
    .bind(&provider.name)
    .bind(provider.idle_lock_minutes)
    .bind(store.stamp())
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        insert_in(&mut tx, store, provider).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Writes the provider's first settings on `conn` (the caller's transaction).
pub async fn insert_in(
    conn: &mut SqliteConnection,
    store: &Store,
    provider: &Provider,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO provider_settings (id, name, idle_lock_minutes, changed_at)
         VALUES (?1, ?2, ?3, ?4)",
    )
    .bind(new_id())
    .bind(&provider.name)
    .bind(provider.idle_lock_minutes)
    .bind(store.stamp())
    .execute(conn)
    .await?;
    Ok(())
}
