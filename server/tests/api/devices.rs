use helpdesk_core::sync::RegistrationResponse;
use helpdesk_server::repo::devices::DeviceSummary;
use reqwest::StatusCode;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::common::{assert_error, device_of, registration, TestApp, TOKEN};

#[tokio::test]
async fn a_wrong_enrollment_token_is_refused() {
    let app = TestApp::start().await;
    let mut request = registration("Loja Centro", &["261128-001-00001"]);
    request.enrollment_token = "not-the-token".into();
    let answer = app.post("/v1/devices", None, &request).await;
    assert_error(&answer, StatusCode::UNAUTHORIZED, "enrollment_refused");
    assert_eq!(app.count("SELECT count(*) FROM devices").await, 0);
    assert_eq!(app.count("SELECT count(*) FROM protocol_claims").await, 0);
}

#[tokio::test]
async fn desktops_get_numbers_from_2_and_a_credential_shown_once() {
    let app = TestApp::start().await;
    let mut numbers = Vec::new();
    for name in ["Loja Centro", "Loja Norte", "Matriz"] {
        let registered = app.register(name, &[]).await;
        assert_eq!(device_of(&registered.credential), registered.device_id);
        numbers.push(registered.desktop_number);

        // Only the SHA-256 of the secret is stored.
        let (_, secret) = registered.credential.split_once('.').expect("credential");
        assert_eq!(secret.len(), 64);
        let stored: Vec<u8> =
            sqlx::query_scalar("SELECT credential_hash FROM devices WHERE id = $1")
                .bind(registered.device_id)
                .fetch_one(&app.pool)
                .await
                .expect("stored");
        assert_eq!(stored, Sha256::digest(secret.as_bytes()).to_vec());
    }
    assert_eq!(numbers, [2, 3, 4]);
}

#[tokio::test]
async fn the_smallest_free_number_is_assigned_and_none_past_999() {
    let app = TestApp::start().await;
    sqlx::query(
        "INSERT INTO devices (id, name, desktop_number, credential_hash, profile)
         SELECT gen_random_uuid(), 'old ' || n, n, '\\x00', 'service'
         FROM generate_series(2, 999) AS n
         WHERE n <> 500",
    )
    .execute(&app.pool)
    .await
    .expect("devices");
    assert_eq!(app.register("Filial", &[]).await.desktop_number, 500);
    let answer = app
        .post(
            "/v1/devices",
            None,
            &registration("Mais um", &["261128-001-00009"]),
        )
        .await;
    assert_error(&answer, StatusCode::CONFLICT, "desktop_numbers_exhausted");
    assert_eq!(app.count("SELECT count(*) FROM protocol_claims").await, 0);
}

#[tokio::test]
async fn concurrent_registrations_get_distinct_numbers() {
    let app = TestApp::start().await;
    let registrations = (0..6).map(|at| {
        let request = registration(&format!("Caixa {at}"), &[]);
        let url = app.url("/v1/devices");
        let client = app.client.clone();
        async move {
            let answer = client.post(url).json(&request).send().await.expect("sent");
            assert_eq!(answer.status(), StatusCode::CREATED);
            answer.json::<RegistrationResponse>().await.expect("json")
        }
    });
    let mut numbers: Vec<u16> = futures_join(registrations)
        .await
        .iter()
        .map(|registered| registered.desktop_number)
        .collect();
    numbers.sort_unstable();
    assert_eq!(numbers, [2, 3, 4, 5, 6, 7]);
}

/// Runs futures at once (spawned on the runtime) and collects their results in order.
async fn futures_join<T: Send + 'static>(
    futures: impl Iterator<Item = impl std::future::Future<Output = T> + Send + 'static>,
) -> Vec<T> {
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.expect("task"));
    }
    results
}

#[tokio::test]
async fn issued_protocols_are_claimed_for_the_new_desktop() {
    let app = TestApp::start().await;
    let registered = app
        .register("Loja Centro", &["261128-001-00001", "261128-001-00002"])
        .await;
    let claims: Vec<(String, Uuid, Option<Uuid>)> = sqlx::query_as(
        "SELECT protocol, device_id, ticket_id FROM protocol_claims ORDER BY protocol",
    )
    .fetch_all(&app.pool)
    .await
    .expect("claims");
    assert_eq!(
        claims,
        [
            ("261128-001-00001".into(), registered.device_id, None),
            ("261128-001-00002".into(), registered.device_id, None),
        ]
    );
}

#[tokio::test]
async fn a_protocol_taken_by_another_desktop_refuses_the_registration_whole() {
    let app = TestApp::start().await;
    app.register("Loja Centro", &["261128-001-00001"]).await;
    let answer = app
        .post(
            "/v1/devices",
            None,
            &registration("Loja Norte", &["261128-001-00002", "261128-001-00001"]),
        )
        .await;
    assert_error(&answer, StatusCode::CONFLICT, "protocol_taken");
    let message = answer.1["message"].as_str().expect("message");
    assert!(message.contains("261128-001-00001"), "{message}");
    assert_eq!(app.count("SELECT count(*) FROM devices").await, 1);
    assert_eq!(app.count("SELECT count(*) FROM protocol_claims").await, 1);
    // The number was not spent either.
    assert_eq!(
        app.register("Loja Norte", &["261128-001-00002"])
            .await
            .desktop_number,
        3
    );
}

#[tokio::test]
async fn registration_checks_its_fields() {
    let app = TestApp::start().await;
    let answer = app
        .post("/v1/devices", None, &registration("   ", &[]))
        .await;
    assert_error(&answer, StatusCode::BAD_REQUEST, "corrupted_request");
    let answer = app
        .post("/v1/devices", None, &registration("Loja", &[""]))
        .await;
    assert_error(&answer, StatusCode::BAD_REQUEST, "corrupted_request");
    assert_eq!(app.count("SELECT count(*) FROM devices").await, 0);
}

#[tokio::test]
async fn the_administrator_lists_and_revokes_desktops() {
    let app = TestApp::start().await;
    let first = app.register("Loja Centro", &[]).await;
    let second = app.register("Loja Norte", &[]).await;

    let answer = app.get("/v1/devices", None).await;
    assert_error(&answer, StatusCode::UNAUTHORIZED, "enrollment_refused");
    let answer = app.get("/v1/devices", Some(&first.credential)).await;
    assert_error(&answer, StatusCode::UNAUTHORIZED, "enrollment_refused");

    let (status, body) = app.get("/v1/devices", Some(TOKEN)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let listed: Vec<DeviceSummary> = serde_json::from_value(body).expect("list");
    let summary: Vec<(Uuid, &str, u16, bool)> = listed
        .iter()
        .map(|device| {
            let revoked = device.revoked_at.is_some();
            (
                device.id,
                device.name.as_str(),
                device.desktop_number,
                revoked,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (first.device_id, "Loja Centro", 2, false),
            (second.device_id, "Loja Norte", 3, false),
        ]
    );

    let revoke = format!("/v1/devices/{}/revoke", second.device_id);
    let answer = app.post(&revoke, Some(&second.credential), &()).await;
    assert_error(&answer, StatusCode::UNAUTHORIZED, "enrollment_refused");
    let (status, body) = app.post(&revoke, Some(TOKEN), &()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let revoked: DeviceSummary = serde_json::from_value(body).expect("revoked");
    let revoked_at = revoked.revoked_at.expect("revoked_at");
    // Revoking again keeps the first time.
    let (_, body) = app.post(&revoke, Some(TOKEN), &()).await;
    let again: DeviceSummary = serde_json::from_value(body).expect("again");
    assert_eq!(again.revoked_at, Some(revoked_at));

    let unknown = format!("/v1/devices/{}/revoke", Uuid::now_v7());
    let answer = app.post(&unknown, Some(TOKEN), &()).await;
    assert_error(&answer, StatusCode::NOT_FOUND, "device_missing");
    let answer = app
        .post("/v1/devices/not-a-uuid/revoke", Some(TOKEN), &())
        .await;
    assert_error(&answer, StatusCode::BAD_REQUEST, "corrupted_request");
}
