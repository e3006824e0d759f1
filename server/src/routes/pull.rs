//! `POST /v1/pull`: the rows written after a cursor, in the server's write order.
use axum::extract::State;
use axum::Json;
use helpdesk_core::sync::{PullRequest, PullResponse, MAX_BATCH_ROWS};

use crate::auth::Device;
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::repo::rows;
use crate::state::AppState;

/// At most `limit` rows (clamped to 1..=[`MAX_BATCH_ROWS`]) after `after`, and where to go on.
pub async fn pull(
    _device: Device,
    State(state): State<AppState>,
    JsonBody(request): JsonBody<PullRequest>,
) -> Result<Json<PullResponse>, ApiError> {
    if request.after.transaction < 0 || request.after.sequence < 0 {
        return Err(ApiError::corrupted("cursor de sincronização inválido."));
    }
    let limit = usize::try_from(request.limit)
        .unwrap_or(MAX_BATCH_ROWS)
        .clamp(1, MAX_BATCH_ROWS);
    let page = rows::pull(state.pool(), request.after, limit).await?;
    Ok(Json(PullResponse {
        rows: page.rows,
        cursor: page.cursor,
        more: page.more,
        server_time_ms: crate::now_ms(),
    }))
}
