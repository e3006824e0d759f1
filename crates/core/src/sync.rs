//! The rules of sync, the same on every node (desktops and the central server): what a row
//! looks like on the wire, how two versions of it merge, and the protocol's messages.
//!
//! Every syncable row travels whole, each field with the [`Version`] that wrote it: the
//! hybrid-logical-clock stamp of its last write and the device that made it. Merging keeps,
//! field by field, the value of the greater version (last writer wins per field; columns
//! that only make sense together merge as one group), so it is
//! commutative, associative and idempotent: nodes that have seen the same writes hold the
//! same rows, whatever the order, however often a batch is sent again. Histories are rows
//! that are only ever inserted, so they merge by union. Deletes are a `deleted` field like
//! any other (tombstones).
mod access;
mod panel;
mod refusal;
mod row;
mod rules;
mod set_aside;
mod snapshot;
mod tables;
mod value;
mod wire;

pub use access::{
    administers, administration_changed, DesktopProfile, Refusal, SERVICE_TABLES,
    SERVICE_USER_FIELDS, WITHHELD_PASSWORD_HASH,
};
pub use panel::{fields as registration_fields, RegistrationForm, SyncStatus};
pub use refusal::{RowRefusal, BLOB_TABLES, HISTORY_TABLES, REFUSAL_CODES};
pub use row::{FieldVersion, MergeOutcome, SyncRow, Version, SETTLEMENT_ORIGIN};
pub use rules::{check_row, is_sha256_hex, RowProblem, Rule, MAX_PROTOCOL_CHARS, ROW_RULES};
pub use set_aside::{
    table_label, ApplyRefusal, SetAsideDirection, SetAsideEntry, SetAsideKey, ROW_REFUSAL_CODES,
};
pub use snapshot::{
    CompactRow, CompactValue, OtherVersions, SnapshotChunk, SnapshotManifest, SNAPSHOT_CHUNK_ROWS,
};
pub use tables::{ColumnKind, SyncColumn, SyncTable, MERGE_GROUPS, SYNC_TABLES};
pub use value::FieldValue;
pub use wire::{
    BlobRef, PullCursor, PullRequest, PullResponse, PushRequest, PushResponse, RefusedRow,
    RegistrationRequest, RegistrationResponse, SyncErrorBody, MAX_BATCH_ROWS,
};

/// Why a database opened at another place than before (copied or moved) no longer syncs,
/// in pt-BR: it forgot its registration, and an administrator registers it again.
pub const COPIED_DATABASE: &str = "Este banco de dados foi copiado ou movido de outro lugar: \
    registre este computador no servidor de novo (Sincronização) para voltar a sincronizar.";
