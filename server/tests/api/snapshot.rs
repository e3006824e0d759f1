//! The snapshot a new desktop starts from: every row as pulled (each desktop's profile
//! respected), in compressed chunks, with a cursor after which the pull brings the rest.
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use helpdesk_core::sync::{
    DesktopProfile, FieldValue, PullCursor, SnapshotChunk, SnapshotManifest, SyncRow, SyncTable,
    Version, WITHHELD_PASSWORD_HASH,
};
use helpdesk_server::repo::snapshots;
use reqwest::StatusCode;
use uuid::Uuid;

use crate::common::{assert_error, role, row, text, TestApp};

/// Every row of snapshot `manifest` as `credential` reads it, by table and id.
async fn snapshot_rows(
    app: &TestApp,
    credential: &str,
    manifest: &SnapshotManifest,
) -> BTreeMap<(String, Uuid), SyncRow> {
    // The body as sent: a workspace build may give reqwest its gzip feature (the desktop's
    // client has it), which would decode it and drop the header.
    let client = reqwest::Client::builder()
        .no_gzip()
        .build()
        .expect("a client");
    let mut rows = BTreeMap::new();
    for number in 0..manifest.chunks {
        let response = client
            .get(app.url(&format!("/v1/snapshot/{}/{number}", manifest.id)))
            .bearer_auth(credential)
            .send()
            .await
            .expect("chunk asked");
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response
                .headers()
                .get("content-encoding")
                .map(|v| v.as_bytes()),
            Some(&b"gzip"[..])
        );
        let body = response.bytes().await.expect("chunk read");
        let chunk: SnapshotChunk = snapshots::decompress(&body).expect("a chunk");
        let table = SyncTable::named(&chunk.table).expect("a table that syncs");
        for compact in &chunk.rows {
            let row = compact.expand(table).expect("a row of its table");
            rows.insert((row.table.clone(), row.id), row);
        }
        for row in chunk.loose {
            rows.insert((row.table.clone(), row.id), row);
        }
    }
    rows
}

fn by_key(rows: Vec<SyncRow>) -> BTreeMap<(String, Uuid), SyncRow> {
    rows.into_iter()
        .map(|row| ((row.table.clone(), row.id), row))
        .collect()
}

#[tokio::test]
async fn a_snapshot_holds_every_row_as_each_desktop_pulls_it() {
    let app = TestApp::start().await;
    let admin = app.register("Administração", &[]).await;
    let service = app
        .register_as("Loja Centro", DesktopProfile::Service, &[])
        .await;
    assert_error(
        &app.get("/v1/snapshot", Some(&admin.credential)).await,
        StatusCode::NOT_FOUND,
        "no_snapshot",
    );

    let origin = admin.device_id;
    let (managers, boss) = (Uuid::now_v7(), Uuid::now_v7());
    let mut rows = vec![
        row(
            "roles",
            managers,
            origin,
            &[
                ("name", text("Gerência"), 1),
                ("is_administrator", FieldValue::Integer(1), 1),
            ],
        ),
        row(
            "users",
            boss,
            origin,
            &[
                ("login", text("chefe"), 2),
                ("password_hash", text("$argon2id$v=19$segredo"), 2),
                ("role_id", FieldValue::Blob(managers.as_bytes().to_vec()), 2),
            ],
        ),
    ];
    // Whole rows, made compact: more teams than a chunk holds.
    let teams = SyncTable::named("teams").expect("teams sync");
    for at in 0..2_100 {
        let values = vec![("name", text(&format!("Equipe {at}")))];
        let version = Version { stamp: 3, origin };
        rows.push(SyncRow::created(teams, Uuid::now_v7(), values, version).expect("a team"));
    }
    for batch in rows.chunks(1_000) {
        let answer = app.push(&admin.credential, batch.to_vec()).await;
        assert!(answer.refused.is_empty());
    }

    let manifest = snapshots::prepare(&app.pool)
        .await
        .expect("prepared")
        .expect("not prepared elsewhere");
    assert_eq!(manifest.rows, 2_102);
    assert_eq!(manifest.chunks, 4, "roles, two chunks of teams, users");
    let (status, served) = app.get("/v1/snapshot", Some(&service.credential)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        serde_json::from_value::<SnapshotManifest>(served).expect("a manifest"),
        manifest
    );

    let everything = by_key(app.pull_all(&admin.credential).await);
    assert_eq!(
        snapshot_rows(&app, &admin.credential, &manifest).await,
        everything
    );
    let for_service = snapshot_rows(&app, &service.credential, &manifest).await;
    assert_eq!(for_service, by_key(app.pull_all(&service.credential).await));
    assert_eq!(
        for_service[&("users".to_owned(), boss)].value("password_hash"),
        Some(&text(WITHHELD_PASSWORD_HASH))
    );

    // Written after it: the pull from the snapshot's cursor brings it.
    let later = Uuid::now_v7();
    app.push(&admin.credential, vec![role(later, origin, "Suporte", 4)])
        .await;
    app.settle().await;
    let after = app.pull(&admin.credential, manifest.cursor, 1_000).await;
    assert!(after.rows.iter().any(|row| row.id == later));
    assert!(after.rows.len() < 10, "only what came after the snapshot");

    assert_error(
        &app.get(
            &format!("/v1/snapshot/{}/{}", manifest.id, manifest.chunks),
            Some(&admin.credential),
        )
        .await,
        StatusCode::NOT_FOUND,
        "no_snapshot",
    );
    assert_error(
        &app.get(&format!("/v1/snapshot/{}/0", manifest.id), None)
            .await,
        StatusCode::UNAUTHORIZED,
        "device_unknown",
    );
}

#[tokio::test]
async fn a_newer_snapshot_replaces_the_one_before_the_last() {
    let app = TestApp::start().await;
    let admin = app.register("Administração", &[]).await;
    let mut made = Vec::new();
    for at in 0..3 {
        app.push(
            &admin.credential,
            vec![role(
                Uuid::now_v7(),
                admin.device_id,
                &format!("Papel {at}"),
                1,
            )],
        )
        .await;
        app.settle().await;
        made.push(snapshots::prepare(&app.pool).await.expect("prepared"));
    }
    let kept = app.count("SELECT count(*) FROM sync_snapshots").await;
    assert_eq!(kept, 2);
    let (_, latest) = app.get("/v1/snapshot", Some(&admin.credential)).await;
    let latest: SnapshotManifest = serde_json::from_value(latest).expect("a manifest");
    assert_eq!(Some(latest.clone()), made[2]);
    assert_eq!(latest.rows, 3);
    assert!(latest.cursor > PullCursor::default());
}

#[tokio::test]
async fn the_server_prepares_a_snapshot_at_start_when_told_how_often() {
    let app =
        TestApp::start_with(|config| config.snapshot_every = Some(Duration::from_secs(3600))).await;
    let admin = app.register("Administração", &[]).await;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (status, _) = app.get("/v1/snapshot", Some(&admin.credential)).await;
        if status == StatusCode::OK {
            break;
        }
        assert!(Instant::now() < deadline, "no snapshot prepared at start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
