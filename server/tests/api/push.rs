use helpdesk_core::sync::{FieldValue, PullCursor, PushRequest, MAX_BATCH_ROWS};
use reqwest::StatusCode;
use uuid::Uuid;

use crate::common::{assert_error, assert_refused, role, row, text, ticket, TestApp};

#[tokio::test]
async fn rows_outside_the_shared_tables_are_refused_and_nothing_is_stored() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let me = desktop.device_id;
    let good = role(Uuid::now_v7(), me, "Suporte", 10);
    let cases = [
        (
            row("salaries", Uuid::now_v7(), me, &[("name", text("x"), 10)]),
            "salaries",
        ),
        (
            row(
                "roles",
                Uuid::now_v7(),
                me,
                &[("salary", FieldValue::Integer(1), 10)],
            ),
            "salary",
        ),
        (
            row(
                "roles",
                Uuid::now_v7(),
                me,
                &[("name", FieldValue::Integer(1), 10)],
            ),
            "roles.name",
        ),
        (
            row(
                "roles",
                Uuid::now_v7(),
                me,
                &[("name", FieldValue::Null, 10)],
            ),
            "roles.name",
        ),
        (
            row(
                "tasks",
                Uuid::now_v7(),
                me,
                &[("ticket_id", text("not a blob"), 10)],
            ),
            "tasks.ticket_id",
        ),
    ];
    for (bad, named) in cases {
        let bad_id = (bad.table.clone(), bad.id);
        let rows = vec![good.clone(), bad];
        for _ in 0..2 {
            // Refused alone, again and again; the good row is taken once.
            let answer = app.push(&desktop.credential, rows.clone()).await;
            assert_refused(&answer, &[(&bad_id.0, bad_id.1, "corrupted_row")]);
            assert!(answer.refused[0].message.contains(named), "{answer:?}");
        }
    }
    assert_eq!(app.count("SELECT count(*) FROM sync_rows").await, 1);
    let stored: String = sqlx::query_scalar("SELECT table_name FROM sync_rows")
        .fetch_one(&app.pool)
        .await
        .expect("the good row");
    assert_eq!(stored, "roles");
}

#[tokio::test]
async fn conflicting_edits_of_two_desktops_merge_field_by_field() {
    let app = TestApp::start().await;
    let left = app.register("Loja Centro", &[]).await;
    let right = app.register("Loja Norte", &[]).await;
    let customer = Uuid::now_v7();
    let fields = |name: &str, city: &str, name_stamp: i64, city_stamp: i64| {
        vec![
            ("name", text(name), name_stamp),
            ("city", text(city), city_stamp),
        ]
    };
    let from_left = row(
        "customers",
        customer,
        left.device_id,
        &fields("Maria", "Recife", 10, 10),
    );
    let from_right = row(
        "customers",
        customer,
        right.device_id,
        &fields("Maria da Silva", "Olinda", 20, 5),
    );
    let pushed = app.push(&left.credential, vec![from_left.clone()]).await;
    assert_eq!((pushed.changed, pushed.unchanged), (1, 0));
    assert!(pushed.server_time_ms > 1_600_000_000_000);
    let pushed = app.push(&right.credential, vec![from_right.clone()]).await;
    assert_eq!((pushed.changed, pushed.unchanged), (1, 0));

    let rows = app.pull_all(&left.credential).await;
    assert_eq!(rows.len(), 1);
    let merged = &rows[0];
    assert_eq!(merged.value("name"), Some(&text("Maria da Silva")));
    assert_eq!(merged.value("city"), Some(&text("Recife")));
    assert_eq!(merged.fields["name"].version.origin, right.device_id);
    assert_eq!(merged.fields["city"].version.origin, left.device_id);

    // Either order gives the same row.
    let mut expected = from_right.clone();
    expected.merge(&from_left);
    assert_eq!(merged, &expected);
}

#[tokio::test]
async fn the_same_push_twice_changes_nothing_the_second_time() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let me = desktop.device_id;
    let rows: Vec<_> = (0..5)
        .map(|at| role(Uuid::now_v7(), me, &format!("Equipe {at}"), 10 + at))
        .collect();
    let first = app.push(&desktop.credential, rows.clone()).await;
    assert_eq!((first.changed, first.unchanged), (5, 0));
    let positions: Vec<(String, i64)> =
        sqlx::query_as("SELECT txid::text, seq FROM sync_rows ORDER BY seq")
            .fetch_all(&app.pool)
            .await
            .expect("positions");

    let second = app.push(&desktop.credential, rows.clone()).await;
    assert_eq!((second.changed, second.unchanged), (0, 5));
    let after: Vec<(String, i64)> =
        sqlx::query_as("SELECT txid::text, seq FROM sync_rows ORDER BY seq")
            .fetch_all(&app.pool)
            .await
            .expect("positions");
    assert_eq!(positions, after, "unchanged rows keep their place");

    // An older write is no change either; a newer one is.
    let older = role(rows[0].id, me, "Antigo", 1);
    let newer = role(rows[1].id, me, "Novo", 99);
    let third = app.push(&desktop.credential, vec![older, newer]).await;
    assert_eq!((third.changed, third.unchanged), (1, 1));
    let pulled = app.pull_all(&desktop.credential).await;
    assert_eq!(pulled.len(), 5);
    assert_eq!(pulled.last().map(|row| row.id), Some(rows[1].id));
    assert_eq!(
        pulled.last().and_then(|row| row.value("name")),
        Some(&text("Novo"))
    );
}

#[tokio::test]
async fn a_batch_repeating_a_row_merges_it_once() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let id = Uuid::now_v7();
    let me = desktop.device_id;
    let pushed = app
        .push(
            &desktop.credential,
            vec![
                role(id, me, "Primeiro", 10),
                role(id, me, "Segundo", 20),
                role(id, me, "Primeiro", 10),
            ],
        )
        .await;
    assert_eq!((pushed.changed, pushed.unchanged), (2, 1));
    let rows = app.pull_all(&desktop.credential).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].value("name"), Some(&text("Segundo")));
}

#[tokio::test]
async fn a_protocol_belongs_to_one_ticket() {
    let app = TestApp::start().await;
    let centro = app.register("Loja Centro", &["261128-001-00001"]).await;
    let norte = app.register("Loja Norte", &[]).await;
    let first_ticket = Uuid::now_v7();
    let second_ticket = Uuid::now_v7();

    // A protocol reserved at registration goes to the desktop's ticket.
    let opened = ticket(
        first_ticket,
        centro.device_id,
        "261128-001-00001",
        "aberto",
        10,
    );
    app.push(&centro.credential, vec![opened]).await;
    let owner: Option<Uuid> =
        sqlx::query_scalar("SELECT ticket_id FROM protocol_claims WHERE protocol = $1")
            .bind("261128-001-00001")
            .fetch_one(&app.pool)
            .await
            .expect("claim");
    assert_eq!(owner, Some(first_ticket));

    // Another desktop may edit that ticket (it carries the same protocol)...
    let edited = ticket(
        first_ticket,
        centro.device_id,
        "261128-001-00001",
        "aberto",
        10,
    );
    let mut edited = edited;
    edited.merge(&row(
        "tickets",
        first_ticket,
        norte.device_id,
        &[("status", text("resolvido"), 30)],
    ));
    let pushed = app.push(&norte.credential, vec![edited]).await;
    assert_eq!(pushed.changed, 1);

    // ...but no other ticket may carry it: that ticket is refused, the rest is taken.
    let bystander = role(Uuid::now_v7(), norte.device_id, "Suporte", 10);
    let clash = ticket(
        second_ticket,
        norte.device_id,
        "261128-001-00001",
        "aberto",
        40,
    );
    for _ in 0..2 {
        let answer = app
            .push(&norte.credential, vec![bystander.clone(), clash.clone()])
            .await;
        assert_refused(&answer, &[("tickets", second_ticket, "protocol_taken")]);
        assert!(answer.refused[0].message.contains("261128-001-00001"));
    }
    assert_eq!(app.count("SELECT count(*) FROM sync_rows").await, 2);
    assert_eq!(
        app.count("SELECT count(*) FROM sync_rows WHERE table_name = 'tickets'")
            .await,
        1
    );

    // New protocols are claimed by the desktop that pushes them.
    let fresh = ticket(
        second_ticket,
        norte.device_id,
        "261128-003-00001",
        "aberto",
        40,
    );
    app.push(&norte.credential, vec![fresh]).await;
    let claim: (Uuid, Option<Uuid>) = sqlx::query_as(
        "SELECT device_id, ticket_id FROM protocol_claims WHERE protocol = '261128-003-00001'",
    )
    .fetch_one(&app.pool)
    .await
    .expect("claim");
    assert_eq!(claim, (norte.device_id, Some(second_ticket)));
}

#[tokio::test]
async fn a_protocol_reserved_by_another_desktop_cannot_be_used() {
    let app = TestApp::start().await;
    app.register("Loja Centro", &["261128-001-00001"]).await;
    let norte = app.register("Loja Norte", &[]).await;
    let clash = ticket(
        Uuid::now_v7(),
        norte.device_id,
        "261128-001-00001",
        "aberto",
        10,
    );
    let id = clash.id;
    let answer = app.push(&norte.credential, vec![clash]).await;
    assert_refused(&answer, &[("tickets", id, "protocol_taken")]);
    assert_eq!(app.count("SELECT count(*) FROM sync_rows").await, 0);
}

#[tokio::test]
async fn two_tickets_of_one_batch_cannot_share_a_protocol() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let me = desktop.device_id;
    let (first, second) = (Uuid::now_v7(), Uuid::now_v7());
    let rows = vec![
        ticket(second, me, "261128-002-00001", "aberto", 10),
        ticket(first, me, "261128-002-00001", "aberto", 10),
    ];
    // The smaller id keeps it (the one created first), whatever the order of the batch.
    let answer = app.push(&desktop.credential, rows).await;
    assert_refused(&answer, &[("tickets", second, "protocol_taken")]);
    let owner: Option<Uuid> = sqlx::query_scalar("SELECT ticket_id FROM protocol_claims")
        .fetch_one(&app.pool)
        .await
        .expect("one claim");
    assert_eq!(owner, Some(first));
    assert_eq!(app.count("SELECT count(*) FROM sync_rows").await, 1);
}

#[tokio::test]
async fn batches_past_the_limit_are_refused_with_413() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let me = desktop.device_id;
    let rows: Vec<_> = (0..=MAX_BATCH_ROWS)
        .map(|_| role(Uuid::now_v7(), me, "Suporte", 1))
        .collect();
    let answer = app
        .post("/v1/push", Some(&desktop.credential), &PushRequest { rows })
        .await;
    assert_error(&answer, StatusCode::PAYLOAD_TOO_LARGE, "batch_too_large");

    // A full batch is fine, and so is an empty one.
    let rows: Vec<_> = (0..MAX_BATCH_ROWS)
        .map(|_| role(Uuid::now_v7(), me, "Suporte", 1))
        .collect();
    let pushed = app.push(&desktop.credential, rows).await;
    assert_eq!(pushed.changed as usize, MAX_BATCH_ROWS);
    let pushed = app.push(&desktop.credential, Vec::new()).await;
    assert_eq!((pushed.changed, pushed.unchanged), (0, 0));
    app.settle().await;
    let page = app
        .pull(&desktop.credential, PullCursor::default(), 5000)
        .await;
    assert_eq!(page.rows.len(), MAX_BATCH_ROWS);
    assert!(!page.more);
}

#[tokio::test]
async fn concurrent_pushes_of_the_same_rows_in_opposite_orders_all_land() {
    let app = TestApp::start().await;
    let left = app.register("Loja Centro", &[]).await;
    let right = app.register("Loja Norte", &[]).await;
    let ids: Vec<Uuid> = (0..40).map(|_| Uuid::now_v7()).collect();
    let mut tasks = Vec::new();
    for round in 0..6i64 {
        for (desktop, reverse) in [(&left, false), (&right, true)] {
            let mut rows: Vec<_> = ids
                .iter()
                .map(|id| role(*id, desktop.device_id, &format!("v{round}"), round))
                .collect();
            if reverse {
                rows.reverse();
            }
            let client = app.client.clone();
            let url = app.url("/v1/push");
            let credential = desktop.credential.clone();
            tasks.push(tokio::spawn(async move {
                let answer = client
                    .post(url)
                    .bearer_auth(credential)
                    .json(&PushRequest { rows })
                    .send()
                    .await
                    .expect("sent");
                answer.status()
            }));
        }
    }
    for task in tasks {
        assert_eq!(task.await.expect("task"), StatusCode::OK);
    }
    // The greatest version wins: round 5, from the desktop with the greater id.
    let winner = left.device_id.max(right.device_id);
    let rows = app.pull_all(&left.credential).await;
    assert_eq!(rows.len(), ids.len());
    for row in rows {
        assert_eq!(row.value("name"), Some(&text("v5")));
        assert_eq!(row.fields["name"].version.origin, winner);
    }
}
