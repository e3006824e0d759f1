//! Secondary indexes set aside while a new desktop loads the server's snapshot (migration
//! `20261210000004_sync_deferred_indexes.sql`): a table that holds no row when the load
//! begins loses its non-unique indexes, and each is built again once, from the SQL kept in
//! `sync_deferred_indexes`, when the load ends or is left, and when the database opens.
use helpdesk_core::sync::SYNC_TABLES;
use sqlx::{Connection, SqliteConnection, SqlitePool};

use crate::Result;

/// Drops the non-unique indexes of every syncable table that holds no row, keeping their
/// SQL; inside the transaction that begins the snapshot.
pub(super) async fn defer(conn: &mut SqliteConnection) -> Result<()> {
    for table in SYNC_TABLES {
        // The name is one of the static list's, never a user's.
        let empty: bool =
            sqlx::query_scalar(&format!("SELECT NOT EXISTS (SELECT 1 FROM {})", table.name))
                .fetch_one(&mut *conn)
                .await?;
        if !empty {
            continue;
        }
        let indexes: Vec<(String, String)> = sqlx::query_as(
            "SELECT name, sql FROM sqlite_master
             WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL
               AND sql NOT LIKE 'CREATE UNIQUE %'",
        )
        .bind(table.name)
        .fetch_all(&mut *conn)
        .await?;
        for (name, sql) in indexes {
            sqlx::query("INSERT OR REPLACE INTO sync_deferred_indexes (name, sql) VALUES (?1, ?2)")
                .bind(&name)
                .bind(sql)
                .execute(&mut *conn)
                .await?;
            sqlx::query(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

/// Builds again every index set aside, each in its own transaction with its row's removal
/// (a cut build is done again at the next call). Before the migrations at opening, the table
/// may not exist yet: nothing to build then.
pub(crate) async fn restore(pool: &SqlitePool) -> Result<()> {
    let mut conn = pool.acquire().await?;
    let known: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'sync_deferred_indexes')",
    )
    .fetch_one(&mut *conn)
    .await?;
    if !known {
        return Ok(());
    }
    let deferred: Vec<(String, String)> =
        sqlx::query_as("SELECT name, sql FROM sync_deferred_indexes ORDER BY name")
            .fetch_all(&mut *conn)
            .await?;
    for (name, sql) in deferred {
        let mut tx = conn.begin().await?;
        sqlx::query(&sql).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM sync_deferred_indexes WHERE name = ?1")
            .bind(&name)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    }
    Ok(())
}
