//! `POST /v1/portal/messages`: a support message from the provider's customer portal,
//! authenticated by the integration's key. An `Idempotency-Key` header makes a retried
//! post the same message; without it every post is a new message.
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use helpdesk_core::form::FieldError;
use helpdesk_core::portal::PortalMessage;
use helpdesk_core::sync::SyncErrorBody;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::Integration;
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::intake::Taken;
use crate::portal::{self, files};
use crate::state::AppState;

/// The largest body of a message without files (its text is at most 20,000 characters).
const MAX_TEXT_BODY_BYTES: usize = 256 * 1024;
/// The largest body accepted: the text's, and files of `max_blob_bytes` in all in base64.
pub fn max_body_bytes(max_blob_bytes: usize) -> usize {
    MAX_TEXT_BODY_BYTES + max_blob_bytes.div_ceil(3) * 4
}

/// The longest idempotency key accepted.
const MAX_IDEMPOTENCY_KEY_CHARS: usize = 200;

/// What a post answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PostedMessage {
    /// The support message it is.
    pub id: Uuid,
    /// Whether this post stored it (`false`: a retry of a post already stored).
    pub created: bool,
}

/// Stores the posted message: 201 when new, 200 when its idempotency key was seen, 422
/// with every wrong field named when it is not a message.
#[utoipa::path(
    post,
    path = "/v1/portal/messages",
    tag = "portal",
    operation_id = "post_portal_message",
    security(("integration" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "The same key again answers the message already stored instead of storing it twice (1 to 200 visible characters).")),
    request_body = PortalMessage,
    responses(
        (status = 200, description = "A retry: the message its `Idempotency-Key` already stored.", body = PostedMessage),
        (status = 201, description = "Stored as a new support message.", body = PostedMessage),
        (status = 400, description = "`corrupted_request`: not JSON of this shape (a missing or unknown field), or a bad `Idempotency-Key`.", body = SyncErrorBody),
        (status = 401, description = "`integration_refused`: no key, an unknown or revoked one.", body = SyncErrorBody),
        (status = 413, description = "`payload_too_large`: a body over 256 KiB plus the blob limit in base64.", body = SyncErrorBody),
        (status = 422, description = "`invalid_message`: each wrong field named.", body = SyncErrorBody),
    )
)]
pub async fn post(
    integration: Integration,
    State(state): State<AppState>,
    headers: HeaderMap,
    JsonBody(posted): JsonBody<PortalMessage>,
) -> Result<(StatusCode, Json<PostedMessage>), ApiError> {
    let message = posted.validate().map_err(|errors| invalid(&errors))?;
    let files = files::decode(&message.attachments).map_err(|error| invalid(&[error]))?;
    let attachments =
        files::attachments(files, state.max_blob_bytes()).map_err(|error| invalid(&[error]))?;
    let dedupe_key = match idempotency_key(&headers)? {
        Some(key) => format!("portal:{}:{key}", integration.id),
        None => format!("portal:{}:{}", integration.id, Uuid::now_v7()),
    };
    let new = portal::new_message(message, attachments, dedupe_key);
    match portal::take(&state, &new).await? {
        Taken::New(id) => {
            tracing::info!(integration_id = %integration.id, message_id = %id, "portal message taken");
            Ok((
                StatusCode::CREATED,
                Json(PostedMessage { id, created: true }),
            ))
        }
        Taken::Again(id) => Ok((StatusCode::OK, Json(PostedMessage { id, created: false }))),
    }
}

/// 422 `invalid_message`, naming each wrong field.
fn invalid(errors: &[FieldError]) -> ApiError {
    let named: Vec<String> = errors
        .iter()
        .map(|error| format!("{}: {}", error.field, error.message))
        .collect();
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_message",
        format!("Mensagem recusada. {}", named.join(" ")),
    )
}

/// The `Idempotency-Key` header, if sent; refused when it is not short visible text.
fn idempotency_key(headers: &HeaderMap) -> Result<Option<&str>, ApiError> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .map(str::trim)
        .filter(|key| !key.is_empty() && key.chars().count() <= MAX_IDEMPOTENCY_KEY_CHARS)
        .map(Some)
        .ok_or_else(|| {
            ApiError::corrupted(format!(
                "o cabeçalho Idempotency-Key deve ter de 1 a {MAX_IDEMPOTENCY_KEY_CHARS} caracteres visíveis."
            ))
        })
}
