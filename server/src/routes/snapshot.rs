//! A new desktop's first sync from the snapshot the server prepared
//! ([`crate::repo::snapshots`]): `GET /v1/snapshot` describes the latest, and
//! `GET /v1/snapshot/{id}/{number}` hands out its chunks (JSON, stored and sent compressed:
//! `Content-Encoding: gzip`).
use std::collections::HashSet;

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use helpdesk_core::sync::{DesktopProfile, SnapshotManifest, SyncErrorBody};
use uuid::Uuid;

use crate::auth::Device;
use crate::error::ApiError;
use crate::repo::{rows, snapshots};
use crate::state::AppState;

/// The latest snapshot, or 404 `no_snapshot` while none is prepared (the desktop then
/// pulls page by page).
#[utoipa::path(
    get,
    path = "/v1/snapshot",
    tag = "sync",
    security(("desktop" = [])),
    responses(
        (status = 200, description = "The latest snapshot: its id, the cursor the pull goes on from, its chunks and rows.", body = SnapshotManifest),
        (status = 401, description = "`device_unknown`: no credential, or one the server does not know.", body = SyncErrorBody),
        (status = 403, description = "`device_revoked`: the administrator revoked this desktop.", body = SyncErrorBody),
        (status = 404, description = "`no_snapshot`: none is prepared yet; the first sync goes page by page.", body = SyncErrorBody),
    )
)]
pub async fn latest(
    _device: Device,
    State(state): State<AppState>,
) -> Result<Json<SnapshotManifest>, ApiError> {
    match snapshots::latest(state.pool()).await? {
        Some((manifest, _)) => Ok(Json(manifest)),
        None => Err(no_snapshot()),
    }
}

/// Chunk `number` of snapshot `id`, compressed; 404 `no_snapshot` when that snapshot is
/// gone (a newer one replaced it: the desktop starts over with it). A service desktop gets
/// the users without the password hash of those who administer, as of the snapshot or now.
#[utoipa::path(
    get,
    path = "/v1/snapshot/{id}/{number}",
    tag = "sync",
    operation_id = "snapshot_chunk",
    security(("desktop" = [])),
    params(
        ("id" = Uuid, Path, description = "The snapshot's id."),
        ("number" = u32, Path, description = "The chunk's number, from 0."),
    ),
    responses(
        (status = 200, description = "The chunk (`helpdesk_core::sync::SnapshotChunk`: a table and its rows, compact), sent with `Content-Encoding: gzip`.", body = Object),
        (status = 400, description = "`corrupted_request`: the id is not a UUID or the number not a chunk number.", body = SyncErrorBody),
        (status = 401, description = "`device_unknown`: no credential, or one the server does not know.", body = SyncErrorBody),
        (status = 403, description = "`device_revoked`: the administrator revoked this desktop.", body = SyncErrorBody),
        (status = 404, description = "`no_snapshot`: no such chunk, or the snapshot was replaced by a newer one.", body = SyncErrorBody),
    )
)]
pub async fn chunk(
    device: Device,
    State(state): State<AppState>,
    Path((id, number)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let (Ok(id), Ok(number)) = (Uuid::parse_str(&id), number.parse::<u32>()) else {
        return Err(ApiError::corrupted(
            "o endereço não nomeia uma parte de uma cópia inicial.",
        ));
    };
    let Some((table, mut content)) = snapshots::chunk(state.pool(), id, number).await? else {
        return Err(no_snapshot());
    };
    if device.profile == DesktopProfile::Service && table == "users" {
        let then = snapshots::latest(state.pool())
            .await?
            .filter(|(manifest, _)| manifest.id == id)
            .map(|(_, roles)| roles)
            .unwrap_or_default();
        let mut roles: HashSet<Uuid> = rows::administrator_roles(state.pool()).await?;
        roles.extend(then);
        let mut chunk = snapshots::decompress(&content).map_err(|_| ApiError::internal())?;
        snapshots::withhold_administrators(&mut chunk, &roles).map_err(|_| ApiError::internal())?;
        content = snapshots::compress(&chunk).map_err(|_| ApiError::internal())?;
    }
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CONTENT_ENCODING, "gzip"),
        ],
        content,
    )
        .into_response())
}

fn no_snapshot() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "no_snapshot",
        "O servidor não tem uma cópia inicial pronta: a sincronização segue página a página.",
    )
}
