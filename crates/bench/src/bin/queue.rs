//! "Sua fila" at 1,000,000 tickets and 2,000,000 messages: the operator's queue as the home
//! screen polls it every 5 s (`queue::load`: the new messages of the last 7 days with their
//! count, and the open tickets for the operator, for the operator's role and for no one, each
//! with its counts), for each operator of the demo (every one has a role), after a warm-up
//! load of each. Prints the median, p95 and the worst per operator and over all.
//!
//! The database is the whole desk at benchmark scale ([`desk`]), generated on first use into
//! `$HELPDESK_DESK_DB` (default `/var/tmp/helpdesk-bench-desk.db`).
//!
//! `cargo run --release -p helpdesk-bench --bin queue [-- SAMPLES_PER_OPERATOR]`
#[allow(dead_code)]
#[path = "tickets/catalog.rs"]
mod catalog;
#[allow(dead_code)]
#[path = "tickets/data_set.rs"]
mod data_set;
#[path = "tickets/desk.rs"]
mod desk;

use std::time::Instant;

use helpdesk_bench::{millis, Latencies};
use helpdesk_core::queue::{Queue, QueueClock, QueueCount};
use helpdesk_store::{now_millis, queue};
use sqlx::types::Uuid;

use desk::{desk, desk_path};

/// The desktop's offset from UTC: Brasília.
const OFFSET_MINUTES: i32 = -180;

/// A group's counts as "total (overdue, due today)".
fn counts(count: &QueueCount) -> String {
    format!("{} ({}, {})", count.total, count.overdue, count.due_today)
}

/// The groups' counts of `queue`, messages first.
fn summary(queue: &Queue) -> String {
    let groups: Vec<String> = queue
        .ticket_groups
        .iter()
        .map(|group| counts(&group.count))
        .collect();
    format!("{} | {}", queue.messages_count.total, groups.join(" | "))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let samples: usize = std::env::args().nth(1).map_or(Ok(50), |s| s.parse())?;
    let store = desk().await?;
    let (tickets, open, messages, new): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM tickets),
                (SELECT count(*) FROM tickets WHERE status = 'Aberto'),
                (SELECT count(*) FROM support_messages),
                (SELECT count(*) FROM support_messages WHERE received_at >= ?1)",
    )
    .bind(QueueClock::at(now_millis(), OFFSET_MINUTES).messages_since())
    .fetch_one(store.pool())
    .await?;
    println!(
        "{tickets} tickets ({open} open), {messages} messages ({new} in the last 7 days); {}",
        desk_path().display()
    );
    let operators: Vec<(Uuid, String, String)> = sqlx::query_as(
        "SELECT u.id, u.name, r.name FROM users u JOIN roles r ON r.id = u.role_id
         WHERE u.deleted = 0 ORDER BY u.login",
    )
    .fetch_all(store.pool())
    .await?;
    for (id, _, _) in &operators {
        queue::load(&store, *id, QueueClock::at(now_millis(), OFFSET_MINUTES)).await?;
    }
    println!(
        "| operator | role | p50 ms | p95 ms | max ms | messages | for me | for my role | no one |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    let mut all = Latencies::default();
    for (id, name, role) in &operators {
        let mut latencies = Latencies::default();
        let mut last = None;
        for _ in 0..samples {
            let clock = QueueClock::at(now_millis(), OFFSET_MINUTES);
            let started = Instant::now();
            let loaded = queue::load(&store, *id, clock).await?;
            let elapsed = started.elapsed();
            latencies.record(elapsed);
            all.record(elapsed);
            last = Some(loaded);
        }
        println!(
            "| {name} | {role} | {} | {} | {} | {} |",
            millis(latencies.percentile(50.0)),
            millis(latencies.percentile(95.0)),
            millis(latencies.percentile(100.0)),
            last.as_ref().map(summary).unwrap_or_default(),
        );
    }
    println!(
        "| every operator | | {} | {} | {} | | | | |",
        millis(all.percentile(50.0)),
        millis(all.percentile(95.0)),
        millis(all.percentile(100.0)),
    );
    Ok(())
}
