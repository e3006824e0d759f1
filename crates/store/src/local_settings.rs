//! This desktop's own settings (`local_settings`, never synced): a text value per key, each
//! key read and written by the module it belongs to (the desktop's number, the SMTP
//! settings, the sync credential). The one module that writes the table.
use sqlx::SqliteConnection;

use crate::{Result, Store};

/// The value of `key`, if it is set.
pub async fn get(store: &Store, key: &str) -> Result<Option<String>> {
    get_in(&mut *store.pool().acquire().await?, key).await
}

/// The value of `key` read on `conn` (the caller's transaction, if any).
pub async fn get_in(conn: &mut SqliteConnection, key: &str) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM local_settings WHERE key = ?1")
            .bind(key)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// Sets `key` to `value` on `conn` (the caller's transaction, if any).
pub async fn set_in(conn: &mut SqliteConnection, key: &str, value: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO local_settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Unsets `key` on `conn` (the caller's transaction, if any).
pub async fn remove_in(conn: &mut SqliteConnection, key: &str) -> Result<()> {
    sqlx::query("DELETE FROM local_settings WHERE key = ?1")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_key_is_set_replaced_and_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("settings.db"))
            .await
            .expect("open");
        assert_eq!(get(&store, "test.key").await.expect("get"), None);
        let mut conn = store.pool().acquire().await.expect("connection");
        set_in(&mut conn, "test.key", "1").await.expect("set");
        set_in(&mut conn, "test.key", "2").await.expect("replace");
        assert_eq!(
            get(&store, "test.key").await.expect("get"),
            Some("2".into())
        );
        remove_in(&mut conn, "test.key").await.expect("remove");
        assert_eq!(get(&store, "test.key").await.expect("get"), None);
    }
}
