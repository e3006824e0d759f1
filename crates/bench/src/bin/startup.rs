//! The app's cold start to the login screen, and its resident memory after login, in the real
//! window under Xvfb (the end-to-end harness), on the benchmark database.
//!
//! `cargo build --release -p helpdesk-desktop` (after `scripts/build-ui.sh`), then
//! `HELPDESK_APP=target/release/helpdesk-desktop cargo run --release -p helpdesk-bench --bin startup [-- RUNS]`
use std::path::{Path, PathBuf};
use std::time::Instant;

use helpdesk_bench::{benchmark_database, millis, Latencies};
use helpdesk_e2e::{app_binary, Harness};

/// A memory figure (kB) of a process: `VmRSS` from `status`, or `Pss` from `smaps_rollup`.
fn memory_kb(pid: u32, file: &str, key: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/{file}"))
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|line| line.strip_prefix(key))
                .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// Every process as (pid, parent pid, executable).
fn processes() -> Vec<(u32, u32, PathBuf)> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let parent = stat
                .rsplit(')')
                .next()?
                .split_whitespace()
                .nth(1)?
                .parse()
                .ok()?;
            let exe = std::fs::read_link(format!("/proc/{pid}/exe")).unwrap_or_default();
            Some((pid, parent, exe))
        })
        .collect()
}

/// The resident memory of the app's own process, and the proportional set size (shared
/// pages counted once) of it with its WebKit children.
fn app_memory(app: &Path) -> (u64, u64) {
    let all = processes();
    let Some(root) = all
        .iter()
        .find(|(_, _, exe)| exe == app)
        .map(|(pid, _, _)| *pid)
    else {
        return (0, 0);
    };
    let mut tree = vec![root];
    let mut index = 0;
    while index < tree.len() {
        let parent = tree[index];
        tree.extend(
            all.iter()
                .filter(|(_, p, _)| *p == parent)
                .map(|(pid, _, _)| *pid),
        );
        index += 1;
    }
    let rss = memory_kb(root, "status", "VmRSS:");
    let pss = tree
        .iter()
        .map(|pid| memory_kb(*pid, "smaps_rollup", "Pss:"))
        .sum();
    (rss, pss)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: usize = std::env::args().nth(1).map_or(Ok(5), |s| s.parse())?;
    let database = benchmark_database().await?;
    let app = std::fs::canonicalize(app_binary())?;
    let mut starts = Latencies::default();
    let mut memory = Vec::new();
    for _ in 0..runs {
        let mut harness = Harness::start("startup-bench", &database).await;
        let waiting = Instant::now();
        harness.element("input#login").await?;
        starts.record(harness.launch + waiting.elapsed());
        harness.fill("input#login", "admin").await?;
        harness.fill("input#password", "admin123\u{E007}").await?;
        harness.text_at("#operator-name", "Administrador").await?;
        memory.push(app_memory(&app));
        harness.screenshot("after-login").await;
        drop(harness);
    }
    println!("app: {}", app.display());
    println!(
        "cold start to the login screen over {runs} runs: p50 {} ms, max {} ms",
        millis(starts.percentile(50.0)),
        millis(starts.percentile(100.0))
    );
    for (rss, pss) in memory {
        println!(
            "memory after login: app process RSS {} MB; app with its WebKit processes PSS {} MB",
            rss / 1024,
            pss / 1024
        );
    }
    Ok(())
}
