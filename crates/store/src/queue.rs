//! The operator's queue ([`helpdesk_core::queue`]), read in one call: the new messages and
//! the three groups of open tickets, each from its own index (see `tickets::queue`).
use helpdesk_core::queue::{
    Queue, QueueClock, QueueCount, QueueGroup, TicketGroup, COUNT_CAP, QUEUE_ENTRIES,
};
use helpdesk_core::support::MessageState;
use uuid::Uuid;

use crate::support_messages::{self, MessageFilter};
use crate::tickets::{self, Destined};
use crate::{Result, Store};

/// What waits for the user `user_id` at `clock`: an unknown user sees the messages and the
/// tickets destined to no one.
pub async fn load(store: &Store, user_id: Uuid, clock: QueueClock) -> Result<Queue> {
    let role_id: Option<Uuid> = sqlx::query_scalar("SELECT role_id FROM users WHERE id = ?1")
        .bind(user_id)
        .fetch_optional(store.pool())
        .await?;
    let since = clock.messages_since();
    let messages = support_messages::list(
        store,
        &MessageFilter {
            email: None,
            from: since,
            to: clock.now,
            limit: QUEUE_ENTRIES,
            mail_only: false,
            operator: user_id,
        },
    )
    .await?
    .into_iter()
    .filter(|listed| listed.state == MessageState::New)
    .map(|listed| listed.message)
    .collect();
    let messages_count = QueueCount {
        total: support_messages::count_new(store, since, COUNT_CAP).await?,
        ..QueueCount::default()
    };
    let mut ticket_groups = Vec::with_capacity(3);
    for (group, destined) in [
        (QueueGroup::Mine, Some(Destined::User(user_id))),
        (QueueGroup::MyRole, role_id.map(Destined::Role)),
        (QueueGroup::Unassigned, Some(Destined::NoOne)),
    ] {
        let (count, tickets) = match destined {
            Some(destined) => (
                tickets::queue_count(store, destined, clock).await?,
                tickets::queue_tickets(store, destined).await?,
            ),
            None => (QueueCount::default(), Vec::new()),
        };
        ticket_groups.push(TicketGroup {
            group,
            count,
            tickets,
        });
    }
    Ok(Queue {
        messages_count,
        messages,
        ticket_groups,
    })
}
