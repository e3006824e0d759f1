//! `devices`: the registered desktops, their numbers and credentials.
use chrono::{DateTime, Utc};
use helpdesk_core::sync::{DesktopProfile, PullCursor};
use serde::{Deserialize, Serialize};
use sqlx::{PgConnection, PgPool, Row};
use uuid::Uuid;

/// The number every desktop uses before it registers.
pub const UNREGISTERED_DESKTOP_NUMBER: u16 = 1;
/// The smallest number the server assigns.
pub const FIRST_DESKTOP_NUMBER: u16 = 2;
/// The largest number the server assigns (protocols have room for three digits).
pub const LAST_DESKTOP_NUMBER: u16 = 999;

/// Serializes registrations: numbers are assigned one at a time, whatever the instance.
const REGISTRATION_LOCK: i64 = 0x4865_6c70_6465_736b; // "Helpdesk"

/// A desktop as the administrator sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DeviceSummary {
    pub id: Uuid,
    pub name: String,
    pub desktop_number: u16,
    pub profile: DesktopProfile,
    pub registered_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_seen_at: Option<DateTime<Utc>>,
}

/// What authenticating a desktop needs.
#[derive(Clone)]
pub struct StoredCredential {
    pub secret_digest: Vec<u8>,
    pub revoked: bool,
    pub profile: DesktopProfile,
}

impl std::fmt::Debug for StoredCredential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredCredential")
            .field("secret_digest", &"<hidden>")
            .field("revoked", &self.revoked)
            .field("profile", &self.profile)
            .finish()
    }
}

const SUMMARY_COLUMNS: &str =
    "id, name, desktop_number, profile, registered_at, revoked_at, last_seen_at";

fn summary(row: &sqlx::postgres::PgRow) -> Result<DeviceSummary, sqlx::Error> {
    let number: i16 = row.try_get("desktop_number")?;
    Ok(DeviceSummary {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        desktop_number: u16::try_from(number).map_err(|error| sqlx::Error::ColumnDecode {
            index: "desktop_number".into(),
            source: Box::new(error),
        })?,
        profile: profile(row)?,
        registered_at: row.try_get("registered_at")?,
        revoked_at: row.try_get("revoked_at")?,
        last_seen_at: row.try_get("last_seen_at")?,
    })
}

/// The `profile` column of `row`.
fn profile(row: &sqlx::postgres::PgRow) -> Result<DesktopProfile, sqlx::Error> {
    let code: String = row.try_get("profile")?;
    DesktopProfile::from_code(&code).ok_or_else(|| sqlx::Error::ColumnDecode {
        index: "profile".into(),
        source: format!("unknown desktop profile {code:?}").into(),
    })
}

/// Inserts a desktop with the smallest free number; `None` when every number is taken.
/// Call inside a transaction: the lock it takes lasts until the end of it.
pub async fn insert(
    conn: &mut PgConnection,
    id: Uuid,
    name: &str,
    profile: DesktopProfile,
    secret_digest: &[u8],
    origin: Option<Uuid>,
) -> Result<Option<u16>, sqlx::Error> {
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(REGISTRATION_LOCK)
        .execute(&mut *conn)
        .await?;
    let number: Option<i16> = sqlx::query_scalar(
        "INSERT INTO devices (id, name, desktop_number, credential_hash, profile, origin)
         SELECT $1, $2, n, $3, $6, $7 FROM generate_series($4::int, $5::int) AS n
         WHERE NOT EXISTS (SELECT 1 FROM devices WHERE desktop_number = n)
         ORDER BY n LIMIT 1
         RETURNING desktop_number",
    )
    .bind(id)
    .bind(name)
    .bind(secret_digest)
    .bind(i32::from(FIRST_DESKTOP_NUMBER))
    .bind(i32::from(LAST_DESKTOP_NUMBER))
    .bind(profile.code())
    .bind(origin)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(number.and_then(|number| u16::try_from(number).ok()))
}

/// The origin of the fields the device writes: the one it gave at registration, else its
/// id.
pub async fn origin(executor: impl sqlx::PgExecutor<'_>, id: Uuid) -> Result<Uuid, sqlx::Error> {
    let origin: Option<Uuid> = sqlx::query_scalar("SELECT origin FROM devices WHERE id = $1")
        .bind(id)
        .fetch_optional(executor)
        .await?
        .flatten();
    Ok(origin.unwrap_or(id))
}

/// Every desktop, by number.
pub async fn list(pool: &PgPool) -> Result<Vec<DeviceSummary>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM devices ORDER BY desktop_number"
    ))
    .fetch_all(pool)
    .await?;
    rows.iter().map(summary).collect()
}

/// Revokes a desktop (keeping the first revocation's time); `None` if unknown.
pub async fn revoke(pool: &PgPool, id: Uuid) -> Result<Option<DeviceSummary>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "UPDATE devices SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1
         RETURNING {SUMMARY_COLUMNS}"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(summary).transpose()
}

/// The stored credential digest of a desktop, if it exists.
pub async fn credential(pool: &PgPool, id: Uuid) -> Result<Option<StoredCredential>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT credential_hash, revoked_at IS NOT NULL AS revoked, profile
         FROM devices WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    row.map(|row| {
        Ok(StoredCredential {
            secret_digest: row.try_get("credential_hash")?,
            revoked: row.try_get("revoked")?,
            profile: profile(&row)?,
        })
    })
    .transpose()
}

/// Records that the desktop was just seen (at most one write a minute per desktop).
pub async fn touch(pool: &PgPool, id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE devices SET last_seen_at = now()
         WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')",
    )
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

/// Records a desktop's pull and the cursor it was answered.
pub async fn record_pull(pool: &PgPool, id: Uuid, cursor: PullCursor) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE devices
         SET last_pull_at = now(), last_pull_transaction = $2, last_pull_sequence = $3
         WHERE id = $1",
    )
    .bind(id)
    .bind(cursor.transaction)
    .bind(cursor.sequence)
    .execute(pool)
    .await?;
    Ok(())
}

/// How far behind a desktop is, for the metrics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceLag {
    pub id: Uuid,
    pub desktop_number: u16,
    /// Seconds since its last pull; `None` if it never pulled.
    pub seconds_since_pull: Option<i64>,
    /// Rows written after its last pull's cursor (all rows if it never pulled), counted up
    /// to [`MAX_ROWS_BEHIND`].
    pub rows_behind: i64,
}

/// Where [`DeviceLag::rows_behind`] stops counting.
pub const MAX_ROWS_BEHIND: i64 = 100_000;

/// The lag of every desktop not revoked, by number.
pub async fn lags(pool: &PgPool) -> Result<Vec<DeviceLag>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT d.id, d.desktop_number,
                floor(extract(epoch FROM now() - d.last_pull_at))::bigint AS seconds_since_pull,
                (SELECT count(*) FROM (
                     SELECT 1 FROM sync_rows AS s
                     WHERE (s.txid, s.seq) > (COALESCE(d.last_pull_transaction, 0)::text::xid8,
                                              COALESCE(d.last_pull_sequence, 0))
                     LIMIT $1) AS behind) AS rows_behind
         FROM devices AS d
         WHERE d.revoked_at IS NULL
         ORDER BY d.desktop_number",
    )
    .bind(MAX_ROWS_BEHIND)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            let number: i16 = row.try_get("desktop_number")?;
            Ok(DeviceLag {
                id: row.try_get("id")?,
                desktop_number: u16::try_from(number).unwrap_or_default(),
                seconds_since_pull: row.try_get("seconds_since_pull")?,
                rows_behind: row.try_get("rows_behind")?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_credential_digest() {
        let stored = StoredCredential {
            secret_digest: vec![0xab; 32],
            revoked: false,
            profile: DesktopProfile::Service,
        };
        let shown = format!("{stored:?}");
        assert!(!shown.contains("171"), "{shown}");
        assert!(shown.contains("<hidden>"), "{shown}");
    }
}
