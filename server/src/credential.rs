//! The credentials of the server's callers: a desktop's `<device_id>.<secret>`, an
//! integration's `<integration_id>.<secret>` and the administrator's enrollment token.
//! Only the SHA-256 of a secret is kept; comparisons are constant-time. Checking them on a
//! request: [`crate::auth`].
use helpdesk_core::hex;
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use uuid::Uuid;

/// SHA-256 of `bytes`.
pub fn digest(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Constant-time equality of two digests.
pub fn digests_equal(left: &[u8], right: &[u8]) -> bool {
    left.len() == right.len() && bool::from(left.ct_eq(right))
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
    let secret = hex::encode(&secret);
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
