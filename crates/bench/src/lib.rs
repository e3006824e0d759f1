//! Shared pieces of the benchmark binaries: the generated data set and latency statistics.
#![warn(clippy::unwrap_used, clippy::panic)]

pub mod desktop;
pub mod sync_data;
pub mod sync_pull;
pub mod sync_push;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use helpdesk_core::customer::{CustomerSearch, CustomerSummary, SearchCondition, SearchField};
use helpdesk_demo::DemoConfig;
use helpdesk_store::{customers, people, Store, StoreError};
use rand::{Rng, SeedableRng};

/// The error of the benchmark binaries: any, reported as it is.
pub type Failure = Box<dyn std::error::Error>;

/// The benchmark database: `$HELPDESK_BENCH_DB`, or `bench-data/benchmark.db` in the cargo
/// target folder. Generated at [`DemoConfig::benchmark`] scale when missing, then reused.
pub async fn benchmark_store() -> Result<Store, StoreError> {
    let path = benchmark_path();
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|error| StoreError::Database(error.into()))?;
    }
    let store = Store::open(&path).await?;
    if !people::has_users(&store).await? {
        let config = DemoConfig::benchmark();
        eprintln!(
            "generating {} customers and {} messages into {}",
            config.customers,
            config.messages,
            path.display()
        );
        let started = Instant::now();
        helpdesk_demo::seed(&store, &config).await?;
        eprintln!("generated in {:.1} s", started.elapsed().as_secs_f64());
    }
    Ok(store)
}

/// The path of the benchmark database, generated first if needed and closed, for a
/// benchmark that hands it to another process.
pub async fn benchmark_database() -> Result<PathBuf, StoreError> {
    benchmark_store().await?.close().await;
    Ok(benchmark_path())
}

fn benchmark_path() -> PathBuf {
    std::env::var_os("HELPDESK_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(default_path)
}

fn default_path() -> PathBuf {
    bench_data_dir().join("benchmark.db")
}

/// `bench-data` in the cargo target folder: where the benchmarks keep generated data.
pub fn bench_data_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("bench-data")
}

/// The first code the demo generator gives.
const FIRST_CODE: u32 = 1001;

/// `count` customers of the benchmark data set drawn at random (the same ones every run).
pub async fn sample_customers(
    store: &Store,
    count: usize,
) -> Result<Vec<CustomerSummary>, Box<dyn std::error::Error>> {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(2026);
    let total: u32 = DemoConfig::benchmark().customers.try_into()?;
    let mut sample = Vec::with_capacity(count);
    while sample.len() < count {
        let search = CustomerSearch {
            text: rng.gen_range(FIRST_CODE..FIRST_CODE + total).to_string(),
            field: SearchField::Code,
            condition: SearchCondition::Equals,
            limit: 1,
        };
        sample.extend(customers::search(store, &search.validate()?).await?);
    }
    Ok(sample)
}

/// Latencies of one kind of operation.
#[derive(Debug, Default)]
pub struct Latencies(Vec<Duration>);

impl Latencies {
    pub fn record(&mut self, elapsed: Duration) {
        self.0.push(elapsed);
    }

    /// The `p`-th percentile (0–100), nearest rank.
    pub fn percentile(&mut self, p: f64) -> Duration {
        if self.0.is_empty() {
            return Duration::ZERO;
        }
        self.0.sort_unstable();
        let rank = ((p / 100.0) * self.0.len() as f64).ceil() as usize;
        self.0[rank.clamp(1, self.0.len()) - 1]
    }

    /// The sum of every latency recorded.
    pub fn total(&self) -> Duration {
        self.0.iter().sum()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Every latency recorded.
    pub fn iter(&self) -> impl Iterator<Item = Duration> + '_ {
        self.0.iter().copied()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Milliseconds with two decimals, for tables.
pub fn millis(duration: Duration) -> String {
    format!("{:.2}", duration.as_secs_f64() * 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let mut latencies = Latencies::default();
        for ms in (1..=100).rev() {
            latencies.record(Duration::from_millis(ms));
        }
        assert_eq!(latencies.percentile(50.0), Duration::from_millis(50));
        assert_eq!(latencies.percentile(95.0), Duration::from_millis(95));
        assert_eq!(latencies.percentile(100.0), Duration::from_millis(100));
    }
}
