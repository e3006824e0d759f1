//! Who is calling: the administrator (the enrollment token) or a registered desktop
//! (`Authorization: Bearer <device_id>.<secret>`, the credential given at registration).
//!
//! Only the SHA-256 of a desktop's secret is stored; comparisons are constant-time.
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use helpdesk_core::sync::DesktopProfile;
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use uuid::Uuid;

use crate::error::ApiError;
use crate::repo;
use crate::state::AppState;

/// SHA-256 of `bytes`.
pub fn digest(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Constant-time equality of two digests.
pub fn digests_equal(left: &[u8], right: &[u8]) -> bool {
    left.len() == right.len() && bool::from(left.ct_eq(right))
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A new desktop credential: what the desktop keeps (`<device_id>.<secret>`) and the
/// digest of the secret the server keeps.
pub struct NewCredential {
    pub credential: String,
    pub secret_digest: [u8; 32],
}

/// Draws a random 32-byte secret for `device`.
pub fn new_credential(device: Uuid) -> NewCredential {
    let mut secret = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut secret);
    let secret = hex(&secret);
    NewCredential {
        secret_digest: digest(secret.as_bytes()),
        credential: format!("{device}.{secret}"),
    }
}

/// Splits `<device_id>.<secret>`.
pub fn parse_credential(credential: &str) -> Option<(Uuid, &str)> {
    let (id, secret) = credential.split_once('.')?;
    let id = Uuid::parse_str(id).ok()?;
    (!secret.is_empty()).then_some((id, secret))
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_round_trip() {
        let device = Uuid::now_v7();
        let new = new_credential(device);
        let (id, secret) = parse_credential(&new.credential).expect("parses");
        assert_eq!(id, device);
        assert_eq!(secret.len(), 64);
        assert!(digests_equal(
            &digest(secret.as_bytes()),
            &new.secret_digest
        ));
        assert_ne!(new_credential(device).credential, new.credential);
    }

    #[test]
    fn malformed_credentials_are_refused() {
        assert_eq!(parse_credential("no-dot"), None);
        assert_eq!(parse_credential("not-a-uuid.secret"), None);
        assert_eq!(parse_credential(&format!("{}.", Uuid::nil())), None);
    }

    #[test]
    fn digests_compare_by_content_and_length() {
        assert!(digests_equal(b"abc", b"abc"));
        assert!(!digests_equal(b"abc", b"abd"));
        assert!(!digests_equal(b"abc", b"ab"));
    }
}
