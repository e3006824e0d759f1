//! Structured logs: one JSON object per line on standard output, filtered by `RUST_LOG`
//! (default `info`). Each request logs one line with its method, path, status, latency and,
//! once authenticated, the desktop's id (under `span`).
use tracing_subscriber::EnvFilter;

/// Installs the JSON subscriber for the process (does nothing if one is installed).
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .json()
        .flatten_event(true)
        .with_current_span(true)
        .with_span_list(false)
        .with_env_filter(filter)
        .try_init();
}
