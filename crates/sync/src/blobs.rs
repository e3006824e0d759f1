//! Attachments travel as content-addressed blobs: pushed before the rows that name them
//! (the server never holds an attachment row without its file), pulled before those rows
//! are applied. A file the server does not have (404) or sends damaged does not stop the
//! page: its row is applied, the file is noted missing and asked for again at every
//! exchange ([`retry_missing`]).
use std::collections::BTreeSet;

use helpdesk_core::sync::{FieldValue, SyncRow};
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::{sync, Store};

use crate::{SyncClient, SyncError};

/// The tables whose rows name a file by its content hash: tickets' attachments and the
/// files that came with support messages.
const TABLES: &[&str] = &["attachments", "support_message_attachments"];
const HASH: &str = "content_hash";

/// The content hashes the attachment rows among `rows` name.
fn hashes(rows: &[SyncRow]) -> BTreeSet<String> {
    rows.iter()
        .filter(|row| TABLES.contains(&row.table.as_str()))
        .filter_map(|row| match row.value(HASH) {
            Some(FieldValue::Text(hash)) => Some(hash.clone()),
            _ => None,
        })
        .collect()
}

/// Uploads the files of `rows`' attachments that the server lacks; how many.
pub async fn upload(
    client: &SyncClient,
    files: &AttachmentFiles,
    rows: &[SyncRow],
) -> Result<usize, SyncError> {
    let wanted: Vec<String> = hashes(rows).into_iter().collect();
    if wanted.is_empty() {
        return Ok(0);
    }
    let missing = client.missing_blobs(&wanted).await?;
    for hash in &missing {
        let path = files
            .path_of(hash)
            .filter(|_| wanted.contains(hash))
            .ok_or_else(|| SyncError::BadAnswer(format!("asked for blob {hash:?}")))?;
        let content = tokio::fs::read(&path).await?;
        client.put_blob(hash, content).await?;
    }
    Ok(missing.len())
}

/// Downloads the files of `rows`' attachments that are not here yet; how many. Those the
/// server lacks are noted in `store` for later.
pub async fn download(
    store: &Store,
    client: &SyncClient,
    files: &AttachmentFiles,
    rows: &[SyncRow],
) -> Result<usize, SyncError> {
    let mut fetched = 0;
    for hash in hashes(rows) {
        if files.contains(&hash) {
            continue;
        }
        if fetch(client, files, &hash).await? {
            fetched += 1;
        } else {
            sync::blob_missing(store, &hash).await?;
        }
    }
    Ok(fetched)
}

/// Asks again for the files noted missing; how many arrived.
pub async fn retry_missing(
    store: &Store,
    client: &SyncClient,
    files: &AttachmentFiles,
) -> Result<usize, SyncError> {
    let mut fetched = 0;
    for hash in sync::missing_blobs(store).await? {
        if files.contains(&hash) {
            sync::blob_arrived(store, &hash).await?;
        } else if fetch(client, files, &hash).await? {
            sync::blob_arrived(store, &hash).await?;
            fetched += 1;
        }
    }
    Ok(fetched)
}

/// Downloads and keeps `hash`; `false` when the server does not have it or sent something
/// else (to be asked again later).
async fn fetch(
    client: &SyncClient,
    files: &AttachmentFiles,
    hash: &str,
) -> Result<bool, SyncError> {
    let content = match client.get_blob(hash).await {
        Ok(content) => content,
        Err(SyncError::Refused { status: 404, .. }) => {
            log::warn!("sync: the server does not have the attachment {hash}; asked again later");
            return Ok(false);
        }
        Err(error) => return Err(error),
    };
    let (files, owned) = (files.clone(), hash.to_owned());
    let kept = tokio::task::spawn_blocking(move || files.receive(&owned, &content))
        .await
        .map_err(|error| std::io::Error::other(error.to_string()))?;
    match kept {
        Ok(()) => Ok(true),
        Err(error) => {
            log::warn!("sync: attachment {hash} not kept ({error}); asked again later");
            Ok(false)
        }
    }
}
