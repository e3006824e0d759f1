//! Customers' contracts ("customer_plans") created and changed in the Clientes module and by
//! imports, with their change-log lines; and the plans and routing points they can be about.
//! Forms come validated (`ContractForm::validate`).
use std::collections::HashMap;

use helpdesk_core::contract::{self, fields, ContractForm, ContractNames, ContractStatus};
use helpdesk_core::contract::{PlanChoices, PlanOption};
use helpdesk_core::customer_record::RoutingPoint;
use helpdesk_core::form::FieldError;
use sqlx::{Sqlite, SqliteConnection, Transaction};
use uuid::Uuid;

use crate::customer_edits::Upserted;
use crate::{customer_changes, customers::index_many, new_id, Result, Store};

/// What saving the contract form did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Saved, for this customer.
    Saved(Uuid),
    Refused(FieldError),
    /// The customer or the contract being changed does not exist any more.
    NotFound,
}

/// Creates or changes the contract of `form` in one transaction, as `user`; `today`
/// ("aaaa-mm-dd", the desktop's local date) is when its situation changed, if it did.
pub async fn save(
    store: &Store,
    user: Uuid,
    form: &ContractForm,
    today: &str,
) -> Result<SaveOutcome> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let customer_exists: bool =
        sqlx::query_scalar("SELECT count(*) > 0 FROM customers WHERE id = ?1 AND deleted = 0")
            .bind(form.customer_id)
            .fetch_one(&mut *tx)
            .await?;
    if !customer_exists {
        return Ok(SaveOutcome::NotFound);
    }
    let before = match form.id {
        None => None,
        Some(id) => match stored_form(&mut tx, id).await? {
            Some(before) if before.customer_id == form.customer_id => Some(before),
            _ => return Ok(SaveOutcome::NotFound),
        },
    };
    let written = write(&mut tx, store, user, before.as_ref(), form, today).await?;
    if let Upserted::Refused(error) = written {
        return Ok(SaveOutcome::Refused(error));
    }
    if !matches!(written, Upserted::Unchanged(_)) {
        index_many(&mut tx, &[form.customer_id]).await?;
    }
    tx.commit().await?;
    Ok(SaveOutcome::Saved(form.customer_id))
}

/// Creates or updates the contract an imported row describes, found by its login, for
/// `form.customer_id`, in the caller's transaction (whose caller refreshes the search
/// entries). A login of another customer's contract is refused.
pub async fn upsert_in(
    tx: &mut Transaction<'_, Sqlite>,
    store: &Store,
    user: Uuid,
    form: &ContractForm,
    today: &str,
) -> Result<Upserted> {
    let existing: Option<Uuid> = sqlx::query_scalar(
        "SELECT id FROM customer_plans WHERE login = ?1 AND customer_id = ?2 AND deleted = 0",
    )
    .bind(&form.login)
    .bind(form.customer_id)
    .fetch_optional(&mut **tx)
    .await?;
    let before = match existing {
        Some(id) => stored_form(tx, id).await?,
        None => None,
    };
    let form = ContractForm {
        id: existing,
        ..form.clone()
    };
    write(tx, store, user, before.as_ref(), &form, today).await
}

async fn write(
    conn: &mut SqliteConnection,
    store: &Store,
    user: Uuid,
    before: Option<&ContractForm>,
    form: &ContractForm,
    today: &str,
) -> Result<Upserted> {
    if let Some(before) = before.filter(|before| *before == form) {
        return Ok(Upserted::Unchanged(before.id.unwrap_or_default()));
    }
    if let Some(refusal) = refusal(conn, before, form).await? {
        return Ok(Upserted::Refused(refusal));
    }
    let (Some(plan_id), Some(point_id)) = (form.plan_id, form.routing_point_id) else {
        return Ok(Upserted::Refused(FieldError::new(
            fields::PLAN,
            "Escolha o plano e o ponto de roteamento.",
        )));
    };
    let stamp = store.stamp();
    let status_changed = before.is_none_or(|before| before.status != form.status);
    let written = match before.and_then(|before| before.id) {
        None => {
            let id = new_id();
            sqlx::query(
                "INSERT INTO customer_plans (id, customer_id, plan_id, routing_point_id, login,
                     status, installed_on, installation_address, status_changed_on, changed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )
            .bind(id)
            .bind(form.customer_id)
            .bind(plan_id)
            .bind(point_id)
            .bind(&form.login)
            .bind(form.status.label())
            .bind(&form.installed_on)
            .bind(&form.installation_address)
            .bind(today)
            .bind(stamp)
            .execute(&mut *conn)
            .await?;
            Upserted::Created(id)
        }
        Some(id) => {
            sqlx::query(
                "UPDATE customer_plans SET plan_id = ?1, routing_point_id = ?2, login = ?3,
                     status = ?4, installed_on = ?5, installation_address = ?6,
                     status_changed_on = CASE WHEN ?7 THEN ?8 ELSE status_changed_on END,
                     changed_at = ?9
                 WHERE id = ?10",
            )
            .bind(plan_id)
            .bind(point_id)
            .bind(&form.login)
            .bind(form.status.label())
            .bind(&form.installed_on)
            .bind(&form.installation_address)
            .bind(status_changed)
            .bind(today)
            .bind(stamp)
            .bind(id)
            .execute(&mut *conn)
            .await?;
            Upserted::Updated(id)
        }
    };
    let names = Names::load(conn, form, before).await?;
    let lines = contract::describe(before, form, &names);
    customer_changes::append_in(conn, stamp, form.customer_id, user, &lines).await?;
    Ok(written)
}

/// Why the contract cannot be saved: its login is another contract's, or its plan or
/// routing point is not active (kept as it was on a contract that does not change it).
async fn refusal(
    conn: &mut SqliteConnection,
    before: Option<&ContractForm>,
    form: &ContractForm,
) -> Result<Option<FieldError>> {
    let login_owner: Option<(String, String)> = sqlx::query_as(
        "SELECT c.code, c.name FROM customer_plans cp JOIN customers c ON c.id = cp.customer_id
         WHERE cp.login = ?1 AND cp.deleted = 0 AND cp.id IS NOT ?2",
    )
    .bind(&form.login)
    .bind(form.id)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some((code, name)) = login_owner {
        return Ok(Some(FieldError::new(
            fields::LOGIN,
            format!(
                "O login {} já é de um contrato do cliente {code} – {name}.",
                form.login
            ),
        )));
    }
    let plan_kept = before.is_some_and(|before| before.plan_id == form.plan_id);
    if !plan_kept && !active(conn, "plans", form.plan_id).await? {
        return Ok(Some(FieldError::new(
            fields::PLAN,
            "Escolha um plano ativo do catálogo.",
        )));
    }
    let point_kept = before.is_some_and(|before| before.routing_point_id == form.routing_point_id);
    if !point_kept && !active(conn, "routing_points", form.routing_point_id).await? {
        return Ok(Some(FieldError::new(
            fields::ROUTING_POINT,
            "Escolha um ponto de roteamento ativo do catálogo.",
        )));
    }
    Ok(None)
}

/// Whether `id` is an active entry of `table` ("plans" or "routing_points", never a
/// request's text).
async fn active(
    conn: &mut SqliteConnection,
    table: &'static str,
    id: Option<Uuid>,
) -> Result<bool> {
    let sql = match table {
        "plans" => "SELECT count(*) > 0 FROM plans WHERE id = ?1 AND active = 1 AND deleted = 0",
        _ => "SELECT count(*) > 0 FROM routing_points WHERE id = ?1 AND active = 1 AND deleted = 0",
    };
    Ok(sqlx::query_scalar(sql).bind(id).fetch_one(conn).await?)
}

/// The contract as its form would be saved again unchanged, or `None` when it is gone.
async fn stored_form(conn: &mut SqliteConnection, id: Uuid) -> Result<Option<ContractForm>> {
    let row: Option<(Uuid, Uuid, Uuid, String, String, String, String)> = sqlx::query_as(
        "SELECT customer_id, plan_id, routing_point_id, login, installation_address,
                installed_on, status
         FROM customer_plans WHERE id = ?1 AND deleted = 0",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(
        |(customer_id, plan_id, point_id, login, installation_address, installed_on, status)| {
            ContractForm {
                id: Some(id),
                customer_id,
                plan_id: Some(plan_id),
                routing_point_id: Some(point_id),
                login,
                installation_address,
                installed_on,
                status: ContractStatus::from_label(&status).unwrap_or_default(),
            }
        },
    ))
}

/// The names of the plans and routing points a change line mentions.
struct Names {
    plans: HashMap<Uuid, String>,
    points: HashMap<Uuid, String>,
}

impl Names {
    async fn load(
        conn: &mut SqliteConnection,
        form: &ContractForm,
        before: Option<&ContractForm>,
    ) -> Result<Names> {
        let mut names = Names {
            plans: HashMap::new(),
            points: HashMap::new(),
        };
        let forms = [Some(form), before];
        for form in forms.into_iter().flatten() {
            if let Some(id) = form.plan_id {
                let name: Option<String> =
                    sqlx::query_scalar("SELECT name FROM plans WHERE id = ?1")
                        .bind(id)
                        .fetch_optional(&mut *conn)
                        .await?;
                names.plans.insert(id, name.unwrap_or_default());
            }
            if let Some(id) = form.routing_point_id {
                let name: Option<String> =
                    sqlx::query_scalar("SELECT name FROM routing_points WHERE id = ?1")
                        .bind(id)
                        .fetch_optional(&mut *conn)
                        .await?;
                names.points.insert(id, name.unwrap_or_default());
            }
        }
        Ok(names)
    }
}

impl ContractNames for Names {
    fn plan(&self, id: Uuid) -> String {
        self.plans.get(&id).cloned().unwrap_or_default()
    }

    fn routing_point(&self, id: Uuid) -> String {
        self.points.get(&id).cloned().unwrap_or_default()
    }
}

/// The active plans and routing points, by name.
pub async fn choices(store: &Store) -> Result<PlanChoices> {
    let plans: Vec<(Uuid, String, String, u32, u32)> = sqlx::query_as(
        "SELECT id, name, technology, download_mbps, upload_mbps FROM plans
         WHERE active = 1 AND deleted = 0 ORDER BY name",
    )
    .fetch_all(store.pool())
    .await?;
    let points: Vec<(Uuid, String, String, String, String, String)> = sqlx::query_as(
        "SELECT id, name, kind, address, ip, status FROM routing_points
         WHERE active = 1 AND deleted = 0 ORDER BY name",
    )
    .fetch_all(store.pool())
    .await?;
    Ok(PlanChoices {
        plans: plans
            .into_iter()
            .map(
                |(id, name, technology, download_mbps, upload_mbps)| PlanOption {
                    id,
                    name,
                    technology,
                    download_mbps,
                    upload_mbps,
                },
            )
            .collect(),
        routing_points: points
            .into_iter()
            .map(|(id, name, kind, address, ip, status)| RoutingPoint {
                id,
                name,
                kind,
                address,
                ip,
                status,
            })
            .collect(),
    })
}
