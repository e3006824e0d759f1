//! "Modelo de E-mail": the templates and the roles that may use each (none listed: every
//! role), kept as a field of the template (`role_ids`, a JSON array of ids in hex) so that it
//! syncs with it. Deletes are tombstones.
use helpdesk_core::email::EmailTemplate;
use uuid::Uuid;

use crate::{Result, Store, StoreError};

/// What [`save`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    Saved(EmailTemplate),
    /// Another template (not deleted) has the name.
    NameTaken,
    /// A role given does not exist.
    UnknownRole,
}

/// Every template, by name.
pub async fn list_all(store: &Store) -> Result<Vec<EmailTemplate>> {
    let rows: Vec<TemplateRow> = sqlx::query_as(
        "SELECT id, name, subject, body, role_ids FROM email_templates
         WHERE deleted = 0 ORDER BY name",
    )
    .fetch_all(store.pool())
    .await?;
    rows.into_iter().map(template).collect()
}

/// The templates the user `user_id`'s role may use, by name.
pub async fn list_for_user(store: &Store, user_id: Uuid) -> Result<Vec<EmailTemplate>> {
    let rows: Vec<TemplateRow> = sqlx::query_as(
        "SELECT t.id, t.name, t.subject, t.body, t.role_ids FROM email_templates t
         WHERE t.deleted = 0
           AND (json_array_length(t.role_ids) = 0
                OR EXISTS (SELECT 1 FROM json_each(t.role_ids) r JOIN users u
                           ON lower(hex(u.role_id)) = r.value WHERE u.id = ?1))
         ORDER BY t.name",
    )
    .bind(user_id)
    .fetch_all(store.pool())
    .await?;
    rows.into_iter().map(template).collect()
}

/// The template `id`, unless deleted.
pub async fn find(store: &Store, id: Uuid) -> Result<Option<EmailTemplate>> {
    let row: Option<TemplateRow> = sqlx::query_as(
        "SELECT id, name, subject, body, role_ids FROM email_templates
         WHERE id = ?1 AND deleted = 0",
    )
    .bind(id)
    .fetch_optional(store.pool())
    .await?;
    row.map(template).transpose()
}

/// One template as stored; `role_ids` is a JSON array of ids in hex.
#[derive(sqlx::FromRow)]
struct TemplateRow {
    id: Uuid,
    name: String,
    subject: String,
    body: String,
    role_ids: String,
}

fn template(row: TemplateRow) -> Result<EmailTemplate> {
    let TemplateRow {
        id,
        name,
        subject,
        body,
        role_ids,
    } = row;
    let hex: Vec<String> = serde_json::from_str(&role_ids)?;
    let mut role_ids = hex
        .iter()
        .map(|id| Uuid::parse_str(id))
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|error| StoreError::Corrupt(format!("email template {id} role ids: {error}")))?;
    role_ids.sort_unstable();
    Ok(EmailTemplate {
        id,
        name,
        subject,
        body,
        role_ids,
    })
}

/// Creates or replaces the template `template.id` (checked by the core first) with its
/// roles, in one transaction. A deleted template's name is freed for the new one.
pub async fn save(store: &Store, template: &EmailTemplate) -> Result<SaveOutcome> {
    let mut tx = store.pool().begin().await?;
    let taken: Option<Uuid> = sqlx::query_scalar(
        "SELECT id FROM email_templates
         WHERE name = ?1 COLLATE NOCASE AND id <> ?2 AND deleted = 0",
    )
    .bind(&template.name)
    .bind(template.id)
    .fetch_optional(&mut *tx)
    .await?;
    if taken.is_some() {
        return Ok(SaveOutcome::NameTaken);
    }
    for role_id in &template.role_ids {
        let known: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM roles WHERE id = ?1 AND deleted = 0")
                .bind(role_id)
                .fetch_optional(&mut *tx)
                .await?;
        if known.is_none() {
            return Ok(SaveOutcome::UnknownRole);
        }
    }
    let stamp = store.stamp();
    sqlx::query(
        "UPDATE email_templates SET name = name || ' [removido ' || lower(hex(id)) || ']',
             changed_at = ?3
         WHERE name = ?1 COLLATE NOCASE AND id <> ?2 AND deleted = 1",
    )
    .bind(&template.name)
    .bind(template.id)
    .bind(stamp)
    .execute(&mut *tx)
    .await?;
    let mut saved = template.clone();
    saved.role_ids.sort_unstable();
    saved.role_ids.dedup();
    let role_ids: Vec<String> = saved
        .role_ids
        .iter()
        .map(|id| id.simple().to_string())
        .collect();
    sqlx::query(
        "INSERT INTO email_templates (id, name, subject, body, role_ids, changed_at, deleted)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, subject = excluded.subject,
             body = excluded.body, role_ids = excluded.role_ids,
             changed_at = excluded.changed_at, deleted = 0",
    )
    .bind(template.id)
    .bind(&template.name)
    .bind(&template.subject)
    .bind(&template.body)
    .bind(serde_json::to_string(&role_ids)?)
    .bind(stamp)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(SaveOutcome::Saved(saved))
}

/// Deletes the template `id` (a tombstone); whether there was one to delete.
pub async fn delete(store: &Store, id: Uuid) -> Result<bool> {
    let changed = sqlx::query(
        "UPDATE email_templates SET deleted = 1, changed_at = ?2 WHERE id = ?1 AND deleted = 0",
    )
    .bind(id)
    .bind(store.stamp())
    .execute(store.pool())
    .await?
    .rows_affected();
    Ok(changed == 1)
}
