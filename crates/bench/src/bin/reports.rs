//! "Relatórios" at 1,000,000 tickets: each report for a month and for a year, through the
//! store (`reports::run`, the query and the core's table, chart included).
//!
//! The database is the tickets benchmark's ([`data_set`], generated on first use into
//! `$HELPDESK_TICKETS_DB`, default `/var/tmp/helpdesk-bench-tickets.db`), with what the
//! reports also read added once beside its tickets: every ticket's protocol reservation
//! (and one unused reservation for every tenth ticket), and a work order for every fourth
//! ticket, the next day, three in four done with their time on site.
//!
//! `cargo run --release -p helpdesk-bench --bin reports [-- MONTH_SAMPLES YEAR_SAMPLES]`
#[allow(dead_code)]
#[path = "tickets/catalog.rs"]
mod catalog;
#[allow(dead_code)]
#[path = "tickets/data_set.rs"]
mod data_set;

use std::str::FromStr;
use std::time::Instant;

use chrono::{Datelike, Days, Months, NaiveDate};
use helpdesk_bench::{millis, Latencies};
use helpdesk_core::date::format_date;
use helpdesk_core::report::{ReportFilters, ReportKind, ReportRequest};
use helpdesk_store::{local_settings, now_millis, reports, Store};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection};

use data_set::{data_set, database_path, today};

/// The data set's local time, Brasília (UTC-3).
const OFFSET_MINUTES: i32 = -180;
/// `local_settings` key: the reports' rows were added.
const ADDED: &str = "bench.reports.added";

/// Adds the protocol reservations and work orders, once, on a connection of its own.
async fn add_report_rows(store: &Store) -> Result<(), Box<dyn std::error::Error>> {
    if local_settings::get(store, ADDED).await?.is_some() {
        return Ok(());
    }
    let path = database_path();
    let mut db = SqliteConnectOptions::from_str("sqlite:")?
        .filename(&path)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Off)
        .foreign_keys(false)
        .pragma("cache_size", "-262144")
        .connect()
        .await?;
    let started = Instant::now();
    let mut tx = db.begin().await?;
    // Each ticket's own protocol, reserved a minute before it was opened; and for every
    // tenth one a number given and never used (desktop 9xx: no ticket has it).
    sqlx::query(
        "INSERT OR IGNORE INTO protocol_reservations (protocol, user_id, reserved_at)
         SELECT protocol, opened_by, opened_at - 60000 FROM tickets",
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT OR IGNORE INTO protocol_reservations (protocol, user_id, reserved_at)
         SELECT substr(protocol, 1, 6) || '9' || substr(protocol, 8), opened_by, opened_at - 30000
         FROM tickets WHERE rowid % 10 = 0",
    )
    .execute(&mut *tx)
    .await?;
    // A visit the day after every fourth ticket, by one of the technicians in turn; three
    // in four done, 20 to 140 minutes on site.
    sqlx::query(
        "WITH tech AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM technicians),
              kind AS (SELECT id FROM work_order_types ORDER BY id LIMIT 1),
              done AS (SELECT id FROM work_order_statuses WHERE is_final = 1 ORDER BY id LIMIT 1),
              open AS (SELECT id FROM work_order_statuses WHERE is_final = 0 ORDER BY id LIMIT 1)
         INSERT INTO work_orders (id, ticket_id, customer_id, technician_id, type_id, status_id,
                                  starts_at, ends_at, description, address, changed_at,
                                  started_at, finished_at)
         SELECT randomblob(16), t.id, t.customer_id,
                (SELECT id FROM tech WHERE n = t.rowid % (SELECT count(*) FROM tech)),
                (SELECT id FROM kind),
                CASE WHEN t.rowid % 16 < 12 THEN (SELECT id FROM done) ELSE (SELECT id FROM open) END,
                t.opened_at + 86400000, t.opened_at + 86400000 + 3600000,
                'Visita', 'Rua A, 1', t.changed_at,
                CASE WHEN t.rowid % 16 < 12 THEN t.opened_at + 86400000 + 600000 END,
                CASE WHEN t.rowid % 16 < 12
                     THEN t.opened_at + 86400000 + 600000 + (20 + t.rowid % 121) * 60000 END
         FROM tickets t WHERE t.rowid % 4 = 0",
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE work_order_statuses SET stage = 'done' WHERE is_final = 1 AND stage = 'open'",
    )
    .execute(&mut *tx)
    .await?;
    local_settings::set_in(&mut tx, ADDED, "1").await?;
    tx.commit().await?;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut db)
        .await?;
    db.close().await?;
    eprintln!(
        "added the reports' reservations and work orders in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn request(kind: ReportKind, from: NaiveDate, to: NaiveDate) -> ReportRequest {
    ReportRequest {
        kind,
        from: format_date(from),
        to: format_date(to),
        filters: ReportFilters::default(),
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let month_samples: usize = args.next().map_or(Ok(20), |s| s.parse())?;
    let year_samples: usize = args.next().map_or(Ok(5), |s| s.parse())?;
    let path = database_path();
    let store = data_set(&path).await?;
    add_report_rows(&store).await?;
    let store = {
        store.close().await;
        Store::open(&path).await?
    };
    let (tickets, visits, reservations): (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM tickets), (SELECT count(*) FROM work_orders),
                (SELECT count(*) FROM protocol_reservations)",
    )
    .fetch_one(store.pool())
    .await?;
    println!(
        "{tickets} tickets, {visits} work orders, {reservations} protocol reservations; {}",
        path.display()
    );
    // The last whole month and year of the data set (which ends yesterday).
    let last_day = NaiveDate::default() + Days::new(u64::try_from(today() - 1)?);
    let mut rng = ChaCha8Rng::seed_from_u64(18);
    let now = now_millis();
    println!("| report | month p50 ms | month p95 ms | year p50 ms | year p95 ms | rows |");
    println!("|---|---:|---:|---:|---:|---:|");
    for kind in ReportKind::ALL {
        let mut month = Latencies::default();
        let mut year = Latencies::default();
        let mut rows = 0;
        for _ in 0..month_samples {
            // A month among the last twelve.
            let back = rng.gen_range(1..=12);
            let first = last_day
                .with_day(1)
                .and_then(|d| d.checked_sub_months(Months::new(back)))
                .ok_or("no such month")?;
            let end = first
                .checked_add_months(Months::new(1))
                .and_then(|d| d.pred_opt())
                .ok_or("no such day")?;
            let period = request(kind, first, end)
                .period(OFFSET_MINUTES)
                .map_err(|e| format!("{e:?}"))?;
            let started = Instant::now();
            let report =
                reports::run(&store, kind, &period, &ReportFilters::default(), now).await?;
            month.record(started.elapsed());
            rows = report.rows.len();
        }
        for _ in 0..year_samples {
            // 365 days ending up to 300 days ago.
            let end = last_day - Days::new(rng.gen_range(0..300));
            let first = end - Days::new(364);
            let period = request(kind, first, end)
                .period(OFFSET_MINUTES)
                .map_err(|e| format!("{e:?}"))?;
            let started = Instant::now();
            reports::run(&store, kind, &period, &ReportFilters::default(), now).await?;
            year.record(started.elapsed());
        }
        println!(
            "| {} | {} | {} | {} | {} | {rows} |",
            kind.title(),
            millis(month.percentile(50.0)),
            millis(month.percentile(95.0)),
            millis(year.percentile(50.0)),
            millis(year.percentile(95.0)),
        );
    }
    Ok(())
}
