//! The desktop's embedded SQLite database: opening it, migrating it, and one repository
//! module per aggregate. All SQL of the desktop lives here, always with bound parameters.
#![warn(clippy::unwrap_used, clippy::panic)]

pub mod app_lock;
mod assignee_row;
pub mod attachment_files;
pub mod attachments;
pub mod backup;
pub mod backup_settings;
pub mod business_hours;
pub mod catalog;
pub mod contacts;
pub mod contracts;
pub mod customer_changes;
pub mod customer_edits;
pub mod customer_export;
pub mod customer_import;
pub mod customer_records;
pub mod customers;
pub mod destined;
pub mod drafts;
mod durable;
pub mod email_outbox;
pub mod email_templates;
mod error;
pub mod holidays;
pub mod intake_taken;
pub mod local_mailbox;
pub mod local_settings;
pub mod login_failures;
pub mod mail_intake;
mod password;
pub mod people;
pub mod protocols;
pub mod provider_settings;
pub mod queue;
pub mod reports;
pub mod scripts;
pub mod secret_settings;
pub mod secret_vault;
pub mod setup;
pub mod smtp_settings;
pub mod support_message_attachments;
pub mod support_messages;
pub mod sync;
pub mod table_counts;
pub mod tasks;
#[cfg(feature = "test-keyring")]
pub mod test_keyring;
pub mod theme;
pub mod ticket_additions;
pub mod ticket_details;
pub mod ticket_events;
pub mod ticket_sections;
pub mod ticket_types;
pub mod ticket_updates;
pub mod tickets;
pub mod user_accounts;
pub mod work_orders;

use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::{AtomicI32, AtomicI64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use helpdesk_core::clock::HybridClock;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use uuid::Uuid;

pub use error::StoreError;
pub use password::{hash_password, verify_password};

/// Result of a store operation.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations");

/// The open database and this desktop's clock for change stamps.
#[derive(Debug)]
pub struct Store {
    pool: SqlitePool,
    clock: Mutex<HybridClock>,
    /// The sync server's wall clock minus this desktop's, in ms: stamps follow the server's
    /// time once it is known, so a desktop whose clock is wrong does not win every edit.
    clock_offset_ms: AtomicI64,
    /// The provider's local time, in minutes east of UTC, that business hours are counted
    /// in ([`business_hours::calendar_in`]).
    utc_offset_minutes: AtomicI32,
}

/// The UTC offset business hours are counted at until the app says otherwise: Brasília's
/// (no daylight saving since 2019).
pub const DEFAULT_UTC_OFFSET_MINUTES: i32 = -180;

impl Store {
    /// Opens (creating if needed) the database file at `path` and applies every pending
    /// migration. WAL journaling with `synchronous = FULL`: each commit is on disk before it
    /// returns, so a committed transaction (a ticket, an e-mail queued, a page of sync) is
    /// neither lost nor torn by a crash, a kill or a power cut.
    pub async fn open(path: &Path) -> Result<Self> {
        let options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        // A first sync cut while its indexes were set aside: built before any migration.
        sync::restore_deferred_indexes(&pool).await?;
        MIGRATOR.run(&pool).await?;
        // The clock restarts after every stamp this desktop wrote or saw, even if the wall
        // clock went back while it was closed.
        let (high, offset): (i64, i64) = sqlx::query_as(
            "SELECT max(clock_high, coalesce((SELECT max(stamp) FROM sync_outbox), 0)),
                    clock_offset_ms
             FROM sync_state",
        )
        .fetch_one(&pool)
        .await?;
        Ok(Self {
            pool,
            clock: Mutex::new(HybridClock::starting_after(high)),
            clock_offset_ms: AtomicI64::new(offset),
            utc_offset_minutes: AtomicI32::new(DEFAULT_UTC_OFFSET_MINUTES),
        })
    }

    /// The connection pool, for the repositories.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// A fresh change stamp for a row written now.
    pub fn stamp(&self) -> i64 {
        let now = now_millis().saturating_add(self.clock_offset_ms.load(Ordering::Relaxed));
        self.locked_clock().tick(now)
    }

    /// Takes note of a stamp written elsewhere: the next local stamp is newer.
    pub fn observe(&self, stamp: i64) {
        self.locked_clock().observe(stamp, self.server_now());
    }

    /// The sync server's wall clock now, as this desktop knows it (Unix ms).
    pub(crate) fn server_now(&self) -> i64 {
        now_millis().saturating_add(self.clock_offset_ms.load(Ordering::Relaxed))
    }

    /// The sync server's clock is `offset_ms` ahead of this desktop's.
    pub fn set_clock_offset(&self, offset_ms: i64) {
        self.clock_offset_ms.store(offset_ms, Ordering::Relaxed);
    }

    /// The provider's local time, in minutes east of UTC, that business hours are counted
    /// in: [`DEFAULT_UTC_OFFSET_MINUTES`] until [`Store::set_utc_offset_minutes`].
    pub fn utc_offset_minutes(&self) -> i32 {
        self.utc_offset_minutes.load(Ordering::Relaxed)
    }

    /// Business hours are counted at `minutes` east of UTC: the app gives its desktop's
    /// offset (a fixed one: Brazil keeps no daylight saving).
    pub fn set_utc_offset_minutes(&self, minutes: i32) {
        self.utc_offset_minutes.store(minutes, Ordering::Relaxed);
    }

    fn locked_clock(&self) -> std::sync::MutexGuard<'_, HybridClock> {
        self.clock
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Closes every connection, checkpointing the write-ahead log.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A new primary key: UUIDv7, made on this desktop, unique across desktops.
pub fn new_id() -> Uuid {
    Uuid::now_v7()
}

/// The exclusive upper bound of the texts starting with `prefix`, so that
/// `column >= prefix AND column < bound` walks the column's index instead of scanning.
fn prefix_upper_bound(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

/// The wall clock in Unix milliseconds.
pub fn now_millis() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
        })
}

/// The details of `EXPLAIN QUERY PLAN`'s rows for a query built with that prefix: what the
/// index tests check.
#[cfg(test)]
pub(crate) async fn query_plan(
    store: &Store,
    mut query: sqlx::QueryBuilder<'_, sqlx::Sqlite>,
) -> Vec<String> {
    query
        .build_query_as::<(i64, i64, i64, String)>()
        .fetch_all(store.pool())
        .await
        .expect("EXPLAIN QUERY PLAN")
        .into_iter()
        .map(|(_, _, _, detail)| detail)
        .collect()
}
