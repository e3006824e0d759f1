//! The ticket page below its summary: the history, the files attached and the tasks.
use helpdesk_core::ticket_details::{AttachmentInfo, TicketDetails};
use uuid::Uuid;

use crate::{tasks, tickets, Result, Store};

/// The history, attachments and tasks of the ticket `ticket_id` (all empty for an unknown
/// ticket).
pub async fn details(store: &Store, ticket_id: Uuid) -> Result<TicketDetails> {
    Ok(TicketDetails {
        history: tickets::history(store, ticket_id).await?,
        attachments: attachments(store, ticket_id).await?,
        tasks: tasks::of_ticket(store, ticket_id).await?,
    })
}

/// The files attached to the ticket `ticket_id` and not deleted, in the order they were
/// attached. One range of `attachments_ticket`.
pub async fn attachments(store: &Store, ticket_id: Uuid) -> Result<Vec<AttachmentInfo>> {
    let rows = sqlx::query_as::<_, (Uuid, String, i64, String, Option<String>, i64)>(
        "SELECT a.id, a.file_name, a.size_bytes, a.notes, u.name, a.added_at
         FROM attachments a
         LEFT JOIN users u ON u.id = a.added_by
         WHERE a.ticket_id = ?1 AND a.deleted = 0
         ORDER BY a.added_at, a.id",
    )
    .bind(ticket_id)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, file_name, size_bytes, notes, added_by_name, added_at)| AttachmentInfo {
                id,
                file_name,
                size_bytes,
                notes,
                added_by_name: added_by_name.unwrap_or_default(),
                added_at,
            },
        )
        .collect())
}
