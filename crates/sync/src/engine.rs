//! One exchange: push everything waiting, then pull everything new, a batch at a time.
use std::time::{Duration, Instant};

use helpdesk_core::sync::{PullCursor, PullResponse, SyncRow, MAX_BATCH_ROWS, ROW_REFUSAL_CODES};
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::sync::{RefusedPush, SearchRefresh};
use helpdesk_store::{now_millis, sync, Store};

use crate::{blobs, SyncClient, SyncError};

/// How long an exchange waits for rows the server holds back (written by a transaction that
/// has not ended yet), and how often it asks again meanwhile.
const HELD_BACK_PATIENCE: Duration = Duration::from_secs(5);
const HELD_BACK_PAUSE: Duration = Duration::from_millis(50);

/// What one exchange moved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Rows sent (each changed row once per batch).
    pub pushed: usize,
    /// Rows received that changed something here.
    pub pulled: usize,
    pub blobs_sent: usize,
    pub blobs_received: usize,
    /// Rows set aside by this exchange: pulled ones this desktop could not apply, and local
    /// changes the server refused for good.
    pub set_aside: usize,
    /// Rows set aside earlier that applied this time.
    pub recovered: usize,
}

/// Pushes every waiting change (the next batch read while the current one is pushed), then
/// pulls every page after the cursor (the next page requested while the current one is
/// applied). Each batch is
/// acknowledged, or applied with its cursor, in one local transaction: after a cut, the
/// next exchange starts from the last batch that completed, and a batch sent again changes
/// nothing at the server. No row is a wall: a pushed row the server refuses for good, or a
/// pulled one this desktop cannot apply, is set aside and the rest goes on; the pulled ones
/// set aside, and the attachment files the server lacked, are tried again at the end.
pub async fn sync_once(
    store: &Store,
    files: &AttachmentFiles,
    client: &SyncClient,
) -> Result<SyncReport, SyncError> {
    let mut report = SyncReport::default();
    let batch_size = MAX_BATCH_ROWS as u32;
    let mut next = sync::pending(store, batch_size).await?;
    while let Some(batch) = next {
        report.blobs_sent += blobs::upload(client, files, &batch.rows).await?;
        // The following batch is read while this one travels.
        let (refused, following) = tokio::join!(
            push_finding_refusals(client, &batch.rows),
            sync::pending_after(store, batch.through, batch_size)
        );
        let refused = refused?;
        sync::acknowledge_refusing(store, &batch, &refused).await?;
        report.pushed += batch.rows.len().saturating_sub(refused.len());
        report.set_aside += refused.len();
        next = following?;
    }
    crate::snapshot::first_sync(store, files, client, &mut report).await?;
    let cursor = sync::load_state(store).await?.cursor();
    // A first sync brings every customer: the search index is rebuilt once at the end.
    let search = if cursor == PullCursor::default() {
        SearchRefresh::Deferred
    } else {
        SearchRefresh::WithPage
    };
    let mut held_back = Instant::now();
    let (mut page, mut offset) = pull(client, cursor, batch_size).await?;
    if page.cursor.epoch != cursor.epoch {
        // The server's positions restarted (its database was restored, say): it answered
        // from the start, and the cursor follows.
        sync::begin_epoch(store, page.cursor.epoch).await?;
    }
    loop {
        report.blobs_received += blobs::download(store, client, files, &page.rows).await?;
        // The next page travels while this one is applied: its cursor is known already.
        let prefetch = page.more && !page.rows.is_empty();
        let next = async {
            if prefetch {
                Some(pull(client, page.cursor, batch_size).await)
            } else {
                None
            }
        };
        let (applied, next) =
            tokio::join!(sync::apply(store, &page.rows, page.cursor, search), next);
        let applied = applied?;
        report.pulled += applied.changed;
        report.set_aside += applied.set_aside;
        if !page.more {
            break;
        }
        if page.rows.is_empty() {
            // Rows wait behind a server transaction still running: they are readable once
            // it ends. Wait a little, or leave them to the next exchange.
            if held_back.elapsed() > HELD_BACK_PATIENCE {
                break;
            }
            tokio::time::sleep(HELD_BACK_PAUSE).await;
        } else {
            held_back = Instant::now();
        }
        (page, offset) = match next {
            Some(next) => next?,
            None => pull(client, page.cursor, batch_size).await?,
        };
    }
    report.recovered += sync::retry_set_aside(store, None).await?.changed;
    report.blobs_received += blobs::retry_missing(store, client, files).await?;
    sync::refresh_stale_search(store).await?;
    sync::record_success(store, now_millis(), offset).await?;
    Ok(report)
}

/// Pushes `rows`; answers the rows the server refused for good. A batch refused whole for
/// a row's reason ([`ROW_REFUSAL_CODES`]: an older server, or a rule checked before the
/// merge) is sent again in halves until the refused rows are alone, so the others go.
async fn push_finding_refusals(
    client: &SyncClient,
    rows: &[SyncRow],
) -> Result<Vec<RefusedPush>, SyncError> {
    let mut refused = Vec::new();
    let mut parts: Vec<&[SyncRow]> = vec![rows];
    while let Some(part) = parts.pop() {
        if part.is_empty() {
            continue;
        }
        match client.push(part.to_vec()).await {
            Ok(answer) => {
                for refusal in answer.refused {
                    let row = part
                        .iter()
                        .find(|row| row.table == refusal.table && row.id == refusal.id);
                    if let Some(row) = row {
                        refused.push(RefusedPush {
                            row: row.clone(),
                            code: refusal.code,
                            message: refusal.message,
                        });
                    }
                }
            }
            Err(SyncError::Refused { code, message, .. })
                if ROW_REFUSAL_CODES.contains(&code.as_str()) =>
            {
                if let [row] = part {
                    refused.push(RefusedPush {
                        row: row.clone(),
                        code,
                        message,
                    });
                } else {
                    let (first, second) = part.split_at(part.len() / 2);
                    parts.push(second);
                    parts.push(first);
                }
            }
            Err(error) => return Err(error),
        }
    }
    Ok(refused)
}

/// A page after `cursor`, and how far the server's clock is ahead of ours: its time against
/// the middle of the request (half the round trip counted each way, as NTP does), taken as
/// the page arrives (a page fetched ahead then waits while the one before it is applied).
async fn pull(
    client: &SyncClient,
    cursor: PullCursor,
    limit: u32,
) -> Result<(PullResponse, i64), SyncError> {
    let sent = now_millis();
    let page = client.pull(cursor, limit).await?;
    let received = now_millis();
    let offset = page.server_time_ms - (sent + (received - sent) / 2);
    Ok((page, offset))
}
