//! Every pushed row is judged alone against the rules the desktops' schema enforces, the
//! history's, the attachments' files and the server's clock; a refused row is named with
//! its code and the rest of the batch is taken.
use helpdesk_core::clock::MAX_STAMP_AHEAD_MS;
use helpdesk_core::hex;
use helpdesk_core::sync::{FieldValue, SyncRow};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::common::{assert_refused, role, row, text, TestApp};

fn int(value: i64) -> FieldValue {
    FieldValue::Integer(value)
}

fn blob(id: Uuid) -> FieldValue {
    FieldValue::Blob(id.as_bytes().to_vec())
}

/// A visit from `starts` to `ends`.
fn visit(id: Uuid, origin: Uuid, starts: i64, ends: i64, stamp: i64) -> SyncRow {
    row(
        "work_orders",
        id,
        origin,
        &[
            ("technician_id", blob(Uuid::from_u128(3)), stamp),
            ("starts_at", int(starts), stamp),
            ("ends_at", int(ends), stamp),
        ],
    )
}

/// The stored rows of `table`.
async fn stored(app: &TestApp, table: &str) -> i64 {
    app.count(&format!(
        "SELECT count(*) FROM sync_rows WHERE table_name = '{table}'"
    ))
    .await
}

#[tokio::test]
async fn rows_breaking_the_desktops_schema_are_refused_one_by_one() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let me = desktop.device_id;
    let good = role(Uuid::now_v7(), me, "Suporte", 10);
    let backwards = visit(Uuid::now_v7(), me, 600, 540, 10);
    let both = row(
        "ticket_types",
        Uuid::now_v7(),
        me,
        &[
            ("destined_user_id", blob(Uuid::now_v7()), 10),
            ("destined_role_id", blob(Uuid::now_v7()), 10),
        ],
    );
    let stage = row(
        "work_order_statuses",
        Uuid::now_v7(),
        me,
        &[("stage", text("perdido"), 10)],
    );
    let weekday = row(
        "business_hours",
        Uuid::now_v7(),
        me,
        &[("weekday", int(7), 10)],
    );
    let hash = row(
        "attachments",
        Uuid::now_v7(),
        me,
        &[("content_hash", text("../../etc/passwd"), 10)],
    );
    let half_group = row(
        "work_orders",
        Uuid::now_v7(),
        me,
        &[("ends_at", int(600), 10)],
    );
    let batch = vec![
        good.clone(),
        backwards.clone(),
        both.clone(),
        stage.clone(),
        weekday.clone(),
        hash.clone(),
        half_group.clone(),
    ];
    let expected = [
        ("work_orders", backwards.id, "rule_violation"),
        ("ticket_types", both.id, "rule_violation"),
        ("work_order_statuses", stage.id, "rule_violation"),
        ("business_hours", weekday.id, "rule_violation"),
        ("attachments", hash.id, "rule_violation"),
        ("work_orders", half_group.id, "corrupted_row"),
    ];
    for round in 0..2 {
        let answer = app.push(&desktop.credential, batch.clone()).await;
        assert_refused(&answer, &expected);
        assert_eq!(answer.changed, u32::from(round == 0), "{answer:?}");
    }
    assert_eq!(app.count("SELECT count(*) FROM sync_rows").await, 1);

    // A visit stored right is not made to end before it starts by a later edit.
    let kept = visit(Uuid::now_v7(), me, 540, 600, 10);
    app.push(&desktop.credential, vec![kept.clone()]).await;
    let answer = app
        .push(&desktop.credential, vec![visit(kept.id, me, 700, 600, 20)])
        .await;
    assert_refused(&answer, &[("work_orders", kept.id, "rule_violation")]);
    let rows = app.pull_all(&desktop.credential).await;
    let visit = rows.iter().find(|row| row.id == kept.id).expect("visit");
    assert_eq!(visit.value("starts_at"), Some(&int(540)));
}

#[tokio::test]
async fn an_attachment_needs_its_file_on_the_server_first() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let me = desktop.device_id;
    let content = b"laudo da visita".to_vec();
    let hash = hex::encode(&Sha256::digest(&content));
    let attachment = row(
        "attachments",
        Uuid::now_v7(),
        me,
        &[
            ("content_hash", text(&hash), 10),
            ("file_name", text("laudo.pdf"), 10),
        ],
    );
    let answer = app
        .push(&desktop.credential, vec![attachment.clone()])
        .await;
    assert_refused(&answer, &[("attachments", attachment.id, "unknown_blob")]);
    assert_eq!(stored(&app, "attachments").await, 0);

    let put = app
        .client
        .put(app.url(&format!("/v1/blobs/{hash}")))
        .bearer_auth(&desktop.credential)
        .body(content)
        .send()
        .await
        .expect("put sent");
    assert!(put.status().is_success(), "{}", put.status());
    let answer = app.push(&desktop.credential, vec![attachment]).await;
    assert_refused(&answer, &[]);
    assert_eq!(answer.changed, 1);
}

#[tokio::test]
async fn history_is_never_rewritten_nor_deleted() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let me = desktop.device_id;
    let event = row(
        "ticket_events",
        Uuid::now_v7(),
        me,
        &[
            ("ticket_id", blob(Uuid::now_v7()), 10),
            ("kind", text("opened"), 10),
            ("payload", text("{}"), 10),
        ],
    );
    let change = row(
        "customer_changes",
        Uuid::now_v7(),
        me,
        &[("summary", text("Endereço"), 10), ("deleted", int(0), 10)],
    );
    let answer = app
        .push(&desktop.credential, vec![event.clone(), change.clone()])
        .await;
    assert_eq!((answer.changed, answer.refused.len()), (2, 0));
    // The same rows again change nothing and are not refused.
    let answer = app
        .push(&desktop.credential, vec![event.clone(), change.clone()])
        .await;
    assert_eq!((answer.unchanged, answer.refused.len()), (2, 0));

    let rewritten = row("ticket_events", event.id, me, &[("payload", text("x"), 20)]);
    let deleted = row(
        "customer_changes",
        change.id,
        me,
        &[("deleted", int(1), 20)],
    );
    let answer = app
        .push(&desktop.credential, vec![rewritten, deleted])
        .await;
    assert_refused(
        &answer,
        &[
            ("ticket_events", event.id, "history_rewrite"),
            ("customer_changes", change.id, "history_rewrite"),
        ],
    );
    let rows = app.pull_all(&desktop.credential).await;
    let event = rows.iter().find(|row| row.id == event.id).expect("event");
    assert_eq!(event.value("payload"), Some(&text("{}")));
}

#[tokio::test]
async fn the_server_sets_the_origin_and_refuses_stamps_from_the_future() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let other = app.register("Loja Norte", &[]).await;
    let now_stamp = |ahead_ms: i64| {
        let millis = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("after 1970")
            .as_millis();
        (i64::try_from(millis).expect("millis") + ahead_ms) << 16
    };

    // Written in another desktop's name: the server stamps it with the sender's.
    let forged = role(Uuid::now_v7(), other.device_id, "Suporte", now_stamp(0));
    app.push(&desktop.credential, vec![forged.clone()]).await;
    let rows = app.pull_all(&desktop.credential).await;
    assert_eq!(rows.len(), 1);
    for field in rows[0].fields.values() {
        assert_eq!(field.version.origin, desktop.device_id);
    }
    // Sent again, nothing changes.
    let again = app.push(&desktop.credential, vec![forged]).await;
    assert_eq!((again.changed, again.unchanged), (0, 1));

    // A minute ahead is a clock a little off; an hour ahead, or near the end of time, is not.
    let me = desktop.device_id;
    let close = role(Uuid::now_v7(), me, "Perto", now_stamp(60_000));
    let far = role(
        Uuid::now_v7(),
        me,
        "Longe",
        now_stamp(MAX_STAMP_AHEAD_MS + 3_600_000),
    );
    let end = role(Uuid::now_v7(), me, "Fim", i64::MAX);
    for _ in 0..2 {
        let answer = app
            .push(
                &desktop.credential,
                vec![close.clone(), far.clone(), end.clone()],
            )
            .await;
        assert_refused(
            &answer,
            &[
                ("roles", far.id, "stamp_in_future"),
                ("roles", end.id, "stamp_in_future"),
            ],
        );
    }
    assert_eq!(stored(&app, "roles").await, 2);
}
