//! Protocol numbers: each desktop gives its own, from its number and a sequence per day.
use chrono::NaiveDate;
use helpdesk_core::protocol::{Protocol, ProtocolError};
use uuid::Uuid;

use crate::{local_settings, now_millis, Result, Store};

/// The `local_settings` key of the desktop's number.
const DESKTOP_NUMBER: &str = "desktop_number";

/// This desktop's number (1 until the desktop registers with the sync server).
pub async fn desktop_number(store: &Store) -> Result<u16> {
    let stored = local_settings::get(store, DESKTOP_NUMBER).await?;
    Ok(stored.and_then(|value| value.parse().ok()).unwrap_or(1))
}

/// Sets this desktop's number.
pub async fn set_desktop_number(store: &Store, number: u16) -> Result<()> {
    let mut conn = store.pool().acquire().await?;
    write_desktop_number(&mut conn, number).await
}

/// Sets this desktop's number, inside the caller's transaction.
pub(crate) async fn write_desktop_number(
    conn: &mut sqlx::SqliteConnection,
    number: u16,
) -> Result<()> {
    local_settings::set_in(conn, DESKTOP_NUMBER, &number.to_string()).await
}

/// Every protocol number given on this desktop (its 14 digits), oldest first.
pub async fn issued(store: &Store) -> Result<Vec<String>> {
    Ok(
        sqlx::query_scalar("SELECT protocol FROM protocol_reservations ORDER BY reserved_at")
            .fetch_all(store.pool())
            .await?,
    )
}

/// The operator a protocol number (its 14 digits) was given to, if it was given here.
pub async fn reserved_by(store: &Store, digits: &str) -> Result<Option<Uuid>> {
    let owner = sqlx::query_scalar("SELECT user_id FROM protocol_reservations WHERE protocol = ?1")
        .bind(digits)
        .fetch_optional(store.pool())
        .await?;
    Ok(owner)
}

/// Gives the next protocol of `date` to the operator `user_id`, in one transaction that
/// takes the write lock first, so two reservations at once get two numbers.
pub async fn reserve(
    store: &Store,
    user_id: Uuid,
    date: NaiveDate,
) -> Result<Result<Protocol, ProtocolError>> {
    let desktop = desktop_number(store).await?;
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let outcome = reserve_in(&mut tx, user_id, date, desktop).await?;
    if outcome.is_ok() {
        tx.commit().await?;
    }
    Ok(outcome)
}

async fn reserve_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    user_id: Uuid,
    date: NaiveDate,
    desktop: u16,
) -> Result<Result<Protocol, ProtocolError>> {
    let day = date.to_string();
    let last: Option<i64> =
        sqlx::query_scalar("SELECT last FROM protocol_sequences WHERE day = ?1")
            .bind(&day)
            .fetch_optional(&mut **tx)
            .await?;
    let last = last.and_then(|last| u32::try_from(last).ok());
    let protocol = match Protocol::next(date, desktop, last) {
        Ok(protocol) => protocol,
        Err(error) => return Ok(Err(error)),
    };
    sqlx::query(
        "INSERT INTO protocol_sequences (day, last) VALUES (?1, ?2)
         ON CONFLICT (day) DO UPDATE SET last = excluded.last",
    )
    .bind(&day)
    .bind(protocol.sequence)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO protocol_reservations (protocol, user_id, reserved_at) VALUES (?1, ?2, ?3)",
    )
    .bind(protocol.digits())
    .bind(user_id)
    .bind(now_millis())
    .execute(&mut **tx)
    .await?;
    Ok(Ok(protocol))
}
