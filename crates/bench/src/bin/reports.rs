//! "Relatórios" at 1,000,000 tickets: each report for a month and for a year, through the
//! store (`reports::run`, the query and the core's table, chart included), after a warm-up
//! pass of every report over a year. Prints the median and the worst of each.
//!
//! The database is the whole desk at benchmark scale ([`desk`]: 500,000 customers, 2,000,000
//! messages, 1,000,000 tickets with their protocol reservations and 250,000 work orders),
//! generated on first use into `$HELPDESK_DESK_DB` (default `/var/tmp/helpdesk-bench-desk.db`).
//!
//! `cargo run --release -p helpdesk-bench --bin reports [-- MONTH_SAMPLES YEAR_SAMPLES]`
#[allow(dead_code)]
#[path = "tickets/catalog.rs"]
mod catalog;
#[allow(dead_code)]
#[path = "tickets/data_set.rs"]
mod data_set;
#[path = "tickets/desk.rs"]
mod desk;

use std::time::Instant;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate};
use helpdesk_bench::{millis, Latencies};
use helpdesk_core::date::format_date;
use helpdesk_core::report::{ReportFilters, ReportKind, ReportRequest};
use helpdesk_store::{now_millis, reports, Store};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use desk::{desk, desk_path};

/// The data set's local time, Brasília (UTC-3).
const OFFSET_MINUTES: i32 = -180;

fn request(kind: ReportKind, from: NaiveDate, to: NaiveDate) -> ReportRequest {
    ReportRequest {
        kind,
        from: format_date(from),
        to: format_date(to),
        filters: ReportFilters::default(),
    }
}

/// A month among the twelve before `last_day`'s.
fn month(rng: &mut ChaCha8Rng, last_day: NaiveDate) -> Result<(NaiveDate, NaiveDate), String> {
    let first = last_day
        .with_day(1)
        .and_then(|d| d.checked_sub_months(Months::new(rng.gen_range(1..=12))))
        .ok_or("no such month")?;
    let end = first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .ok_or("no such day")?;
    Ok((first, end))
}

/// 365 days ending up to 300 days before `last_day`.
fn year(rng: &mut ChaCha8Rng, last_day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let end = last_day - Days::new(rng.gen_range(0..300));
    (end - Days::new(364), end)
}

/// Runs the report `kind` over `from..=to` at `now`: its time and its number of rows.
async fn time(
    store: &Store,
    kind: ReportKind,
    (from, to): (NaiveDate, NaiveDate),
    now: i64,
    latencies: &mut Latencies,
) -> Result<usize, Box<dyn std::error::Error>> {
    let period = request(kind, from, to)
        .period(OFFSET_MINUTES)
        .map_err(|e| format!("{e:?}"))?;
    let started = Instant::now();
    let report = reports::run(store, kind, &period, &ReportFilters::default(), now).await?;
    latencies.record(started.elapsed());
    Ok(report.rows.len())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let month_samples: usize = args.next().map_or(Ok(20), |s| s.parse())?;
    let year_samples: usize = args.next().map_or(Ok(10), |s| s.parse())?;
    let store = desk().await?;
    let (tickets, visits, reservations, last_opened): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM tickets), (SELECT count(*) FROM work_orders),
                (SELECT count(*) FROM protocol_reservations), (SELECT max(opened_at) FROM tickets)",
    )
    .fetch_one(store.pool())
    .await?;
    println!(
        "{tickets} tickets, {visits} work orders, {reservations} protocol reservations; {}",
        desk_path().display()
    );
    // The data set's last day, local time.
    let last_day =
        DateTime::from_timestamp_millis(last_opened + i64::from(OFFSET_MINUTES) * 60_000)
            .ok_or("no such instant")?
            .date_naive();
    let mut rng = ChaCha8Rng::seed_from_u64(18);
    let now = now_millis();
    let mut warm_up = Latencies::default();
    for kind in ReportKind::ALL {
        time(&store, kind, year(&mut rng, last_day), now, &mut warm_up).await?;
    }
    println!(
        "warm-up: every report over a year once, {:.0} ms",
        warm_up.total().as_secs_f64() * 1000.0
    );
    println!(
        "| report | month p50 ms | month max ms | year p50 ms | year max ms | rows (month / year) |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    for kind in ReportKind::ALL {
        let (mut months, mut years) = (Latencies::default(), Latencies::default());
        let (mut month_rows, mut year_rows) = (0, 0);
        for _ in 0..month_samples {
            month_rows = time(&store, kind, month(&mut rng, last_day)?, now, &mut months).await?;
        }
        for _ in 0..year_samples {
            year_rows = time(&store, kind, year(&mut rng, last_day), now, &mut years).await?;
        }
        println!(
            "| {} | {} | {} | {} | {} | {month_rows} / {year_rows} |",
            kind.title(),
            millis(months.percentile(50.0)),
            millis(months.percentile(100.0)),
            millis(years.percentile(50.0)),
            millis(years.percentile(100.0)),
        );
    }
    Ok(())
}
