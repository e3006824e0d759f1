//! Bulk loading through the owners' batch writes: more rows than one INSERT statement
//! takes, written as given and read back like saved ones.
mod common;
mod desk;

use helpdesk_core::ticket::TicketStatus;
use helpdesk_core::wizard::Origin;
use helpdesk_store::ticket_events::{self, EventRow};
use helpdesk_store::tickets::{self, TicketRow};
use helpdesk_store::{new_id, Store};

use desk::{desk, protocol, NOON};

/// Past two INSERT statements of 500.
const COUNT: u32 = 1_201;

#[tokio::test]
async fn many_tickets_and_their_histories_are_written_as_given() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("bulk.db"))
        .await
        .expect("open");
    let desk = desk(&store).await;
    let rows: Vec<TicketRow> = (1..=COUNT)
        .map(|sequence| TicketRow {
            id: new_id(),
            protocol: protocol(sequence),
            origin: Origin::Chat,
            customer_id: desk.customer,
            customer_plan_id: Some(desk.plan),
            new_plan_id: None,
            support_message_id: None,
            problem: "Sem internet",
            ticket_type_id: Some(desk.kind.id),
            assigned_user_id: Some(desk.juliana),
            assigned_role_id: None,
            status: TicketStatus::Resolved,
            opened_by: desk.ana,
            opened_at: NOON + i64::from(sequence),
            due_at: Some(NOON + 4 * desk::HOUR),
            resolved_at: Some(NOON + desk::HOUR),
            first_contact_resolved: false,
            changed_at: NOON,
        })
        .collect();
    let events: Vec<EventRow> = rows
        .iter()
        .flat_map(|ticket| {
            ["opened", "first_contact", "resolved"].map(|kind| EventRow {
                id: new_id(),
                ticket_id: ticket.id,
                kind,
                payload: "{}".into(),
                user_id: desk.ana,
                at: ticket.opened_at,
                changed_at: NOON,
            })
        })
        .collect();
    let mut tx = store.pool().begin().await.expect("begin");
    tickets::insert_many_in(&mut tx, &rows)
        .await
        .expect("tickets");
    ticket_events::insert_many_in(&mut tx, &events)
        .await
        .expect("events");
    tx.commit().await.expect("commit");

    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM tickets")
        .fetch_one(store.pool())
        .await
        .expect("count");
    assert_eq!(count, i64::from(COUNT));
    let last = tickets::find_by_protocol(&store, &protocol(COUNT))
        .await
        .expect("find")
        .expect("the last ticket");
    assert_eq!(last.id, rows[rows.len() - 1].id);
    assert_eq!(last.status, TicketStatus::Resolved);
    assert_eq!(last.resolved_at, Some(NOON + desk::HOUR));
    assert_eq!(last.customer_name, "Ana Paula Ferreira");
    let history = tickets::history(&store, rows[600].id)
        .await
        .expect("history");
    let kinds: Vec<&str> = history.iter().map(|event| event.kind.as_str()).collect();
    assert_eq!(kinds, ["opened", "first_contact", "resolved"]);
    assert!(history.iter().all(|event| event.user_name == "Ana Souza"));
}
