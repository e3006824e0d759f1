//! "Alterar tipo" on a real database: the ticket takes the type as stored, its routing and
//! its due time counted again from its opening in the business hours as stored, with a
//! history entry of who and when; refused (writing nothing) for a type deactivated,
//! removed or the ticket's own, and for a closed ticket.
mod common;
mod desk;

use chrono::{FixedOffset, TimeZone};
use desk::{desk, kinds, ticket, Desk, HOUR};
use helpdesk_core::business_hours::Week;
use helpdesk_core::catalog::{CatalogActiveChange, CatalogKind};
use helpdesk_core::ticket::TicketStatus;
use helpdesk_core::ticket_update::{fields, TicketAction, TicketState};
use helpdesk_store::business_hours::save_week;
use helpdesk_store::catalog::{self, Destination, NewTicketType};
use helpdesk_store::ticket_updates::{apply, UpdateOutcome};
use helpdesk_store::{tickets, Store};
use serde_json::{json, Value};
use uuid::Uuid;

/// Unix ms of a local time in Brasília (UTC−3, the store's offset by default).
fn brasilia((y, mo, d): (i32, u32, u32), (h, mi): (u32, u32)) -> i64 {
    FixedOffset::west_opt(3 * 3600)
        .expect("offset")
        .with_ymd_and_hms(y, mo, d, h, mi, 0)
        .single()
        .expect("a time")
        .timestamp_millis()
}

// 2026-12-04 is a Friday.
const FRIDAY: (i32, u32, u32) = (2026, 12, 4);
const MONDAY: (i32, u32, u32) = (2026, 12, 7);

/// Monday to Friday 08:00–18:00.
async fn weekdays(store: &Store) {
    let week = Week::from_openings((1..=5).map(|weekday| (weekday, 8 * 60, 18 * 60)));
    save_week(store, &week).await.expect("week");
}

async fn new_type(store: &Store, name: &str, destination: Destination, hours: i64) -> Uuid {
    new_type_in(store, name, destination, hours, false).await
}

async fn new_type_in(
    store: &Store,
    name: &str,
    destination: Destination,
    sla_hours: i64,
    sla_calendar: bool,
) -> Uuid {
    let kind = NewTicketType {
        name: name.into(),
        destination,
        sla_hours,
        sla_calendar,
    };
    catalog::insert_ticket_type(store, &kind)
        .await
        .expect("ticket type")
}

/// The ticket's type, due time, assigned user and role.
async fn row(store: &Store, id: Uuid) -> (Option<Uuid>, i64, Option<Uuid>, Option<Uuid>) {
    sqlx::query_as(
        "SELECT ticket_type_id, due_at, assigned_user_id, assigned_role_id
         FROM tickets WHERE id = ?1",
    )
    .bind(id)
    .fetch_one(store.pool())
    .await
    .expect("ticket row")
}

fn to(ticket_type_id: Uuid) -> TicketAction {
    TicketAction::ChangeType { ticket_type_id }
}

async fn change(store: &Store, desk: &Desk, id: Uuid, kind: Uuid, at: i64) -> UpdateOutcome {
    apply(store, id, &to(kind), desk.juliana, at)
        .await
        .expect("apply")
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
async fn the_type_changes_with_its_routing_and_its_due_time_from_the_opening() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    weekdays(store).await;
    let visit = new_type(store, "Visita técnica", Destination::User(desk.carlos), 8).await;

    // Opened Friday 17:00 as "Sem conexão" (4 business hours): due Monday 11:00.
    let opened = brasilia(FRIDAY, (17, 0));
    let id = ticket(store, &desk, 1, None, opened).await;
    let monday_11 = brasilia(MONDAY, (11, 0));
    assert_eq!(row(store, id).await.1, monday_11);

    // Changed on Monday at 09:00 to 8 business hours: still counted from Friday 17:00.
    let at = brasilia(MONDAY, (9, 0));
    let state = done(change(store, &desk, id, visit, at).await);
    let monday_15 = brasilia(MONDAY, (15, 0));
    assert_eq!(state.ticket_type_id, Some(visit));
    assert_eq!(state.ticket_type_name.as_deref(), Some("Visita técnica"));
    assert_eq!(state.due_at, Some(monday_15));
    assert_eq!(state.assignee, Some(desk.user(desk.carlos, "Carlos Lima")));
    assert_eq!(state.status, TicketStatus::Open);
    assert_eq!(
        row(store, id).await,
        (Some(visit), monday_15, Some(desk.carlos), None)
    );

    let event = tickets::history(store, id)
        .await
        .expect("history")
        .pop()
        .expect("an event");
    assert_eq!(
        (event.kind.as_str(), event.user_id, event.at),
        ("type_changed", desk.juliana, at),
        "who and when"
    );
    let payload: Value = serde_json::from_str(&event.payload).expect("JSON");
    assert_eq!(
        payload,
        json!({
            "from": "Sem conexão",
            "to": "Visita técnica",
            "from_due_at": monday_11,
            "to_due_at": monday_15,
            "assignee": "Carlos Lima (usuário)",
        })
    );
    let found = tickets::find_by_protocol(store, &desk::protocol(1))
        .await
        .expect("find")
        .expect("the ticket");
    assert_eq!(
        (found.ticket_type_name.as_deref(), found.due_at),
        (Some("Visita técnica"), Some(monday_15))
    );
}

#[tokio::test]
async fn a_type_to_nobody_keeps_the_assignee_and_calendar_hours_ignore_the_week() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    weekdays(store).await;
    let outage = new_type_in(store, "Queda geral", Destination::Nobody, 6, true).await;
    let opened = brasilia(FRIDAY, (17, 0));
    let id = ticket(store, &desk, 1, None, opened).await;

    let state = done(change(store, &desk, id, outage, opened + HOUR).await);
    assert_eq!(
        state.assignee,
        Some(desk.n2_role()),
        "still with Atendente N2"
    );
    assert_eq!(state.due_at, Some(opened + 6 * HOUR), "calendar hours");
    assert_eq!(
        row(store, id).await,
        (Some(outage), opened + 6 * HOUR, None, Some(desk.n2))
    );
    let event = tickets::history(store, id)
        .await
        .expect("history")
        .pop()
        .expect("an event");
    let payload: Value = serde_json::from_str(&event.payload).expect("JSON");
    assert_eq!(payload["assignee"], Value::Null);
}

#[tokio::test]
async fn a_change_of_type_is_refused_for_an_inactive_type_its_own_or_a_closed_ticket() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let id = ticket(store, &desk, 1, None, desk::NOON).await;
    let before = row(store, id).await;
    let events = kinds(store, id).await.len();
    let at = desk::NOON + HOUR;

    let inactive = new_type(store, "Antigo", Destination::Nobody, 8).await;
    catalog::set_active(
        store,
        CatalogActiveChange {
            kind: CatalogKind::TicketTypes,
            id: inactive,
            active: false,
        },
    )
    .await
    .expect("deactivate");
    let (field, message) = refused(change(store, &desk, id, inactive, at).await);
    assert_eq!(field, fields::TICKET_TYPE);
    assert!(message.contains("desativado ou removido"), "{message}");
    let unknown = Uuid::from_u128(99);
    assert_eq!(
        refused(change(store, &desk, id, unknown, at).await).0,
        fields::TICKET_TYPE
    );

    let (field, message) = refused(change(store, &desk, id, desk.kind.id, at).await);
    assert_eq!(field, fields::TICKET_TYPE);
    assert_eq!(message, "O atendimento já é do tipo Sem conexão.");

    // A type whose user was deactivated is still listed, and refused.
    let to_juliana = new_type(store, "Financeiro", Destination::User(desk.juliana), 8).await;
    sqlx::query("UPDATE users SET active = 0 WHERE id = ?1")
        .bind(desk.juliana)
        .execute(store.pool())
        .await
        .expect("deactivate");
    let (field, message) = refused(change(store, &desk, id, to_juliana, at).await);
    assert_eq!(field, fields::TICKET_TYPE);
    assert!(message.contains("usuário removido"), "{message}");
    assert_eq!(row(store, id).await, before, "nothing written");
    assert_eq!(kinds(store, id).await.len(), events);

    let active = new_type(store, "Lentidão", Destination::Nobody, 24).await;
    done(
        apply(store, id, &TicketAction::Close, desk.ana, at)
            .await
            .expect("close"),
    );
    let (field, message) = refused(change(store, &desk, id, active, at).await);
    assert_eq!(field, fields::TICKET);
    assert!(message.contains("fechado"), "{message}");
    assert_eq!(row(store, id).await.0, Some(desk.kind.id));
}
