//! Another desktop taking offline customer edits: the focused part of the `sync` benchmark.
//! A server (in this process, on a throwaway PostgreSQL) is loaded with `--customers`
//! customers (the `sync` benchmark's source, without tickets); a second desktop takes them
//! all (its first sync); then, `--rounds` times, `--changes` customers are moved to another
//! city on the source and pushed, and the second desktop takes them. Odd rounds time its
//! `sync_once` whole; even rounds time the pages pulled over HTTP, then each page applied
//! (`sync::apply`, search index kept), one after the other.
//!
//! With `--names 1` the edits append to the customers' names instead (their search entries
//! change too).
//!
//! `cargo run --release -p helpdesk-bench --bin sync_receive [-- --customers N --changes N
//! --rounds N --names 0|1]`
use std::path::Path;
use std::time::{Duration, Instant};

use helpdesk_bench::desktop::Desktop;
use helpdesk_bench::sync_data::{self, Central, Scale, TOKEN};
use helpdesk_bench::sync_push;
use helpdesk_bench::{millis, Failure, Latencies};
use helpdesk_core::sync::{SyncRow, MAX_BATCH_ROWS};
use helpdesk_store::sync::SearchRefresh;
use helpdesk_store::{sync, Store};
use uuid::Uuid;

const USAGE: &str = "usage: sync_receive [--customers N] [--changes N] [--rounds N] [--names 0|1]";

struct Args {
    customers: usize,
    changes: usize,
    rounds: usize,
    names: bool,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, Failure> {
    let mut parsed = Args {
        customers: 50_000,
        changes: 10_000,
        rounds: 4,
        names: false,
    };
    while let Some(flag) = args.next() {
        let value: usize = args.next().ok_or(USAGE)?.replace('_', "").parse()?;
        match flag.as_str() {
            "--customers" => parsed.customers = value,
            "--changes" => parsed.changes = value,
            "--rounds" => parsed.rounds = value,
            "--names" => parsed.names = value != 0,
            _ => return Err(USAGE.into()),
        }
    }
    Ok(parsed)
}

fn main() -> Result<(), Failure> {
    let args = parse_args(std::env::args().skip(1))?;
    sync_data::run_in_folder(|folder| async move { run(&args, &folder).await })
}

async fn run(args: &Args, folder: &Path) -> Result<(), Failure> {
    let scale = Scale {
        customers: args.customers,
        tickets: 0,
    };
    let template = sync_data::source_template(folder, scale).await?;
    let work = tempfile::Builder::new().prefix("run-").tempdir_in(folder)?;
    let central = Central::start().await?;
    let path = work.path().join("source.db");
    std::fs::copy(&template, &path)?;
    let source = Desktop::open(&path).await?;
    source.register(&central.url(), TOKEN, "Carga").await?;
    let (pushed, took) = sync_data::push_all(&source, &source.client().await?).await?;
    eprintln!("{pushed} rows pushed in {:.1} s", took.as_secs_f64());
    let source_client = source.client().await?;
    source.sync(&source_client).await?;

    let other = Desktop::open(&work.path().join("other.db")).await?;
    other.register(&central.url(), TOKEN, "Outra").await?;
    let other_client = other.client().await?;
    let started = Instant::now();
    other.sync(&other_client).await?;
    eprintln!(
        "first sync of the other desktop: {:.1} s",
        started.elapsed().as_secs_f64()
    );

    println!(
        "## Another desktop taking {} customer edits of {} ({} customers)\n",
        args.changes,
        if args.names { "names" } else { "cities" },
        args.customers
    );
    println!(
        "| round | what | s | rows/s | per page p50 ms | p95 ms |\n|---|---|---:|---:|---:|---:|"
    );
    for round in 0..args.rounds {
        edit_customers(&source.store, args.changes, round, args.names).await?;
        source.sync(&source_client).await?;
        helpdesk_server::test_postgres::settle(&central.database_url).await?;
        if round % 2 == 0 {
            let cursor = sync::load_state(&other.store).await?.cursor();
            let (mut http, mut apply) = (Latencies::default(), Latencies::default());
            let mut pages: Vec<(Vec<SyncRow>, helpdesk_core::sync::PullCursor)> = Vec::new();
            let mut at = cursor;
            loop {
                let step = Instant::now();
                let page = other_client.pull(at, MAX_BATCH_ROWS as u32).await?;
                http.record(step.elapsed());
                at = page.cursor;
                let done = !page.more || page.rows.is_empty();
                if !page.rows.is_empty() {
                    pages.push((page.rows, page.cursor));
                }
                if done {
                    break;
                }
            }
            let mut changed = 0;
            for (rows, cursor) in &pages {
                let step = Instant::now();
                changed += sync::apply(&other.store, rows, *cursor, SearchRefresh::WithPage)
                    .await?
                    .changed;
                apply.record(step.elapsed());
            }
            expect(changed, args.changes)?;
            line(round, "pages pulled over HTTP", args.changes, &mut http);
            line(
                round,
                "pages applied (`sync::apply`)",
                args.changes,
                &mut apply,
            );
        } else {
            let started = Instant::now();
            let report = other.sync(&other_client).await?;
            let took = started.elapsed();
            expect(report.pulled, args.changes)?;
            println!(
                "| {round} | **`sync_once` whole** | {:.2} | {:.0} | | |",
                took.as_secs_f64(),
                args.changes as f64 / took.as_secs_f64()
            );
        }
    }
    println!();
    Ok(())
}

fn expect(changed: usize, count: usize) -> Result<(), Failure> {
    if changed != count {
        return Err(format!("the other desktop took {changed} of {count} rows").into());
    }
    Ok(())
}

fn line(round: usize, what: &str, rows: usize, latencies: &mut Latencies) {
    let took: Duration = latencies.total();
    println!(
        "| {round} | {what} | {:.2} | {:.0} | {} | {} |",
        took.as_secs_f64(),
        rows as f64 / took.as_secs_f64().max(1e-9),
        millis(latencies.percentile(50.0)),
        millis(latencies.percentile(95.0))
    );
}

/// Moves `count` customers drawn at random to another city (or appends to their names),
/// one `UPDATE` each with a new stamp, as the app writes an edit.
async fn edit_customers(
    store: &Store,
    count: usize,
    round: usize,
    names: bool,
) -> Result<(), Failure> {
    let ids: Vec<Uuid> = sqlx::query_scalar("SELECT id FROM customers ORDER BY random() LIMIT ?1")
        .bind(i64::try_from(count)?)
        .fetch_all(store.pool())
        .await?;
    // A customer drawn twice changes again.
    let city = sync_push::city_of_round(round);
    let sql = if names {
        "UPDATE customers SET name = name || ' ' || ?1, name_folded = name_folded || ' ' || lower(?1),
                changed_at = ?2 WHERE id = ?3"
    } else {
        "UPDATE customers SET city = ?1, changed_at = ?2 WHERE id = ?3"
    };
    let mut tx = store.pool().begin().await?;
    for id in &ids {
        sqlx::query(sql)
            .bind(&city)
            .bind(store.stamp())
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}
