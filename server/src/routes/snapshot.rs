//! A new desktop's first sync from the snapshot the server prepared
//! ([`crate::repo::snapshots`]): `GET /v1/snapshot` describes the latest, and
//! `GET /v1/snapshot/{id}/{number}` hands out its chunks (JSON, stored and sent compressed:
//! `Content-Encoding: gzip`).
use std::collections::HashSet;

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use helpdesk_core::sync::{DesktopProfile, SnapshotManifest};
use uuid::Uuid;

use crate::auth::Device;
use crate::error::ApiError;
use crate::repo::{rows, snapshots};
use crate::state::AppState;

/// The latest snapshot, or 404 `no_snapshot` while none is prepared (the desktop then
/// pulls page by page).
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
pub async fn chunk(
    device: Device,
    State(state): State<AppState>,
    Path((id, number)): Path<(Uuid, u32)>,
) -> Result<Response, ApiError> {
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
