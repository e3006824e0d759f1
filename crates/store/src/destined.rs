//! What is destined to a user personally ([`helpdesk_core::destined`]): their open tickets
//! and open tasks, each with who destined it, for the desktop's notifications.
use helpdesk_core::destined::{Destined, DestinedItem};
use helpdesk_core::protocol::Protocol;
use uuid::Uuid;

use crate::{Result, Store, StoreError};

/// The open tickets (from the open tickets' index by user) and open tasks (from the tasks'
/// index by assignee) destined to `user_id`. A ticket was destined by whoever last moved it
/// (a "reassigned" entry, or a "type_changed" one that moved it, in its history), else by
/// whoever opened it; a task by whoever created it (tasks are not reassigned).
pub async fn to_user(store: &Store, user_id: Uuid) -> Result<Vec<Destined>> {
    let tickets: Vec<(Uuid, String, String, Uuid)> = sqlx::query_as(
        "SELECT t.id, t.protocol, t.problem,
                coalesce((SELECT e.user_id FROM ticket_events e
                          WHERE e.ticket_id = t.id
                            AND (e.kind = 'reassigned'
                                 OR (e.kind = 'type_changed'
                                     AND json_extract(e.payload, '$.assignee') IS NOT NULL))
                          ORDER BY e.at DESC, e.id DESC LIMIT 1),
                         t.opened_by)
         FROM tickets t INDEXED BY tickets_open_user
         WHERE t.status = 'Aberto' AND t.deleted = 0 AND t.assigned_user_id = ?1",
    )
    .bind(user_id)
    .fetch_all(store.pool())
    .await?;
    let tasks: Vec<(Uuid, String, Uuid, Option<String>)> = sqlx::query_as(
        "SELECT k.id, k.title, k.created_by, t.protocol
         FROM tasks k LEFT JOIN tickets t ON t.id = k.ticket_id
         WHERE k.assignee_user_id = ?1 AND k.done_at IS NULL AND k.deleted = 0",
    )
    .bind(user_id)
    .fetch_all(store.pool())
    .await?;
    let mut destined = Vec::with_capacity(tickets.len() + tasks.len());
    for (id, digits, problem, by) in tickets {
        let protocol = protocol(id, &digits)?;
        destined.push(Destined {
            id,
            by,
            item: DestinedItem::Ticket { protocol, problem },
        });
    }
    for (id, title, by, digits) in tasks {
        let protocol = match digits {
            Some(digits) => Some(protocol(id, &digits)?),
            None => None,
        };
        destined.push(Destined {
            id,
            by,
            item: DestinedItem::Task { title, protocol },
        });
    }
    Ok(destined)
}

/// The protocol stored as `digits` for the ticket or task `id`.
fn protocol(id: Uuid, digits: &str) -> Result<Protocol> {
    digits.parse().map_err(|error| {
        StoreError::from(sqlx::Error::Decode(
            format!("{id}: protocol {digits:?}: {error}").into(),
        ))
    })
}
