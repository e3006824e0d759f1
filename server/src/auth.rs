//! Who is calling: the administrator (the enrollment token) or a registered desktop
//! (`Authorization: Bearer <device_id>.<secret>`, the credential given at registration),
//! as axum extractors. The credentials themselves: [`crate::credential`].
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use helpdesk_core::sync::DesktopProfile;
use uuid::Uuid;

use crate::credential::{digest, digests_equal, parse_credential};
use crate::error::ApiError;
use crate::repo;
use crate::state::AppState;

/// The bearer token of the request, if any.
fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|token| !token.is_empty())
}

/// A request from the administrator (`Authorization: Bearer <enrollment token>`).
#[derive(Debug, Clone, Copy)]
pub struct Admin;

impl FromRequestParts<AppState> for Admin {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Admin, ApiError> {
        match bearer(parts) {
            Some(token) if state.is_enrollment_token(token) => Ok(Admin),
            _ => Err(ApiError::enrollment_refused()),
        }
    }
}

/// A request from a registered desktop that is not revoked. Extracting it records the
/// desktop's id in the request's log line and its `last_seen_at`.
#[derive(Debug, Clone, Copy)]
pub struct Device {
    pub id: Uuid,
    /// What it may sync.
    pub profile: DesktopProfile,
}

impl FromRequestParts<AppState> for Device {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Device, ApiError> {
        let (id, secret) = bearer(parts)
            .and_then(parse_credential)
            .ok_or_else(ApiError::device_unknown)?;
        let stored = repo::devices::credential(state.pool(), id)
            .await?
            .ok_or_else(ApiError::device_unknown)?;
        if !digests_equal(&digest(secret.as_bytes()), &stored.secret_digest) {
            return Err(ApiError::device_unknown());
        }
        tracing::Span::current().record("device_id", tracing::field::display(id));
        if stored.revoked {
            return Err(ApiError::device_revoked());
        }
        repo::devices::touch(state.pool(), id).await?;
        Ok(Device {
            id,
            profile: stored.profile,
        })
    }
}

/// A request from one of the provider's integrations (its site or app) whose key is not
/// revoked (`Authorization: Bearer <integration_id>.<secret>`, the key given when the
/// administrator created it).
#[derive(Debug, Clone, Copy)]
pub struct Integration {
    pub id: Uuid,
}

impl FromRequestParts<AppState> for Integration {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Integration, ApiError> {
        let (id, secret) = bearer(parts)
            .and_then(parse_credential)
            .ok_or_else(ApiError::integration_refused)?;
        let stored = repo::integrations::key(state.pool(), id)
            .await?
            .ok_or_else(ApiError::integration_refused)?;
        if stored.revoked || !digests_equal(&digest(secret.as_bytes()), &stored.secret_digest) {
            return Err(ApiError::integration_refused());
        }
        repo::integrations::touch(state.pool(), id).await?;
        Ok(Integration { id })
    }
}
