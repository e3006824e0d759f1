//! A ticket about a new plan ("escolher um novo plano") on a real database: written with
//! `new_plan_id` and no contract, named on its page, and refused once the plan is no longer
//! on offer.
mod common;
mod desk;

use desk::{desk, new_ticket, NOON};
use helpdesk_core::ticket::{NewTicket, TicketPlan, TicketPlanInfo};
use helpdesk_store::tickets::SaveOutcome;
use helpdesk_store::{ticket_details, tickets};
use uuid::Uuid;

#[tokio::test]
async fn a_ticket_for_a_new_plan_keeps_the_plan_and_no_contract() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let (plan, login): (Uuid, String) =
        sqlx::query_as("SELECT plan_id, login FROM customer_plans WHERE id = ?1")
            .bind(desk.plan)
            .fetch_one(store.pool())
            .await
            .expect("the desk's contract");
    let name: String = sqlx::query_scalar("SELECT name FROM plans WHERE id = ?1")
        .bind(plan)
        .fetch_one(store.pool())
        .await
        .expect("its plan");

    let for_contract = tickets::save(store, &new_ticket(&desk, 1), desk.ana, NOON)
        .await
        .expect("save")
        .saved()
        .expect("saved");
    let new_plan = NewTicket {
        plan: TicketPlan::New(plan),
        ..new_ticket(&desk, 2)
    };
    let for_new_plan = tickets::save(store, &new_plan, desk.ana, NOON)
        .await
        .expect("save")
        .saved()
        .expect("saved");

    let stored: (Option<Uuid>, Option<Uuid>) =
        sqlx::query_as("SELECT customer_plan_id, new_plan_id FROM tickets WHERE id = ?1")
            .bind(for_new_plan.id)
            .fetch_one(store.pool())
            .await
            .expect("the ticket");
    assert_eq!(stored, (None, Some(plan)));
    let plan_of = |id: Uuid| async move {
        ticket_details::details(store, id)
            .await
            .expect("details")
            .plan
    };
    assert_eq!(
        plan_of(for_contract.id).await,
        Some(TicketPlanInfo {
            name: name.clone(),
            login: Some(login)
        })
    );
    assert_eq!(
        plan_of(for_new_plan.id).await,
        Some(TicketPlanInfo { name, login: None })
    );
    assert_eq!(plan_of(Uuid::from_u128(1)).await, None);

    // Taken out of the catalog: no ticket for it, nothing written.
    sqlx::query("UPDATE plans SET active = 0 WHERE id = ?1")
        .bind(plan)
        .execute(store.pool())
        .await
        .expect("deactivate");
    let refused = NewTicket {
        plan: TicketPlan::New(plan),
        ..new_ticket(&desk, 3)
    };
    assert_eq!(
        tickets::save(store, &refused, desk.ana, NOON)
            .await
            .expect("save"),
        SaveOutcome::PlanUnavailable
    );
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM tickets")
        .fetch_one(store.pool())
        .await
        .expect("count");
    assert_eq!(count, 2);
}
