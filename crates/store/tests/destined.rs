//! What is destined to a user personally, on a real database: their open tickets and open
//! tasks, each with who destined it (who last moved the ticket to them, else who opened it;
//! who created the task), for the desktop's notifications.
mod common;
mod desk;

use std::collections::HashMap;

use desk::{desk, protocol, task, ticket, HOUR, NOON};
use helpdesk_core::destined::{Destined, DestinedItem};
use helpdesk_core::ticket::TicketStatus;
use helpdesk_core::ticket_update::TicketAction;
use helpdesk_store::catalog::{self, Destination, NewTicketType};
use helpdesk_store::ticket_updates::{apply, UpdateOutcome};
use helpdesk_store::{destined, tasks, Store};
use uuid::Uuid;

async fn act(store: &Store, ticket: Uuid, action: TicketAction, by: Uuid, at: i64) {
    let outcome = apply(store, ticket, &action, by, at).await.expect("apply");
    assert!(matches!(outcome, UpdateOutcome::Done(_)), "{outcome:?}");
}

/// Each destined item by id.
fn by_id(destined: Vec<Destined>) -> HashMap<Uuid, Destined> {
    destined.into_iter().map(|item| (item.id, item)).collect()
}

#[tokio::test]
async fn each_open_ticket_and_task_of_the_user_with_who_destined_it() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let juliana = desk.user(desk.juliana, "Juliana Ribeiro");
    let reassign = || TicketAction::Reassign {
        assignee: juliana.clone(),
    };

    // Ana opens it (to Atendente N2) and gives it to Juliana.
    let from_ana = ticket(store, &desk, 1, None, NOON).await;
    act(store, from_ana, reassign(), desk.ana, NOON + HOUR).await;
    // Juliana takes this one herself; Ana's follow-up afterwards does not make it Ana's doing.
    let taken = ticket(store, &desk, 2, None, NOON).await;
    act(store, taken, reassign(), desk.juliana, NOON + HOUR).await;
    let follow_up = TicketAction::FollowUp {
        description: "Cliente ligou de novo.".into(),
    };
    act(store, taken, follow_up, desk.ana, NOON + 2 * HOUR).await;
    // Carlos changes this one's type to one whose tickets go to Juliana.
    let visits = catalog::insert_ticket_type(
        store,
        &NewTicketType {
            name: "Visita técnica".into(),
            destination: Destination::User(desk.juliana),
            sla_hours: 8,
            sla_calendar: false,
        },
    )
    .await
    .expect("ticket type");
    let moved_by_type = ticket(store, &desk, 3, None, NOON).await;
    let change_type = TicketAction::ChangeType {
        ticket_type_id: visits,
    };
    act(store, moved_by_type, change_type, desk.carlos, NOON + HOUR).await;
    // Given to Juliana, then resolved: no longer open.
    let resolved = ticket(store, &desk, 4, None, NOON).await;
    act(store, resolved, reassign(), desk.ana, NOON + HOUR).await;
    let resolve = TicketAction::ChangeStatus {
        status: TicketStatus::Resolved,
    };
    act(store, resolved, resolve, desk.ana, NOON + 2 * HOUR).await;
    // Carlos's, not Juliana's.
    let to_carlos = TicketAction::Reassign {
        assignee: desk.user(desk.carlos, "Carlos Lima"),
    };
    let carlos_ticket = ticket(store, &desk, 5, None, NOON).await;
    act(store, carlos_ticket, to_carlos, desk.ana, NOON + HOUR).await;
    // Ana's task for Juliana on a ticket of the role; another done already.
    ticket(
        store,
        &desk,
        6,
        Some(task(
            "Ligar para o cliente",
            juliana.clone(),
            NOON + 9 * HOUR,
        )),
        NOON,
    )
    .await;
    ticket(
        store,
        &desk,
        7,
        Some(task("Conferir sinal", juliana.clone(), NOON + 9 * HOUR)),
        NOON,
    )
    .await;
    let task_id = |title: &'static str| async move {
        sqlx::query_scalar::<_, Uuid>("SELECT id FROM tasks WHERE title = ?1")
            .bind(title)
            .fetch_one(store.pool())
            .await
            .expect("task")
    };
    let done_task = task_id("Conferir sinal").await;
    tasks::complete(store, done_task, desk.juliana, NOON + HOUR)
        .await
        .expect("complete");
    let open_task = task_id("Ligar para o cliente").await;

    let mut destined = by_id(
        destined::to_user(store, desk.juliana)
            .await
            .expect("destined"),
    );
    assert_eq!(destined.len(), 4, "{destined:?}");
    let mut take = |id: Uuid| destined.remove(&id).expect("destined to Juliana");
    let first = take(from_ana);
    assert_eq!(first.by, desk.ana);
    assert_eq!(
        first.item,
        DestinedItem::Ticket {
            protocol: protocol(1),
            problem: "Sem internet desde ontem".into(),
        }
    );
    assert_eq!(take(taken).by, desk.juliana);
    assert_eq!(take(moved_by_type).by, desk.carlos);
    let task = take(open_task);
    assert_eq!(task.by, desk.ana);
    assert_eq!(
        task.item,
        DestinedItem::Task {
            title: "Ligar para o cliente".into(),
            protocol: Some(protocol(6)),
        }
    );
    assert!(destined.is_empty());

    // Carlos has his one ticket, which Ana gave him.
    let carlos = destined::to_user(store, desk.carlos)
        .await
        .expect("destined");
    let carlos: Vec<_> = carlos.iter().map(|item| (item.id, item.by)).collect();
    assert_eq!(carlos, [(carlos_ticket, desk.ana)]);
}
