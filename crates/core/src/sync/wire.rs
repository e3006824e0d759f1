//! The messages between a desktop and the sync server (JSON over HTTPS).
use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{DesktopProfile, SyncRow};

/// The most rows a push or a pull carries.
pub const MAX_BATCH_ROWS: usize = 1000;

/// A desktop asking to join, with an administrator's enrollment token (never shown by
/// `Debug`).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrationRequest {
    pub enrollment_token: String,
    /// How the administrator will recognise the desktop ("Loja Centro - caixa 2").
    pub name: String,
    /// What the desktop may sync, chosen by the administrator.
    pub profile: DesktopProfile,
    /// The protocols the desktop gave before it was registered, kept valid: the server
    /// reserves them for it.
    pub issued_protocols: Vec<String>,
    /// The origin in the desktop's field versions (made once per database). The server
    /// binds it to the device: every field a push of the device writes carries it, whatever
    /// the request says. Absent (older desktops): the device's id.
    #[serde(default)]
    pub origin: Option<Uuid>,
}

/// The desktop's identity and credential, shown once (never by `Debug`).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrationResponse {
    pub device_id: Uuid,
    /// The number in the desktop's protocols from now on.
    pub desktop_number: u16,
    /// What the server lets it sync.
    pub profile: DesktopProfile,
    /// The secret the desktop sends with every request (`Authorization: Bearer`).
    pub credential: String,
}

/// What `Debug` shows in place of a secret.
const REDACTED: &str = "<redacted>";

// Destructured whole: a field added later must be placed here, shown or not.
impl fmt::Debug for RegistrationRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let RegistrationRequest {
            enrollment_token: _,
            name,
            profile,
            issued_protocols,
            origin,
        } = self;
        f.debug_struct("RegistrationRequest")
            .field("enrollment_token", &REDACTED)
            .field("name", name)
            .field("profile", profile)
            .field("issued_protocols", issued_protocols)
            .field("origin", origin)
            .finish()
    }
}

impl fmt::Debug for RegistrationResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let RegistrationResponse {
            device_id,
            desktop_number,
            profile,
            credential: _,
        } = self;
        f.debug_struct("RegistrationResponse")
            .field("device_id", device_id)
            .field("desktop_number", desktop_number)
            .field("profile", profile)
            .field("credential", &REDACTED)
            .finish()
    }
}

/// Local changes, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushRequest {
    pub rows: Vec<SyncRow>,
}

/// What the server did with a push. Sending the same push again changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushResponse {
    /// Rows where at least one field took the pushed value.
    pub changed: u32,
    /// Rows the server already held as new or newer.
    pub unchanged: u32,
    /// Rows the server refused for good, each with its reason; the rest of the batch was
    /// merged. Sending them again unchanged is refused again.
    #[serde(default)]
    pub refused: Vec<RefusedRow>,
    /// The server's wall clock, Unix milliseconds: the desktop learns its offset.
    pub server_time_ms: i64,
}

/// A pushed row the server will not take as it is: the desktop sets it aside with the
/// reason, and sends it again only after it changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RefusedRow {
    pub table: String,
    pub id: Uuid,
    /// A stable code, such as `table_forbidden` or `protocol_taken`.
    pub code: String,
    /// Why, in pt-BR, for the administrator.
    pub message: String,
}

/// Where a pull stopped: everything at or before it has been seen. Opaque to desktops.
///
/// Positions belong to the server database's `epoch` (its lineage): 0 for a database as
/// created, a new random number when the server finds itself on a copy of it (restored from
/// a dump into another cluster, say), whose positions restart. A cursor of another epoch,
/// or one without an epoch (sent before epochs existed) once the database is a copy, is
/// served from the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PullCursor {
    /// The lineage of the server database the position belongs to.
    #[serde(default, with = "crate::clock::stamp_text")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = "^-?[0-9]{1,19}$"))]
    pub epoch: i64,
    /// The server transaction that last wrote the row (commit order is safe below it).
    #[serde(with = "crate::clock::stamp_text")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = "^-?[0-9]{1,19}$"))]
    pub transaction: i64,
    /// The write within that transaction.
    #[serde(with = "crate::clock::stamp_text")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = "^-?[0-9]{1,19}$"))]
    pub sequence: i64,
}

impl PullCursor {
    /// The start of the server's positions in `epoch`.
    pub fn start(epoch: i64) -> PullCursor {
        PullCursor {
            epoch,
            ..PullCursor::default()
        }
    }
}

/// Rows changed after `after`, at most `limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PullRequest {
    pub after: PullCursor,
    pub limit: u32,
}

/// A page of rows in the server's commit order, and where to continue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PullResponse {
    pub rows: Vec<SyncRow>,
    pub cursor: PullCursor,
    /// More rows wait after `cursor`. With no `rows`, they are held back by a server
    /// transaction still running: ask again shortly.
    pub more: bool,
    pub server_time_ms: i64,
}

/// A file that travels as a content-addressed blob: its SHA-256 (lower-case hex) and size.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BlobRef {
    pub hash: String,
    pub size: u64,
}

/// Every error the server answers: a stable code and a message in pt-BR for the operator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SyncErrorBody {
    pub code: String,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_enrollment_token_nor_the_credential() {
        let request = RegistrationRequest {
            enrollment_token: "token-secreto-do-administrador".into(),
            name: "Loja Centro".into(),
            profile: DesktopProfile::Service,
            issued_protocols: vec!["20261205-0001".into()],
            origin: None,
        };
        let shown = format!("{request:?} {request:#?}");
        assert!(!shown.contains("token-secreto"), "{shown}");
        assert!(
            shown.contains("<redacted>") && shown.contains("Loja Centro"),
            "{shown}"
        );
        assert!(shown.contains("20261205-0001"), "{shown}");

        let response = RegistrationResponse {
            device_id: Uuid::nil(),
            desktop_number: 7,
            profile: DesktopProfile::Administration,
            credential: "credencial-secreta-do-desktop".into(),
        };
        let shown = format!("{response:?} {response:#?}");
        assert!(!shown.contains("credencial-secreta"), "{shown}");
        assert!(
            shown.contains("<redacted>") && shown.contains("desktop_number: 7"),
            "{shown}"
        );
    }

    #[test]
    fn a_cursor_travels_with_its_epoch_and_one_without_is_of_epoch_0() {
        let cursor = PullCursor {
            epoch: 8_123_456_789_012_345_678,
            transaction: 771,
            sequence: 12,
        };
        let json = serde_json::to_value(cursor).expect("serialises");
        assert_eq!(
            json,
            serde_json::json!({
                "epoch": "8123456789012345678", "transaction": "771", "sequence": "12"
            })
        );
        assert_eq!(
            serde_json::from_value::<PullCursor>(json).ok(),
            Some(cursor)
        );
        // Sent before epochs existed: of epoch 0, a database as created (a restored one
        // serves it from the start).
        let old: Option<PullCursor> =
            serde_json::from_str(r#"{"transaction": "771", "sequence": "12"}"#).ok();
        assert_eq!(
            old,
            Some(PullCursor {
                epoch: 0,
                transaction: 771,
                sequence: 12
            })
        );
        assert_eq!(
            PullCursor::start(5),
            PullCursor {
                epoch: 5,
                ..PullCursor::default()
            }
        );
    }
}
