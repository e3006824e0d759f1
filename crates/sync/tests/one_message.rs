//! Two desktops take the same online-support message offline and both save a ticket for
//! it: after syncing, both tickets are kept everywhere, the message shows both protocols,
//! and each ticket names the other.
mod common;

use common::desk::{message_ticket, shared};
use common::{assert_same, Central, Desktop};
use helpdesk_core::protocol::Protocol;
use helpdesk_core::support::MessageState;
use helpdesk_demo::DemoConfig;
use helpdesk_store::support_messages::{self, MessageFilter};
use helpdesk_store::{now_millis, ticket_details, Store};
use uuid::Uuid;

const DEMO: DemoConfig = DemoConfig {
    seed: 31,
    customers: 30,
    messages: 40,
};

/// The state of the message `id` on `store`, as "Localizar Reg." shows it.
async fn state_of(store: &Store, id: Uuid) -> MessageState {
    let filter = MessageFilter {
        email: None,
        from: 0,
        to: i64::MAX,
        limit: 500,
        mail_only: false,
        operator: Uuid::nil(),
    };
    support_messages::list(store, &filter)
        .await
        .expect("messages")
        .into_iter()
        .find(|listed| listed.message.id == id)
        .expect("the message")
        .state
}

/// The other tickets of the message of the ticket with `protocol` (digits), on `store`.
async fn others(store: &Store, protocol: &str) -> Vec<Protocol> {
    let ticket: Uuid = sqlx::query_scalar("SELECT id FROM tickets WHERE protocol = ?1")
        .bind(protocol)
        .fetch_one(store.pool())
        .await
        .expect("the ticket");
    ticket_details::details(store, ticket)
        .await
        .expect("details")
        .same_message
}

#[tokio::test(flavor = "multi_thread")]
async fn two_desktops_answering_one_message_offline_keep_both_tickets() {
    let central = Central::start().await;
    let a = Desktop::with_demo(&DEMO).await;
    a.register(&central, "Loja Centro").await;
    a.sync().await;
    let b = Desktop::new().await;
    b.register(&central, "Loja Norte").await;
    b.sync().await;

    // Offline, both take the newest message and save a ticket for it.
    let message: Uuid =
        sqlx::query_scalar("SELECT id FROM support_messages ORDER BY received_at DESC LIMIT 1")
            .fetch_one(a.store.pool())
            .await
            .expect("a message");
    let mut protocols = Vec::new();
    for desktop in [&a, &b] {
        let shared = shared(&desktop.store).await;
        assert!(
            support_messages::take(&desktop.store, message, shared.operator, now_millis())
                .await
                .expect("take")
        );
        protocols.push(message_ticket(&desktop.store, &shared, message).await);
    }
    assert!(matches!(
        state_of(&a.store, message).await,
        MessageState::Handled(found) if found.len() == 1
    ));

    a.sync().await;
    b.sync().await;
    a.sync().await;
    assert_same(&a.rows().await, &b.rows().await, "A and B");
    assert_same(&a.rows().await, &central.rows().await, "the server");

    let parsed: Vec<Protocol> = protocols
        .iter()
        .map(|digits| digits.parse().expect("protocol"))
        .collect();
    for desktop in [&a, &b] {
        match state_of(&desktop.store, message).await {
            MessageState::Handled(mut found) => {
                found.sort();
                let mut both = parsed.clone();
                both.sort();
                assert_eq!(found, both);
            }
            other => panic!("the message should be handled twice, is {other:?}"),
        }
        assert_eq!(others(&desktop.store, &protocols[0]).await, [parsed[1]]);
        assert_eq!(others(&desktop.store, &protocols[1]).await, [parsed[0]]);
    }
}
