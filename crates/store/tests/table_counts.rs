//! The diagnostic summary's row counts, on a real database.
mod common;

use helpdesk_store::table_counts::table_counts;

#[tokio::test]
async fn every_ordinary_table_is_counted_by_name() {
    let test = common::open().await;
    let before = table_counts(&test.store).await.expect("counts");
    let names: Vec<&str> = before.iter().map(|(name, _)| name.as_str()).collect();
    assert!(names.contains(&"customers"), "{names:?}");
    assert!(names.contains(&"sync_state"), "{names:?}");
    assert!(
        names.windows(2).all(|pair| pair[0] < pair[1]),
        "by name: {names:?}"
    );
    assert!(
        !names.iter().any(|name| name.starts_with("sqlite_")
            || [
                "customer_search",
                "customer_search_data",
                "customer_search_idx"
            ]
            .contains(name)),
        "no internal, virtual or shadow table: {names:?}"
    );
    let customers = |counts: &[(String, u64)]| {
        counts
            .iter()
            .find(|(name, _)| name == "customers")
            .map(|(_, rows)| *rows)
    };
    assert_eq!(customers(&before), Some(0));

    let network = common::network(&test.store).await;
    let ana = common::customer("1", "Ana Souza", "39053344705", &[], &[], &[], network);
    helpdesk_store::customers::insert_many(&test.store, &[ana])
        .await
        .expect("customer");
    let after = table_counts(&test.store).await.expect("counts");
    assert_eq!(customers(&after), Some(1));
}
