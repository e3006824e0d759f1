use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use helpdesk_core::sync::{PullCursor, PullRequest, PushRequest, SyncRow};
use reqwest::StatusCode;
use uuid::Uuid;

use crate::common::{assert_error, role, TestApp};

#[tokio::test]
async fn pages_follow_the_cursor_in_write_order() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let me = desktop.device_id;
    let mut pushed: Vec<Uuid> = Vec::new();
    for batch in 0..3 {
        let rows: Vec<SyncRow> = (0..8)
            .map(|at| role(Uuid::now_v7(), me, &format!("Equipe {batch}.{at}"), 1))
            .collect();
        // Within a batch the order is the server's; across batches, the push order.
        let mut ids: Vec<Uuid> = rows.iter().map(|row| row.id).collect();
        ids.sort_unstable();
        pushed.extend(ids);
        app.push(&desktop.credential, rows).await;
    }

    app.settle().await;
    let mut cursor = PullCursor::default();
    let mut pages = Vec::new();
    let mut pulled: Vec<Uuid> = Vec::new();
    loop {
        let page = app.pull(&desktop.credential, cursor, 10).await;
        assert!(page.cursor > cursor, "the cursor moves forward");
        cursor = page.cursor;
        pages.push((page.rows.len(), page.more));
        let mut ids: Vec<Uuid> = page.rows.iter().map(|row| row.id).collect();
        pulled.append(&mut ids);
        if !page.more {
            break;
        }
    }
    assert_eq!(pages, [(10, true), (10, true), (4, false)]);
    // Same rows, batches in push order (each batch's rows in some order of their own).
    assert_eq!(pulled.len(), pushed.len());
    for batch in 0..3 {
        let mut got: Vec<Uuid> = pulled[batch * 8..(batch + 1) * 8].to_vec();
        got.sort_unstable();
        assert_eq!(got, pushed[batch * 8..(batch + 1) * 8]);
    }

    // At the end: nothing, and the cursor stays.
    let page = app.pull(&desktop.credential, cursor, 10).await;
    assert!(page.rows.is_empty());
    assert_eq!(page.cursor, cursor);
    assert!(!page.more);

    // A limit of 0 is read as 1.
    let page = app
        .pull(&desktop.credential, PullCursor::default(), 0)
        .await;
    assert_eq!(page.rows.len(), 1);
    assert!(page.more);
}

#[tokio::test]
async fn a_changed_row_moves_after_the_others() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let me = desktop.device_id;
    let (first, second) = (Uuid::now_v7(), Uuid::now_v7());
    app.push(&desktop.credential, vec![role(first, me, "A", 1)])
        .await;
    app.push(&desktop.credential, vec![role(second, me, "B", 1)])
        .await;
    app.settle().await;
    let page = app
        .pull(&desktop.credential, PullCursor::default(), 100)
        .await;
    let seen = page.cursor;
    app.push(&desktop.credential, vec![role(first, me, "A2", 2)])
        .await;

    let all: Vec<Uuid> = app
        .pull_all(&desktop.credential)
        .await
        .iter()
        .map(|row| row.id)
        .collect();
    assert_eq!(all, [second, first]);
    let page = app.pull(&desktop.credential, seen, 100).await;
    assert_eq!(page.rows.len(), 1);
    assert_eq!(page.rows[0].id, first);
}

#[tokio::test]
async fn a_transaction_still_running_holds_back_later_ones() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let me = desktop.device_id;
    let (slow, quick) = (Uuid::now_v7(), Uuid::now_v7());

    // A write that takes its transaction id first and commits last (as a slow push would).
    let mut slow_tx = app.pool.begin().await.expect("begin");
    let fields = serde_json::to_value(&role(slow, me, "Lenta", 1).fields).expect("fields");
    sqlx::query("INSERT INTO sync_rows (table_name, row_id, fields) VALUES ('roles', $1, $2)")
        .bind(slow)
        .bind(fields)
        .execute(&mut *slow_tx)
        .await
        .expect("slow write");

    app.push(&desktop.credential, vec![role(quick, me, "Rápida", 1)])
        .await;
    let page = app
        .pull(&desktop.credential, PullCursor::default(), 100)
        .await;
    assert!(page.rows.is_empty(), "nothing past a running transaction");
    assert_eq!(page.cursor, PullCursor::default());

    slow_tx.commit().await.expect("commit");
    app.settle().await;
    let ids: Vec<Uuid> = app
        .pull(&desktop.credential, page.cursor, 100)
        .await
        .rows
        .iter()
        .map(|row| row.id)
        .collect();
    assert_eq!(ids, [slow, quick]);
}

#[tokio::test]
async fn nothing_is_skipped_while_desktops_push_concurrently() {
    let app = TestApp::start().await;
    let reader = app.register("Matriz", &[]).await;
    let mut writers = Vec::new();
    let mut expected: BTreeSet<Uuid> = BTreeSet::new();
    for writer in 0..4 {
        let desktop = app.register(&format!("Loja {writer}"), &[]).await;
        let batches: Vec<Vec<SyncRow>> = (0..8)
            .map(|_| {
                (0..6)
                    .map(|_| role(Uuid::now_v7(), desktop.device_id, "Equipe", 1))
                    .collect()
            })
            .collect();
        expected.extend(batches.iter().flatten().map(|row| row.id));
        let client = app.client.clone();
        let url = app.url("/v1/push");
        writers.push(tokio::spawn(async move {
            for rows in batches {
                let answer = client
                    .post(&url)
                    .bearer_auth(&desktop.credential)
                    .json(&PushRequest { rows })
                    .send()
                    .await
                    .expect("push sent");
                assert_eq!(answer.status(), StatusCode::OK);
            }
        }));
    }

    // Pull small pages while they push, until everything arrived (or time is up).
    let mut seen: BTreeSet<Uuid> = BTreeSet::new();
    let mut cursor = PullCursor::default();
    let deadline = Instant::now() + Duration::from_secs(60);
    while seen.len() < expected.len() && Instant::now() < deadline {
        let page = app.pull(&reader.credential, cursor, 7).await;
        assert!(page.cursor >= cursor);
        cursor = page.cursor;
        for row in page.rows {
            assert!(seen.insert(row.id), "a row came twice: {}", row.id);
        }
        if !page.more {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
    for writer in writers {
        writer.await.expect("writer");
    }
    // Whatever was not pulled yet comes after the cursor: nothing was skipped.
    app.settle().await;
    let page = app.pull(&reader.credential, cursor, 1000).await;
    for row in page.rows {
        assert!(seen.insert(row.id), "a row came twice: {}", row.id);
    }
    assert_eq!(seen, expected);
}

#[tokio::test]
async fn a_negative_cursor_is_refused() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let request = PullRequest {
        after: PullCursor {
            epoch: 0,
            transaction: -1,
            sequence: 0,
        },
        limit: 10,
    };
    let answer = app
        .post("/v1/pull", Some(&desktop.credential), &request)
        .await;
    assert_error(&answer, StatusCode::BAD_REQUEST, "corrupted_request");
}
