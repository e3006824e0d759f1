//! The operator's "Novo Atendimento" draft, saved as they go. Local to this desktop: the
//! table is not synced, and discarding a draft removes its row.
use helpdesk_core::wizard::{SavedDraft, WizardDraft};
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::{now_millis, support_messages, Result, Store};

/// Saves the operator's draft, replacing the one stored unless that one has a higher
/// revision (a late save of an older state is ignored); returns the time of this save,
/// Unix ms.
pub async fn save(store: &Store, user_id: Uuid, draft: &WizardDraft) -> Result<i64> {
    let saved_at = now_millis();
    let json = serde_json::to_string(draft)?;
    sqlx::query(
        "INSERT INTO wizard_drafts (user_id, revision, draft, saved_at)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (user_id) DO UPDATE
            SET revision = excluded.revision, draft = excluded.draft,
                saved_at = excluded.saved_at
            WHERE excluded.revision >= wizard_drafts.revision",
    )
    .bind(user_id)
    .bind(i64::try_from(draft.revision).unwrap_or(i64::MAX))
    .bind(json)
    .bind(saved_at)
    .execute(store.pool())
    .await?;
    Ok(saved_at)
}

/// The operator's saved draft, if any. A draft this version cannot read (written by another
/// version, or damaged) counts as none; its row is kept, and the next save replaces it.
pub async fn load(store: &Store, user_id: Uuid) -> Result<Option<SavedDraft>> {
    let row = sqlx::query_as::<_, (String, i64)>(
        "SELECT draft, saved_at FROM wizard_drafts WHERE user_id = ?1",
    )
    .bind(user_id)
    .fetch_optional(store.pool())
    .await?;
    Ok(row.and_then(|(json, saved_at)| {
        serde_json::from_str::<WizardDraft>(&json)
            .ok()
            .map(|draft| SavedDraft {
                draft: draft.restored(),
                saved_at,
            })
    }))
}

/// Throws the operator's draft away ("Cancelar", "Descartar"), and gives back the
/// online-support message it had taken, if the operator is still the one who took it: no
/// ticket of theirs answers it now.
pub async fn discard(store: &Store, user_id: Uuid) -> Result<()> {
    let mut tx = store.pool().begin().await?;
    let json: Option<String> =
        sqlx::query_scalar("SELECT draft FROM wizard_drafts WHERE user_id = ?1")
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
    let message = json
        .and_then(|json| serde_json::from_str::<WizardDraft>(&json).ok())
        .and_then(|draft| draft.message)
        .map(|message| message.id);
    if let Some(message) = message {
        support_messages::release_in(&mut tx, store, message, user_id).await?;
    }
    discard_in(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(())
}

/// Throws the operator's draft away on `conn` (the caller's transaction: the ticket's save).
pub async fn discard_in(conn: &mut SqliteConnection, user_id: Uuid) -> Result<()> {
    sqlx::query("DELETE FROM wizard_drafts WHERE user_id = ?1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
