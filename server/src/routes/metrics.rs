//! `GET /metrics`: the instance's metrics as Prometheus text, for the holder of the metrics
//! token (`HELPDESK_SERVER_METRICS_TOKEN`); without one set, the route is not served.
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};

use crate::auth::MetricsReader;
use crate::error::ApiError;
use crate::repo::devices;
use crate::state::AppState;

/// The metrics, with each desktop's lag read from the database now.
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
