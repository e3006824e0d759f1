//! Every row of the sync server pulled without a desktop, at three depths: the server's
//! query alone, the server's own pull (query and JSON), and the API over HTTP; and the
//! progress of a desktop applying a pull, sampled while it runs.
use std::cell::RefCell;
use std::time::{Duration, Instant};

use helpdesk_core::sync::{
    DesktopProfile, PullCursor, RegistrationRequest, MAX_BATCH_ROWS, SYNC_TABLES,
};
use helpdesk_server::repo::rows;
use helpdesk_store::sync::SearchRefresh;
use helpdesk_store::{sync, Store};
use helpdesk_sync::{ClientConfig, SyncClient};
use sqlx::PgPool;
use uuid::Uuid;

use crate::Failure;

/// Rows per page, as `sync_once` asks.
const PAGE: usize = MAX_BATCH_ROWS;

/// How many rows a pull read, and how long it took.
#[derive(Debug, Clone, Copy)]
pub struct Pulled {
    pub rows: usize,
    pub took: Duration,
}

/// Every row through the server's pull query as it runs it (`repo::rows::pull`), the
/// fields as text, not decoded.
pub async fn pull_sql(pool: &PgPool) -> Result<Pulled, Failure> {
    let started = Instant::now();
    let (mut transaction, mut sequence, mut rows) = (0_i64, 0_i64, 0);
    loop {
        let page: Vec<(String, Uuid, String, i64, i64)> = sqlx::query_as(
            "SELECT s.table_name, s.row_id, s.fields::text, s.txid::text::bigint, s.seq
             FROM sync_rows AS s
             WHERE (s.txid, s.seq) > ($1::text::xid8, $2)
               AND s.txid < pg_snapshot_xmin(pg_current_snapshot())
             ORDER BY s.txid, s.seq
             LIMIT $3",
        )
        .bind(transaction.to_string())
        .bind(sequence)
        .bind(i64::try_from(PAGE + 1)?)
        .fetch_all(pool)
        .await?;
        let Some(last) = page.iter().take(PAGE).next_back() else {
            break;
        };
        (transaction, sequence) = (last.3, last.4);
        rows += page.len().min(PAGE);
    }
    Ok(Pulled {
        rows,
        took: started.elapsed(),
    })
}

/// Every row through the server's own pull (`helpdesk_server::repo::rows::pull`).
pub async fn pull_repo(pool: &PgPool) -> Result<Pulled, Failure> {
    let started = Instant::now();
    let (mut cursor, mut rows) = (PullCursor::default(), 0);
    loop {
        let page = rows::pull(pool, cursor, PAGE).await?;
        rows += page.rows.len();
        cursor = page.cursor;
        if !page.more || page.rows.is_empty() {
            break;
        }
    }
    Ok(Pulled {
        rows,
        took: started.elapsed(),
    })
}

/// Every row through the API, as `sync_once` asks for them, not applied.
pub async fn pull_http(client: &SyncClient) -> Result<Pulled, Failure> {
    let started = Instant::now();
    let (mut cursor, mut rows) = (PullCursor::default(), 0);
    loop {
        let page = client.pull(cursor, u32::try_from(PAGE)?).await?;
        rows += page.rows.len();
        cursor = page.cursor;
        if !page.more || page.rows.is_empty() {
            break;
        }
    }
    Ok(Pulled {
        rows,
        took: started.elapsed(),
    })
}

/// Every row of `table` pulled through the API and applied into `store` a page at a time
/// (`sync::apply`), nothing else: only the applies are timed.
pub async fn apply_alone(
    client: &SyncClient,
    store: &Store,
    table: &str,
) -> Result<Pulled, Failure> {
    let (mut cursor, mut rows, mut took) = (PullCursor::default(), 0, Duration::ZERO);
    let mut waiting = Vec::with_capacity(PAGE);
    loop {
        let page = client.pull(cursor, u32::try_from(PAGE)?).await?;
        cursor = page.cursor;
        let done = !page.more || page.rows.is_empty();
        waiting.extend(page.rows.into_iter().filter(|row| row.table == table));
        if waiting.len() >= PAGE || (done && !waiting.is_empty()) {
            let started = Instant::now();
            sync::apply(store, &waiting, cursor, SearchRefresh::WithPage).await?;
            took += started.elapsed();
            rows += waiting.len();
            waiting.clear();
        }
        if done {
            break;
        }
    }
    Ok(Pulled { rows, took })
}

/// A client of a device registered without a desktop, to pull without applying.
pub async fn probe(url: &str, token: &str) -> Result<SyncClient, Failure> {
    let config = ClientConfig::default();
    let request = RegistrationRequest {
        enrollment_token: token.into(),
        name: "Sonda do benchmark".into(),
        profile: DesktopProfile::Administration,
        issued_protocols: Vec::new(),
        origin: None,
    };
    let registration = SyncClient::new(url, None, &config)?
        .register(&request)
        .await?;
    Ok(SyncClient::new(
        url,
        Some(registration.credential),
        &config,
    )?)
}

/// Rows a desktop held at a moment of its first sync.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub elapsed: Duration,
    pub rows: i64,
}

/// Counts the syncable rows of `store` every `every` (committed pages only), into
/// `samples` and on stderr. Only returns when counting fails: poll it beside the sync.
pub async fn watch(store: &Store, every: Duration, samples: &RefCell<Vec<Sample>>) -> Failure {
    let started = Instant::now();
    loop {
        tokio::time::sleep(every).await;
        let rows = match count_rows(store).await {
            Ok(rows) => rows,
            Err(failure) => return failure,
        };
        let sample = Sample {
            elapsed: started.elapsed(),
            rows,
        };
        eprintln!(
            "  {:.0} s: {rows} rows applied",
            sample.elapsed.as_secs_f64()
        );
        samples.borrow_mut().push(sample);
    }
}

/// The rows of every syncable table of `store`.
pub async fn count_rows(store: &Store) -> Result<i64, Failure> {
    let counts: Vec<String> = SYNC_TABLES
        .iter()
        .map(|table| format!("(SELECT count(*) FROM {})", table.name))
        .collect();
    let sql = format!("SELECT {}", counts.join(" + "));
    Ok(sqlx::query_scalar(&sql).fetch_one(store.pool()).await?)
}
