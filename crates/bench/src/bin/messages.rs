//! "Filtros" and "Localizar Reg." through the store API over the benchmark data set
//! (2,000,000 messages): e-mail suggestions after the first letters, and one sender's
//! messages over the last 30 days and over a date range, "Quantidade" 50 — for random
//! customers, and for the heaviest senders over a year (the worst case).
//!
//! `cargo run --release -p helpdesk-bench --bin messages [-- SAMPLES]`
use std::time::Instant;

use helpdesk_bench::{benchmark_store, millis, sample_customers, Latencies};
use helpdesk_core::text::fold;
use helpdesk_store::now_millis;
use helpdesk_store::support_messages::{self, MessageFilter};
use uuid::Uuid;

const DAY: i64 = 86_400_000;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let samples: usize = std::env::args().nth(1).map_or(Ok(200), |s| s.parse())?;
    let store = benchmark_store().await?;
    let senders: Vec<String> = sample_customers(&store, samples)
        .await?
        .iter()
        .filter_map(|customer| customer.emails.first().map(|email| fold(email)))
        .collect();
    let now = now_millis();
    let mut suggestions = Latencies::default();
    let mut last_30_days = Latencies::default();
    let mut date_range = Latencies::default();
    let (mut suggested, mut found) = (0, 0);
    for sender in &senders {
        let prefix: String = sender.chars().take(3).collect();
        let started = Instant::now();
        suggested += support_messages::suggest_emails(&store, &prefix, 10)
            .await?
            .len();
        suggestions.record(started.elapsed());

        let started = Instant::now();
        found += support_messages::list(&store, &of_sender(sender, now - 30 * DAY, now))
            .await?
            .len();
        last_30_days.record(started.elapsed());

        let started = Instant::now();
        support_messages::list(&store, &of_sender(sender, now - 200 * DAY, now - 100 * DAY))
            .await?;
        date_range.record(started.elapsed());
    }
    // The worst case: the senders with the most messages, over a whole year, and
    // suggestions from their first letter only.
    let heaviest: Vec<String> = sqlx::query_scalar(
        "SELECT email_folded FROM support_messages GROUP BY email_folded
         ORDER BY count(*) DESC LIMIT 50",
    )
    .fetch_all(store.pool())
    .await?;
    let mut heavy_year = Latencies::default();
    let mut one_letter = Latencies::default();
    for sender in &heaviest {
        let started = Instant::now();
        support_messages::list(&store, &of_sender(sender, now - 365 * DAY, now)).await?;
        heavy_year.record(started.elapsed());

        let first: String = sender.chars().take(1).collect();
        let started = Instant::now();
        support_messages::suggest_emails(&store, &first, 10).await?;
        one_letter.record(started.elapsed());
    }
    let count = senders.len().max(1);
    println!("| query | p50 ms | p95 ms | max ms |");
    println!("|---|---:|---:|---:|");
    for (name, latencies) in [
        ("e-mail suggestions (3 letters, top 10)", &mut suggestions),
        ("a sender's messages, last 30 days", &mut last_30_days),
        ("a sender's messages, a 100-day range", &mut date_range),
        ("heaviest senders' messages, last 365 days", &mut heavy_year),
        ("e-mail suggestions (1 letter, top 10)", &mut one_letter),
    ] {
        println!(
            "| {name} | {} | {} | {} |",
            millis(latencies.percentile(50.0)),
            millis(latencies.percentile(95.0)),
            millis(latencies.percentile(100.0))
        );
    }
    println!(
        "{count} senders; {:.1} suggestions and {:.1} messages (30 days) on average",
        suggested as f64 / count as f64,
        found as f64 / count as f64
    );
    Ok(())
}

/// The messages of `sender` (folded) from `from` to `to`, 50 at most, as "Localizar Reg."
/// asks for them.
fn of_sender(sender: &str, from: i64, to: i64) -> MessageFilter<'_> {
    MessageFilter {
        email: Some(sender),
        from,
        to,
        limit: 50,
        mail_only: false,
        operator: Uuid::nil(),
    }
}
