//! Request extractors whose rejections are [`ApiError`]s (JSON), not axum's plain text.
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection};
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::Json;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// A JSON body: malformed JSON or the wrong content type is 400 `corrupted_request`, a body
/// over the limit is 413 `payload_too_large`.
#[derive(Debug, Clone)]
pub struct JsonBody<T>(pub T);

impl<S, T> FromRequest<S> for JsonBody<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(JsonBody(value)),
            Err(rejection) => Err(json_rejection(&rejection)),
        }
    }
}

fn json_rejection(rejection: &JsonRejection) -> ApiError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return ApiError::payload_too_large();
    }
    let detail = match rejection {
        JsonRejection::MissingJsonContentType(_) => {
            "o corpo deve ser JSON (Content-Type: application/json)".to_owned()
        }
        other => format!("JSON inválido ({})", innermost(other)),
    };
    ApiError::corrupted(detail)
}

/// The message of the innermost cause (serde's, with the path and position), without
/// axum's English preamble.
fn innermost(error: &dyn std::error::Error) -> String {
    let mut error = error;
    while let Some(source) = error.source() {
        error = source;
    }
    error.to_string()
}

/// A raw body: over the limit is 413 `payload_too_large`.
#[derive(Debug, Clone)]
pub struct RawBody(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for RawBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        match Bytes::from_request(request, state).await {
            Ok(bytes) => Ok(RawBody(bytes)),
            Err(rejection) => Err(bytes_rejection(&rejection)),
        }
    }
}

fn bytes_rejection(rejection: &BytesRejection) -> ApiError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::payload_too_large()
    } else {
        ApiError::corrupted(format!(
            "o corpo não pôde ser lido ({})",
            rejection.body_text()
        ))
    }
}
