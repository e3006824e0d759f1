//! A ticket saved with its work order, on a real database: the visit and its history entry
//! written with the ticket; a time taken meanwhile by another operator, or a technician
//! removed meanwhile, writes nothing until the operator decides.
mod common;
mod desk;

use desk::{desk, new_ticket, Desk, NOON};
use helpdesk_core::ticket::NewTicket;
use helpdesk_core::work_order::{Slot, MINUTE};
use helpdesk_core::work_order_form::NewWorkOrder;
use helpdesk_store::catalog::{self, NewWorkOrderStatus, NewWorkOrderType};
use helpdesk_store::tickets::{self, SaveOutcome};
use helpdesk_store::Store;
use uuid::Uuid;

struct Field {
    technician: Uuid,
    kind: Uuid,
    status: Uuid,
}

async fn field(store: &Store) -> Field {
    let team = catalog::insert_team(store, "Equipe Norte")
        .await
        .expect("team");
    let technician = catalog::insert_technician(
        store,
        &catalog::NewTechnician {
            name: "Bruno Alves".into(),
            team_id: team,
            user_id: None,
            phone: String::new(),
        },
    )
    .await
    .expect("technician");
    let kind = catalog::insert_work_order_type(
        store,
        &NewWorkOrderType {
            name: "Reparo".into(),
            is_site_survey: false,
            default_minutes: 60,
            color: "#1565c0".into(),
        },
    )
    .await
    .expect("type");
    let status = catalog::insert_work_order_statuses(
        store,
        &[NewWorkOrderStatus {
            name: "Agendada".into(),
            color: "#8e24aa".into(),
            stage: helpdesk_core::work_order_life::WorkOrderStage::Open,
        }],
    )
    .await
    .expect("status")[0];
    Field {
        technician,
        kind,
        status,
    }
}

fn order(field: &Field, start_hour: i64, allow_clash: bool) -> NewWorkOrder {
    NewWorkOrder {
        slot: Slot {
            technician_id: field.technician,
            starts_at: NOON + start_hour * 60 * MINUTE,
            ends_at: NOON + (start_hour + 1) * 60 * MINUTE + 30 * MINUTE,
        },
        status_id: field.status,
        type_id: field.kind,
        address: "Rua das Flores, 120 – Centro, Campinas/SP".into(),
        description: "Trocar o conector óptico.".into(),
        allow_clash,
    }
}

async fn save(store: &Store, desk: &Desk, sequence: u32, order: NewWorkOrder) -> SaveOutcome {
    let ticket = NewTicket {
        work_order: Some(order),
        ..new_ticket(desk, sequence)
    };
    tickets::save(store, &ticket, desk.ana, NOON)
        .await
        .expect("save")
}

async fn count(store: &Store, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(store.pool())
        .await
        .expect("count")
}

#[tokio::test]
async fn the_work_order_is_written_with_its_ticket_and_history() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let field = field(store).await;
    let saved = save(store, &desk, 1, order(&field, 2, false))
        .await
        .saved()
        .expect("saved");
    let row: (Uuid, Uuid, i64, i64, String) = sqlx::query_as(
        "SELECT ticket_id, technician_id, starts_at, ends_at, address FROM work_orders",
    )
    .fetch_one(store.pool())
    .await
    .expect("the work order");
    let expected = order(&field, 2, false);
    assert_eq!(
        row,
        (
            saved.id,
            field.technician,
            expected.slot.starts_at,
            expected.slot.ends_at,
            expected.address
        )
    );
    let history = tickets::history(store, saved.id).await.expect("history");
    let entry = history
        .iter()
        .find(|event| event.kind == "work_order")
        .expect("a work_order entry");
    let payload: serde_json::Value = serde_json::from_str(&entry.payload).expect("JSON");
    assert_eq!(payload["technician"], "Bruno Alves");
    assert_eq!(payload["type"], "Reparo");
    assert_eq!(payload["status"], "Agendada");
}

#[tokio::test]
async fn a_time_taken_meanwhile_is_a_clash_until_accepted() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let field = field(store).await;
    // Another operator saved 14:00–15:30 first; this one wants 14:30–16:00.
    save(store, &desk, 1, order(&field, 2, false))
        .await
        .saved()
        .expect("the first");
    let mut late = order(&field, 2, false);
    late.slot.starts_at += 30 * MINUTE;
    late.slot.ends_at += 30 * MINUTE;
    let outcome = save(store, &desk, 2, late.clone()).await;
    let SaveOutcome::Clash(visits) = outcome else {
        panic!("a clash, not {outcome:?}");
    };
    assert_eq!(visits.len(), 1);
    assert_eq!(visits[0].slot, order(&field, 2, false).slot);
    assert_eq!(
        count(store, "SELECT count(*) FROM tickets").await,
        1,
        "nothing written"
    );

    // Right after it: no clash. Accepted: saved over it.
    let mut after = order(&field, 3, false);
    after.slot.starts_at += 30 * MINUTE;
    assert!(save(store, &desk, 3, after).await.saved().is_some());
    late.allow_clash = true;
    assert!(save(store, &desk, 2, late).await.saved().is_some());
    assert_eq!(count(store, "SELECT count(*) FROM work_orders").await, 3);
}

#[tokio::test]
async fn a_technician_removed_meanwhile_writes_nothing() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let field = field(store).await;
    sqlx::query("UPDATE technicians SET active = 0 WHERE id = ?1")
        .bind(field.technician)
        .execute(store.pool())
        .await
        .expect("deactivated");
    let outcome = save(store, &desk, 1, order(&field, 2, false)).await;
    assert_eq!(outcome, SaveOutcome::TechnicianRemoved);
    assert_eq!(count(store, "SELECT count(*) FROM tickets").await, 0);
    assert_eq!(count(store, "SELECT count(*) FROM work_orders").await, 0);
}
