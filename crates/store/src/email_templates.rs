//! "Modelo de E-mail": the templates and the roles that may use each (none listed: every
//! role). Deletes are tombstones.
use std::collections::HashMap;

use helpdesk_core::email::EmailTemplate;
use uuid::Uuid;

use crate::{Result, Store};

/// What [`save`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveResult {
    Saved(EmailTemplate),
    /// Another template (not deleted) has the name.
    NameTaken,
    /// A role given does not exist.
    UnknownRole,
}

/// Every template, by name.
pub async fn list_all(store: &Store) -> Result<Vec<EmailTemplate>> {
    let rows: Vec<(Uuid, String, String, String)> = sqlx::query_as(
        "SELECT id, name, subject, body FROM email_templates WHERE deleted = 0 ORDER BY name",
    )
    .fetch_all(store.pool())
    .await?;
    with_roles(store, rows).await
}

/// The templates the user `user_id`'s role may use, by name.
pub async fn list_for_user(store: &Store, user_id: Uuid) -> Result<Vec<EmailTemplate>> {
    let rows: Vec<(Uuid, String, String, String)> = sqlx::query_as(
        "SELECT t.id, t.name, t.subject, t.body FROM email_templates t
         WHERE t.deleted = 0
           AND (NOT EXISTS (SELECT 1 FROM email_template_roles r WHERE r.template_id = t.id)
                OR EXISTS (SELECT 1 FROM email_template_roles r JOIN users u ON u.role_id = r.role_id
                           WHERE r.template_id = t.id AND u.id = ?1))
         ORDER BY t.name",
    )
    .bind(user_id)
    .fetch_all(store.pool())
    .await?;
    with_roles(store, rows).await
}

/// The template `id`, unless deleted.
pub async fn find(store: &Store, id: Uuid) -> Result<Option<EmailTemplate>> {
    let rows: Vec<(Uuid, String, String, String)> = sqlx::query_as(
        "SELECT id, name, subject, body FROM email_templates WHERE id = ?1 AND deleted = 0",
    )
    .bind(id)
    .fetch_all(store.pool())
    .await?;
    Ok(with_roles(store, rows).await?.pop())
}

async fn with_roles(
    store: &Store,
    rows: Vec<(Uuid, String, String, String)>,
) -> Result<Vec<EmailTemplate>> {
    let links: Vec<(Uuid, Uuid)> =
        sqlx::query_as("SELECT template_id, role_id FROM email_template_roles ORDER BY role_id")
            .fetch_all(store.pool())
            .await?;
    let mut roles: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for (template_id, role_id) in links {
        roles.entry(template_id).or_default().push(role_id);
    }
    Ok(rows
        .into_iter()
        .map(|(id, name, subject, body)| EmailTemplate {
            role_ids: roles.remove(&id).unwrap_or_default(),
            id,
            name,
            subject,
            body,
        })
        .collect())
}

/// Creates or replaces the template `template.id` (checked by the core first) with its
/// roles, in one transaction. A deleted template's name is freed for the new one.
pub async fn save(store: &Store, template: &EmailTemplate) -> Result<SaveResult> {
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
        return Ok(SaveResult::NameTaken);
    }
    for role_id in &template.role_ids {
        let known: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM roles WHERE id = ?1 AND deleted = 0")
                .bind(role_id)
                .fetch_optional(&mut *tx)
                .await?;
        if known.is_none() {
            return Ok(SaveResult::UnknownRole);
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
    sqlx::query(
        "INSERT INTO email_templates (id, name, subject, body, changed_at, deleted)
         VALUES (?1, ?2, ?3, ?4, ?5, 0)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, subject = excluded.subject,
             body = excluded.body, changed_at = excluded.changed_at, deleted = 0",
    )
    .bind(template.id)
    .bind(&template.name)
    .bind(&template.subject)
    .bind(&template.body)
    .bind(stamp)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM email_template_roles WHERE template_id = ?1")
        .bind(template.id)
        .execute(&mut *tx)
        .await?;
    for role_id in &template.role_ids {
        sqlx::query("INSERT INTO email_template_roles (template_id, role_id) VALUES (?1, ?2)")
            .bind(template.id)
            .bind(role_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    let mut saved = template.clone();
    saved.role_ids.sort_unstable();
    Ok(SaveResult::Saved(saved))
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
