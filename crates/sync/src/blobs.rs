//! Attachments travel as content-addressed blobs: pushed before the rows that name them,
//! pulled before those rows are applied, so no desktop or server ever holds an attachment
//! row without its file.
use std::collections::BTreeSet;

use helpdesk_core::sync::{FieldValue, SyncRow};
use helpdesk_store::attachment_files::AttachmentFiles;

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

/// Downloads the files of `rows`' attachments that are not here yet; how many.
pub async fn download(
    client: &SyncClient,
    files: &AttachmentFiles,
    rows: &[SyncRow],
) -> Result<usize, SyncError> {
    let mut fetched = 0;
    for hash in hashes(rows) {
        if files.contains(&hash) {
            continue;
        }
        let content = client.get_blob(&hash).await?;
        let files = files.clone();
        let kept = tokio::task::spawn_blocking(move || files.receive(&hash, &content))
            .await
            .map_err(|error| std::io::Error::other(error.to_string()))?;
        kept.map_err(|error| SyncError::BadAnswer(error.to_string()))?;
        fetched += 1;
    }
    Ok(fetched)
}
