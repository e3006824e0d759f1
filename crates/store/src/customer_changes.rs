//! Who changed what of a customer, and when ("Alterações"): the only module writing
//! `customer_changes`, which is append-only.
use helpdesk_core::customer_change::CustomerChange;
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::{new_id, now_millis, Result, Store};

/// Records `lines` as changes `user` made to `customer` now, in the caller's transaction.
pub async fn append_in(
    conn: &mut SqliteConnection,
    stamp: i64,
    customer: Uuid,
    user: Uuid,
    lines: &[String],
) -> Result<()> {
    let at = now_millis();
    for summary in lines {
        sqlx::query(
            "INSERT INTO customer_changes (id, customer_id, user_id, at, summary, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .bind(new_id())
        .bind(customer)
        .bind(user)
        .bind(at)
        .bind(summary)
        .bind(stamp)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A customer's changes, newest first (by their stamps, one per save; the lines of one save
/// in their order), with the name of who made each (empty when the user is not known on
/// this desktop).
pub async fn list(store: &Store, customer: Uuid) -> Result<Vec<CustomerChange>> {
    let rows: Vec<(i64, Option<String>, String)> = sqlx::query_as(
        "SELECT c.at, u.name, c.summary
         FROM customer_changes c LEFT JOIN users u ON u.id = c.user_id
         WHERE c.customer_id = ?1 AND c.deleted = 0
         ORDER BY c.changed_at DESC, c.rowid",
    )
    .bind(customer)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(at, user, summary)| CustomerChange {
            at,
            user: user.unwrap_or_default(),
            summary,
        })
        .collect())
}
