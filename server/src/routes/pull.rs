//! `POST /v1/pull`: the rows written after a cursor, in the server's write order.
use std::collections::HashSet;

use axum::extract::State;
use axum::Json;
use helpdesk_core::sync::{
    DesktopProfile, PullRequest, PullResponse, SyncErrorBody, MAX_BATCH_ROWS,
};

use crate::auth::Device;
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::repo::{devices, rows};
use crate::state::AppState;

/// At most `limit` rows (clamped to 1..=[`MAX_BATCH_ROWS`]) after `after`, and where to go on.
///
/// A service desktop gets each page as it may read it ([`DesktopProfile::readable`]). The
/// desktop's pull and its cursor are recorded (its lag, in the metrics).
#[utoipa::path(
    post,
    path = "/v1/pull",
    tag = "sync",
    security(("desktop" = [])),
    request_body = PullRequest,
    responses(
        (status = 200, description = "A page of rows in the server's write order, and the cursor after it.", body = PullResponse),
        (status = 400, description = "`corrupted_request`: the body is not a pull, or the cursor is negative.", body = SyncErrorBody),
        (status = 401, description = "`device_unknown`: no credential, or one the server does not know.", body = SyncErrorBody),
        (status = 403, description = "`device_revoked`: the administrator revoked this desktop.", body = SyncErrorBody),
    )
)]
pub async fn pull(
    device: Device,
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
    devices::record_pull(state.pool(), device.id, page.cursor).await?;
    state.metrics().pulled(page.rows.len() as u64);
    let administrator_roles = if device.profile == DesktopProfile::Service
        && page.rows.iter().any(|row| row.table == "users")
    {
        rows::administrator_roles(state.pool()).await?
    } else {
        HashSet::new()
    };
    Ok(Json(PullResponse {
        rows: page
            .rows
            .into_iter()
            .map(|row| device.profile.readable(row, &administrator_roles))
            .collect(),
        cursor: page.cursor,
        more: page.more,
        server_time_ms: crate::now_ms(),
    }))
}
