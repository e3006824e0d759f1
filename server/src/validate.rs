//! Checks a pushed batch as a whole before anything is read: too many rows refuse it all.
//! Each row is then judged alone (`routes::push`, with the core's `check_row`).
use helpdesk_core::sync::{SyncRow, MAX_BATCH_ROWS};

use crate::error::ApiError;

/// Refuses a batch of more than [`MAX_BATCH_ROWS`] rows.
pub fn batch(rows: &[SyncRow]) -> Result<(), ApiError> {
    if rows.len() > MAX_BATCH_ROWS {
        return Err(ApiError::batch_too_large(rows.len()));
    }
    Ok(())
}
