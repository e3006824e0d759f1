//! `GET /health`: whether the instance and its database answer (for load balancers).
use std::time::Duration;

use axum::extract::State;
use axum::Json;
use serde::Serialize;

use crate::error::ApiError;
use crate::state::AppState;

/// How long the database has to answer `SELECT 1`.
const HEALTH_TIMEOUT: Duration = Duration::from_secs(3);

/// The body of a healthy answer: `{"status":"ok"}`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    /// Always `ok`.
    #[schema(value_type = String, pattern = "^ok$")]
    pub status: &'static str,
}

/// 200 `{"status":"ok"}` once `SELECT 1` answers; 503 `database_unavailable` otherwise.
#[utoipa::path(
    get,
    path = "/health",
    tag = "operation",
    responses(
        (status = 200, description = "The instance and its database answer.", body = Health),
    )
)]
pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    let query = sqlx::query("SELECT 1").execute(state.pool());
    match tokio::time::timeout(HEALTH_TIMEOUT, query).await {
        Ok(Ok(_)) => Ok(Json(Health { status: "ok" })),
        Ok(Err(error)) => {
            tracing::warn!(error = %error, "health check failed");
            Err(ApiError::database_unavailable())
        }
        Err(_) => {
            tracing::warn!("health check timed out");
            Err(ApiError::database_unavailable())
        }
    }
}
