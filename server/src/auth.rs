//! Who is calling: the administrator (the enrollment token) or a registered desktop
//! (`Authorization: Bearer <device_id>.<secret>`, the credential given at registration),
//! as axum extractors. The credentials themselves: [`crate::credential`].
//!
//! An address that presents too many wrong credentials ([`crate::config::Config::auth_failures`])
//! is answered 429 `too_many_attempts` from then on, before any credential is hashed or
//! looked up ([`Caller`]), until it earns a failure back.
use std::net::IpAddr;

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use helpdesk_core::sync::DesktopProfile;
use uuid::Uuid;

use crate::client_address::ClientAddress;
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

/// The caller's address ([`ClientAddress`], when the server knows it), not refused for wrong
/// credentials: extracting it answers 429 to an address that used up its failures.
#[derive(Debug, Clone, Copy)]
pub struct Caller(pub Option<IpAddr>);

impl Caller {
    /// Counts a wrong credential against the caller's address and answers `error`.
    pub fn failed(self, state: &AppState, error: ApiError) -> ApiError {
        if let Some(address) = self.0 {
            if state.auth_limiter().count_failure(address) {
                tracing::warn!(%address, code = error.code, "too many wrong credentials from one address");
            }
        }
        error
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Caller, ApiError> {
        let Ok(ClientAddress(address)) = ClientAddress::from_request_parts(parts, state).await;
        if let Some(wait) = address.and_then(|address| state.auth_limiter().refused(address)) {
            return Err(ApiError::too_many_attempts(wait));
        }
        Ok(Caller(address))
    }
}

/// A request from the administrator (`Authorization: Bearer <enrollment token>`).
#[derive(Debug, Clone, Copy)]
pub struct Admin;

impl FromRequestParts<AppState> for Admin {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Admin, ApiError> {
        let caller = Caller::from_request_parts(parts, state).await?;
        match bearer(parts) {
            Some(token) if state.is_enrollment_token(token) => Ok(Admin),
            _ => Err(caller.failed(state, ApiError::enrollment_refused())),
        }
    }
}

/// A request that may read the metrics (`Authorization: Bearer <metrics token>`); with no
/// metrics token set, 404 `not_found`.
#[derive(Debug, Clone, Copy)]
pub struct MetricsReader;

impl FromRequestParts<AppState> for MetricsReader {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<MetricsReader, ApiError> {
        if !state.serves_metrics() {
            return Err(ApiError::not_found());
        }
        let caller = Caller::from_request_parts(parts, state).await?;
        match bearer(parts) {
            Some(token) if state.is_metrics_token(token) => Ok(MetricsReader),
            _ => Err(caller.failed(state, ApiError::metrics_refused())),
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
        let caller = Caller::from_request_parts(parts, state).await?;
        let unknown = || caller.failed(state, ApiError::device_unknown());
        let (id, secret) = bearer(parts)
            .and_then(parse_credential)
            .ok_or_else(unknown)?;
        let stored = repo::devices::credential(state.pool(), id)
            .await?
            .ok_or_else(unknown)?;
        if !digests_equal(&digest(secret.as_bytes()), &stored.secret_digest) {
            return Err(unknown());
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
        let caller = Caller::from_request_parts(parts, state).await?;
        let refused = || caller.failed(state, ApiError::integration_refused());
        let (id, secret) = bearer(parts)
            .and_then(parse_credential)
            .ok_or_else(refused)?;
        let stored = repo::integrations::key(state.pool(), id)
            .await?
            .ok_or_else(refused)?;
        if !digests_equal(&digest(secret.as_bytes()), &stored.secret_digest) {
            return Err(refused());
        }
        if stored.revoked {
            return Err(ApiError::integration_refused());
        }
        repo::integrations::touch(state.pool(), id).await?;
        Ok(Integration { id })
    }
}
