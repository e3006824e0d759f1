//! `sync_lineage`: the epoch of the pull positions, and the database they were taken in.
use rand::Rng;
use sqlx::{PgExecutor, PgPool, Row};

/// The advisory lock that makes the start-up check one at a time across server processes.
const LINEAGE_LOCK: i64 = 0x6865_6c70_6c69_6e65;

/// What the start-up check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lineage {
    /// The database the positions were taken in: the epoch goes on.
    Same { epoch: i64 },
    /// A copy of it (restored from a dump, say): a new epoch began and the stored rows were
    /// renumbered, in their old order, before every new write.
    NewEpoch { epoch: i64, rows: u64 },
}

/// The epoch pull cursors belong to now, and the first transaction id not assigned yet
/// in this cluster: a cursor at or past it was not taken in this database's history.
pub async fn epoch_and_horizon(executor: impl PgExecutor<'_>) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT epoch, pg_snapshot_xmax(pg_current_snapshot())::text::bigint FROM sync_lineage",
    )
    .fetch_one(executor)
    .await
}

/// Checks at start-up that the server runs on the database its positions were taken in,
/// and starts a new epoch if not: when the stored cluster or database differs from this
/// one, or when a stored row was written by a transaction this cluster has not reached
/// (transaction ids restarted: a dump restored into a new cluster). A new epoch renumbers
/// every stored row as written by this transaction, in the old order, so rows written
/// later come after them and the pull's commit-order rule holds; desktops' recorded pulls
/// are forgotten (they pull again from the start).
///
/// One transaction under an advisory lock: processes starting at once check one after the
/// other, and only the first on a copy starts an epoch.
pub async fn check(pool: &PgPool) -> Result<Lineage, sqlx::Error> {
    // `pg_control_system()` may be refused to a role without privileges (a managed
    // database): then the transaction ids alone tell.
    let system_identifier: Option<i64> =
        sqlx::query_scalar("SELECT system_identifier FROM pg_control_system()")
            .fetch_one(pool)
            .await
            .ok();
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(LINEAGE_LOCK)
        .execute(&mut *tx)
        .await?;
    let stored = sqlx::query(
        "SELECT epoch, system_identifier, database_oid::bigint AS database_oid,
                (SELECT oid::bigint FROM pg_database WHERE datname = current_database())
                    AS current_oid
         FROM sync_lineage",
    )
    .fetch_one(&mut *tx)
    .await?;
    let epoch: i64 = stored.try_get("epoch")?;
    let stored_system: Option<i64> = stored.try_get("system_identifier")?;
    let stored_oid: Option<i64> = stored.try_get("database_oid")?;
    let current_oid: i64 = stored.try_get("current_oid")?;
    // Every committed row's transaction began before this statement's snapshot: one at or
    // past its horizon was written in another cluster.
    let ahead: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sync_rows
                        WHERE txid >= pg_snapshot_xmax(pg_current_snapshot()))",
    )
    .fetch_one(&mut *tx)
    .await?;
    let moved = matches!((stored_system, system_identifier), (Some(was), Some(now)) if was != now)
        || stored_oid.is_some_and(|was| was != current_oid);
    if !ahead && !moved {
        sqlx::query(
            "UPDATE sync_lineage SET system_identifier = COALESCE($1, system_identifier),
                 database_oid = $2::bigint::oid",
        )
        .bind(system_identifier)
        .bind(current_oid)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        return Ok(Lineage::Same { epoch });
    }
    let new_epoch = loop {
        let candidate = rand::thread_rng().gen_range(1..=i64::MAX);
        if candidate != epoch {
            break candidate;
        }
    };
    let renumbered = sqlx::query(
        "UPDATE sync_rows AS s SET txid = pg_current_xact_id(), seq = o.position
         FROM (SELECT table_name, row_id,
                      row_number() OVER (ORDER BY txid, seq) AS position
               FROM sync_rows) AS o
         WHERE s.table_name = o.table_name AND s.row_id = o.row_id",
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query("UPDATE devices SET last_pull_transaction = NULL, last_pull_sequence = NULL")
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE sync_lineage SET epoch = $1, system_identifier = $2,
             database_oid = $3::bigint::oid",
    )
    .bind(new_epoch)
    .bind(system_identifier)
    .bind(current_oid)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Lineage::NewEpoch {
        epoch: new_epoch,
        rows: renumbered,
    })
}
