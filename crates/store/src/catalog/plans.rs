//! "Planos": the service plans, the only module writing `plans`.
use helpdesk_core::catalog::{CatalogEntry, CatalogValues};
use sqlx::SqliteConnection;
use uuid::Uuid;

use super::Written;
use crate::{new_id, Result, Store};

/// A service plan ("Plano").
#[derive(Debug, Clone)]
pub struct NewPlan {
    pub name: String,
    pub technology: String,
    pub download_mbps: i64,
    pub upload_mbps: i64,
    pub price_cents: i64,
}

/// Creates plans in one transaction, as given (trusted data: tests, benchmarks); returns
/// their ids in order.
pub async fn insert_plans(store: &Store, plans: &[NewPlan]) -> Result<Vec<Uuid>> {
    super::insert_each(store, plans, insert).await
}

async fn insert(conn: &mut SqliteConnection, stamp: i64, plan: &NewPlan) -> Result<Uuid> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO plans (id, name, technology, download_mbps, upload_mbps, price_cents,
                            changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .bind(id)
    .bind(&plan.name)
    .bind(&plan.technology)
    .bind(plan.download_mbps)
    .bind(plan.upload_mbps)
    .bind(plan.price_cents)
    .bind(stamp)
    .execute(conn)
    .await?;
    Ok(id)
}

/// Creates the plan, or replaces plan `id`'s values.
pub(super) async fn write(
    conn: &mut SqliteConnection,
    stamp: i64,
    id: Option<Uuid>,
    plan: &NewPlan,
) -> Result<Written> {
    let Some(id) = id else {
        return Ok(Written::Saved(insert(conn, stamp, plan).await?));
    };
    let updated = sqlx::query(
        "UPDATE plans SET name = ?1, technology = ?2, download_mbps = ?3, upload_mbps = ?4,
                          price_cents = ?5, changed_at = ?6
         WHERE id = ?7 AND deleted = 0",
    )
    .bind(&plan.name)
    .bind(&plan.technology)
    .bind(plan.download_mbps)
    .bind(plan.upload_mbps)
    .bind(plan.price_cents)
    .bind(stamp)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(Written::updated(id, updated.rows_affected()))
}

/// Every plan not deleted.
pub(super) async fn list(conn: &mut SqliteConnection) -> Result<Vec<CatalogEntry>> {
    let rows: Vec<(Uuid, String, String, i64, i64, i64, bool)> = sqlx::query_as(
        "SELECT id, name, technology, download_mbps, upload_mbps, price_cents, active
         FROM plans WHERE deleted = 0",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, name, technology, download, upload, price_cents, active)| {
                super::entry(
                    id,
                    CatalogValues::Plans {
                        name,
                        technology,
                        download_mbps: super::whole(download),
                        upload_mbps: super::whole(upload),
                        price_cents,
                    },
                    active,
                )
            },
        )
        .collect())
}
