//! One watcher per mailbox across every server instance on the database: a PostgreSQL
//! session advisory lock, held on a connection of its own for as long as it watches.
use std::time::Duration;

use sha2::{Digest, Sha256};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// The lock on one mailbox; released when dropped (its connection closes).
pub struct MailboxLock {
    connection: PgConnection,
}

impl MailboxLock {
    /// Takes the lock of mailbox `id` unless another session holds it (`None`).
    pub async fn try_take(pool: &PgPool, id: Uuid) -> Result<Option<MailboxLock>, sqlx::Error> {
        // Detached: a pooled connection would go back to the pool still holding the lock.
        let mut connection = pool.acquire().await?.detach();
        let taken: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
            .bind(lock_key(id))
            .fetch_one(&mut connection)
            .await?;
        Ok(taken.then_some(MailboxLock { connection }))
    }

    /// Returns once the lock's connection fails (checked every `every`): the lock may then
    /// be another instance's.
    pub async fn lost(&mut self, every: Duration) {
        loop {
            tokio::time::sleep(every).await;
            if let Err(error) = sqlx::query("SELECT 1").execute(&mut self.connection).await {
                tracing::warn!(%error, "the mailbox lock's connection failed");
                return;
            }
        }
    }
}

/// The advisory lock key of mailbox `id`: 64 bits of a SHA-256 of a fixed prefix and the
/// id, so it meets no other lock (sqlx's migration lock among them).
fn lock_key(id: Uuid) -> i64 {
    let digest = Sha256::new()
        .chain_update(b"helpdesk-server mailbox ")
        .chain_update(id.as_bytes())
        .finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    i64::from_be_bytes(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_mailbox_has_its_own_stable_key() {
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        assert_eq!(lock_key(a), lock_key(a));
        assert_ne!(lock_key(a), lock_key(b));
    }
}
