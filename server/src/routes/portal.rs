//! `POST /v1/portal/messages`: a support message from the provider's customer portal,
//! authenticated by the integration's key. An `Idempotency-Key` header makes a retried
//! post the same message; without it every post is a new message.
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use helpdesk_core::portal::PortalMessage;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::Integration;
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::intake::{self, IntakeError, NewMessage, Source, Taken};
use crate::state::AppState;

/// The largest body accepted (a message's text is at most 20,000 characters).
pub const MAX_BODY_BYTES: usize = 256 * 1024;
/// The longest idempotency key accepted.
const MAX_IDEMPOTENCY_KEY_CHARS: usize = 200;

/// What a post answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostedMessage {
    /// The support message it is.
    pub id: Uuid,
    /// Whether this post stored it (`false`: a retry of a post already stored).
    pub created: bool,
}

/// Stores the posted message: 201 when new, 200 when its idempotency key was seen, 422
/// with every wrong field named when it is not a message.
pub async fn post(
    integration: Integration,
    State(state): State<AppState>,
    headers: HeaderMap,
    JsonBody(posted): JsonBody<PortalMessage>,
) -> Result<(StatusCode, Json<PostedMessage>), ApiError> {
    let message = posted.validate().map_err(|errors| {
        let named: Vec<String> = errors
            .iter()
            .map(|error| format!("{}: {}", error.field, error.message))
            .collect();
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_message",
            format!("Mensagem recusada. {}", named.join(" ")),
        )
    })?;
    let dedupe_key = match idempotency_key(&headers)? {
        Some(key) => format!("portal:{}:{key}", integration.id),
        None => format!("portal:{}:{}", integration.id, Uuid::now_v7()),
    };
    let new = NewMessage {
        dedupe_key,
        source: Source::Portal,
        email: message.email,
        sender_name: message.name,
        login: message.login,
        document: message.document,
        subject: message.subject,
        body: message.text,
        quoted: String::new(),
        rfc_message_id: String::new(),
        rfc_references: String::new(),
        received_at: crate::now_ms(),
        attachments: Vec::new(),
    };
    match intake::take(&state, &new).await {
        Ok(Taken::New(id)) => {
            tracing::info!(integration_id = %integration.id, message_id = %id, "portal message taken");
            Ok((
                StatusCode::CREATED,
                Json(PostedMessage { id, created: true }),
            ))
        }
        Ok(Taken::Again(id)) => Ok((StatusCode::OK, Json(PostedMessage { id, created: false }))),
        Err(IntakeError::Database(error)) => Err(error.into()),
        Err(IntakeError::Schema) => {
            tracing::error!("a portal message does not fit support_messages");
            Err(ApiError::internal())
        }
    }
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
