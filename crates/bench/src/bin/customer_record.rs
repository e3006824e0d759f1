//! "Dados Cliente" through the store API over the benchmark data set (500,000 customers): one
//! customer's record, with its e-mails, phones, contacts and contracted plans with their
//! routing points, for customers drawn at random. Prints p50/p95/max.
//!
//! `cargo run --release -p helpdesk-bench --bin customer_record [-- SAMPLES]`
use std::time::Instant;

use helpdesk_bench::{benchmark_store, millis, sample_customers, Latencies};
use helpdesk_store::customer_records;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let samples: usize = std::env::args().nth(1).map_or(Ok(1_000), |s| s.parse())?;
    let store = benchmark_store().await?;
    let sample = sample_customers(&store, samples).await?;
    let mut latencies = Latencies::default();
    let (mut plans, mut contacts, mut emails, mut phones) = (0, 0, 0, 0);
    for customer in &sample {
        let started = Instant::now();
        let record = customer_records::record(&store, customer.id).await?;
        latencies.record(started.elapsed());
        let record = record.ok_or_else(|| format!("customer {} has no record", customer.code))?;
        plans += record.plans.len();
        contacts += record.contacts.len();
        emails += record.emails.len();
        phones += record.phones.len();
    }
    let count = sample.len().max(1) as f64;
    println!("| query | p50 ms | p95 ms | max ms |");
    println!("|---|---:|---:|---:|");
    println!(
        "| a customer's record (\"Dados Cliente\") | {} | {} | {} |",
        millis(latencies.percentile(50.0)),
        millis(latencies.percentile(95.0)),
        millis(latencies.percentile(100.0))
    );
    println!(
        "{} customers; on average {:.2} plans, {:.2} contacts, {:.2} e-mails, {:.2} phones",
        sample.len(),
        plans as f64 / count,
        contacts as f64 / count,
        emails as f64 / count,
        phones as f64 / count
    );
    Ok(())
}
