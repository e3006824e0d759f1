//! The pre-registered records the flow chooses from: plans, routing points, ticket types,
//! work-order types and statuses and troubleshooting scripts (e-mail templates:
//! `email_templates`).
use uuid::Uuid;

use crate::scripts::{self, StoredDefinition};
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

/// A network node serving plans ("Ponto de Roteamento").
#[derive(Debug, Clone)]
pub struct NewRoutingPoint {
    pub name: String,
    pub kind: String,
    pub address: String,
    pub ip: String,
    pub status: String,
}

/// Who a ticket type is destined to, if anyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    Nobody,
    User(Uuid),
    Role(Uuid),
}

/// A ticket type ("Tipo de Atendimento").
#[derive(Debug, Clone)]
pub struct NewTicketType {
    pub name: String,
    pub destination: Destination,
    pub sla_hours: i64,
}

/// A work-order type ("Tipo de OS").
#[derive(Debug, Clone)]
pub struct NewWorkOrderType {
    pub name: String,
    pub is_site_survey: bool,
    pub default_minutes: i64,
    pub color: String,
}

/// A work-order status.
#[derive(Debug, Clone)]
pub struct NewWorkOrderStatus {
    pub name: String,
    pub color: String,
    pub is_final: bool,
}

/// A troubleshooting script with its first published version.
#[derive(Debug, Clone)]
pub struct NewScript {
    pub name: String,
    pub keywords: String,
    /// The script's graph as JSON.
    pub definition: String,
}

/// Creates plans in one transaction; returns their ids in order.
pub async fn insert_plans(store: &Store, plans: &[NewPlan]) -> Result<Vec<Uuid>> {
    let mut tx = store.pool().begin().await?;
    let mut ids = Vec::with_capacity(plans.len());
    for plan in plans {
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
        .bind(store.stamp())
        .execute(&mut *tx)
        .await?;
        ids.push(id);
    }
    tx.commit().await?;
    Ok(ids)
}

/// Creates routing points in one transaction; returns their ids in order.
pub async fn insert_routing_points(store: &Store, points: &[NewRoutingPoint]) -> Result<Vec<Uuid>> {
    let mut tx = store.pool().begin().await?;
    let mut ids = Vec::with_capacity(points.len());
    for point in points {
        let id = new_id();
        sqlx::query(
            "INSERT INTO routing_points (id, name, kind, address, ip, status, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )
        .bind(id)
        .bind(&point.name)
        .bind(&point.kind)
        .bind(&point.address)
        .bind(&point.ip)
        .bind(&point.status)
        .bind(store.stamp())
        .execute(&mut *tx)
        .await?;
        ids.push(id);
    }
    tx.commit().await?;
    Ok(ids)
}

/// Creates a ticket type and returns its id.
pub async fn insert_ticket_type(store: &Store, ticket_type: &NewTicketType) -> Result<Uuid> {
    let id = new_id();
    let (user, role) = match ticket_type.destination {
        Destination::Nobody => (None, None),
        Destination::User(user) => (Some(user), None),
        Destination::Role(role) => (None, Some(role)),
    };
    sqlx::query(
        "INSERT INTO ticket_types (id, name, destined_user_id, destined_role_id, sla_hours,
                                   changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .bind(id)
    .bind(&ticket_type.name)
    .bind(user)
    .bind(role)
    .bind(ticket_type.sla_hours)
    .bind(store.stamp())
    .execute(store.pool())
    .await?;
    Ok(id)
}

/// Creates a work-order type and returns its id.
pub async fn insert_work_order_type(store: &Store, kind: &NewWorkOrderType) -> Result<Uuid> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO work_order_types (id, name, is_site_survey, default_minutes, color,
                                       changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .bind(id)
    .bind(&kind.name)
    .bind(kind.is_site_survey)
    .bind(kind.default_minutes)
    .bind(&kind.color)
    .bind(store.stamp())
    .execute(store.pool())
    .await?;
    Ok(id)
}

/// Creates work-order statuses, in the order given; returns their ids.
pub async fn insert_work_order_statuses(
    store: &Store,
    statuses: &[NewWorkOrderStatus],
) -> Result<Vec<Uuid>> {
    let mut tx = store.pool().begin().await?;
    let mut ids = Vec::with_capacity(statuses.len());
    for (position, status) in (0_i64..).zip(statuses) {
        let id = new_id();
        sqlx::query(
            "INSERT INTO work_order_statuses (id, name, color, is_final, position, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .bind(id)
        .bind(&status.name)
        .bind(&status.color)
        .bind(status.is_final)
        .bind(position)
        .bind(store.stamp())
        .execute(&mut *tx)
        .await?;
        ids.push(id);
    }
    tx.commit().await?;
    Ok(ids)
}

/// Creates a script and publishes its definition as version 1, as given (unchecked: for
/// trusted data such as the demo's; authors go through [`scripts::publish`]);
/// returns the script's id.
pub async fn insert_script(store: &Store, script: &NewScript) -> Result<Uuid> {
    let mut tx = store.pool().begin().await?;
    let definition = StoredDefinition::from_json(&script.definition);
    let (id, _) =
        scripts::insert_new(&mut tx, store, &script.name, &script.keywords, &definition).await?;
    tx.commit().await?;
    Ok(id)
}
