//! `GET /metrics`: the instance's metrics as Prometheus text, for the holder of the metrics
//! token (`HELPDESK_SERVER_METRICS_TOKEN`); without one set, the route is not served.
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};

use helpdesk_core::sync::SyncErrorBody;

use crate::auth::MetricsReader;
use crate::error::ApiError;
use crate::repo::devices;
use crate::state::AppState;

/// The metrics, with each desktop's lag read from the database now.
#[utoipa::path(
    get,
    path = "/metrics",
    tag = "operation",
    security(("metrics" = [])),
    responses(
        (status = 200, description = "Prometheus text (OpenMetrics).", content_type = "application/openmetrics-text; version=1.0.0; charset=utf-8", body = String),
        (status = 401, description = "`metrics_refused`: not the metrics token.", body = SyncErrorBody),
        (status = 404, description = "`not_found`: no metrics token is set, so no metrics are served.", body = SyncErrorBody),
    )
)]
pub async fn metrics(
    _reader: MetricsReader,
    State(state): State<AppState>,
) -> Result<Response, ApiError> {
    let lags = devices::lags(state.pool()).await?;
    let text = state.metrics().render(&lags).map_err(|error| {
        tracing::error!(error = %error, "metrics could not be written");
        ApiError::internal()
    })?;
    Ok(([(CONTENT_TYPE, crate::metrics::CONTENT_TYPE)], text).into_response())
}
