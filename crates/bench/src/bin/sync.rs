//! Sync at scale, against the central server (in this process, on a throwaway PostgreSQL)
//! holding the demo catalog, `--customers` customers (with their e-mails, phones and
//! contracts) and `--tickets` tickets: every row pulled without a desktop (the server's
//! query, its pull, the API over HTTP; left out with `--pull-figures 0`), then a new
//! desktop's first sync page by page, its progress sampled (stopped after
//! `--first-sync-limit` seconds if given; left out with `--paged-first-sync 0`), then the
//! server's snapshot prepared and another new desktop's first sync from it, then `--changes`
//! offline customer edits pushed (end to end, batch by batch, and through the server's merge
//! alone) and taken by that desktop.
//! Prints the tables of the "Sync" section of `docs/PERFORMANCE.md`.
//!
//! The server is loaded by a "source" desktop pushing its whole outbox through the real
//! API; the source then pulls everything back and is the desktop the edits are made on. It
//! is generated once per scale into `bench-data/sync/` and copied for each run; PostgreSQL's
//! cluster goes there too (through `TMPDIR`), and both are removed at the end.
//!
//! `cargo run --release -p helpdesk-bench --bin sync [-- --customers N --tickets N
//! --changes N --first-sync-limit SECONDS --pull-figures 0|1 --paged-first-sync 0|1]`
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use helpdesk_bench::desktop::Desktop;
use helpdesk_bench::sync_data::{self, Central, Scale, TOKEN};
use helpdesk_bench::sync_pull::{self, Pulled, Sample};
use helpdesk_bench::sync_push;
use helpdesk_bench::{millis, Failure, Latencies};
use helpdesk_core::sync::{SnapshotManifest, MAX_BATCH_ROWS, SYNC_TABLES};
use helpdesk_server::repo::snapshots;
use helpdesk_store::sync;
use helpdesk_sync::SyncClient;
use sqlx::PgPool;

const USAGE: &str = "usage: sync [--customers N] [--tickets N] [--changes N] \
    [--first-sync-limit SECONDS] [--pull-figures 0|1] [--paged-first-sync 0|1]";
/// Rows per push, as `sync_once` sends them.
const PAGE: usize = MAX_BATCH_ROWS;
/// How often the first sync's progress is sampled.
const SAMPLE_EVERY: Duration = Duration::from_secs(30);
const MB: f64 = 1024.0 * 1024.0;

struct Args {
    scale: Scale,
    changes: usize,
    first_sync_limit: Option<Duration>,
    pull_figures: bool,
    paged_first_sync: bool,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, Failure> {
    let mut parsed = Args {
        scale: Scale {
            customers: 500_000,
            tickets: 1_000_000,
        },
        changes: 10_000,
        first_sync_limit: None,
        pull_figures: true,
        paged_first_sync: true,
    };
    while let Some(flag) = args.next() {
        let value: usize = args.next().ok_or(USAGE)?.replace('_', "").parse()?;
        match flag.as_str() {
            "--customers" => parsed.scale.customers = value,
            "--tickets" => parsed.scale.tickets = value,
            "--changes" => parsed.changes = value,
            "--first-sync-limit" => {
                parsed.first_sync_limit = Some(Duration::from_secs(u64::try_from(value)?));
            }
            "--pull-figures" => parsed.pull_figures = value != 0,
            "--paged-first-sync" => parsed.paged_first_sync = value != 0,
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
    let template = sync_data::source_template(folder, args.scale).await?;
    let work = tempfile::Builder::new().prefix("run-").tempdir_in(folder)?;
    let central = Central::start().await?;
    let source = load_server(&central, &template, work.path()).await?;
    let counts = server_counts(&central.pool().await?).await?;
    let http = match args.pull_figures {
        true => Some(pull_without_desktop(&central, &source, work.path(), &counts).await?),
        false => None,
    };
    if args.paged_first_sync {
        let paged = first_sync(&central, work.path(), &counts, http, args.first_sync_limit);
        if let Some(desktop) = paged.await? {
            desktop.store.close().await;
        }
        std::fs::remove_file(work.path().join("paged.db"))?;
    }
    let manifest = prepare_snapshot(&central).await?;
    // The source holds every row of the snapshot (it pushed them): its pull goes on from
    // the snapshot's cursor, as after taking it.
    sync::finish_snapshot(&source.store, &manifest).await?;
    let other = first_sync(&central, work.path(), &counts, None, None).await?;
    offline_changes(&central, &source, other.as_ref(), args.changes).await
}

/// The server prepares the snapshot new desktops start from; prints how long it took and
/// its size, and answers it.
async fn prepare_snapshot(central: &Central) -> Result<SnapshotManifest, Failure> {
    let pool = central.pool().await?;
    let started = Instant::now();
    let manifest = snapshots::prepare(&pool)
        .await?
        .ok_or("another instance prepares the snapshot")?;
    let took = started.elapsed();
    let bytes: i64 =
        sqlx::query_scalar("SELECT sum(octet_length(content))::bigint FROM sync_snapshot_chunks")
            .fetch_one(&pool)
            .await?;
    println!(
        "## The server's snapshot
"
    );
    println!("| what | figure |\n|---|---:|");
    println!(
        "| `repo::snapshots::prepare`: {} rows in {} chunks | {:.1} s, {:.0} rows/s |",
        manifest.rows,
        manifest.chunks,
        took.as_secs_f64(),
        rate(usize::try_from(manifest.rows)?, took)
    );
    println!("| its chunks, compressed | {:.0} MB |\n", bytes as f64 / MB);
    Ok(manifest)
}

/// Pushes a copy of the source through the API and prints what the server holds. Returns
/// the source, registered.
async fn load_server(central: &Central, template: &Path, work: &Path) -> Result<Desktop, Failure> {
    let path = work.join("source.db");
    std::fs::copy(template, &path)?;
    let source = Desktop::open(&path).await?;
    source.register(&central.url(), TOKEN, "Carga").await?;
    eprintln!(
        "pushing the source's {} rows",
        sync::waiting(&source.store).await?
    );
    let (pushed, took) = sync_data::push_all(&source, &source.client().await?).await?;
    helpdesk_server::test_postgres::settle(&central.database_url).await?;
    let pool = central.pool().await?;
    let counts = server_counts(&pool).await?;
    let (database, json): (i64, i64) = sqlx::query_as(
        "SELECT pg_database_size(current_database()),
                (SELECT sum(octet_length(fields::text))::bigint FROM sync_rows)",
    )
    .fetch_one(&pool)
    .await?;
    println!("## Loading the server\n");
    println!("{}\n", describe(&counts));
    println!("| what | figure |\n|---|---:|");
    println!(
        "| {pushed} rows pushed by the source, {PAGE} a request | {:.0} s, {:.0} rows/s |",
        took.as_secs_f64(),
        rate(pushed, took)
    );
    println!("| the server's database | {:.0} MB |", database as f64 / MB);
    println!(
        "| the rows' JSON (`fields::text`) | {:.0} MB |\n",
        json as f64 / MB
    );
    Ok(source)
}

/// Rows the server holds, by table.
async fn server_counts(pool: &PgPool) -> Result<BTreeMap<String, i64>, Failure> {
    let counts: Vec<(String, i64)> =
        sqlx::query_as("SELECT table_name, count(*) FROM sync_rows GROUP BY table_name")
            .fetch_all(pool)
            .await?;
    Ok(counts.into_iter().collect())
}

/// "3,400,000 rows: 500,000 customers, ..." in the order of `SYNC_TABLES`.
fn describe(counts: &BTreeMap<String, i64>) -> String {
    let parts: Vec<String> = SYNC_TABLES
        .iter()
        .filter_map(|table| {
            counts
                .get(table.name)
                .map(|n| format!("{n} {}", table.name))
        })
        .collect();
    format!(
        "{} rows: {}",
        counts.values().sum::<i64>(),
        parts.join(", ")
    )
}

/// Every row pulled at three depths without a desktop, then by the source (which holds
/// them all: merged, none written); and the tickets alone applied into an empty desktop
/// (no search index to keep). Returns the time of the pull over HTTP.
async fn pull_without_desktop(
    central: &Central,
    source: &Desktop,
    work: &Path,
    counts: &BTreeMap<String, i64>,
) -> Result<Duration, Failure> {
    let total = usize::try_from(counts.values().sum::<i64>())?;
    let pool = central.pool().await?;
    let sql = expect_rows(total, sync_pull::pull_sql(&pool).await?)?;
    let repo = expect_rows(total, sync_pull::pull_repo(&pool).await?)?;
    let probe = sync_pull::probe(&central.url(), TOKEN).await?;
    let http = expect_rows(total, sync_pull::pull_http(&probe).await?)?;
    let started = Instant::now();
    let report = source.sync(&source.client().await?).await?;
    let back = started.elapsed();
    if report.pulled != 0 {
        return Err(format!("{} rows changed on the source", report.pulled).into());
    }
    let scratch = Desktop::open(&work.join("tickets-alone.db")).await?;
    let tickets = sync_pull::apply_alone(&probe, &scratch.store, "tickets").await?;
    scratch.store.close().await;
    println!("## Pulling every row\n");
    println!("| what | s | rows/s |\n|---|---:|---:|");
    for (what, took) in [
        ("the server's query alone (SQL, `fields` as text)", sql),
        ("the server's `repo::rows::pull` (SQL + JSON parse)", repo),
        ("`client.pull` over HTTP, not applied", http),
        (
            "`sync_once` of the source, which holds them all (merged, none written)",
            back,
        ),
    ] {
        println!(
            "| {what} | {:.1} | {:.0} |",
            took.as_secs_f64(),
            rate(total, took)
        );
    }
    println!(
        "| `sync::apply` of the {} tickets alone, into an empty desktop | {:.1} | {:.0} |",
        tickets.rows,
        tickets.took.as_secs_f64(),
        rate(tickets.rows, tickets.took)
    );
    println!();
    Ok(http)
}

fn expect_rows(total: usize, pulled: Pulled) -> Result<Duration, Failure> {
    if pulled.rows != total {
        return Err(format!("pulled {} rows, the server holds {total}", pulled.rows).into());
    }
    Ok(pulled.took)
}

/// A new desktop's `register` + `sync_once`, its progress sampled, stopped after `limit`
/// if given; checks it then holds as many rows as the server, table by table. Page by page
/// while the server has no snapshot (`paged.db`), else from it (`desktop.db`). Returns the
/// desktop if it got everything.
async fn first_sync(
    central: &Central,
    work: &Path,
    counts: &BTreeMap<String, i64>,
    http: Option<Duration>,
    limit: Option<Duration>,
) -> Result<Option<Desktop>, Failure> {
    let total: i64 = counts.values().sum();
    let from_snapshot = snapshots::latest(&central.pool().await?).await?.is_some();
    let (file, how) = match from_snapshot {
        true => ("desktop.db", "from the server's snapshot"),
        false => ("paged.db", "page by page"),
    };
    let desktop = Desktop::open(&work.join(file)).await?;
    let samples = RefCell::new(Vec::new());
    let started = Instant::now();
    desktop
        .register(&central.url(), TOKEN, "Loja Centro - caixa 1")
        .await?;
    let registered = started.elapsed();
    let exchange = async {
        let client = desktop.client().await?;
        let forever = Duration::from_secs(365 * 86_400);
        match tokio::time::timeout(limit.unwrap_or(forever), desktop.sync(&client)).await {
            Ok(report) => report.map(Some),
            Err(_) => Ok(None),
        }
    };
    let outcome = tokio::select! {
        outcome = exchange => outcome?,
        failure = sync_pull::watch(&desktop.store, SAMPLE_EVERY, &samples) => return Err(failure),
    };
    let took = started.elapsed();
    println!("## First sync of a new desktop, {how}\n");
    print_samples(&samples.borrow(), total);
    match outcome {
        Some(_) => {
            verify(&desktop, counts).await?;
            let rows = usize::try_from(total)?;
            println!("| what | s | rows/s |\n|---|---:|---:|");
            println!(
                "| `register` + `sync_once`, until the desktop holds all {total} rows | {:.1} | {:.0} |",
                took.as_secs_f64(),
                rate(rows, took)
            );
            println!(
                "| of which `register` | {:.2} | |",
                registered.as_secs_f64()
            );
            if let Some(http) = http {
                println!(
                    "| the same rows pulled over HTTP alone (within `sync_once`, each page travels while the one before is applied) | {:.1} | {:.0} |",
                    http.as_secs_f64(),
                    rate(rows, http)
                );
            }
        }
        None => {
            let applied = sync_pull::count_rows(&desktop.store).await?;
            println!(
                "Stopped after {:.0} s: {applied} of {total} rows applied.",
                took.as_secs_f64()
            );
        }
    }
    println!(
        "\nThe desktop's database: {:.0} MB, {:.0} MB of it the fields' versions (`sync_versions`, `sync_origin`)\n",
        desktop.size_bytes().await? as f64 / MB,
        desktop.versions_bytes().await? as f64 / MB
    );
    Ok(outcome.map(|_| desktop))
}

/// The rows held at a dozen of the samples (the last among them), and the rate since the
/// one shown before.
fn print_samples(samples: &[Sample], total: i64) {
    const LINES: usize = 12;
    if samples.is_empty() {
        return;
    }
    println!("| elapsed s | rows applied | of all | rows/s since the line before |");
    println!("|---:|---:|---:|---:|");
    let step = samples.len().div_ceil(LINES);
    let mut before = Sample {
        elapsed: Duration::ZERO,
        rows: 0,
    };
    for (at, sample) in samples.iter().enumerate() {
        if (at + 1) % step != 0 && at + 1 != samples.len() {
            continue;
        }
        let rows = usize::try_from(sample.rows - before.rows).unwrap_or(0);
        println!(
            "| {:.0} | {} | {:.1}% | {:.0} |",
            sample.elapsed.as_secs_f64(),
            sample.rows,
            100.0 * sample.rows as f64 / total.max(1) as f64,
            rate(rows, sample.elapsed - before.elapsed)
        );
        before = *sample;
    }
    println!();
}

/// The desktop holds as many rows as the server, table by table.
async fn verify(desktop: &Desktop, counts: &BTreeMap<String, i64>) -> Result<(), Failure> {
    for table in SYNC_TABLES {
        let here = desktop.count(table.name).await?;
        let there = counts.get(table.name).copied().unwrap_or(0);
        if here != there {
            return Err(format!(
                "{}: {here} on the desktop, {there} on the server",
                table.name
            )
            .into());
        }
    }
    Ok(())
}

/// `count` customer edits pushed three ways: by `sync_once` (and pulled by `other`, a
/// desktop holding everything, if there is one), batch by batch with each step timed, and
/// through the server's merge alone.
async fn offline_changes(
    central: &Central,
    desktop: &Desktop,
    other: Option<&Desktop>,
    count: usize,
) -> Result<(), Failure> {
    let client = desktop.client().await?;
    println!("## A push of {count} offline changes\n");
    println!("| what | total s | rows/s | per batch p50 ms | p95 ms |\n|---|---:|---:|---:|---:|");

    let edits = sync_push::edit_customers(&desktop.store, count, 0).await?;
    total_line(
        "making the edits (one `UPDATE` each, queued by trigger)",
        count,
        edits,
    );
    let started = Instant::now();
    let report = desktop.sync(&client).await?;
    total_line(
        "`sync_once`: the pushes, then their rows pulled back",
        report.pushed,
        started.elapsed(),
    );
    if let Some(other) = other {
        receive(central, other, count).await?;
    }

    sync_push::edit_customers(&desktop.store, count, 1).await?;
    push_by_batch(desktop, &client, count).await?;
    let started = Instant::now();
    desktop.sync(&client).await?;
    total_line(
        "  the pull back alone (`sync_once` with nothing to push)",
        count,
        started.elapsed(),
    );

    sync_push::edit_customers(&desktop.store, count, 2).await?;
    merge_directly(desktop, &central.pool().await?, count).await?;
    desktop.sync(&client).await?;
    println!();
    Ok(())
}

/// Another desktop pulls the `count` rows just pushed, and applies them (search index kept).
async fn receive(central: &Central, other: &Desktop, count: usize) -> Result<(), Failure> {
    helpdesk_server::test_postgres::settle(&central.database_url).await?;
    let started = Instant::now();
    let report = other.sync(&other.client().await?).await?;
    let took = started.elapsed();
    if report.pulled != count {
        return Err(format!("the other desktop took {} of {count} rows", report.pulled).into());
    }
    total_line(
        "  another desktop taking them (`sync_once`: pulled, applied, search index kept)",
        count,
        took,
    );
    Ok(())
}

/// Pushes the outbox batch by batch and prints each step's line.
async fn push_by_batch(
    desktop: &Desktop,
    client: &SyncClient,
    count: usize,
) -> Result<(), Failure> {
    let mut times = sync_push::push_by_batch(desktop, client).await?;
    batch_line(
        "push batch by batch (read + push + acknowledge)",
        count,
        times.took,
        &mut times.whole,
    );
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
        batch_line(what, count, total, latencies);
    }
    Ok(())
}

/// Merges the outbox through the server's merge alone and prints its lines.
async fn merge_directly(desktop: &Desktop, pool: &PgPool, count: usize) -> Result<(), Failure> {
    let mut times = sync_push::merge_directly(desktop, pool).await?;
    let total = times.merge.total();
    batch_line(
        "the server's merge alone (`merge_all` + commit)",
        count,
        total,
        &mut times.merge,
    );
    let batches = times.json.len().max(1);
    let total = times.json.total();
    batch_line(
        &format!(
            "the request's JSON, encoded and decoded ({:.0} KB a batch)",
            times.bytes as f64 / batches as f64 / 1024.0
        ),
        count,
        total,
        &mut times.json,
    );
    Ok(())
}

fn total_line(what: &str, rows: usize, took: Duration) {
    println!(
        "| {what} | {:.2} | {:.0} | | |",
        took.as_secs_f64(),
        rate(rows, took)
    );
}

fn batch_line(what: &str, rows: usize, took: Duration, latencies: &mut Latencies) {
    println!(
        "| {what} | {:.2} | {:.0} | {} | {} |",
        took.as_secs_f64(),
        rate(rows, took),
        millis(latencies.percentile(50.0)),
        millis(latencies.percentile(95.0))
    );
}

fn rate(rows: usize, took: Duration) -> f64 {
    rows as f64 / took.as_secs_f64().max(1e-9)
}
