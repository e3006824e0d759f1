//! The troubleshooting scripts ("Script de Atendimento"), published in versions.
//!
//! A `scripts` row holds what the list shows: the name and the keywords, the same for every
//! version. Each publication adds a `script_versions` row with the graph as JSON
//! (`helpdesk_core::script::ScriptDefinition`), and a version is never changed afterwards,
//! so a ticket keeps the version it ran.
//!
//! Names are unique ignoring case and accents ("Sem conexão" and "SEM CONEXAO" cannot both
//! exist), across every script including deleted ones, which keep their name.
use helpdesk_core::script::{
    PublishedScript, ScriptDefinition, ScriptDraft, ScriptSummary, ScriptVersionRef,
};
use helpdesk_core::text::fold;
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::{new_id, now_millis, Result, Store, StoreError};

/// What [`publish`] did. Only `Published` wrote anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublishOutcome {
    /// The version stored, as [`load`] reads it back.
    Published(PublishedScript),
    /// Another script already has this name (ignoring case and accents).
    NameTaken,
    /// The draft's id is no script of this database, or a deleted one.
    UnknownScript,
}

/// One row of [`list`].
#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: Uuid,
    name: String,
    keywords: String,
    version: i64,
    published_at: i64,
    nodes: i64,
}

/// One row of [`load`].
#[derive(sqlx::FromRow)]
struct VersionRow {
    name: String,
    keywords: String,
    version: i64,
    published_at: i64,
    definition: String,
}

/// Every script that is not deleted, at its highest version, ordered by name (ignoring case
/// and accents). `nodes` is the number of questions counted when the version was stored (0
/// for a definition that did not read as a script then); no definition is read.
pub async fn list(store: &Store) -> Result<Vec<ScriptSummary>> {
    let rows = sqlx::query_as::<_, SummaryRow>(
        "SELECT s.id, s.name, s.keywords, v.version, v.published_at, v.nodes
         FROM scripts s
         JOIN script_versions v ON v.script_id = s.id
         WHERE s.deleted = 0 AND v.deleted = 0
           AND v.version = (SELECT max(version) FROM script_versions
                            WHERE script_id = s.id AND deleted = 0)",
    )
    .fetch_all(store.pool())
    .await?;
    let mut summaries: Vec<ScriptSummary> = rows
        .into_iter()
        .map(|row| ScriptSummary {
            id: row.id,
            name: row.name,
            keywords: row.keywords,
            version: stored_version(row.version),
            published_at: row.published_at,
            nodes: u32::try_from(row.nodes).unwrap_or(0),
        })
        .collect();
    summaries.sort_by_cached_key(|summary| (fold(&summary.name), summary.name.clone()));
    Ok(summaries)
}

/// A published version of a script: the one asked for, or the highest when `version` is
/// `None`. `None` when there is no such version, or when the latest of a deleted script is
/// asked for; a given version of a deleted script still loads, for the tickets that ran it.
/// The name and keywords are the script's current ones.
///
/// A stored definition that does not read as a script fails with
/// [`StoreError::ScriptDefinition`].
pub async fn load(store: &Store, wanted: ScriptVersionRef) -> Result<Option<PublishedScript>> {
    let row = sqlx::query_as::<_, VersionRow>(
        "SELECT s.name, s.keywords, v.version, v.published_at, v.definition
         FROM scripts s
         JOIN script_versions v ON v.script_id = s.id
         WHERE s.id = ?1 AND v.deleted = 0
           AND ((?2 IS NULL AND s.deleted = 0) OR v.version = ?2)
         ORDER BY v.version DESC
         LIMIT 1",
    )
    .bind(wanted.script_id)
    .bind(wanted.version.map(i64::from))
    .fetch_optional(store.pool())
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let version = stored_version(row.version);
    let definition =
        serde_json::from_str(&row.definition).map_err(|source| StoreError::ScriptDefinition {
            script_id: wanted.script_id,
            version,
            source,
        })?;
    Ok(Some(PublishedScript {
        id: wanted.script_id,
        name: row.name,
        keywords: row.keywords,
        version,
        published_at: row.published_at,
        definition,
    }))
}

/// Publishes `draft`, which the caller has validated (`ScriptDraft::validate`): a new script
/// (`id` is `None`) as version 1, or the next version of a known one, whose name and
/// keywords become the draft's. One immediate transaction: either everything is written or
/// nothing is, and two publications never get the same version. Earlier versions are kept
/// as they were.
pub async fn publish(store: &Store, draft: &ScriptDraft) -> Result<PublishOutcome> {
    let definition = StoredDefinition::of(&draft.definition)?;
    // IMMEDIATE takes the write lock at once, so the name check, the version number and the
    // writes see no other writer in between.
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    if name_taken(&mut tx, &draft.name, draft.id).await? {
        return Ok(PublishOutcome::NameTaken);
    }
    let (id, version, published_at) = match draft.id {
        None => {
            let (id, published_at) =
                insert_new(&mut tx, store, &draft.name, &draft.keywords, &definition).await?;
            (id, 1, published_at)
        }
        Some(id) => {
            let updated = sqlx::query(
                "UPDATE scripts SET name = ?2, keywords = ?3, changed_at = ?4
                 WHERE id = ?1 AND deleted = 0",
            )
            .bind(id)
            .bind(&draft.name)
            .bind(&draft.keywords)
            .bind(store.stamp())
            .execute(&mut *tx)
            .await?;
            if updated.rows_affected() == 0 {
                return Ok(PublishOutcome::UnknownScript);
            }
            // Deleted versions count too: a number is never given twice.
            let last: i64 = sqlx::query_scalar(
                "SELECT coalesce(max(version), 0) FROM script_versions WHERE script_id = ?1",
            )
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            let version = last + 1;
            let published_at = insert_version(&mut tx, store, id, version, &definition).await?;
            (id, version, published_at)
        }
    };
    tx.commit().await?;
    Ok(PublishOutcome::Published(PublishedScript {
        id,
        name: draft.name.clone(),
        keywords: draft.keywords.clone(),
        version: stored_version(version),
        published_at,
        definition: draft.definition.clone(),
    }))
}

/// A definition as `script_versions` keeps it: the JSON, and how many questions it has.
pub(crate) struct StoredDefinition {
    json: String,
    nodes: i64,
}

impl StoredDefinition {
    fn of(definition: &ScriptDefinition) -> Result<Self> {
        Ok(Self {
            json: serde_json::to_string(definition)?,
            nodes: i64::try_from(definition.nodes.len()).unwrap_or(i64::MAX),
        })
    }

    /// JSON kept as given (trusted data, such as the demo's), its questions counted if it
    /// reads as a script (else 0).
    pub(crate) fn from_json(json: &str) -> Self {
        let nodes = serde_json::from_str::<ScriptDefinition>(json)
            .map_or(0, |definition| definition.nodes.len());
        Self {
            json: json.to_owned(),
            nodes: i64::try_from(nodes).unwrap_or(i64::MAX),
        }
    }
}

/// Inserts a script and its version 1 on `conn` (inside the caller's transaction); returns
/// the script's id and the version's publication time.
pub(crate) async fn insert_new(
    conn: &mut SqliteConnection,
    store: &Store,
    name: &str,
    keywords: &str,
    definition: &StoredDefinition,
) -> Result<(Uuid, i64)> {
    let id = new_id();
    sqlx::query("INSERT INTO scripts (id, name, keywords, changed_at) VALUES (?1, ?2, ?3, ?4)")
        .bind(id)
        .bind(name)
        .bind(keywords)
        .bind(store.stamp())
        .execute(&mut *conn)
        .await?;
    let published_at = insert_version(conn, store, id, 1, definition).await?;
    Ok((id, published_at))
}

/// Adds version `version` of script `script_id`; returns its publication time.
async fn insert_version(
    conn: &mut SqliteConnection,
    store: &Store,
    script_id: Uuid,
    version: i64,
    definition: &StoredDefinition,
) -> Result<i64> {
    let published_at = now_millis();
    sqlx::query(
        "INSERT INTO script_versions (id, script_id, version, definition, nodes,
                                      published_at, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .bind(new_id())
    .bind(script_id)
    .bind(version)
    .bind(&definition.json)
    .bind(definition.nodes)
    .bind(published_at)
    .bind(store.stamp())
    .execute(&mut *conn)
    .await?;
    Ok(published_at)
}

/// Whether a script other than `own` is called `name`, ignoring case and accents. Scripts
/// are few (tens), so their names are compared here rather than through a folded column.
async fn name_taken(conn: &mut SqliteConnection, name: &str, own: Option<Uuid>) -> Result<bool> {
    let wanted = fold(name);
    let names = sqlx::query_as::<_, (Uuid, String)>("SELECT id, name FROM scripts")
        .fetch_all(&mut *conn)
        .await?;
    Ok(names
        .iter()
        .any(|(id, other)| Some(*id) != own && fold(other) == wanted))
}

/// A version number as stored (always from 1 up).
fn stored_version(version: i64) -> u32 {
    u32::try_from(version).unwrap_or(u32::MAX)
}
