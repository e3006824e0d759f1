//! Attachments, addressed by the SHA-256 (lower-case hex) of their content.
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use helpdesk_core::hex;
use helpdesk_core::sync::{BlobRef, MAX_BATCH_ROWS};

use crate::auth::Device;
use crate::credential;
use crate::error::ApiError;
use crate::extract::{JsonBody, RawBody};
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
