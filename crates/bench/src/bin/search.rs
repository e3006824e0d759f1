//! "Localizar Cliente" latency through the store API, for every field and condition, over
//! the benchmark data set (500,000 customers). Prints p50/p95/max per combination.
//!
//! `cargo run --release -p helpdesk-bench --bin search [-- SAMPLES]`
use std::time::Instant;

use helpdesk_bench::{benchmark_store, millis, sample_customers, Latencies};
use helpdesk_core::customer::{CustomerSearch, CustomerSummary, SearchCondition, SearchField};
use helpdesk_core::text::{digits, fold};
use helpdesk_store::customers;

/// What an operator would type for `field` and `condition`, from a real customer's value.
fn needle(customer: &CustomerSummary, field: SearchField, condition: SearchCondition) -> String {
    let value = match field {
        SearchField::Name => fold(&customer.name),
        SearchField::Code => customer.code.clone(),
        SearchField::Document => digits(&customer.document),
        SearchField::Login => customer.logins.first().cloned().unwrap_or_default(),
        SearchField::Email => customer.emails.first().cloned().unwrap_or_default(),
        SearchField::Phone => customer
            .phones
            .first()
            .map(|p| digits(p))
            .unwrap_or_default(),
    };
    let chars: Vec<char> = value.chars().collect();
    let n = chars.len();
    let take = |from: usize, len: usize| chars.iter().skip(from).take(len).collect::<String>();
    match condition {
        SearchCondition::Equals => value,
        SearchCondition::StartsWith => take(0, 4.min(n)),
        SearchCondition::Contains => take(n / 3, 5),
        SearchCondition::EndsWith => take(n.saturating_sub(5), 5),
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let samples: usize = std::env::args().nth(1).map_or(Ok(200), |s| s.parse())?;
    let store = benchmark_store().await?;
    let sample = sample_customers(&store, samples).await?;

    println!("| Campo | Condição | p50 ms | p95 ms | max ms | rows (avg) |");
    println!("|---|---|---:|---:|---:|---:|");
    for field in SearchField::ALL {
        for condition in SearchCondition::ALL {
            let mut latencies = Latencies::default();
            let mut rows = 0;
            for customer in &sample {
                let search = CustomerSearch {
                    text: needle(customer, field, condition),
                    field,
                    condition,
                    limit: helpdesk_core::customer::DEFAULT_LIMIT,
                };
                let Ok(term) = search.validate() else {
                    continue;
                };
                let started = Instant::now();
                rows += customers::search(&store, &term).await?.len();
                latencies.record(started.elapsed());
            }
            let count = latencies.len().max(1);
            println!(
                "| {} | {} | {} | {} | {} | {} |",
                field.label(),
                condition.label(),
                millis(latencies.percentile(50.0)),
                millis(latencies.percentile(95.0)),
                millis(latencies.percentile(100.0)),
                rows / count
            );
        }
    }
    Ok(())
}
