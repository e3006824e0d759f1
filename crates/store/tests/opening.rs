//! Opening the database: what `Store::open` reads at every start stays cheap however large
//! the tables grow, as the window's first page waits for it.
mod common;

#[tokio::test]
async fn the_highest_stamp_written_is_found_in_an_index_not_by_a_scan_of_the_outbox() {
    let test = common::open().await;
    // What `Store::open` asks to restart the change clock after every stamp written here.
    let plan: Vec<(i64, i64, i64, String)> =
        sqlx::query_as("EXPLAIN QUERY PLAN SELECT max(stamp) FROM sync_outbox")
            .fetch_all(test.store.pool())
            .await
            .expect("the plan");
    let steps: Vec<String> = plan.into_iter().map(|(_, _, _, step)| step).collect();
    assert!(
        steps
            .iter()
            .any(|step| step.contains("INDEX sync_outbox_stamp")),
        "the outbox is scanned: {steps:?}"
    );
}
