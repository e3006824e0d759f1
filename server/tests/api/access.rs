//! What each desktop profile may write and read.
use helpdesk_core::sync::{DesktopProfile, FieldValue, WITHHELD_PASSWORD_HASH};
use helpdesk_server::repo::devices::DeviceSummary;
use reqwest::StatusCode;
use uuid::Uuid;

use crate::common::{assert_refused, role, row, text, ticket, TestApp, TOKEN};

const ADMIN_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$YWRtaW5zYWx0$adminhash";
const OPERATOR_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$b3BlcmF0b3I$operatorhash";

fn user(
    id: Uuid,
    origin: Uuid,
    login: &str,
    role_id: Uuid,
    hash: &str,
    stamp: i64,
) -> helpdesk_core::sync::SyncRow {
    row(
        "users",
        id,
        origin,
        &[
            ("login", text(login), stamp),
            ("password_hash", text(hash), stamp),
            (
                "role_id",
                FieldValue::Blob(role_id.as_bytes().to_vec()),
                stamp,
            ),
        ],
    )
}

#[tokio::test]
async fn a_service_desktop_writes_only_what_the_ticket_flow_writes() {
    let app = TestApp::start().await;
    let service = app
        .register_as("Loja Centro", DesktopProfile::Service, &[])
        .await;
    let origin = service.device_id;

    let opened = ticket(Uuid::now_v7(), origin, "20261128002-000001", "Aberto", 10);
    app.push(&service.credential, vec![opened]).await;

    let promoted = row(
        "roles",
        Uuid::now_v7(),
        origin,
        &[
            ("name", text("Intrusos"), 11),
            ("is_administrator", FieldValue::Integer(1), 11),
        ],
    );
    let another = ticket(Uuid::now_v7(), origin, "20261128002-000002", "Aberto", 11);
    let role_id = promoted.id;
    let answer = app.push(&service.credential, vec![another, promoted]).await;
    assert_refused(&answer, &[("roles", role_id, "table_forbidden")]);
    let message = &answer.refused[0].message;
    assert!(
        message.contains("Atendimento") && message.contains("cargos"),
        "{message}"
    );
    assert_eq!(
        app.count("SELECT count(*) FROM sync_rows WHERE table_name = 'roles'")
            .await,
        0,
        "the refused row wrote nothing"
    );
    assert_eq!(
        app.count("SELECT count(*) FROM sync_rows").await,
        2,
        "the rest of the batch, its ticket, was taken"
    );

    let admin = app.register("Administração", &[]).await;
    let user_row = user(
        Uuid::now_v7(),
        admin.device_id,
        "ana",
        Uuid::now_v7(),
        OPERATOR_HASH,
        12,
    );
    app.push(&admin.credential, vec![user_row]).await;
    assert_eq!(app.count("SELECT count(*) FROM sync_rows").await, 3);
}

#[tokio::test]
async fn a_service_desktop_never_receives_an_administrators_password_hash() {
    let app = TestApp::start().await;
    let admin = app.register("Administração", &[]).await;
    let service = app
        .register_as("Loja Centro", DesktopProfile::Service, &[])
        .await;
    let origin = admin.device_id;
    let (administrators, support) = (Uuid::now_v7(), Uuid::now_v7());
    let (boss, ana) = (Uuid::now_v7(), Uuid::now_v7());
    app.push(
        &admin.credential,
        vec![
            row(
                "roles",
                administrators,
                origin,
                &[
                    ("name", text("Gerência"), 1),
                    ("is_administrator", FieldValue::Integer(1), 1),
                ],
            ),
            role(support, origin, "Suporte N1", 1),
            user(boss, origin, "chefe", administrators, ADMIN_HASH, 2),
            user(ana, origin, "ana", support, OPERATOR_HASH, 2),
        ],
    )
    .await;

    let hash_of = |rows: &[helpdesk_core::sync::SyncRow], id: Uuid| {
        rows.iter()
            .find(|row| row.id == id)
            .and_then(|row| row.value("password_hash").cloned())
            .expect("user pulled")
    };
    let seen_by_service = app.pull_all(&service.credential).await;
    assert_eq!(
        hash_of(&seen_by_service, boss),
        text(WITHHELD_PASSWORD_HASH)
    );
    assert_eq!(hash_of(&seen_by_service, ana), text(OPERATOR_HASH));
    let seen_by_admin = app.pull_all(&admin.credential).await;
    assert_eq!(hash_of(&seen_by_admin, boss), text(ADMIN_HASH));

    // Promoted later: the row changes, and comes to the service desktop without its hash.
    let promoted = row(
        "users",
        ana,
        origin,
        &[(
            "role_id",
            FieldValue::Blob(administrators.as_bytes().to_vec()),
            3,
        )],
    );
    app.push(&admin.credential, vec![promoted]).await;
    let seen_by_service = app.pull_all(&service.credential).await;
    assert_eq!(hash_of(&seen_by_service, ana), text(WITHHELD_PASSWORD_HASH));
}

#[tokio::test]
async fn the_administrator_sees_each_desktops_profile() {
    let app = TestApp::start().await;
    app.register_as("Loja Centro", DesktopProfile::Service, &[])
        .await;
    app.register("Matriz", &[]).await;
    let (status, body) = app.get("/v1/devices", Some(TOKEN)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let listed: Vec<DeviceSummary> = serde_json::from_value(body).expect("list");
    let profiles: Vec<(&str, DesktopProfile)> = listed
        .iter()
        .map(|device| (device.name.as_str(), device.profile))
        .collect();
    assert_eq!(
        profiles,
        [
            ("Loja Centro", DesktopProfile::Service),
            ("Matriz", DesktopProfile::Administration)
        ]
    );
}
