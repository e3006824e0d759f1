//! "Expediente": the provider's week of business hours (`business_hours`, synced), one row
//! per opening interval of a weekday; the only module writing the table. And the calendar
//! a ticket's due time is counted in: the week, the holidays ([`crate::holidays`]) and the
//! provider's UTC offset ([`Store::utc_offset_minutes`]).
use std::collections::HashSet;

use helpdesk_core::business_hours::{SlaCalendar, Week};
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::{holidays, new_id, Result, Store};

/// The week as stored (no row: no business hours, an empty week).
pub async fn week(store: &Store) -> Result<Week> {
    let mut conn = store.pool().acquire().await?;
    week_in(&mut conn).await
}

/// [`week`] on the caller's connection or transaction.
pub async fn week_in(conn: &mut SqliteConnection) -> Result<Week> {
    let rows = live_rows(conn).await?;
    Ok(Week::from_openings(rows.into_iter().filter_map(
        |(_, weekday, opens_at, closes_at)| {
            Some((
                u8::try_from(weekday).ok()?,
                u16::try_from(opens_at).ok()?,
                u16::try_from(closes_at).ok()?,
            ))
        },
    )))
}

/// Replaces the week with `week` (already checked: [`helpdesk_core::business_hours::WeekForm::parse`]),
/// in one transaction: the rows of intervals no longer in it are deleted (`deleted = 1`),
/// the new intervals inserted, the unchanged ones left as they are (so they do not travel
/// again). An empty week leaves no business hours: SLAs count calendar hours. Answers the
/// week as stored afterwards.
pub async fn save_week(store: &Store, week: &Week) -> Result<Week> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let mut wanted: HashSet<(i64, i64, i64)> = week
        .openings()
        .into_iter()
        .map(|(weekday, opens_at, closes_at)| {
            (
                i64::from(weekday),
                i64::from(opens_at),
                i64::from(closes_at),
            )
        })
        .collect();
    for (id, weekday, opens_at, closes_at) in live_rows(&mut tx).await? {
        // A row kept once; a second row of the same interval (two desktops) goes too.
        if !wanted.remove(&(weekday, opens_at, closes_at)) {
            sqlx::query("UPDATE business_hours SET deleted = 1, changed_at = ?1 WHERE id = ?2")
                .bind(store.stamp())
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
    }
    let mut missing: Vec<_> = wanted.into_iter().collect();
    missing.sort_unstable();
    for (weekday, opens_at, closes_at) in missing {
        sqlx::query(
            "INSERT INTO business_hours (id, weekday, opens_at, closes_at, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .bind(new_id())
        .bind(weekday)
        .bind(opens_at)
        .bind(closes_at)
        .bind(store.stamp())
        .execute(&mut *tx)
        .await?;
    }
    let saved = week_in(&mut tx).await?;
    tx.commit().await?;
    Ok(saved)
}

/// The calendar due times are counted in, as stored now.
pub async fn calendar(store: &Store) -> Result<SlaCalendar> {
    let mut conn = store.pool().acquire().await?;
    calendar_in(&mut conn, store).await
}

/// [`calendar`] on the caller's transaction: a ticket's save and a change of its type read
/// it where they write the due time.
pub async fn calendar_in(conn: &mut SqliteConnection, store: &Store) -> Result<SlaCalendar> {
    Ok(SlaCalendar {
        week: week_in(conn).await?,
        holidays: holidays::days_in(conn).await?,
        utc_offset_minutes: store.utc_offset_minutes(),
    })
}

/// Every interval not deleted: id, weekday, opens_at, closes_at.
async fn live_rows(conn: &mut SqliteConnection) -> Result<Vec<(Uuid, i64, i64, i64)>> {
    Ok(sqlx::query_as(
        "SELECT id, weekday, opens_at, closes_at FROM business_hours
         WHERE deleted = 0 ORDER BY weekday, opens_at, id",
    )
    .fetch_all(conn)
    .await?)
}
