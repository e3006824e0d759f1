//! The push of offline changes alone, against the central server (in this process, on a
//! throwaway PostgreSQL) loaded with the demo catalog and `--customers` customers (with
//! their e-mails, phones and contracts, no tickets): `--rounds` times, `--changes` customer
//! edits pushed batch by batch through the API (each step timed), as many by `sync_once`
//! (which also pulls them back), then as many merged by the server's `merge_all` alone.
//! Prints p50/p95 per batch and the totals.
//!
//! The source desktop is generated once per scale into `bench-data/sync/` (shared with the
//! `sync` benchmark) and copied for each run; PostgreSQL's cluster goes there too.
//!
//! `cargo run --release -p helpdesk-bench --bin push [-- --customers N --changes N
//! --rounds N]`
use std::path::Path;
use std::time::{Duration, Instant};

use helpdesk_bench::desktop::Desktop;
use helpdesk_bench::sync_data::{self, Central, Scale, TOKEN};
use helpdesk_bench::sync_push;
use helpdesk_bench::{millis, Failure, Latencies};
use helpdesk_store::sync;

const USAGE: &str = "usage: push [--customers N] [--changes N] [--rounds N]";

struct Args {
    customers: usize,
    changes: usize,
    rounds: usize,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, Failure> {
    let mut parsed = Args {
        customers: 50_000,
        changes: 10_000,
        rounds: 3,
    };
    while let Some(flag) = args.next() {
        let value: usize = args.next().ok_or(USAGE)?.replace('_', "").parse()?;
        match flag.as_str() {
            "--customers" => parsed.customers = value,
            "--changes" => parsed.changes = value,
            "--rounds" => parsed.rounds = value,
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
    let work = tempfile::Builder::new()
        .prefix("push-")
        .tempdir_in(folder)?;
    let central = Central::start().await?;
    let path = work.path().join("source.db");
    std::fs::copy(&template, &path)?;
    let desktop = Desktop::open(&path).await?;
    desktop.register(&central.url(), TOKEN, "Carga").await?;
    let waiting = sync::waiting(&desktop.store).await?;
    let client = desktop.client().await?;
    let (pushed, took) = sync_data::push_all(&desktop, &client).await?;
    helpdesk_server::test_postgres::settle(&central.database_url).await?;
    println!(
        "The server holds {pushed} rows ({waiting} changes queued), pushed in {:.1} s.\n",
        took.as_secs_f64()
    );
    let pool = central.pool().await?;
    let count = args.changes;
    println!(
        "## {count} offline customer edits pushed, {} rounds\n",
        args.rounds
    );
    println!("| round | what | total s | rows/s | per batch p50 ms | p95 ms |");
    println!("|---:|---|---:|---:|---:|---:|");
    let mut all = Latencies::default();
    let mut all_merge = Latencies::default();
    let mut totals = Vec::new();
    let mut syncs = Vec::new();
    for round in 0..args.rounds {
        sync_push::edit_customers(&desktop.store, count, 3 * round).await?;
        let mut times = sync_push::push_by_batch(&desktop, &client).await?;
        if times.changed != count {
            return Err(format!("the server changed {} of {count} rows", times.changed).into());
        }
        totals.push(times.took);
        line(
            round,
            "push batch by batch (read + push + acknowledge)",
            count,
            times.took,
            &mut times.whole,
        );
        for latency in times.whole.iter() {
            all.record(latency);
        }
        for (what, latencies) in [
            ("  reading the outbox (`sync::pending`)", &mut times.read),
            (
                "  the push request (JSON, HTTP, the server's merge)",
                &mut times.push,
            ),
            (
                "  acknowledging (`sync::acknowledge`)",
                &mut times.acknowledge,
            ),
        ] {
            let total = latencies.total();
            line(round, what, count, total, latencies);
        }

        sync_push::edit_customers(&desktop.store, count, 3 * round + 1).await?;
        let started = Instant::now();
        let report = desktop.sync(&client).await?;
        let took = started.elapsed();
        if report.pushed != count {
            return Err(format!("`sync_once` pushed {} of {count} rows", report.pushed).into());
        }
        syncs.push(took);
        println!(
            "| {} | `sync_once`: the pushes (each next batch read while one travels), then their rows pulled back | {:.2} | {:.0} | | |",
            round + 1,
            took.as_secs_f64(),
            count as f64 / took.as_secs_f64().max(1e-9)
        );

        sync_push::edit_customers(&desktop.store, count, 3 * round + 2).await?;
        let mut merged = sync_push::merge_directly(&desktop, &pool).await?;
        let total = merged.merge.total();
        line(
            round,
            "the server's merge alone (`merge_all` + commit)",
            count,
            total,
            &mut merged.merge,
        );
        for latency in merged.merge.iter() {
            all_merge.record(latency);
        }
    }
    println!(
        "\nEvery round: a push of {count} changes batch by batch took {:.2} s (median of {}), `sync_once` {:.2} s; a batch p50 {} ms, p95 {} ms; the server's merge alone p50 {} ms, p95 {} ms.",
        median(&mut totals).as_secs_f64(),
        totals.len(),
        median(&mut syncs).as_secs_f64(),
        millis(all.percentile(50.0)),
        millis(all.percentile(95.0)),
        millis(all_merge.percentile(50.0)),
        millis(all_merge.percentile(95.0)),
    );
    desktop.store.close().await;
    Ok(())
}

fn median(durations: &mut [Duration]) -> Duration {
    durations.sort_unstable();
    durations
        .get(durations.len() / 2)
        .copied()
        .unwrap_or_default()
}

fn line(round: usize, what: &str, rows: usize, took: Duration, latencies: &mut Latencies) {
    println!(
        "| {} | {what} | {:.2} | {:.0} | {} | {} |",
        round + 1,
        took.as_secs_f64(),
        rows as f64 / took.as_secs_f64().max(1e-9),
        millis(latencies.percentile(50.0)),
        millis(latencies.percentile(95.0))
    );
}
