//! A ticket after the wizard, on a real database: a follow-up contact, a change of status,
//! a reassignment and closing, each written with its history entry, and refused (writing
//! nothing) when the rules say no.
mod common;
mod desk;

use desk::{desk, kinds, ticket, HOUR, NOON};
use helpdesk_core::ticket::{TicketFilter, TicketStatus};
use helpdesk_core::ticket_type::Assignee;
use helpdesk_core::ticket_update::{fields, TicketAction, TicketState};
use helpdesk_store::ticket_updates::{apply, UpdateOutcome};
use helpdesk_store::{tickets, Store};
use serde_json::{json, Value};
use uuid::Uuid;

/// The ticket's row: status, resolved_at, assigned user, assigned role, changed_at.
async fn row(store: &Store, id: Uuid) -> (String, Option<i64>, Option<Uuid>, Option<Uuid>, i64) {
    sqlx::query_as(
        "SELECT status, resolved_at, assigned_user_id, assigned_role_id, changed_at
         FROM tickets WHERE id = ?1",
    )
    .bind(id)
    .fetch_one(store.pool())
    .await
    .expect("ticket row")
}

/// The last history entry's kind and payload.
async fn last_event(store: &Store, id: Uuid) -> (String, Value, Uuid, i64) {
    let event = tickets::history(store, id)
        .await
        .expect("history")
        .pop()
        .expect("an event");
    let payload = serde_json::from_str(&event.payload).expect("JSON payload");
    (event.kind, payload, event.user_id, event.at)
}

fn done(outcome: UpdateOutcome) -> TicketState {
    match outcome {
        UpdateOutcome::Done(state) => state,
        other => panic!("not applied: {other:?}"),
    }
}

fn refused(outcome: UpdateOutcome) -> (String, String) {
    match outcome {
        UpdateOutcome::Refused(error) => (error.field, error.message),
        other => panic!("not refused: {other:?}"),
    }
}

#[tokio::test]
async fn a_follow_up_is_appended_to_the_history() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let id = ticket(store, &desk, 1, None, NOON).await;
    let before = row(store, id).await;

    let action = TicketAction::FollowUp {
        description: "Cliente ligou de novo: a conexão caiu às 14h.".into(),
    };
    let state = done(
        apply(store, id, &action, desk.juliana, NOON + HOUR)
            .await
            .expect("apply"),
    );
    assert_eq!(state.status, TicketStatus::Open);
    assert_eq!(state.assignee, Some(desk.n2_role()));

    let after = row(store, id).await;
    assert_eq!(
        (&after.0, after.1, after.2, after.3),
        (&before.0, before.1, before.2, before.3)
    );
    assert!(after.4 > before.4, "changed_at moves on, for the sync");
    assert_eq!(
        last_event(store, id).await,
        (
            "follow_up".to_owned(),
            json!({ "description": "Cliente ligou de novo: a conexão caiu às 14h." }),
            desk.juliana,
            NOON + HOUR
        )
    );
    assert_eq!(
        kinds(store, id).await,
        ["opened", "first_contact", "attachment", "follow_up"]
    );
}

#[tokio::test]
async fn the_status_goes_between_open_and_resolved() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let id = ticket(store, &desk, 1, None, NOON).await;
    let resolve = TicketAction::ChangeStatus {
        status: TicketStatus::Resolved,
    };
    let state = done(
        apply(store, id, &resolve, desk.ana, NOON + HOUR)
            .await
            .expect("apply"),
    );
    assert_eq!(state.status, TicketStatus::Resolved);
    assert_eq!(state.resolved_at, Some(NOON + HOUR));
    let found = tickets::find_by_protocol(store, &desk::protocol(1))
        .await
        .expect("find")
        .expect("the ticket");
    assert_eq!(found.status, TicketStatus::Resolved);
    assert_eq!(found.resolved_at, Some(NOON + HOUR));
    assert_eq!(
        last_event(store, id).await.1,
        json!({ "from": "Aberto", "to": "Resolvido" })
    );

    // Resolved again: refused at the status, nothing written.
    let events = kinds(store, id).await.len();
    let (field, message) = refused(
        apply(store, id, &resolve, desk.ana, NOON + 2 * HOUR)
            .await
            .expect("apply"),
    );
    assert_eq!(field, fields::STATUS);
    assert_eq!(message, "O atendimento já está Resolvido.");
    assert_eq!(kinds(store, id).await.len(), events);

    let reopen = TicketAction::ChangeStatus {
        status: TicketStatus::Open,
    };
    done(
        apply(store, id, &reopen, desk.ana, NOON + 3 * HOUR)
            .await
            .expect("apply"),
    );
    let (status, resolved_at, ..) = row(store, id).await;
    assert_eq!((status.as_str(), resolved_at), ("Aberto", None));
    assert_eq!(
        last_event(store, id).await.1,
        json!({ "from": "Resolvido", "to": "Aberto" })
    );
}

#[tokio::test]
async fn reassigning_goes_to_the_user_or_role_as_stored() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let id = ticket(store, &desk, 1, None, NOON).await;

    // The name sent is not trusted: the stored one is written.
    let to_carlos = TicketAction::Reassign {
        assignee: Assignee::User {
            id: desk.carlos,
            name: "Outro nome".into(),
            active: true,
        },
    };
    let state = done(
        apply(store, id, &to_carlos, desk.ana, NOON + HOUR)
            .await
            .expect("apply"),
    );
    assert_eq!(state.assignee, Some(desk.user(desk.carlos, "Carlos Lima")));
    let (_, _, user, role, _) = row(store, id).await;
    assert_eq!((user, role), (Some(desk.carlos), None));
    assert_eq!(
        last_event(store, id).await.1,
        json!({ "from": "Atendente N2 (cargo)", "to": "Carlos Lima (usuário)" })
    );
    let found = tickets::find_by_protocol(store, &desk::protocol(1))
        .await
        .expect("find")
        .expect("the ticket");
    assert_eq!(found.assignee, Some(desk.user(desk.carlos, "Carlos Lima")));

    let to_n1 = TicketAction::Reassign {
        assignee: desk.n1_role(),
    };
    done(
        apply(store, id, &to_n1, desk.ana, NOON + 2 * HOUR)
            .await
            .expect("apply"),
    );
    let (_, _, user, role, _) = row(store, id).await;
    assert_eq!((user, role), (None, Some(desk.n1)));

    // Juliana is deactivated: the request still says she is active, the store knows better.
    sqlx::query("UPDATE users SET active = 0 WHERE id = ?1")
        .bind(desk.juliana)
        .execute(store.pool())
        .await
        .expect("deactivate");
    let events = kinds(store, id).await.len();
    let to_juliana = TicketAction::Reassign {
        assignee: desk.user(desk.juliana, "Juliana Ribeiro"),
    };
    let (field, message) = refused(
        apply(store, id, &to_juliana, desk.ana, NOON + 3 * HOUR)
            .await
            .expect("apply"),
    );
    assert_eq!(field, fields::ASSIGNEE);
    assert!(message.contains("removido ou desativado"), "{message}");

    let unknown = TicketAction::Reassign {
        assignee: Assignee::Role {
            id: Uuid::from_u128(99),
            name: "Fantasma".into(),
        },
    };
    let (field, _) = refused(
        apply(store, id, &unknown, desk.ana, NOON + 3 * HOUR)
            .await
            .expect("apply"),
    );
    assert_eq!(field, fields::ASSIGNEE);

    // A deactivated role takes no more tickets.
    sqlx::query("UPDATE roles SET active = 0 WHERE id = ?1")
        .bind(desk.n2)
        .execute(store.pool())
        .await
        .expect("deactivate");
    let to_n2 = TicketAction::Reassign {
        assignee: Assignee::Role {
            id: desk.n2,
            name: "Atendente N2".into(),
        },
    };
    let (field, _) = refused(
        apply(store, id, &to_n2, desk.ana, NOON + 3 * HOUR)
            .await
            .expect("apply"),
    );
    assert_eq!(field, fields::ASSIGNEE);
    assert_eq!(kinds(store, id).await.len(), events, "nothing written");
    let (_, _, user, role, _) = row(store, id).await;
    assert_eq!((user, role), (None, Some(desk.n1)));
}

#[tokio::test]
async fn a_closed_ticket_changes_no_more() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let id = ticket(store, &desk, 1, None, NOON).await;
    let state = done(
        apply(store, id, &TicketAction::Close, desk.ana, NOON + HOUR)
            .await
            .expect("apply"),
    );
    assert_eq!(state.status, TicketStatus::Closed);
    let (status, resolved_at, ..) = row(store, id).await;
    assert_eq!(
        (status.as_str(), resolved_at),
        ("Fechado", Some(NOON + HOUR))
    );
    assert_eq!(last_event(store, id).await.0, "closed");

    let before = row(store, id).await;
    let events = kinds(store, id).await;
    for action in [
        TicketAction::FollowUp {
            description: "Mais um contato".into(),
        },
        TicketAction::ChangeStatus {
            status: TicketStatus::Open,
        },
        TicketAction::Reassign {
            assignee: desk.n1_role(),
        },
        TicketAction::Close,
    ] {
        let (field, message) = refused(
            apply(store, id, &action, desk.ana, NOON + 2 * HOUR)
                .await
                .expect("apply"),
        );
        assert_eq!(field, fields::TICKET, "{action:?}");
        assert!(message.contains("fechado"), "{message}");
    }
    assert_eq!(row(store, id).await, before);
    assert_eq!(kinds(store, id).await, events);

    // Still found, listed and filtered as closed.
    let listed = tickets::list(
        store,
        &TicketFilter {
            status: Some(TicketStatus::Closed),
            ..TicketFilter::default()
        },
    )
    .await
    .expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].id, listed[0].status), (id, TicketStatus::Closed));
    let found = tickets::find_by_protocol(store, &listed[0].protocol)
        .await
        .expect("find")
        .expect("the ticket");
    assert_eq!(found.status, TicketStatus::Closed);
}

#[tokio::test]
async fn an_unknown_or_deleted_ticket_is_not_found() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let action = TicketAction::Close;
    assert_eq!(
        apply(store, Uuid::from_u128(5), &action, desk.ana, NOON)
            .await
            .expect("apply"),
        UpdateOutcome::NotFound
    );
    let id = ticket(store, &desk, 1, None, NOON).await;
    sqlx::query("UPDATE tickets SET deleted = 1 WHERE id = ?1")
        .bind(id)
        .execute(store.pool())
        .await
        .expect("delete");
    assert_eq!(
        apply(store, id, &action, desk.ana, NOON)
            .await
            .expect("apply"),
        UpdateOutcome::NotFound
    );
}
