//! Attachments, addressed by the SHA-256 (lower-case hex) of their content.
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use helpdesk_core::hex;
use helpdesk_core::sync::{BlobRef, SyncErrorBody, MAX_BATCH_ROWS};

use crate::auth::Device;
use crate::credential;
use crate::error::ApiError;
use crate::extract::{JsonBody, RawBody};
use crate::openapi::Binary;
use crate::repo::blobs;
use crate::state::AppState;

/// Checks that `hash` is a SHA-256 in lower-case hex.
fn checked(hash: &str) -> Result<&str, ApiError> {
    let valid = hash.len() == 64
        && hash
            .bytes()
            .all(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte));
    if valid {
        Ok(hash)
    } else {
        Err(ApiError::corrupted(format!(
            "{hash:?} não é um SHA-256 em hexadecimal minúsculo."
        )))
    }
}

/// `PUT /v1/blobs/{hash}`: stores the body if its SHA-256 is `hash` (again: nothing new).
#[utoipa::path(
    put,
    path = "/v1/blobs/{hash}",
    tag = "sync",
    operation_id = "put_blob",
    security(("desktop" = [])),
    params(("hash" = String, Path, description = "The content's SHA-256, lower-case hex.", pattern = "^[0-9a-f]{64}$")),
    request_body(content = Binary, content_type = "application/octet-stream", description = "The attachment's content."),
    responses(
        (status = 200, description = "Stored (again: nothing new).", body = BlobRef),
        (status = 400, description = "`corrupted_request` (the hash is not a lower-case SHA-256) or `blob_mismatch` (the content's SHA-256 is another).", body = SyncErrorBody),
        (status = 401, description = "`device_unknown`: no credential, or one the server does not know.", body = SyncErrorBody),
        (status = 403, description = "`device_revoked`: the administrator revoked this desktop.", body = SyncErrorBody),
        (status = 413, description = "`blob_too_large`: the content passes the server's blob limit.", body = SyncErrorBody),
    )
)]
pub async fn put(
    _device: Device,
    State(state): State<AppState>,
    Path(hash): Path<String>,
    body: Result<RawBody, ApiError>,
) -> Result<Json<BlobRef>, ApiError> {
    let hash = checked(&hash)?;
    let RawBody(content) = body.map_err(|error| {
        if error.status == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "blob_too_large",
                format!(
                    "O anexo passa do limite do servidor ({} MB).",
                    state.max_blob_bytes() / (1024 * 1024)
                ),
            )
        } else {
            error
        }
    })?;
    let actual = hex::encode(&credential::digest(&content));
    if actual != hash {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "blob_mismatch",
            format!(
                "O conteúdo recebido não corresponde ao anexo {hash} (chegou {actual}): a transferência se corrompeu. Envie de novo."
            ),
        ));
    }
    blobs::put(state.pool(), hash, &content).await?;
    Ok(Json(BlobRef {
        hash: hash.to_owned(),
        size: content.len() as u64,
    }))
}

/// `GET /v1/blobs/{hash}`: the content, as `application/octet-stream`.
#[utoipa::path(
    get,
    path = "/v1/blobs/{hash}",
    tag = "sync",
    operation_id = "get_blob",
    security(("desktop" = [])),
    params(("hash" = String, Path, description = "The content's SHA-256, lower-case hex.", pattern = "^[0-9a-f]{64}$")),
    responses(
        (status = 200, description = "The attachment's content.", content_type = "application/octet-stream", body = Binary),
        (status = 400, description = "`corrupted_request`: the hash is not a lower-case SHA-256.", body = SyncErrorBody),
        (status = 401, description = "`device_unknown`: no credential, or one the server does not know.", body = SyncErrorBody),
        (status = 403, description = "`device_revoked`: the administrator revoked this desktop.", body = SyncErrorBody),
        (status = 404, description = "`blob_missing`: the server does not have it.", body = SyncErrorBody),
    )
)]
pub async fn get(
    _device: Device,
    State(state): State<AppState>,
    Path(hash): Path<String>,
) -> Result<Response, ApiError> {
    let hash = checked(&hash)?;
    let content = blobs::get(state.pool(), hash).await?.ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "blob_missing",
            format!("O servidor não tem o anexo {hash}."),
        )
    })?;
    Ok((
        [(header::CONTENT_TYPE, "application/octet-stream")],
        content,
    )
        .into_response())
}

/// `POST /v1/blobs/missing`: of the hashes given, those the server lacks (in that order).
#[utoipa::path(
    post,
    path = "/v1/blobs/missing",
    tag = "sync",
    operation_id = "missing_blobs",
    security(("desktop" = [])),
    request_body(content = Vec<String>, description = "SHA-256s, lower-case hex."),
    responses(
        (status = 200, description = "Those the server lacks, in the order given.", body = Vec<String>),
        (status = 400, description = "`corrupted_request`: not a list of lower-case SHA-256s.", body = SyncErrorBody),
        (status = 401, description = "`device_unknown`: no credential, or one the server does not know.", body = SyncErrorBody),
        (status = 403, description = "`device_revoked`: the administrator revoked this desktop.", body = SyncErrorBody),
        (status = 413, description = "`batch_too_large` (more than 1,000 hashes) or `payload_too_large`.", body = SyncErrorBody),
    )
)]
pub async fn missing(
    _device: Device,
    State(state): State<AppState>,
    JsonBody(hashes): JsonBody<Vec<String>>,
) -> Result<Json<Vec<String>>, ApiError> {
    if hashes.len() > MAX_BATCH_ROWS {
        return Err(ApiError::batch_too_large(hashes.len()));
    }
    for hash in &hashes {
        checked(hash)?;
    }
    Ok(Json(blobs::missing(state.pool(), &hashes).await?))
}
