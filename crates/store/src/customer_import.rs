//! Imports of a provider's base: the mapping remembered per kind of file, each file's run
//! (its identity, how far it got, what it did) and the rows it refused, all local to this
//! desktop (`import_mappings`, `import_runs`, `import_rejects`, written only here). Rows are
//! written through their owners (`customer_edits`, `contracts`, `catalog`) in batches; a
//! batch of customers or contracts, its refusals and the run's progress commit together, so
//! a cancelled or killed run leaves whole batches and resumes after the last one. Exporting
//! the base back: `customer_export`.
use std::collections::HashMap;

use helpdesk_core::catalog::{CatalogKind, CatalogValues};
use helpdesk_core::contract::fields as contract_fields;
use helpdesk_core::import::mapping::ColumnMapping;
use helpdesk_core::import::row::{self, ContractRow, RowError};
use helpdesk_core::import::{fields as import_fields, ImportCounts, ImportKind};
use helpdesk_core::import::{MatchCustomersBy, RejectedRow};
use helpdesk_core::text::fold;
use sqlx::{Sqlite, SqliteConnection, Transaction};
use uuid::Uuid;

use crate::customer_edits::{self, MatchBy, Upserted};
use crate::{catalog, contracts, new_id, now_millis, Result, Store, StoreError};

/// A run's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunStatus {
    Running,
    Cancelled,
    Done,
}

impl RunStatus {
    fn code(self) -> &'static str {
        match self {
            RunStatus::Running => "running",
            RunStatus::Cancelled => "cancelled",
            RunStatus::Done => "done",
        }
    }

    fn from_code(code: &str) -> RunStatus {
        match code {
            "done" => RunStatus::Done,
            "cancelled" => RunStatus::Cancelled,
            _ => RunStatus::Running,
        }
    }
}

/// The file a run reads: its name, where it is, and its identity (size and SHA-256).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunFile {
    pub name: String,
    pub path: String,
    pub size: u64,
    pub hash: String,
}

/// One file's run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRun {
    pub id: Uuid,
    pub kind: ImportKind,
    pub file: RunFile,
    pub match_by: MatchCustomersBy,
    pub headers: Vec<String>,
    pub mapping: ColumnMapping,
    /// Checks the rows without writing them.
    pub dry_run: bool,
    pub counts: ImportCounts,
    pub status: RunStatus,
}

/// A row of a batch: where it starts in the file and what it reads as, or why not.
#[derive(Debug, Clone)]
pub struct Item<T> {
    pub line: u64,
    pub row: std::result::Result<T, Vec<RowError>>,
}

/// The rows of one batch, of the run's kind.
#[derive(Debug, Clone)]
pub enum Batch {
    Customers(Vec<Item<helpdesk_core::customer_form::CustomerForm>>),
    Contracts(Vec<Item<ContractRow>>),
    Catalog(Vec<Item<CatalogValues>>),
}

impl Batch {
    fn len(&self) -> usize {
        match self {
            Batch::Customers(items) => items.len(),
            Batch::Contracts(items) => items.len(),
            Batch::Catalog(items) => items.len(),
        }
    }
}

/// The (header, field) pairs remembered from the last import of `kind`.
pub async fn remembered_mapping(store: &Store, kind: ImportKind) -> Result<Vec<(String, String)>> {
    Ok(
        sqlx::query_as("SELECT header, field FROM import_mappings WHERE kind = ?1")
            .bind(kind.code())
            .fetch_all(store.pool())
            .await?,
    )
}

/// Remembers `pairs` as the mapping of `kind`'s next import.
pub async fn remember_mapping(
    store: &Store,
    kind: ImportKind,
    pairs: &[(String, String)],
) -> Result<()> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    sqlx::query("DELETE FROM import_mappings WHERE kind = ?1")
        .bind(kind.code())
        .execute(&mut *tx)
        .await?;
    for (header, field) in pairs {
        sqlx::query(
            "INSERT INTO import_mappings (kind, header, field) VALUES (?1, ?2, ?3)
             ON CONFLICT (kind, header) DO NOTHING",
        )
        .bind(kind.code())
        .bind(header)
        .bind(field)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Starts a run of `file`.
#[allow(clippy::too_many_arguments)]
pub async fn start(
    store: &Store,
    kind: ImportKind,
    file: &RunFile,
    match_by: MatchCustomersBy,
    headers: &[String],
    mapping: &ColumnMapping,
    dry_run: bool,
) -> Result<ImportRun> {
    let id = new_id();
    let now = now_millis();
    sqlx::query(
        "INSERT INTO import_runs (id, kind, file_name, file_path, file_size, file_hash,
             match_by, headers, mapping, dry_run, status, started_at, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'running', ?11, ?11)",
    )
    .bind(id)
    .bind(kind.code())
    .bind(&file.name)
    .bind(&file.path)
    .bind(i64::try_from(file.size).unwrap_or(i64::MAX))
    .bind(&file.hash)
    .bind(match_by.code())
    .bind(serde_json::to_string(headers)?)
    .bind(serde_json::to_string(&mapping.columns)?)
    .bind(dry_run)
    .bind(now)
    .execute(store.pool())
    .await?;
    Ok(ImportRun {
        id,
        kind,
        file: file.clone(),
        match_by,
        headers: headers.to_vec(),
        mapping: mapping.clone(),
        dry_run,
        counts: ImportCounts::default(),
        status: RunStatus::Running,
    })
}

const RUN_COLUMNS: &str = "id, kind, file_name, file_path, file_size, file_hash, match_by,
    headers, mapping, dry_run, records, created, updated, unchanged, rejected, status";

type RunRow = (
    Uuid,
    String,
    String,
    String,
    i64,
    String,
    String,
    String,
    String,
    bool,
    i64,
    i64,
    i64,
    i64,
    i64,
    String,
);

fn run_of(row: RunRow) -> Result<ImportRun> {
    let (id, kind, name, path, size, hash, match_by, headers, mapping, dry_run) = (
        row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8, row.9,
    );
    let count = |value: i64| u32::try_from(value).unwrap_or_default();
    Ok(ImportRun {
        id,
        kind: ImportKind::from_code(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("import kind {kind}")))?,
        file: RunFile {
            name,
            path,
            size: u64::try_from(size).unwrap_or_default(),
            hash,
        },
        match_by: MatchCustomersBy::from_code(&match_by),
        headers: serde_json::from_str(&headers)?,
        mapping: ColumnMapping {
            columns: serde_json::from_str(&mapping)?,
        },
        dry_run,
        counts: ImportCounts {
            read: count(row.10),
            created: count(row.11),
            updated: count(row.12),
            unchanged: count(row.13),
            rejected: count(row.14),
        },
        status: RunStatus::from_code(&row.15),
    })
}

/// The run `id`.
pub async fn run(store: &Store, id: Uuid) -> Result<Option<ImportRun>> {
    let sql = format!("SELECT {RUN_COLUMNS} FROM import_runs WHERE id = ?1");
    let row: Option<RunRow> = sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(store.pool())
        .await?;
    row.map(run_of).transpose()
}

/// The imports (not dry runs) cancelled or interrupted and not resumed to their end, the
/// latest of each kind, in import order.
pub async fn pending(store: &Store) -> Result<Vec<ImportRun>> {
    let sql = format!(
        "SELECT {RUN_COLUMNS} FROM import_runs r
         WHERE dry_run = 0 AND status <> 'done'
           AND started_at = (SELECT max(started_at) FROM import_runs
                             WHERE kind = r.kind AND dry_run = 0)"
    );
    let rows: Vec<RunRow> = sqlx::query_as(&sql).fetch_all(store.pool()).await?;
    let mut runs = rows.into_iter().map(run_of).collect::<Result<Vec<_>>>()?;
    runs.sort_by_key(|run| ImportKind::ALL.iter().position(|kind| *kind == run.kind));
    Ok(runs)
}

/// Marks the run cancelled or done.
pub async fn set_status(store: &Store, id: Uuid, status: RunStatus) -> Result<()> {
    sqlx::query("UPDATE import_runs SET status = ?1, changed_at = ?2 WHERE id = ?3")
        .bind(status.code())
        .bind(now_millis())
        .bind(id)
        .execute(store.pool())
        .await?;
    Ok(())
}

/// The first `limit` rows the run refused, by line, and how many it refused in all.
pub async fn rejects(store: &Store, id: Uuid, limit: u32) -> Result<Vec<RejectedRow>> {
    let rows: Vec<(String, i64, String, String)> = sqlx::query_as(
        "SELECT r.file_name, j.line, j.column, j.reason
         FROM import_rejects j JOIN import_runs r ON r.id = j.run_id
         WHERE j.run_id = ?1 ORDER BY j.line, j.rowid LIMIT ?2",
    )
    .bind(id)
    .bind(limit)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(file, line, column, reason)| RejectedRow {
            file,
            line: u32::try_from(line).unwrap_or_default(),
            column,
            reason,
        })
        .collect())
}

/// Commits one batch of `run`: its rows written as `user` (unless a dry run), its
/// refusals and the run's progress, in one transaction (catalog entries, few, are written
/// one by one through the catalog, matched by name, before it). `today` ("aaaa-mm-dd") is
/// when a contract's situation changed.
pub async fn commit_batch(
    store: &Store,
    user: Uuid,
    run: &mut ImportRun,
    batch: Batch,
    today: &str,
) -> Result<()> {
    let records = u32::try_from(batch.len()).unwrap_or(u32::MAX);
    let mut counts = ImportCounts {
        read: records,
        ..ImportCounts::default()
    };
    let mut refused: Vec<(u64, RowError)> = Vec::new();
    let mut refuse = |line: u64, problems: Vec<RowError>, counts: &mut ImportCounts| {
        counts.rejected += 1;
        refused.extend(problems.into_iter().map(|problem| (line, problem)));
    };
    if let Batch::Catalog(items) = &batch {
        for item in items {
            match (&item.row, run.dry_run) {
                (Err(problems), _) => refuse(item.line, problems.clone(), &mut counts),
                (Ok(_), true) => {}
                (Ok(values), false) => match save_entry(store, values).await? {
                    Ok(written) => count(&mut counts, &written),
                    Err(problem) => refuse(item.line, vec![problem], &mut counts),
                },
            }
        }
    }
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    // A dry run writes its rows as an import would, so its report holds every refusal
    // (another customer's document, code or login too), then takes them back.
    if run.dry_run {
        sqlx::query("SAVEPOINT dry_run").execute(&mut *tx).await?;
    }
    match batch {
        Batch::Catalog(_) => {}
        Batch::Customers(items) => {
            let by = match run.match_by {
                MatchCustomersBy::Code => MatchBy::Code,
                MatchCustomersBy::Document => MatchBy::Document,
            };
            let mut written = Vec::new();
            for item in items {
                let row = match item.row {
                    Err(problems) => {
                        refuse(item.line, problems, &mut counts);
                        continue;
                    }
                    Ok(row) => row,
                };
                let stored = customer_edits::stored_match(&mut tx, &row, by).await?;
                let form = match row::merged(&row, stored.as_ref(), &run.mapping) {
                    Err(problems) => {
                        refuse(item.line, problems, &mut counts);
                        continue;
                    }
                    Ok(form) => form,
                };
                match customer_edits::upsert_in(&mut tx, store, user, &form, by).await? {
                    Upserted::Refused(error) => refuse(item.line, vec![error.into()], &mut counts),
                    upserted => {
                        count(&mut counts, &upserted);
                        if let Upserted::Created(id) | Upserted::Updated(id) = upserted {
                            written.push(id);
                        }
                    }
                }
            }
            customer_edits::reindex_in(&mut tx, &written).await?;
        }
        Batch::Contracts(items) => {
            let names = CatalogNames::load(&mut tx).await?;
            let mut written = Vec::new();
            for item in items {
                let row = match item.row {
                    Err(problems) => {
                        refuse(item.line, problems, &mut counts);
                        continue;
                    }
                    Ok(row) => row,
                };
                let form = match names.resolve(&mut tx, &row).await? {
                    Err(problem) => {
                        refuse(item.line, vec![problem], &mut counts);
                        continue;
                    }
                    Ok(form) => form,
                };
                match contracts::upsert_in(&mut tx, store, user, &form, today).await? {
                    Upserted::Refused(error) => refuse(item.line, vec![error.into()], &mut counts),
                    upserted => {
                        count(&mut counts, &upserted);
                        if matches!(upserted, Upserted::Created(_) | Upserted::Updated(_)) {
                            written.push(form.customer_id);
                        }
                    }
                }
            }
            written.dedup();
            customer_edits::reindex_in(&mut tx, &written).await?;
        }
    }
    if run.dry_run {
        sqlx::query("ROLLBACK TO dry_run").execute(&mut *tx).await?;
        sqlx::query("RELEASE dry_run").execute(&mut *tx).await?;
    }
    for (line, problem) in &refused {
        let rejected = problem.report(run.kind, &run.mapping, &run.headers, &run.file.name, *line);
        sqlx::query(
            "INSERT INTO import_rejects (run_id, line, column, reason) VALUES (?1, ?2, ?3, ?4)",
        )
        .bind(run.id)
        .bind(i64::from(rejected.line))
        .bind(&rejected.column)
        .bind(&rejected.reason)
        .execute(&mut *tx)
        .await?;
    }
    let total = ImportCounts {
        read: run.counts.read + counts.read,
        created: run.counts.created + counts.created,
        updated: run.counts.updated + counts.updated,
        unchanged: run.counts.unchanged + counts.unchanged,
        rejected: run.counts.rejected + counts.rejected,
    };
    write_counts(&mut tx, run.id, &total).await?;
    tx.commit().await?;
    run.counts = total;
    Ok(())
}

fn count(counts: &mut ImportCounts, upserted: &Upserted) {
    match upserted {
        Upserted::Created(_) => counts.created += 1,
        Upserted::Updated(_) => counts.updated += 1,
        Upserted::Unchanged(_) => counts.unchanged += 1,
        Upserted::Refused(_) => counts.rejected += 1,
    }
}

async fn write_counts(conn: &mut SqliteConnection, id: Uuid, counts: &ImportCounts) -> Result<()> {
    let value = i64::from;
    sqlx::query(
        "UPDATE import_runs SET records = ?1, created = ?2, updated = ?3, unchanged = ?4,
             rejected = ?5, changed_at = ?6
         WHERE id = ?7",
    )
    .bind(value(counts.read))
    .bind(value(counts.created))
    .bind(value(counts.updated))
    .bind(value(counts.unchanged))
    .bind(value(counts.rejected))
    .bind(now_millis())
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Creates the plan or routing point, or changes the one with its name (ignoring case and
/// accents); an entry already as given is left alone.
async fn save_entry(
    store: &Store,
    values: &CatalogValues,
) -> Result<std::result::Result<Upserted, RowError>> {
    let kind = values.kind();
    let name = fold(values.name());
    let existing = catalog::list(store, kind)
        .await?
        .into_iter()
        .find(|entry| fold(entry.fields.name()) == name);
    if let Some(entry) = &existing {
        if entry.fields == values.fields() {
            return Ok(Ok(Upserted::Unchanged(entry.id)));
        }
    }
    let id = existing.as_ref().map(|entry| entry.id);
    Ok(match catalog::save(store, id, values).await? {
        catalog::SaveOutcome::Saved(entry) if id.is_some() => Ok(Upserted::Updated(entry.id)),
        catalog::SaveOutcome::Saved(entry) => Ok(Upserted::Created(entry.id)),
        _ => Err(RowError {
            field: Some(helpdesk_core::catalog::fields::NAME.to_owned()),
            message: format!(
                "Não foi possível gravar \"{}\" em {}.",
                values.name(),
                match kind {
                    CatalogKind::Plans => "Planos",
                    _ => "Pontos de roteamento",
                }
            ),
        }),
    })
}

/// The plans' and routing points' ids by folded name, to resolve contract rows.
struct CatalogNames {
    plans: HashMap<String, Uuid>,
    points: HashMap<String, Uuid>,
}

impl CatalogNames {
    async fn load(conn: &mut SqliteConnection) -> Result<CatalogNames> {
        let plans: Vec<(Uuid, String)> =
            sqlx::query_as("SELECT id, name FROM plans WHERE deleted = 0")
                .fetch_all(&mut *conn)
                .await?;
        let points: Vec<(Uuid, String)> =
            sqlx::query_as("SELECT id, name FROM routing_points WHERE deleted = 0")
                .fetch_all(&mut *conn)
                .await?;
        let by_name = |rows: Vec<(Uuid, String)>| {
            rows.into_iter()
                .map(|(id, name)| (fold(&name), id))
                .collect::<HashMap<_, _>>()
        };
        Ok(CatalogNames {
            plans: by_name(plans),
            points: by_name(points),
        })
    }

    /// The contract's form with its customer, plan and routing point found, or why not.
    async fn resolve(
        &self,
        tx: &mut Transaction<'_, Sqlite>,
        row: &ContractRow,
    ) -> Result<std::result::Result<helpdesk_core::contract::ContractForm, RowError>> {
        let (field, sql, key) = match row.customer_code.is_empty() {
            false => (
                import_fields::CUSTOMER_CODE,
                "SELECT id FROM customers WHERE code = ?1 AND deleted = 0",
                &row.customer_code,
            ),
            true => (
                import_fields::CUSTOMER_DOCUMENT,
                "SELECT id FROM customers WHERE document = ?1 AND deleted = 0",
                &row.customer_document,
            ),
        };
        let customer: Option<Uuid> = sqlx::query_scalar(sql)
            .bind(key)
            .fetch_optional(&mut **tx)
            .await?;
        let Some(customer_id) = customer else {
            return Ok(Err(RowError {
                field: Some(field.to_owned()),
                message: format!("Não há cliente {key}: importe o arquivo de clientes antes."),
            }));
        };
        let Some(plan_id) = self.plans.get(&fold(&row.plan)) else {
            return Ok(Err(RowError {
                field: Some(contract_fields::PLAN.to_owned()),
                message: format!(
                    "O plano \"{}\" não está no catálogo: importe ou cadastre os planos antes.",
                    row.plan
                ),
            }));
        };
        let Some(point_id) = self.points.get(&fold(&row.routing_point)) else {
            return Ok(Err(RowError {
                field: Some(contract_fields::ROUTING_POINT.to_owned()),
                message: format!(
                    "O ponto de roteamento \"{}\" não está no catálogo: importe ou cadastre os pontos antes.",
                    row.routing_point
                ),
            }));
        };
        Ok(Ok(helpdesk_core::contract::ContractForm {
            customer_id,
            plan_id: Some(*plan_id),
            routing_point_id: Some(*point_id),
            ..row.form.clone()
        }))
    }
}
