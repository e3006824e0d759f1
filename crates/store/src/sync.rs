//! The desktop's side of sync (rules in `helpdesk_core::sync`): the rows changed here and not
//! pushed yet, the rows pulled from the server merged in, and where the conversation stands.
//!
//! Local writes are captured by triggers (migration `20261128000009_sync.sql`): each queues
//! its row in `sync_outbox` and keeps the versions of the fields it did not change in the
//! row's `sync_versions`. A row travels whole, each field with its version.
mod apply;
mod deferred_indexes;
mod from_snapshot;
mod origin;
mod outbox;
mod rows;
mod set_aside;
mod state;

use helpdesk_core::sync::{SyncRow, SYNC_TABLES};

use crate::{Result, Store};

pub use apply::{apply, refresh_stale_search, retry_set_aside, ApplyReport, SearchRefresh};
pub(crate) use deferred_indexes::restore as restore_deferred_indexes;
pub use from_snapshot::{
    apply_chunk, begin_snapshot, chunk_rows, finish_snapshot, snapshot_progress,
};
pub use origin::{renew_origin_if_needed, Renewal};
pub use outbox::{
    acknowledge, acknowledge_refusing, pending, pending_after, requeue, waiting, waiting_tables,
    PendingBatch, RefusedPush,
};
pub use set_aside::{
    blob_arrived, blob_missing, count as set_aside_count, list as set_aside_list, missing_blobs,
};
pub use state::begin_epoch;
pub use state::{
    load_credential, load_state, record_error, record_success, set_registration, SyncState,
};

/// The origin in this desktop's field versions (`sync_control.origin`).
pub async fn origin(store: &Store) -> Result<uuid::Uuid> {
    let mut conn = store.pool().acquire().await?;
    rows::local_origin(&mut conn).await
}

/// Every syncable row of this desktop as it travels, table by table in [`SYNC_TABLES`]'s
/// order, each by id: what two nodes that have exchanged everything hold alike.
pub async fn snapshot(store: &Store) -> Result<Vec<SyncRow>> {
    let mut tx = store.pool().begin().await?;
    let origin = rows::local_origin(&mut tx).await?;
    let mut all = Vec::new();
    for table in SYNC_TABLES {
        all.extend(rows::read_all(&mut tx, table, origin).await?);
    }
    tx.commit().await?;
    Ok(all)
}
