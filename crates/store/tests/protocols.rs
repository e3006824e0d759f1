//! Protocol numbers on a real database: consecutive per day, never twice even when many are
//! asked for at once, each traced to the operator who got it.
mod common;

use std::collections::HashSet;
use std::sync::Arc;

use chrono::NaiveDate;
use helpdesk_core::protocol::ProtocolError;
use helpdesk_store::catalog;
use helpdesk_store::{protocols, Store};
use uuid::Uuid;

async fn operator(store: &Store) -> Uuid {
    let role = catalog::insert_role(store, "Atendente N1", false)
        .await
        .expect("role");
    common::user(store, "ana", "Ana", role).await
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).expect("date")
}

async fn reservations(store: &Store) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM protocol_reservations")
        .fetch_one(store.pool())
        .await
        .expect("count")
}

#[tokio::test]
async fn numbers_follow_each_other_and_start_again_each_day() {
    let test = common::open().await;
    let ana = operator(&test.store).await;
    let first = protocols::reserve(&test.store, ana, day(27))
        .await
        .expect("reserve")
        .expect("a number");
    assert_eq!(first.to_string(), "261127-001-00001");
    let second = protocols::reserve(&test.store, ana, day(27))
        .await
        .expect("reserve")
        .expect("a number");
    assert_eq!(second.sequence, 2);

    protocols::set_desktop_number(&test.store, 42)
        .await
        .expect("desktop number");
    let next_day = protocols::reserve(&test.store, ana, day(28))
        .await
        .expect("reserve")
        .expect("a number");
    assert_eq!(next_day.to_string(), "261128-042-00001");
    assert_eq!(reservations(&test.store).await, 3);
    let owner: Uuid =
        sqlx::query_scalar("SELECT user_id FROM protocol_reservations WHERE protocol = ?1")
            .bind(next_day.digits())
            .fetch_one(test.store.pool())
            .await
            .expect("traced");
    assert_eq!(owner, ana);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn many_at_once_never_share_a_number() {
    let test = common::open().await;
    let ana = operator(&test.store).await;
    let store = Arc::new(test.store);
    let mut tasks = Vec::new();
    for _ in 0..60 {
        let store = Arc::clone(&store);
        tasks.push(tokio::spawn(async move {
            protocols::reserve(&store, ana, day(28))
                .await
                .expect("reserve")
                .expect("a number")
        }));
    }
    let mut given = HashSet::new();
    for task in tasks {
        assert!(given.insert(task.await.expect("task").digits()));
    }
    let sequences: HashSet<u32> = given
        .iter()
        .map(|digits| digits[9..].parse().expect("sequence"))
        .collect();
    assert_eq!(sequences, (1..=60).collect::<HashSet<u32>>());
}

#[tokio::test]
async fn a_full_day_says_so_and_writes_nothing() {
    let test = common::open().await;
    let ana = operator(&test.store).await;
    sqlx::query("INSERT INTO protocol_sequences (day, last) VALUES ('2026-11-28', 99999)")
        .execute(test.store.pool())
        .await
        .expect("a full day");
    let outcome = protocols::reserve(&test.store, ana, day(28))
        .await
        .expect("reserve");
    assert_eq!(outcome, Err(ProtocolError::DayFull));
    assert_eq!(reservations(&test.store).await, 0);
}
