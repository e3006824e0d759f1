//! Fields that only make sense together merge together: a visit moved on one desktop and
//! resized on another, both offline, ends up as one of the two edits whole on every node,
//! never ending before it starts (which the desktops' schema refuses, so a merge per field
//! stalled every pull that brought it).
mod common;

use common::{assert_same, Central, Desktop};
use helpdesk_demo::DemoConfig;
use uuid::Uuid;

const DEMO: DemoConfig = DemoConfig {
    seed: 29,
    customers: 40,
    messages: 10,
};

const HOUR: i64 = 3_600_000;

/// Sets a visit's hours on `desktop` as the agenda would (a fresh stamp as `changed_at`).
async fn set_hours(desktop: &Desktop, visit: Uuid, starts: Option<i64>, ends: i64) {
    sqlx::query(
        "UPDATE work_orders SET starts_at = coalesce(?1, starts_at), ends_at = ?2, changed_at = ?3
         WHERE id = ?4",
    )
    .bind(starts)
    .bind(ends)
    .bind(desktop.store.stamp())
    .bind(visit)
    .execute(desktop.store.pool())
    .await
    .expect("visit changed");
}

async fn hours(desktop: &Desktop, visit: Uuid) -> (i64, i64) {
    sqlx::query_as("SELECT starts_at, ends_at FROM work_orders WHERE id = ?1")
        .bind(visit)
        .fetch_one(desktop.store.pool())
        .await
        .expect("the visit")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_visit_moved_on_one_desktop_and_resized_on_another_stays_a_valid_visit() {
    let central = Central::start().await;
    let a = Desktop::new().await;
    helpdesk_demo::seed(&a.store, &DEMO)
        .await
        .expect("demo data");
    let seeded = helpdesk_demo::seed_tickets(&a.store, &DEMO)
        .await
        .expect("demo tickets");
    assert!(seeded.work_orders > 0, "{seeded}");
    a.register(&central, "Loja Centro").await;
    a.sync().await;
    let b = Desktop::new().await;
    b.register(&central, "Loja Norte").await;
    b.sync().await;

    let visit: Uuid = sqlx::query_scalar("SELECT id FROM work_orders LIMIT 1")
        .fetch_one(a.store.pool())
        .await
        .expect("a visit");
    let (starts, ends) = hours(&a, visit).await;
    // Offline: A moves it two hours later; B, afterwards, makes it end half an hour
    // earlier than it did (its start untouched). Field by field, it would start at
    // starts + 2h and end at ends - 30 min: before it starts.
    set_hours(&a, visit, Some(starts + 2 * HOUR), ends + 2 * HOUR).await;
    let resized = ends - HOUR / 2;
    assert!(resized > starts && resized < starts + 2 * HOUR);
    // B's clock a second ahead of A's (clocks agree only to tens of milliseconds): its
    // edit is surely the later one.
    let offset = helpdesk_store::sync::load_state(&b.store)
        .await
        .expect("state")
        .clock_offset_ms;
    b.store.set_clock_offset(offset + 1_000);
    set_hours(&b, visit, None, resized).await;

    a.sync().await;
    b.sync().await;
    a.sync().await;

    // B's edit is the later one: its hours come whole.
    assert_eq!(hours(&a, visit).await, (starts, resized));
    assert_eq!(hours(&b, visit).await, (starts, resized));
    assert_same(&a.rows().await, &b.rows().await, "A and B");
    assert_same(&central.rows().await, &a.rows().await, "the server and A");
}
