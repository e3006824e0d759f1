//! The server's merge writes back exactly the merged row (only the changed fields travel
//! to PostgreSQL, laid over the stored ones; a row that lost a field is sent whole), with a
//! new position in the pull order.
use std::collections::BTreeMap;

use helpdesk_core::sync::{FieldValue, FieldVersion, SyncRow};
use helpdesk_server::repo::rows;
use sqlx::types::Json;
use uuid::Uuid;

use crate::common::{row, text, TestApp};

/// Merges `incoming` in a transaction of its own, as the intake does.
async fn merge(app: &TestApp, incoming: &[SyncRow]) {
    let mut tx = app.pool.begin().await.expect("begin");
    rows::merge_all(&mut tx, incoming).await.expect("merged");
    tx.commit().await.expect("commit");
}

/// The row as stored, and its sequence number.
async fn stored(app: &TestApp, id: Uuid) -> (BTreeMap<String, FieldVersion>, i64) {
    let (Json(fields), seq): (Json<BTreeMap<String, FieldVersion>>, i64) =
        sqlx::query_as("SELECT fields, seq FROM sync_rows WHERE row_id = $1")
            .bind(id)
            .fetch_one(&app.pool)
            .await
            .expect("stored row");
    (fields, seq)
}

#[tokio::test]
async fn a_merged_row_is_stored_exactly_as_merged_even_when_it_loses_a_field() {
    let app = TestApp::start().await;
    let (id, origin) = (Uuid::now_v7(), Uuid::now_v7());
    let technician = FieldValue::Blob(vec![3; 16]);
    // A visit whose group (technician, start, end) is whole.
    let first = row(
        "work_orders",
        id,
        origin,
        &[
            ("technician_id", technician.clone(), 10),
            ("starts_at", FieldValue::Integer(100), 10),
            ("ends_at", FieldValue::Integer(200), 10),
            ("description", text("Trocar a ONU"), 10),
            ("report", text(""), 10),
        ],
    );
    merge(&app, std::slice::from_ref(&first)).await;
    let (fields, first_seq) = stored(&app, id).await;
    assert_eq!(fields, first.fields);

    // One field changed, another not: the rest of the row stays as it was.
    let edit = row(
        "work_orders",
        id,
        origin,
        &[
            ("report", text("ONU trocada"), 20),
            ("description", text("Trocar a ONU"), 10),
        ],
    );
    merge(&app, std::slice::from_ref(&edit)).await;
    let mut expected = first.clone();
    expected.merge(&edit);
    let (fields, edit_seq) = stored(&app, id).await;
    assert_eq!(fields, expected.fields);
    assert_eq!(fields["report"].value, text("ONU trocada"));
    assert!(
        edit_seq > first_seq,
        "a rewritten row moves in the pull order"
    );

    // A newer state of the group without the technician (only a node that held a broken
    // row would send it): the group is taken whole, so the row loses the field.
    let regroup = row(
        "work_orders",
        id,
        origin,
        &[
            ("starts_at", FieldValue::Integer(300), 30),
            ("ends_at", FieldValue::Integer(400), 30),
        ],
    );
    merge(&app, std::slice::from_ref(&regroup)).await;
    expected.merge(&regroup);
    assert!(!expected.fields.contains_key("technician_id"));
    let (fields, regroup_seq) = stored(&app, id).await;
    assert_eq!(fields, expected.fields);
    assert!(regroup_seq > edit_seq);

    // An older write changes nothing, and the row keeps its place.
    let older = row("work_orders", id, origin, &[("report", text("velho"), 5)]);
    merge(&app, std::slice::from_ref(&older)).await;
    assert_eq!(stored(&app, id).await, (expected.fields, regroup_seq));
}
