//! "Expediente e feriados" on a real database: the week and the holidays as the
//! administrator keeps them (synced rows, deleted with `deleted = 1`), and the due time the
//! wizard's save writes from them: across a weekend, a holiday, a day's end, opened at
//! night, at another UTC offset, and in calendar hours where the type says so.
mod common;
mod desk;

use chrono::{FixedOffset, NaiveDate, TimeZone};
use desk::{desk, new_ticket, Desk, HOUR};
use helpdesk_core::business_hours::{national_holidays, NewHoliday, Week};
use helpdesk_core::catalog::{CatalogFields, CatalogKind, CatalogValues};
use helpdesk_core::ticket::NewTicket;
use helpdesk_store::business_hours::{self, save_week};
use helpdesk_store::catalog;
use helpdesk_store::holidays::{self, AddOutcome};
use helpdesk_store::{ticket_types, tickets, Store};
use uuid::Uuid;

const BRASILIA: i32 = -180;

/// Unix ms of a local time at `offset` minutes east.
fn at(offset: i32, (y, mo, d): (i32, u32, u32), (h, mi): (u32, u32)) -> i64 {
    FixedOffset::east_opt(offset * 60)
        .expect("offset")
        .with_ymd_and_hms(y, mo, d, h, mi, 0)
        .single()
        .expect("a time")
        .timestamp_millis()
}

fn brasilia(day: (i32, u32, u32), time: (u32, u32)) -> i64 {
    at(BRASILIA, day, time)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

// 2026-12-04 is a Friday.
const FRIDAY: (i32, u32, u32) = (2026, 12, 4);
const MONDAY: (i32, u32, u32) = (2026, 12, 7);
const TUESDAY: (i32, u32, u32) = (2026, 12, 8);
const WEDNESDAY: (i32, u32, u32) = (2026, 12, 9);

/// Monday to Friday 08:00–18:00.
fn weekdays() -> Week {
    Week::from_openings((1..=5).map(|weekday| (weekday, 8 * 60, 18 * 60)))
}

/// Saves `ticket`, opened by Ana at `at`, and answers its due time as stored.
async fn due_of(store: &Store, desk: &Desk, ticket: &NewTicket, at: i64) -> i64 {
    let saved = tickets::save(store, ticket, desk.ana, at).await;
    let id = saved.expect("save").saved().expect("saved").id;
    sqlx::query_scalar("SELECT due_at FROM tickets WHERE id = ?1")
        .bind(id)
        .fetch_one(store.pool())
        .await
        .expect("due_at")
}

/// The due time of a ticket of the desk's "Sem conexão" (4 business hours) opened at `at`.
async fn saved_due(store: &Store, desk: &Desk, sequence: u32, at: i64) -> i64 {
    due_of(store, desk, &new_ticket(desk, sequence), at).await
}

#[tokio::test]
async fn a_ticket_is_due_in_business_hours_across_a_weekend_a_holiday_and_a_days_end() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    assert!(
        !desk.kind.sla_calendar,
        "the desk's type counts business hours"
    );

    // No hours set yet: calendar hours.
    let friday = brasilia(FRIDAY, (17, 0));
    assert_eq!(saved_due(store, &desk, 1, friday).await, friday + 4 * HOUR);

    save_week(store, &weekdays()).await.expect("week");
    // Friday 17:00–18:00, then Monday 08:00–11:00.
    assert_eq!(
        saved_due(store, &desk, 2, friday).await,
        brasilia(MONDAY, (11, 0))
    );

    // Monday a holiday: Tuesday.
    let added = holidays::add(
        store,
        &NewHoliday {
            day: date(2026, 12, 7),
            name: "Aniversário da cidade".into(),
        },
    )
    .await
    .expect("holiday");
    assert!(matches!(added, AddOutcome::Added(_)));
    assert_eq!(
        saved_due(store, &desk, 3, friday).await,
        brasilia(TUESDAY, (11, 0))
    );

    // A minute before the day's end: a minute today, the rest tomorrow.
    assert_eq!(
        saved_due(store, &desk, 4, brasilia(TUESDAY, (17, 59))).await,
        brasilia(WEDNESDAY, (11, 59))
    );
    // Opened at night: counted from the next opening.
    assert_eq!(
        saved_due(store, &desk, 5, brasilia(TUESDAY, (22, 30))).await,
        brasilia(WEDNESDAY, (12, 0))
    );
}

#[tokio::test]
async fn business_hours_are_counted_at_the_stores_utc_offset() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    save_week(store, &weekdays()).await.expect("week");
    assert_eq!(store.utc_offset_minutes(), BRASILIA, "Brasília until told");

    // 20:00 UTC on Friday: 17:00 in Brasília (an hour left), 15:00 in Rio Branco (three).
    let opened = at(0, FRIDAY, (20, 0));
    assert_eq!(
        saved_due(store, &desk, 1, opened).await,
        brasilia(MONDAY, (11, 0))
    );
    store.set_utc_offset_minutes(-300);
    assert_eq!(
        saved_due(store, &desk, 2, opened).await,
        at(-300, MONDAY, (9, 0))
    );
    assert_eq!(
        business_hours::calendar(store)
            .await
            .expect("calendar")
            .utc_offset_minutes,
        -300
    );
}

#[tokio::test]
async fn a_type_in_calendar_hours_ignores_the_week_and_the_holidays() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    save_week(store, &weekdays()).await.expect("week");
    holidays::add_national(store, 2026).await.expect("national");

    let values = CatalogValues::TicketTypes {
        name: "Queda geral".into(),
        destination: None,
        sla_hours: 4,
        sla_calendar: true,
    };
    let saved = catalog::save(store, None, &values).await.expect("save");
    let catalog::SaveOutcome::Saved(entry) = saved else {
        panic!("not saved: {saved:?}");
    };
    assert!(matches!(
        entry.fields,
        CatalogFields::TicketTypes {
            sla_calendar: true,
            ..
        }
    ));
    let kind = ticket_types::list(store)
        .await
        .expect("types")
        .into_iter()
        .find(|kind| kind.name == "Queda geral")
        .expect("listed for the wizard");
    assert!(kind.sla_calendar);

    // Christmas Eve at 17:00, a Thursday: calendar hours run through the night.
    let opened = brasilia((2026, 12, 24), (17, 0));
    let ticket = NewTicket {
        ticket_type: kind.clone(),
        ..new_ticket(&desk, 1)
    };
    assert_eq!(
        due_of(store, &desk, &ticket, opened).await,
        opened + 4 * HOUR
    );
    // The same in business hours: an hour on the 24th, Christmas skipped, the 28th.
    assert_eq!(
        saved_due(store, &desk, 2, opened).await,
        brasilia((2026, 12, 28), (11, 0))
    );

    // Back to business hours: the catalog writes the flag both ways.
    let id = entry.id;
    let values = CatalogValues::TicketTypes {
        sla_calendar: false,
        name: "Queda geral".into(),
        destination: None,
        sla_hours: 4,
    };
    catalog::save(store, Some(id), &values).await.expect("save");
    let entries = catalog::list(store, CatalogKind::TicketTypes)
        .await
        .expect("list");
    let entry = entries.iter().find(|entry| entry.id == id).expect("entry");
    assert!(matches!(
        entry.fields,
        CatalogFields::TicketTypes {
            sla_calendar: false,
            ..
        }
    ));
}

/// Every row of `business_hours`: weekday, opens_at, closes_at, deleted, changed_at.
async fn hour_rows(store: &Store) -> Vec<(i64, i64, i64, bool, i64)> {
    sqlx::query_as(
        "SELECT weekday, opens_at, closes_at, deleted, changed_at FROM business_hours
         ORDER BY weekday, opens_at, deleted",
    )
    .fetch_all(store.pool())
    .await
    .expect("rows")
}

#[tokio::test]
async fn saving_the_week_keeps_unchanged_rows_and_deletes_the_others() {
    let test = common::open().await;
    let store = &test.store;
    assert!(business_hours::week(store).await.expect("week").is_empty());

    let mut openings = Vec::new();
    for weekday in 1..=5 {
        openings.push((weekday, 8 * 60, 12 * 60));
        openings.push((weekday, 13 * 60, 18 * 60));
    }
    let office = Week::from_openings(openings.clone());
    assert_eq!(save_week(store, &office).await.expect("save"), office);
    let first = hour_rows(store).await;
    assert_eq!(first.len(), 10);

    // Saturday morning added, Monday afternoon shortened.
    openings.retain(|&(weekday, opens, _)| (weekday, opens) != (1, 13 * 60));
    openings.push((1, 13 * 60, 17 * 60));
    openings.push((6, 8 * 60, 12 * 60));
    let changed = Week::from_openings(openings);
    assert_eq!(save_week(store, &changed).await.expect("save"), changed);
    assert_eq!(business_hours::week(store).await.expect("week"), changed);
    let rows = hour_rows(store).await;
    assert_eq!(rows.len(), 12, "one row deleted, two added");
    let deleted: Vec<_> = rows.iter().filter(|row| row.3).collect();
    assert_eq!(deleted.len(), 1);
    assert_eq!((deleted[0].0, deleted[0].1, deleted[0].2), (1, 780, 1080));
    // Tuesday's rows were not written again, so they do not travel again.
    let tuesday = |rows: &[(i64, i64, i64, bool, i64)]| -> Vec<i64> {
        rows.iter()
            .filter(|row| row.0 == 2)
            .map(|row| row.4)
            .collect()
    };
    assert_eq!(tuesday(&rows), tuesday(&first));
    let queued: i64 =
        sqlx::query_scalar("SELECT count(*) FROM sync_outbox WHERE table_name = 'business_hours'")
            .fetch_one(store.pool())
            .await
            .expect("outbox");
    assert!(queued >= 12, "every write is queued for the sync: {queued}");

    // An empty week: no business hours at all.
    let closed = save_week(store, &Week::default()).await.expect("save");
    assert!(closed.is_empty());
    assert!(hour_rows(store).await.iter().all(|row| row.3));
}

#[tokio::test]
async fn holidays_are_added_once_listed_by_year_and_removed() {
    let test = common::open().await;
    let store = &test.store;
    let eve = NewHoliday {
        day: date(2026, 12, 24),
        name: "Véspera de Natal".into(),
    };
    let AddOutcome::Added(added) = holidays::add(store, &eve).await.expect("add") else {
        panic!("not added");
    };
    assert_eq!(
        holidays::add(store, &eve).await.expect("add"),
        AddOutcome::DayTaken(added.clone()),
        "the day is one already"
    );

    let national = holidays::add_national(store, 2026).await.expect("national");
    assert_eq!(national.len(), national_holidays(2026).len());
    assert!(
        holidays::add_national(store, 2026)
            .await
            .expect("again")
            .is_empty(),
        "idempotent"
    );
    // A day already a holiday (by another name) is not doubled.
    let christmas = NewHoliday {
        day: date(2027, 12, 25),
        name: "Dia de Natal".into(),
    };
    holidays::add(store, &christmas).await.expect("add");
    let next_year = holidays::add_national(store, 2027).await.expect("national");
    assert_eq!(next_year.len(), national_holidays(2027).len() - 1);

    let listed = holidays::of_year(store, 2026).await.expect("list");
    assert_eq!(listed.len(), national.len() + 1);
    assert!(listed.windows(2).all(|pair| pair[0].day <= pair[1].day));
    assert_eq!(listed[0].name, "Confraternização Universal");
    assert!(listed.contains(&added));
    assert!(holidays::of_year(store, 2028)
        .await
        .expect("list")
        .is_empty());

    assert!(holidays::remove(store, added.id).await.expect("remove"));
    assert!(!holidays::remove(store, added.id).await.expect("again"));
    let (deleted, name): (bool, String) =
        sqlx::query_as("SELECT deleted, name FROM holidays WHERE id = ?1")
            .bind(added.id)
            .fetch_one(store.pool())
            .await
            .expect("row kept, marked deleted");
    assert!(deleted);
    assert_eq!(name, "Véspera de Natal");
    let calendar = business_hours::calendar(store).await.expect("calendar");
    assert!(!calendar.holidays.contains(&date(2026, 12, 24)));
    assert!(calendar.holidays.contains(&date(2026, 12, 25)));
    assert_eq!(
        calendar.holidays.len(),
        national.len() + next_year.len() + 1
    );
}

#[tokio::test]
async fn a_holiday_written_twice_offline_is_one_day_off() {
    let test = common::open().await;
    let store = &test.store;
    // Two administration desktops added the same day: two rows, as sync brings them.
    for name in ["Natal", "Natal (outro computador)"] {
        sqlx::query(
            "INSERT INTO holidays (id, day, name, changed_at) VALUES (?1, '2026-12-25', ?2, 1)",
        )
        .bind(Uuid::now_v7())
        .bind(name)
        .execute(store.pool())
        .await
        .expect("row");
    }
    let calendar = business_hours::calendar(store).await.expect("calendar");
    assert_eq!(calendar.holidays, [date(2026, 12, 25)]);
    assert_eq!(holidays::of_year(store, 2026).await.expect("list").len(), 2);
}
