//! A new desktop's first sync from the snapshot the server prepared: its chunks, in order,
//! the next one downloaded while the current one is applied, each applied with the number
//! of the next (a cut first sync goes on where it stopped); then the pull goes on from the
//! snapshot's cursor. A server without a snapshot, or a snapshot this desktop cannot read,
//! leaves the first sync to the pull, page by page.
use helpdesk_core::sync::{SnapshotManifest, BLOB_TABLES};
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::{sync, Store, StoreError};

use crate::{blobs, SyncClient, SyncError, SyncReport};

/// Applies the snapshot under way, or the server's latest when the pull starts from the
/// beginning of the server's positions; adds what it applied to `report`.
pub(crate) async fn first_sync(
    store: &Store,
    files: &AttachmentFiles,
    client: &SyncClient,
    report: &mut SyncReport,
) -> Result<(), SyncError> {
    // A snapshot replaced while it was being read: once more with the newer one.
    for _ in 0..2 {
        let (manifest, next) = match sync::snapshot_progress(store).await? {
            Some(progress) => progress,
            None => {
                let cursor = sync::load_state(store).await?.cursor();
                if cursor.transaction != 0 || cursor.sequence != 0 {
                    return Ok(());
                }
                let Some(manifest) = client.snapshot().await? else {
                    return Ok(());
                };
                sync::begin_snapshot(store, Some(&manifest)).await?;
                (manifest, 0)
            }
        };
        match apply_from(store, files, client, &manifest, next, report).await {
            Ok(true) => {
                sync::finish_snapshot(store, &manifest).await?;
                return Ok(());
            }
            Ok(false) => sync::begin_snapshot(store, None).await?,
            Err(SyncError::Store(StoreError::Corrupt(why))) => {
                log::warn!("snapshot {} left for the pull: {why}", manifest.id);
                return Ok(sync::begin_snapshot(store, None).await?);
            }
            Err(error) => return Err(error),
        }
    }
    Ok(())
}

/// Applies the chunks of `manifest` from `next`; `false` if the server no longer has it.
async fn apply_from(
    store: &Store,
    files: &AttachmentFiles,
    client: &SyncClient,
    manifest: &SnapshotManifest,
    mut next: u32,
    report: &mut SyncReport,
) -> Result<bool, SyncError> {
    if next >= manifest.chunks {
        return Ok(true);
    }
    let mut chunk = client.snapshot_chunk(manifest.id, next).await?;
    loop {
        let Some(current) = chunk else {
            return Ok(false);
        };
        if BLOB_TABLES.contains(&current.table.as_str()) {
            let rows = sync::chunk_rows(&current)?;
            report.blobs_received += blobs::download(store, client, files, &rows).await?;
        }
        let following = next + 1 < manifest.chunks;
        let prefetch = async {
            match following {
                true => client.snapshot_chunk(manifest.id, next + 1).await.map(Some),
                false => Ok(None),
            }
        };
        let (applied, fetched) = tokio::join!(sync::apply_chunk(store, next, &current), prefetch);
        let applied = applied?;
        report.pulled += applied.changed;
        report.set_aside += applied.set_aside;
        if !following {
            return Ok(true);
        }
        next += 1;
        chunk = fetched?.flatten();
    }
}
