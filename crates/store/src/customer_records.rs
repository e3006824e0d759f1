//! Everything "Dados Cliente" and "Dados Atend." show of one customer: its record with
//! e-mails and phones, its contacts, and its contracted plans with their routing points.
//!
//! Three indexed lookups by the customer's id, in one read transaction so the parts agree.
use helpdesk_core::contact::Contact;
use helpdesk_core::contract::ContractStatus;
use helpdesk_core::customer_form::PersonKind;
use helpdesk_core::customer_record::{ContractedPlan, CustomerRecord, RoutingPoint};
use helpdesk_core::document::format_digits;
use sqlx::Row;
use uuid::Uuid;

use crate::customers::split_list;
use crate::{Result, Store};

/// One contact of the customer.
#[derive(sqlx::FromRow)]
struct ContactRow {
    id: Uuid,
    name: String,
    phone: String,
    email: String,
    relation: String,
}

/// The customer's record, or `None` when there is no such customer or it was deleted.
pub async fn record(store: &Store, id: Uuid) -> Result<Option<CustomerRecord>> {
    let mut tx = store.pool().begin().await?;
    let Some(row) = sqlx::query(
        "SELECT c.kind, c.code, c.name, c.trade_name, c.document, c.street, c.number,
            c.complement, c.district, c.city, c.state, c.postal_code, c.notes, c.created_at,
            (SELECT group_concat(email, char(31) ORDER BY rowid) FROM customer_emails
             WHERE customer_id = c.id AND deleted = 0) AS emails,
            (SELECT group_concat(phone, char(31) ORDER BY rowid) FROM customer_phones
             WHERE customer_id = c.id AND deleted = 0) AS phones
         FROM customers c WHERE c.id = ?1 AND c.deleted = 0",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(None);
    };

    let contacts = sqlx::query_as::<_, ContactRow>(
        "SELECT id, name, phone, email, relation FROM contacts
         WHERE customer_id = ?1 AND deleted = 0 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(|row| Contact {
        id: row.id,
        name: row.name,
        phone: row.phone,
        email: row.email,
        relation: row.relation,
    })
    .collect();

    // A plan or routing point retired from the catalog still describes the contracts that
    // use it, so only the contract's own tombstone hides it.
    let plan_rows = sqlx::query(
        "SELECT cp.id, cp.plan_id, p.name AS plan, p.technology, p.download_mbps,
            p.upload_mbps, cp.login, cp.status, cp.status_changed_on, cp.installed_on,
            cp.installation_address, r.id AS point_id, r.name AS point_name,
            r.kind, r.address, r.ip, r.status AS point_status
         FROM customer_plans cp
         JOIN plans p ON p.id = cp.plan_id
         JOIN routing_points r ON r.id = cp.routing_point_id
         WHERE cp.customer_id = ?1 AND cp.deleted = 0
         ORDER BY cp.installed_on, cp.rowid",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;

    let mut plans = Vec::with_capacity(plan_rows.len());
    for plan in plan_rows {
        plans.push(ContractedPlan {
            id: plan.try_get("id")?,
            plan_id: plan.try_get("plan_id")?,
            plan: plan.try_get("plan")?,
            technology: plan.try_get("technology")?,
            download_mbps: plan.try_get("download_mbps")?,
            upload_mbps: plan.try_get("upload_mbps")?,
            login: plan.try_get("login")?,
            status: ContractStatus::from_label(plan.try_get("status")?).unwrap_or_default(),
            status_changed_on: plan.try_get("status_changed_on")?,
            installed_on: plan.try_get("installed_on")?,
            installation_address: plan.try_get("installation_address")?,
            routing_point: RoutingPoint {
                id: plan.try_get("point_id")?,
                name: plan.try_get("point_name")?,
                kind: plan.try_get("kind")?,
                address: plan.try_get("address")?,
                ip: plan.try_get("ip")?,
                status: plan.try_get("point_status")?,
            },
        });
    }
    Ok(Some(CustomerRecord {
        id,
        kind: PersonKind::from_code(row.try_get("kind")?),
        code: row.try_get("code")?,
        name: row.try_get("name")?,
        trade_name: row.try_get("trade_name")?,
        document: format_digits(row.try_get("document")?),
        street: row.try_get("street")?,
        number: row.try_get("number")?,
        complement: row.try_get("complement")?,
        district: row.try_get("district")?,
        city: row.try_get("city")?,
        state: row.try_get("state")?,
        postal_code: row.try_get("postal_code")?,
        created_at: row.try_get("created_at")?,
        emails: split_list(row.try_get("emails")?),
        phones: split_list(row.try_get("phones")?),
        notes: row.try_get("notes")?,
        contacts,
        plans,
    }))
}
