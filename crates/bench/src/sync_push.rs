//! Offline customer edits on a desktop, and their push timed step by step: batch by batch
//! through the API (read, push, acknowledge), and through the server's merge alone.
use std::time::{Duration, Instant};

use helpdesk_core::sync::{PushRequest, MAX_BATCH_ROWS};
use helpdesk_server::repo::rows;
use helpdesk_store::{sync, Store};
use helpdesk_sync::SyncClient;
use sqlx::PgPool;
use uuid::Uuid;

use crate::desktop::Desktop;
use crate::{Failure, Latencies};

/// Rows per push, as `sync_once` sends them.
const PAGE: u32 = MAX_BATCH_ROWS as u32;
/// Where the edited customers move to: no demo customer lives there, so every edit changes
/// (from the sixth round on, with the lap's number after the name).
const CITIES: &[&str] = &["Piracicaba", "Bauru", "Limeira", "Americana", "Taubaté"];

/// The city customers move to in `round`: one no round used before.
pub fn city_of_round(round: usize) -> String {
    match round / CITIES.len() {
        0 => CITIES[round].to_owned(),
        lap => format!("{} {lap}", CITIES[round % CITIES.len()]),
    }
}

/// Moves `count` customers drawn at random to another city (a different one each `round`),
/// one `UPDATE` each with a new stamp, as the app writes an edit; returns how long the
/// edits took. Fails unless exactly `count` changes then wait in the outbox.
pub async fn edit_customers(
    store: &Store,
    count: usize,
    round: usize,
) -> Result<Duration, Failure> {
    let ids: Vec<Uuid> = sqlx::query_scalar("SELECT id FROM customers ORDER BY random() LIMIT ?1")
        .bind(i64::try_from(count)?)
        .fetch_all(store.pool())
        .await?;
    let city = city_of_round(round);
    let started = Instant::now();
    for id in &ids {
        sqlx::query("UPDATE customers SET city = ?1, changed_at = ?2 WHERE id = ?3")
            .bind(&city)
            .bind(store.stamp())
            .bind(id)
            .execute(store.pool())
            .await?;
    }
    let took = started.elapsed();
    let waiting = sync::waiting(store).await?;
    if usize::try_from(waiting)? != ids.len() {
        return Err(format!("{} edits but {waiting} changes queued", ids.len()).into());
    }
    Ok(took)
}

/// The steps of pushing an outbox batch by batch.
#[derive(Debug, Default)]
pub struct PushTimes {
    /// Read + push + acknowledge, per batch.
    pub whole: Latencies,
    /// `sync::pending`.
    pub read: Latencies,
    /// `client.push`: JSON, HTTP and the server's merge.
    pub push: Latencies,
    /// `sync::acknowledge`.
    pub acknowledge: Latencies,
    /// From the first read to the last acknowledgement.
    pub took: Duration,
    /// Rows the server said it changed.
    pub changed: usize,
}

/// The push half of `sync_once` (without attachments or refusals), each step of each batch
/// timed.
pub async fn push_by_batch(desktop: &Desktop, client: &SyncClient) -> Result<PushTimes, Failure> {
    let mut times = PushTimes::default();
    let started = Instant::now();
    loop {
        let batch_started = Instant::now();
        let Some(batch) = sync::pending(&desktop.store, PAGE).await? else {
            break;
        };
        times.read.record(batch_started.elapsed());
        let step = Instant::now();
        let answer = client.push(batch.rows.clone()).await?;
        times.push.record(step.elapsed());
        if !answer.refused.is_empty() {
            return Err(format!("the server refused {} rows", answer.refused.len()).into());
        }
        times.changed += usize::try_from(answer.changed)?;
        let step = Instant::now();
        sync::acknowledge(&desktop.store, &batch).await?;
        times.acknowledge.record(step.elapsed());
        times.whole.record(batch_started.elapsed());
    }
    times.took = started.elapsed();
    Ok(times)
}

/// The server's merge without HTTP, per batch.
#[derive(Debug, Default)]
pub struct MergeTimes {
    /// `repo::rows::merge_all` and the commit.
    pub merge: Latencies,
    /// The request's JSON encoded and decoded.
    pub json: Latencies,
    /// The requests' bytes, all batches together.
    pub bytes: usize,
}

/// Each batch's JSON encoded and decoded as a push request, then merged by the server's
/// `repo::rows::merge_all` (every row admitted whole, as from an administration desktop)
/// in a transaction of its own, without HTTP; each batch acknowledged on the desktop.
pub async fn merge_directly(desktop: &Desktop, pool: &PgPool) -> Result<MergeTimes, Failure> {
    let mut times = MergeTimes::default();
    while let Some(batch) = sync::pending(&desktop.store, PAGE).await? {
        let step = Instant::now();
        let body = serde_json::to_vec(&PushRequest {
            rows: batch.rows.clone(),
        })?;
        let request: PushRequest = serde_json::from_slice(&body)?;
        times.json.record(step.elapsed());
        times.bytes += body.len();

        let step = Instant::now();
        let mut tx = pool.begin().await?;
        rows::merge_all(&mut tx, &request.rows).await?;
        tx.commit().await?;
        times.merge.record(step.elapsed());
        sync::acknowledge(&desktop.store, &batch).await?;
    }
    Ok(times)
}
