//! The instance's metrics, served as Prometheus text (OpenMetrics) at `GET /metrics` to the
//! holder of the metrics token: requests by route and status, errors by code, pushed rows
//! by outcome, pulled rows, and each desktop's lag (read from the database at each scrape,
//! so every instance reports every desktop). Counters are per instance: sum them over the
//! instances.
use std::sync::Mutex;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;

use crate::error::ErrorCode;
use crate::repo::devices::DeviceLag;
use crate::state::AppState;

/// The content type of the scrape.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CodeLabels {
    code: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct DeviceLabels {
    device: String,
    desktop_number: u16,
}

/// The metrics of one instance.
pub struct Metrics {
    /// The registry and the lag gauges, refilled at each scrape under this lock.
    registry: Mutex<Registry>,
    requests: Family<RequestLabels, Counter>,
    errors: Family<CodeLabels, Counter>,
    push_rows: Family<OutcomeLabels, Counter>,
    pull_rows: Counter,
    seconds_since_pull: Family<DeviceLabels, Gauge>,
    rows_behind: Family<DeviceLabels, Gauge>,
}

impl Default for Metrics {
    fn default() -> Metrics {
        let metrics = Metrics {
            registry: Mutex::new(Registry::with_prefix("helpdesk")),
            requests: Family::default(),
            errors: Family::default(),
            push_rows: Family::default(),
            pull_rows: Counter::default(),
            seconds_since_pull: Family::default(),
            rows_behind: Family::default(),
        };
        {
            let mut registry = metrics.registry.lock().unwrap_or_else(|e| e.into_inner());
            registry.register(
                "requests",
                "Requests answered, by route, method and status",
                metrics.requests.clone(),
            );
            registry.register("errors", "Error answers, by code", metrics.errors.clone());
            registry.register(
                "push_rows",
                "Pushed rows, by outcome (changed, unchanged, refused)",
                metrics.push_rows.clone(),
            );
            registry.register(
                "pull_rows",
                "Rows answered to pulls",
                metrics.pull_rows.clone(),
            );
            registry.register(
                "desktop_seconds_since_pull",
                "Seconds since each desktop's last pull (desktops that pulled, not revoked)",
                metrics.seconds_since_pull.clone(),
            );
            registry.register(
                "desktop_rows_behind",
                "Rows written after each desktop's last pull cursor (not revoked; counted up to 100000)",
                metrics.rows_behind.clone(),
            );
        }
        metrics
    }
}

impl Metrics {
    /// Counts a pushed batch's rows.
    pub fn pushed(&self, changed: u64, unchanged: u64, refused: u64) {
        for (outcome, count) in [
            ("changed", changed),
            ("unchanged", unchanged),
            ("refused", refused),
        ] {
            self.push_rows
                .get_or_create(&OutcomeLabels {
                    outcome: outcome.into(),
                })
                .inc_by(count);
        }
    }

    /// Counts a pull's rows.
    pub fn pulled(&self, rows: u64) {
        self.pull_rows.inc_by(rows);
    }

    fn answered(&self, route: String, method: String, status: u16, error: Option<ErrorCode>) {
        self.requests
            .get_or_create(&RequestLabels {
                route,
                method,
                status,
            })
            .inc();
        if let Some(ErrorCode(code)) = error {
            self.errors
                .get_or_create(&CodeLabels { code: code.into() })
                .inc();
        }
    }

    /// The text of a scrape, with the desktops' lag as read now.
    pub fn render(&self, lags: &[DeviceLag]) -> Result<String, std::fmt::Error> {
        let registry = self.registry.lock().unwrap_or_else(|e| e.into_inner());
        self.seconds_since_pull.clear();
        self.rows_behind.clear();
        for lag in lags {
            let labels = DeviceLabels {
                device: lag.id.to_string(),
                desktop_number: lag.desktop_number,
            };
            if let Some(seconds) = lag.seconds_since_pull {
                self.seconds_since_pull.get_or_create(&labels).set(seconds);
            }
            self.rows_behind.get_or_create(&labels).set(lag.rows_behind);
        }
        let mut text = String::new();
        encode(&mut text, &registry)?;
        Ok(text)
    }
}

/// Middleware: counts each answer by its route (the pattern, like `/v1/devices/{id}/revoke`,
/// or `unmatched`), method and status, and error answers by their code.
pub async fn count_requests(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str)
        .to_owned();
    let method = match request.method().as_str() {
        known @ ("GET" | "POST" | "PUT" | "DELETE" | "HEAD" | "OPTIONS" | "PATCH") => known,
        _ => "other",
    }
    .to_owned();
    let response = next.run(request).await;
    state.metrics().answered(
        route,
        method,
        response.status().as_u16(),
        response.extensions().get::<ErrorCode>().copied(),
    );
    response
}

/// The largest push answer read back for counting (a push answers at most a few hundred KiB).
const MAX_PUSH_ANSWER_BYTES: usize = 16 * 1024 * 1024;

/// Middleware of `POST /v1/push`: counts the rows of an accepted push by outcome, read
/// from its answer (`changed`, `unchanged`, `refused`).
pub async fn count_push_rows(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let response = next.run(request).await;
    if !response.status().is_success() {
        return response;
    }
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, MAX_PUSH_ANSWER_BYTES).await {
        Ok(bytes) => {
            match serde_json::from_slice::<helpdesk_core::sync::PushResponse>(&bytes) {
                Ok(answer) => state.metrics().pushed(
                    u64::from(answer.changed),
                    u64::from(answer.unchanged),
                    answer.refused.len() as u64,
                ),
                Err(error) => tracing::warn!(error = %error, "a push answer could not be counted"),
            }
            Response::from_parts(parts, axum::body::Body::from(bytes))
        }
        Err(error) => {
            tracing::error!(error = %error, "a push answer could not be read back");
            axum::response::IntoResponse::into_response(crate::error::ApiError::internal())
        }
    }
}
