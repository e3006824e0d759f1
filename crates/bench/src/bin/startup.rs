//! The app's cold start to the login screen, and its resident memory after login, in the real
//! window under Xvfb (the end-to-end harness), on the benchmark database.
//!
//! The cold start is split where the page's own clock allows: until the app's process
//! starts (the WebDriver servers), until the page's navigation starts (the native app, the
//! database, the window and WebKit's processes), until the page's scripts have run, and until
//! the form is on screen (the UI's wasm fetched, compiled and run, its first commands
//! answered). After the sign-in, the page fetches and compiles the wasm once more, timed.
//!
//! `cargo build --release -p helpdesk-desktop` (after `scripts/build-ui.sh`), then
//! `HELPDESK_APP=target/release/helpdesk-desktop cargo run --release -p helpdesk-bench --bin startup [-- RUNS]`
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

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

/// The page's timings (ms since the Unix epoch): navigation start, its scripts run (the DOM
/// content loaded), now.
const PAGE_TIMES: &str = "
    const origin = performance.timeOrigin;
    const page = performance.getEntriesByType('navigation')[0];
    return [origin, origin + page.domContentLoadedEventEnd, origin + performance.now()];";

/// How long the page takes to fetch the UI's wasm again, and to compile it (ms).
const WASM_COMPILE: &str = "
    const done = arguments[arguments.length - 1];
    const fetching = performance.now();
    fetch('helpdesk_ui_bg.wasm').then(r => r.arrayBuffer()).then(bytes => {
        const compiling = performance.now();
        return WebAssembly.compile(bytes).then(() => done([compiling - fetching, performance.now() - compiling]));
    }).catch(() => done([]));";

/// When the process `pid` started (ms since the Unix epoch; 10 ms steps).
fn process_start_ms(pid: u32) -> Option<f64> {
    const TICKS_PER_SECOND: f64 = 100.0;
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let ticks: f64 = stat
        .rsplit(')')
        .next()?
        .split_whitespace()
        .nth(19)?
        .parse()
        .ok()?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_secs_f64();
    Some((now - uptime + ticks / TICKS_PER_SECOND) * 1000.0)
}

/// The phases of one cold start, in the order they happen, then the wasm's own costs.
const PHASES: [&str; 6] = [
    "WebDriver servers, until the app's process starts",
    "the app's process, until the page's navigation starts",
    "the page and its scripts, until the DOM content is loaded",
    "the UI's wasm fetched, compiled and run, until the form is on screen",
    "(after the sign-in) fetching the wasm once more",
    "(after the sign-in) compiling it once more",
];

/// Splits one cold start that began at `asked_ms` (ms since the Unix epoch) into [`PHASES`].
async fn phases(harness: &Harness, app: &Path, asked_ms: f64) -> Option<[Duration; 6]> {
    let numbers = |value: serde_json::Value| -> Vec<f64> {
        value
            .as_array()
            .map(|items| items.iter().filter_map(serde_json::Value::as_f64).collect())
            .unwrap_or_default()
    };
    let times = numbers(harness.client.execute(PAGE_TIMES, Vec::new()).await.ok()?);
    let [origin, loaded, seen] = times[..] else {
        return None;
    };
    let pid = processes()
        .into_iter()
        .find(|(_, _, exe)| exe == app)
        .map(|(pid, _, _)| pid)?;
    let started = process_start_ms(pid)?;
    let wasm = numbers(
        harness
            .client
            .execute_async(WASM_COMPILE, Vec::new())
            .await
            .ok()?,
    );
    let [fetch, compile] = wasm[..] else {
        return None;
    };
    let span = |from: f64, to: f64| Duration::from_secs_f64((to - from).max(0.0) / 1000.0);
    Some([
        span(asked_ms, started),
        span(started, origin),
        span(origin, loaded),
        span(loaded, seen),
        span(0.0, fetch),
        span(0.0, compile),
    ])
}

/// The memory of the app after login: its own process's resident set, and the proportional
/// set size (shared pages counted once) of it and each WebKit child, by executable name.
struct AppMemory {
    rss_kb: u64,
    pss_kb: Vec<(String, u64)>,
}

impl AppMemory {
    fn of(app: &Path) -> Self {
        let all = processes();
        let Some(root) = all
            .iter()
            .find(|(_, _, exe)| exe == app)
            .map(|(pid, _, _)| *pid)
        else {
            return Self {
                rss_kb: 0,
                pss_kb: Vec::new(),
            };
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
        let pss_kb = tree
            .iter()
            .filter_map(|pid| {
                let (_, _, exe) = all.iter().find(|(p, _, _)| p == pid)?;
                let name = exe.file_name()?.to_string_lossy().into_owned();
                Some((name, memory_kb(*pid, "smaps_rollup", "Pss:")))
            })
            .collect();
        Self {
            rss_kb: memory_kb(root, "status", "VmRSS:"),
            pss_kb,
        }
    }

    fn total_pss_kb(&self) -> u64 {
        self.pss_kb.iter().map(|(_, kb)| kb).sum()
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: usize = std::env::args().nth(1).map_or(Ok(5), |s| s.parse())?;
    let database = benchmark_database().await?;
    let app = std::fs::canonicalize(app_binary())?;
    let mut starts = Latencies::default();
    let mut split: [Latencies; 6] = Default::default();
    let mut memory = Vec::new();
    for _ in 0..runs {
        let mut harness = Harness::start("startup-bench", &database).await;
        let waiting = Instant::now();
        harness.element("input#login").await?;
        let start = harness.launch + waiting.elapsed();
        starts.record(start);
        let now_ms = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs_f64() * 1000.0;
        let asked_ms = now_ms - start.as_secs_f64() * 1000.0;
        if let Some(spans) = phases(&harness, &app, asked_ms).await {
            for (latencies, span) in split.iter_mut().zip(spans) {
                latencies.record(span);
            }
        }
        harness.fill("input#login", "admin").await?;
        harness.fill("input#password", "admin123\u{E007}").await?;
        harness.text_at("#operator-name", "Administrador").await?;
        memory.push(AppMemory::of(&app));
        harness.screenshot("after-login").await;
        drop(harness);
    }
    println!("app: {}", app.display());
    println!(
        "cold start to the login screen over {runs} runs: p50 {} ms, max {} ms",
        millis(starts.percentile(50.0)),
        millis(starts.percentile(100.0))
    );
    for (phase, latencies) in PHASES.iter().zip(&mut split) {
        println!("  {phase}: p50 {} ms", millis(latencies.percentile(50.0)));
    }
    for memory in memory {
        let each: Vec<String> = memory
            .pss_kb
            .iter()
            .map(|(name, kb)| format!("{name} {} MB", kb / 1024))
            .collect();
        println!(
            "memory after login: app process RSS {} MB; app with its WebKit processes PSS {} MB ({})",
            memory.rss_kb / 1024,
            memory.total_pss_kb() / 1024,
            each.join(", ")
        );
    }
    Ok(())
}
