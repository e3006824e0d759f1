//! The catalogs an administrator keeps and the wizard chooses from (roles, teams, ticket
//! types, work-order types and statuses, technicians, routing points, plans, contact
//! roles), one module per table, each the only one writing it; and seeding troubleshooting
//! scripts (e-mail templates: `email_templates`).
//!
//! [`save`] and [`set_active`] run in one `BEGIN IMMEDIATE` transaction: the name is checked
//! unique in its catalog (ignoring case and accents, deleted rows included, as the tables'
//! `UNIQUE` columns count them), the catalog's rules are checked, and every write stamps
//! `changed_at` so that it syncs. Deactivating never deletes.
mod contact_roles;
mod named;
mod plans;
mod roles;
mod routing_points;
mod teams;
mod technicians;
mod ticket_types;
mod work_order_statuses;
mod work_order_types;

use helpdesk_core::catalog::{CatalogActiveChange, CatalogEntry, CatalogKind, CatalogValues};
use helpdesk_core::text::fold;
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::scripts::{self, StoredDefinition};
use crate::{people, Result, Store};
pub use contact_roles::active_names as contact_role_names;
pub use plans::{insert_plans, NewPlan};
pub use roles::{insert_role, insert_role_in};
pub use routing_points::{insert_routing_points, NewRoutingPoint};
pub use teams::insert_team;
pub use technicians::{insert_technician, NewTechnician};
pub use ticket_types::{insert_ticket_type, Destination, NewTicketType};
pub use work_order_statuses::{insert_work_order_statuses, NewWorkOrderStatus};
pub use work_order_types::{insert_work_order_type, NewWorkOrderType};

/// Why a catalog change was refused; nothing was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The role is held by this many active users.
    RoleInUse(i64),
    /// No active administrator would be left.
    LastAdministrator,
    /// The ticket type's user or role is deactivated or removed.
    DestinationInactive,
    /// The technician's team is deactivated or removed.
    TeamInactive,
    /// The technician's user is deactivated or removed.
    UserInactive,
    /// The team has this many active technicians.
    TeamInUse(i64),
}

/// What [`save`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    Saved(CatalogEntry),
    /// Another entry of the catalog has the name (ignoring case and accents).
    NameTaken,
    /// No such entry in the catalog.
    NotFound,
    Refused(Refusal),
}

/// What [`set_active`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActiveOutcome {
    Saved(CatalogEntry),
    NotFound,
    Refused(Refusal),
}

/// What a table's module did inside the transaction.
enum Written {
    Saved(Uuid),
    NotFound,
    Refused(Refusal),
}

impl Written {
    /// An `UPDATE` of entry `id` that changed `rows` rows: none when it does not exist.
    fn updated(id: Uuid, rows: u64) -> Self {
        if rows == 0 {
            Written::NotFound
        } else {
            Written::Saved(id)
        }
    }
}

/// The catalog's entries, active and inactive (not deleted): by name ignoring case and
/// accents, the work-order statuses in their workflow order.
pub async fn list(store: &Store, kind: CatalogKind) -> Result<Vec<CatalogEntry>> {
    let mut conn = store.pool().acquire().await?;
    let mut entries = match kind {
        CatalogKind::Roles => roles::list(&mut conn).await?,
        CatalogKind::Teams => teams::list(&mut conn).await?,
        CatalogKind::TicketTypes => ticket_types::list(&mut conn).await?,
        CatalogKind::WorkOrderTypes => work_order_types::list(&mut conn).await?,
        CatalogKind::WorkOrderStatuses => return work_order_statuses::list(&mut conn).await,
        CatalogKind::Technicians => technicians::list(&mut conn).await?,
        CatalogKind::RoutingPoints => routing_points::list(&mut conn).await?,
        CatalogKind::Plans => plans::list(&mut conn).await?,
        CatalogKind::ContactRoles => contact_roles::list(&mut conn).await?,
    };
    entries.sort_by_cached_key(|entry| fold(entry.fields.name()));
    Ok(entries)
}

/// Creates the entry (`id` `None`) or replaces entry `id`'s values, unless the name is taken
/// in the catalog or a rule refuses it.
pub async fn save(store: &Store, id: Option<Uuid>, values: &CatalogValues) -> Result<SaveOutcome> {
    let kind = values.kind();
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    if name_taken(&mut tx, kind, values.name(), id).await? {
        return Ok(SaveOutcome::NameTaken);
    }
    let administrators = administrators_before(&mut tx, kind).await?;
    let stamp = store.stamp();
    let conn = &mut *tx;
    let written = match values.clone() {
        CatalogValues::Roles {
            name,
            administrator,
            edits_customers,
        } => roles::write(conn, stamp, id, &name, administrator, edits_customers).await?,
        CatalogValues::Teams { name } => teams::write(conn, stamp, id, &name).await?,
        CatalogValues::TicketTypes {
            name,
            destination,
            sla_hours,
            sla_calendar,
        } => {
            let ticket_type = NewTicketType {
                name,
                destination: Destination::of(destination.as_ref()),
                sla_hours: i64::from(sla_hours),
                sla_calendar,
            };
            ticket_types::write(conn, stamp, id, &ticket_type).await?
        }
        CatalogValues::WorkOrderTypes {
            name,
            minutes,
            site_survey,
            color,
        } => {
            let work_order_type = NewWorkOrderType {
                name,
                is_site_survey: site_survey,
                default_minutes: i64::from(minutes),
                color,
            };
            work_order_types::write(conn, stamp, id, &work_order_type).await?
        }
        CatalogValues::WorkOrderStatuses { name, stage, color } => {
            let status = NewWorkOrderStatus { name, color, stage };
            work_order_statuses::write(conn, stamp, id, &status).await?
        }
        CatalogValues::Technicians {
            name,
            team_id,
            user_id,
            phone,
        } => {
            let technician = NewTechnician {
                name,
                team_id,
                user_id,
                phone,
            };
            technicians::write(conn, stamp, id, &technician).await?
        }
        CatalogValues::RoutingPoints {
            name,
            kind,
            address,
            ip,
            status,
        } => {
            let point = NewRoutingPoint {
                name,
                kind,
                address,
                ip,
                status,
            };
            routing_points::write(conn, stamp, id, &point).await?
        }
        CatalogValues::Plans {
            name,
            technology,
            download_mbps,
            upload_mbps,
            price_cents,
        } => {
            let plan = NewPlan {
                name,
                technology,
                download_mbps: i64::from(download_mbps),
                upload_mbps: i64::from(upload_mbps),
                price_cents,
            };
            plans::write(conn, stamp, id, &plan).await?
        }
        CatalogValues::ContactRoles { name } => {
            contact_roles::write(conn, stamp, id, &name).await?
        }
    };
    let id = match written {
        Written::Saved(id) => id,
        Written::NotFound => return Ok(SaveOutcome::NotFound),
        Written::Refused(refusal) => return Ok(SaveOutcome::Refused(refusal)),
    };
    if administrators_lost(&mut tx, administrators).await? {
        return Ok(SaveOutcome::Refused(Refusal::LastAdministrator));
    }
    tx.commit().await?;
    Ok(match find(store, kind, id).await? {
        Some(entry) => SaveOutcome::Saved(entry),
        None => SaveOutcome::NotFound,
    })
}

/// Deactivates or reactivates an entry, unless a rule refuses it: a role held by active
/// users, or whose deactivation leaves no administrator; a team with active technicians; a
/// technician of an inactive team or a ticket type of an inactive user or role reactivated.
pub async fn set_active(store: &Store, change: CatalogActiveChange) -> Result<ActiveOutcome> {
    let CatalogActiveChange { kind, id, active } = change;
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let administrators = administrators_before(&mut tx, kind).await?;
    let refusal = match (kind, active) {
        (CatalogKind::Roles, false) => roles::before_deactivating(&mut tx, id).await?,
        (CatalogKind::Teams, false) => teams::before_deactivating(&mut tx, id).await?,
        (CatalogKind::Technicians, true) => technicians::before_reactivating(&mut tx, id).await?,
        (CatalogKind::TicketTypes, true) => ticket_types::before_reactivating(&mut tx, id).await?,
        _ => None,
    };
    if let Some(refusal) = refusal {
        return Ok(ActiveOutcome::Refused(refusal));
    }
    let sql = format!(
        "UPDATE {} SET active = ?1, changed_at = ?2 WHERE id = ?3 AND deleted = 0",
        kind.table()
    );
    let updated = sqlx::query(&sql)
        .bind(active)
        .bind(store.stamp())
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if updated == 0 {
        return Ok(ActiveOutcome::NotFound);
    }
    if administrators_lost(&mut tx, administrators).await? {
        return Ok(ActiveOutcome::Refused(Refusal::LastAdministrator));
    }
    tx.commit().await?;
    Ok(match find(store, kind, id).await? {
        Some(entry) => ActiveOutcome::Saved(entry),
        None => ActiveOutcome::NotFound,
    })
}

/// Whether another row of the catalog (deleted or not) has `name`, ignoring case and
/// accents. The catalogs are small: their names are folded here rather than indexed.
async fn name_taken(
    conn: &mut SqliteConnection,
    kind: CatalogKind,
    name: &str,
    except: Option<Uuid>,
) -> Result<bool> {
    let sql = format!("SELECT id, name FROM {}", kind.table());
    let rows: Vec<(Uuid, String)> = sqlx::query_as(&sql).fetch_all(conn).await?;
    let folded = fold(name);
    Ok(rows
        .into_iter()
        .any(|(id, other)| Some(id) != except && fold(&other) == folded))
}

/// How many active administrators there are before a change of a role (`None` for the
/// other catalogs, which cannot change it).
async fn administrators_before(
    conn: &mut SqliteConnection,
    kind: CatalogKind,
) -> Result<Option<i64>> {
    Ok(match kind {
        CatalogKind::Roles => Some(people::administrators_left_in(conn).await?),
        _ => None,
    })
}

/// Whether the change just made (not committed) leaves no active administrator where
/// there were some `before`; a database without administrators yet (before the first one
/// is made) is not refused its roles.
async fn administrators_lost(conn: &mut SqliteConnection, before: Option<i64>) -> Result<bool> {
    Ok(match before {
        Some(before) if before > 0 => people::administrators_left_in(conn).await? == 0,
        _ => false,
    })
}

/// The entry `id` of the catalog as its list shows it.
async fn find(store: &Store, kind: CatalogKind, id: Uuid) -> Result<Option<CatalogEntry>> {
    Ok(list(store, kind)
        .await?
        .into_iter()
        .find(|entry| entry.id == id))
}

/// A troubleshooting script with its first published version.
#[derive(Debug, Clone)]
pub struct NewScript {
    pub name: String,
    pub keywords: String,
    /// The script's graph as JSON.
    pub definition: String,
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

/// Inserts `items` with `insert` in one transaction (trusted data: tests, benchmarks);
/// returns their ids in order.
async fn insert_each<T>(
    store: &Store,
    items: &[T],
    insert: impl AsyncFn(&mut SqliteConnection, i64, &T) -> Result<Uuid>,
) -> Result<Vec<Uuid>> {
    let mut tx = store.pool().begin().await?;
    let mut ids = Vec::with_capacity(items.len());
    for item in items {
        ids.push(insert(&mut tx, store.stamp(), item).await?);
    }
    tx.commit().await?;
    Ok(ids)
}

/// An entry of a catalog's list.
fn entry(id: Uuid, values: CatalogValues, active: bool) -> CatalogEntry {
    CatalogEntry {
        id,
        fields: values.fields(),
        active,
    }
}

/// A stored number as the catalog's form shows it (the columns have no check): a negative
/// one reads as 0, an enormous one as the most.
fn whole(stored: i64) -> u32 {
    u32::try_from(stored.max(0)).unwrap_or(u32::MAX)
}
