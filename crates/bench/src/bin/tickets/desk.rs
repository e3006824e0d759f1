//! The whole desk at benchmark scale, for the reports and the queue: the benchmark's demo data
//! (500,000 customers, 2,000,000 messages over the year before it was made), then the tickets
//! benchmark's 1,000,000 tickets ([`data_set`]), then, once, what the reports and the queue
//! also read:
//! - every ticket's protocol reservation, and an unused one for every tenth ticket;
//! - a work order the day after every fourth ticket, three in four done with time on site;
//! - the messages handled as a desk that keeps up handles them: each one older than the last
//!   30 minutes of the data set taken by an operator, and each ticket opened from a message
//!   ("Suporte", "E-mail") in the messages' year linked to one.
//!
//! Generated on first use into `$HELPDESK_DESK_DB` (default `/var/tmp/helpdesk-bench-desk.db`)
//! and reused.
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Instant;

use helpdesk_demo::DemoConfig;
use helpdesk_store::{local_settings, Store};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection};

use crate::data_set::data_set;

/// `local_settings` key: the rows below were added.
const ADDED: &str = "bench.desk.added";

/// What the rows are added with, in order, in one transaction with the sync capture off (as
/// when a sync applies rows).
const ADDITIONS: &[(&str, &str)] = &[
    (
        "protocol reservations",
        // Each ticket's own protocol, reserved a minute before it was opened; and for every
        // tenth one a number given and never used (desktop 9xx: no ticket has it).
        "INSERT OR IGNORE INTO protocol_reservations (protocol, user_id, reserved_at)
         SELECT protocol, opened_by, opened_at - 60000 FROM tickets
         UNION ALL
         SELECT substr(protocol, 1, 6) || '9' || substr(protocol, 8), opened_by, opened_at - 30000
         FROM tickets WHERE rowid % 10 = 0",
    ),
    (
        "work orders",
        // A visit the day after every fourth ticket, by the technicians in turn; three in
        // four done, 20 to 140 minutes on site.
        "WITH tech AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM technicians),
              kind AS (SELECT id FROM work_order_types ORDER BY id LIMIT 1),
              done AS (SELECT id FROM work_order_statuses WHERE stage = 'done' ORDER BY id LIMIT 1),
              open AS (SELECT id FROM work_order_statuses WHERE stage = 'open' ORDER BY id LIMIT 1)
         INSERT INTO work_orders (id, ticket_id, customer_id, technician_id, type_id, status_id,
                                  starts_at, ends_at, description, address, changed_at,
                                  started_at, finished_at)
         SELECT randomblob(16), t.id, t.customer_id,
                (SELECT id FROM tech WHERE n = t.rowid % (SELECT count(*) FROM tech)),
                (SELECT id FROM kind),
                CASE WHEN t.rowid % 16 < 12 THEN (SELECT id FROM done) ELSE (SELECT id FROM open) END,
                t.opened_at + 86400000, t.opened_at + 86400000 + 3600000,
                'Visita', 'Rua A, 1', t.changed_at,
                CASE WHEN t.rowid % 16 < 12 THEN t.opened_at + 86400000 + 600000 END,
                CASE WHEN t.rowid % 16 < 12
                     THEN t.opened_at + 86400000 + 600000 + (20 + t.rowid % 121) * 60000 END
         FROM tickets t WHERE t.rowid % 4 = 0",
    ),
    (
        "messages taken",
        // Every message but those of the last 30 minutes, taken five minutes after it came
        // by the operators in turn.
        "WITH op AS (SELECT id, row_number() OVER (ORDER BY login) - 1 AS n FROM users),
              ops AS (SELECT count(*) AS n FROM op)
         UPDATE support_messages
         SET taken_by = (SELECT id FROM op WHERE n = support_messages.rowid % (SELECT n FROM ops)),
             taken_at = received_at + 300000
         WHERE received_at < (SELECT max(received_at) FROM support_messages) - 1800000",
    ),
    (
        "tickets linked to messages",
        // The tickets from "Suporte" and "E-mail" since the first message, each answering a
        // message spread evenly over the year's.
        "WITH m AS (SELECT min(received_at) AS first, count(*) AS n FROM support_messages),
              s AS (SELECT t.rowid AS r, row_number() OVER (ORDER BY t.opened_at) - 1 AS k,
                           count(*) OVER () AS total
                    FROM tickets t
                    WHERE t.origin IN ('Support', 'Email') AND t.opened_at >= (SELECT first FROM m))
         UPDATE tickets SET support_message_id = msg.id
         FROM s JOIN support_messages msg ON msg.rowid = 1 + s.k * (SELECT n FROM m) / s.total
         WHERE tickets.rowid = s.r",
    ),
];

/// `$HELPDESK_DESK_DB`, or `/var/tmp/helpdesk-bench-desk.db`.
pub fn desk_path() -> PathBuf {
    std::env::var_os("HELPDESK_DESK_DB")
        .map_or_else(|| "/var/tmp/helpdesk-bench-desk.db".into(), PathBuf::from)
}

/// The desk's database, generated first if needed.
pub async fn desk() -> Result<Store, Box<dyn std::error::Error>> {
    let path = desk_path();
    let store = data_set(&path, &DemoConfig::benchmark()).await?;
    if local_settings::get(&store, ADDED).await?.is_some() {
        return Ok(store);
    }
    store.close().await;
    let mut db = SqliteConnectOptions::from_str("sqlite:")?
        .filename(&path)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Off)
        .foreign_keys(false)
        .pragma("cache_size", "-262144")
        .connect()
        .await?;
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE sync_control SET applying = 1")
        .execute(&mut *tx)
        .await?;
    for (what, sql) in ADDITIONS {
        let started = Instant::now();
        let rows = sqlx::query(sql).execute(&mut *tx).await?.rows_affected();
        eprintln!(
            "{what}: {rows} rows in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    sqlx::query("UPDATE sync_control SET applying = 0")
        .execute(&mut *tx)
        .await?;
    local_settings::set_in(&mut tx, ADDED, "1").await?;
    tx.commit().await?;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut db)
        .await?;
    db.close().await?;
    std::fs::File::open(&path)?.sync_all()?;
    Ok(Store::open(&path).await?)
}
