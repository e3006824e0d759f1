//! "Feriados": the days with no business hours (`holidays`, synced), each a local date
//! (`AAAA-MM-DD`) and a name; the only module writing the table. Not unique: two
//! administration desktops may add the same day offline, and any row not deleted makes it a
//! holiday.
use chrono::NaiveDate;
use helpdesk_core::business_hours::{national_holidays, Holiday, NewHoliday};
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::{new_id, Result, Store};

/// How a day is stored.
const DAY_FORMAT: &str = "%Y-%m-%d";

/// What [`add`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddOutcome {
    Added(Holiday),
    /// The day is already a holiday (this one); nothing written.
    DayTaken(Holiday),
}

/// Every holiday's day, in order, once each: what due times skip. A day that does not
/// read as a date (no row this app wrote) is left out.
pub async fn days_in(conn: &mut SqliteConnection) -> Result<Vec<NaiveDate>> {
    let days: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT day FROM holidays WHERE deleted = 0 ORDER BY day")
            .fetch_all(conn)
            .await?;
    Ok(days.iter().filter_map(|day| parse_day(day)).collect())
}

/// The holidays of `year`, by day (two rows of the same day both listed, the older first).
pub async fn of_year(store: &Store, year: i32) -> Result<Vec<Holiday>> {
    let mut conn = store.pool().acquire().await?;
    of_year_in(&mut conn, year).await
}

async fn of_year_in(conn: &mut SqliteConnection, year: i32) -> Result<Vec<Holiday>> {
    let rows: Vec<(Uuid, String, String)> = sqlx::query_as(
        "SELECT id, day, name FROM holidays
         WHERE deleted = 0 AND day >= ?1 AND day <= ?2 ORDER BY day, id",
    )
    .bind(format!("{year:04}-01-01"))
    .bind(format!("{year:04}-12-31"))
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, day, name)| {
            Some(Holiday {
                id,
                day: parse_day(&day)?,
                name,
            })
        })
        .collect())
}

/// Adds `holiday` (already checked: [`helpdesk_core::business_hours::HolidayForm::parse`]),
/// unless its day already is one.
pub async fn add(store: &Store, holiday: &NewHoliday) -> Result<AddOutcome> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    if let Some(taken) = on_day_in(&mut tx, holiday.day).await? {
        return Ok(AddOutcome::DayTaken(taken));
    }
    let added = insert_in(&mut tx, store, holiday.day, &holiday.name).await?;
    tx.commit().await?;
    Ok(AddOutcome::Added(added))
}

/// Removes the holiday `id` (`deleted = 1`, so the removal syncs); `false` when there is no
/// such holiday (or it was removed already).
pub async fn remove(store: &Store, id: Uuid) -> Result<bool> {
    let removed = sqlx::query(
        "UPDATE holidays SET deleted = 1, changed_at = ?1 WHERE id = ?2 AND deleted = 0",
    )
    .bind(store.stamp())
    .bind(id)
    .execute(store.pool())
    .await?;
    Ok(removed.rows_affected() > 0)
}

/// "Incluir feriados nacionais": adds Brazil's national holidays of `year` whose days are not
/// holidays yet, in one transaction; answers those added (none the second time).
pub async fn add_national(store: &Store, year: i32) -> Result<Vec<Holiday>> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let mut added = Vec::new();
    for (day, name) in national_holidays(year) {
        if on_day_in(&mut tx, day).await?.is_none() {
            added.push(insert_in(&mut tx, store, day, name).await?);
        }
    }
    tx.commit().await?;
    Ok(added)
}

/// The first holiday on `day`, if any.
async fn on_day_in(conn: &mut SqliteConnection, day: NaiveDate) -> Result<Option<Holiday>> {
    let row: Option<(Uuid, String)> = sqlx::query_as(
        "SELECT id, name FROM holidays WHERE deleted = 0 AND day = ?1 ORDER BY id LIMIT 1",
    )
    .bind(day.format(DAY_FORMAT).to_string())
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id, name)| Holiday { id, day, name }))
}

async fn insert_in(
    conn: &mut SqliteConnection,
    store: &Store,
    day: NaiveDate,
    name: &str,
) -> Result<Holiday> {
    let id = new_id();
    sqlx::query("INSERT INTO holidays (id, day, name, changed_at) VALUES (?1, ?2, ?3, ?4)")
        .bind(id)
        .bind(day.format(DAY_FORMAT).to_string())
        .bind(name)
        .bind(store.stamp())
        .execute(conn)
        .await?;
    Ok(Holiday {
        id,
        day,
        name: name.to_owned(),
    })
}

fn parse_day(day: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(day, DAY_FORMAT).ok()
}
