//! `mailboxes`: the support mailboxes the server reads, their passwords (never answered)
//! and the watcher's last status.
use chrono::{DateTime, Utc};
use helpdesk_intake::MailboxConfig;
use serde::{Deserialize, Serialize};
use sqlx::postgres::PgRow;
use sqlx::{PgPool, Row};
use uuid::Uuid;

use helpdesk_core::mailbox::Tls;

use crate::mailboxes::settings::CheckedMailbox;
use crate::mailboxes::status::{self, StatusText};

/// A mailbox as the administrator sees it (never its password).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MailboxSummary {
    pub id: Uuid,
    pub host: String,
    pub port: i32,
    /// `implicit`, `starttls` or `none`.
    pub tls: String,
    pub login: String,
    pub folder: String,
    pub move_handled_to: Option<String>,
    pub enabled: bool,
    /// The watcher's last status: `waiting`, `connecting`, `connected`, `wrong_password`,
    /// `unreachable`, `folder_missing`, `disconnected` or `disabled`.
    pub status: String,
    /// What the status means, pt-BR.
    pub status_detail: String,
    pub status_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub changed_at: DateTime<Utc>,
}

/// An enabled mailbox as the watcher needs it.
#[derive(Debug, Clone)]
pub struct WatchedMailbox {
    pub id: Uuid,
    /// Its settings' version: a watcher of an older one is restarted.
    pub changed_at: DateTime<Utc>,
    pub config: MailboxConfig,
}

const SUMMARY_COLUMNS: &str = "id, host, port, tls, login, folder, move_handled_to, enabled, \
     status, status_detail, status_at, created_at, changed_at";

fn summary(row: &PgRow) -> Result<MailboxSummary, sqlx::Error> {
    Ok(MailboxSummary {
        id: row.try_get("id")?,
        host: row.try_get("host")?,
        port: row.try_get("port")?,
        tls: row.try_get("tls")?,
        login: row.try_get("login")?,
        folder: row.try_get("folder")?,
        move_handled_to: row.try_get("move_handled_to")?,
        enabled: row.try_get("enabled")?,
        status: row.try_get("status")?,
        status_detail: row.try_get("status_detail")?,
        status_at: row.try_get("status_at")?,
        created_at: row.try_get("created_at")?,
        changed_at: row.try_get("changed_at")?,
    })
}

/// Stores a new enabled mailbox, waiting for its watcher.
pub async fn insert(
    pool: &PgPool,
    id: Uuid,
    mailbox: &CheckedMailbox,
) -> Result<MailboxSummary, sqlx::Error> {
    let waiting = status::waiting();
    let row = sqlx::query(&format!(
        "INSERT INTO mailboxes
             (id, host, port, tls, login, password, folder, move_handled_to, status, status_detail, status_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
         RETURNING {SUMMARY_COLUMNS}"
    ))
    .bind(id)
    .bind(&mailbox.settings.host)
    .bind(i32::from(mailbox.settings.port))
    .bind(mailbox.settings.tls.code())
    .bind(&mailbox.settings.login)
    .bind(&mailbox.password)
    .bind(&mailbox.settings.folder)
    .bind(&mailbox.settings.move_handled_to)
    .bind(waiting.code)
    .bind(&waiting.detail)
    .fetch_one(pool)
    .await?;
    summary(&row)
}

/// Every mailbox, the oldest first.
pub async fn list(pool: &PgPool) -> Result<Vec<MailboxSummary>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM mailboxes ORDER BY created_at, id"
    ))
    .fetch_all(pool)
    .await?;
    rows.iter().map(summary).collect()
}

/// Replaces a mailbox's settings (an empty password keeps the stored one); an enabled one
/// waits for a new watcher. `None` if unknown.
pub async fn update(
    pool: &PgPool,
    id: Uuid,
    mailbox: &CheckedMailbox,
) -> Result<Option<MailboxSummary>, sqlx::Error> {
    let waiting = status::waiting();
    let row = sqlx::query(&format!(
        "UPDATE mailboxes SET host = $2, port = $3, tls = $4, login = $5,
             password = CASE WHEN $6 = '' THEN password ELSE $6 END,
             folder = $7, move_handled_to = $8, changed_at = clock_timestamp(),
             status = CASE WHEN enabled THEN $9 ELSE status END,
             status_detail = CASE WHEN enabled THEN $10 ELSE status_detail END,
             status_at = CASE WHEN enabled THEN clock_timestamp() ELSE status_at END
         WHERE id = $1
         RETURNING {SUMMARY_COLUMNS}"
    ))
    .bind(id)
    .bind(&mailbox.settings.host)
    .bind(i32::from(mailbox.settings.port))
    .bind(mailbox.settings.tls.code())
    .bind(&mailbox.settings.login)
    .bind(&mailbox.password)
    .bind(&mailbox.settings.folder)
    .bind(&mailbox.settings.move_handled_to)
    .bind(waiting.code)
    .bind(&waiting.detail)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(summary).transpose()
}

/// Enables or disables a mailbox (nothing changes if it already is); `None` if unknown.
pub async fn set_enabled(
    pool: &PgPool,
    id: Uuid,
    enabled: bool,
) -> Result<Option<MailboxSummary>, sqlx::Error> {
    let status = if enabled {
        status::waiting()
    } else {
        status::disabled()
    };
    let row = sqlx::query(&format!(
        "UPDATE mailboxes SET enabled = $2,
             changed_at = CASE WHEN enabled = $2 THEN changed_at ELSE clock_timestamp() END,
             status = CASE WHEN enabled = $2 THEN status ELSE $3 END,
             status_detail = CASE WHEN enabled = $2 THEN status_detail ELSE $4 END,
             status_at = CASE WHEN enabled = $2 THEN status_at ELSE clock_timestamp() END
         WHERE id = $1
         RETURNING {SUMMARY_COLUMNS}"
    ))
    .bind(id)
    .bind(enabled)
    .bind(status.code)
    .bind(&status.detail)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(summary).transpose()
}

/// Every enabled mailbox with its password, for the watchers.
pub async fn enabled(pool: &PgPool) -> Result<Vec<WatchedMailbox>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, changed_at, host, port, tls, login, password, folder, move_handled_to
         FROM mailboxes WHERE enabled ORDER BY id",
    )
    .fetch_all(pool)
    .await?;
    rows.iter().map(watched).collect()
}

fn watched(row: &PgRow) -> Result<WatchedMailbox, sqlx::Error> {
    let tls: String = row.try_get("tls")?;
    let port: i32 = row.try_get("port")?;
    let decode = |what: String| sqlx::Error::Decode(what.into());
    Ok(WatchedMailbox {
        id: row.try_get("id")?,
        changed_at: row.try_get("changed_at")?,
        config: MailboxConfig {
            host: row.try_get("host")?,
            port: u16::try_from(port).map_err(|_| decode(format!("mailbox port {port}")))?,
            tls: Tls::parse(&tls).ok_or_else(|| decode(format!("mailbox tls {tls:?}")))?,
            user: row.try_get("login")?,
            password: row.try_get("password")?,
            folder: row.try_get("folder")?,
            move_handled_to: row.try_get("move_handled_to")?,
        },
    })
}

/// Records the watcher's status, unless the mailbox was disabled or changed since the
/// watcher started (its `changed_at`): a stopping watcher never hides the new state.
pub async fn set_status(
    pool: &PgPool,
    id: Uuid,
    changed_at: DateTime<Utc>,
    status: &StatusText,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE mailboxes SET status = $3, status_detail = $4, status_at = clock_timestamp()
         WHERE id = $1 AND changed_at = $2 AND enabled",
    )
    .bind(id)
    .bind(changed_at)
    .bind(status.code)
    .bind(&status.detail)
    .execute(pool)
    .await?;
    Ok(())
}
