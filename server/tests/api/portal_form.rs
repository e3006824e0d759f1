//! The public form page: shown with a strict policy, a message with its file taken once per
//! sending, wrong fields sent back at their place with what was typed, and robots, revoked
//! forms and floods turned away.
use reqwest::multipart::{Form, Part};
use reqwest::{header, StatusCode};
use serde_json::json;

use crate::common::{TestApp, TOKEN};
use crate::portal::integration;

/// `GET /portal/{id}`: the status, the policy header and the page.
async fn show(app: &TestApp, id: &str) -> (StatusCode, String, String) {
    let response = app
        .client
        .get(app.url(&format!("/portal/{id}")))
        .send()
        .await
        .expect("sent");
    let status = response.status();
    let policy = response
        .headers()
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, policy, response.text().await.expect("page"))
}

/// The value of the hidden `envio` field of a shown form.
fn submission(page: &str) -> String {
    let start = page
        .find("name=\"envio\" value=\"")
        .expect("a submission id")
        + 20;
    page[start..start + 36].to_owned()
}

/// A filled form; `with` replaces or adds fields.
fn form(submission: &str, with: &[(&'static str, &str)]) -> Form {
    let mut fields = vec![
        ("envio", submission.to_owned()),
        ("name", "Maria Silva".to_owned()),
        ("email", "maria@example.com".to_owned()),
        ("document", "123.456.789-09".to_owned()),
        ("subject", "Sem internet".to_owned()),
        ("text", "A luz LOS está vermelha desde cedo.".to_owned()),
    ];
    for (name, value) in with {
        fields.retain(|(field, _)| field != name);
        fields.push((name, (*value).to_owned()));
    }
    fields
        .into_iter()
        .fold(Form::new(), |form, (name, value)| form.text(name, value))
}

/// `POST /portal/{id}`: the status and the page.
async fn send(app: &TestApp, id: &str, form: Form) -> (StatusCode, String) {
    let response = app
        .client
        .post(app.url(&format!("/portal/{id}")))
        .multipart(form)
        .send()
        .await
        .expect("sent");
    (response.status(), response.text().await.expect("page"))
}

async fn messages(app: &TestApp) -> i64 {
    app.count("SELECT count(*) FROM sync_rows WHERE table_name = 'support_messages'")
        .await
}

#[tokio::test]
async fn the_form_takes_a_message_with_its_file_once_per_sending() {
    let app = TestApp::start().await;
    let (id, _) = integration(&app, "Site do provedor").await;
    let (status, list) = app.get("/v1/integrations", Some(TOKEN)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list[0]["form_path"], format!("/portal/{id}"));

    let (status, policy, page) = show(&app, &id).await;
    assert_eq!(status, StatusCode::OK);
    assert!(policy.contains("default-src 'none'"), "{policy}");
    assert!(page.contains("Fale com o suporte"), "{page}");
    let sending = submission(&page);

    let photo = Part::bytes(b"\x89PNG fake".to_vec())
        .file_name("C:\\Fotos\\roteador.png")
        .mime_str("image/png")
        .expect("type");
    let (status, received) = send(&app, &id, form(&sending, &[]).part("attachments", photo)).await;
    assert_eq!(status, StatusCode::OK, "{received}");
    assert!(received.contains("Mensagem recebida"), "{received}");
    assert_eq!(messages(&app).await, 1);
    let file: serde_json::Value = sqlx::query_scalar(
        "SELECT fields->'file_name'->'value' FROM sync_rows
         WHERE table_name = 'support_message_attachments'",
    )
    .fetch_one(&app.pool)
    .await
    .expect("one attachment");
    assert_eq!(file["v"], "roteador.png");

    // The browser sends the same form again (a refresh): still one message.
    let (status, again) = send(&app, &id, form(&sending, &[])).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(messages(&app).await, 1);
}

#[tokio::test]
async fn wrong_fields_come_back_at_their_place_with_what_was_typed() {
    let app = TestApp::start().await;
    let (id, _) = integration(&app, "Site").await;
    let (_, _, page) = show(&app, &id).await;
    let wrong = form(
        &submission(&page),
        &[
            ("email", "maria@"),
            ("subject", " "),
            ("name", "<script>alert(1)</script>"),
        ],
    )
    .part("attachments", Part::bytes(b"x".to_vec()).file_name("a.txt"));
    let (status, page) = send(&app, &id, wrong).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("id=\"subject-erro\">Preencha o assunto."),
        "{page}"
    );
    assert!(page.contains("id=\"email-erro\""), "{page}");
    assert!(
        page.contains("A luz LOS está vermelha desde cedo."),
        "typed text kept: {page}"
    );
    assert!(page.contains("value=\"maria@\""), "{page}");
    assert!(
        page.contains("&#60;script&#62;") || page.contains("&lt;script&gt;"),
        "{page}"
    );
    assert!(!page.contains("<script>"), "typed HTML is escaped");
    assert!(page.contains("anexe-os de novo"), "{page}");
    assert_eq!(messages(&app).await, 0);
}

#[tokio::test]
async fn robots_revoked_forms_and_floods_are_turned_away() {
    let app = TestApp::start().await;
    let (id, _) = integration(&app, "Site").await;
    let (_, _, page) = show(&app, &id).await;
    let sending = submission(&page);

    let (status, page) = send(&app, &id, form(&sending, &[("site", "http://spam")])).await;
    assert_eq!(status, StatusCode::OK, "a robot is thanked");
    assert!(page.contains("Mensagem recebida"));
    assert_eq!(messages(&app).await, 0, "and ignored");

    let (revoked, _) = integration(&app, "Antigo").await;
    let (status, _) = app
        .post(
            &format!("/v1/integrations/{revoked}/revoke"),
            Some(TOKEN),
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    for gone in [
        revoked.as_str(),
        "00000000-0000-0000-0000-000000000000",
        "nada",
    ] {
        let (status, _, page) = show(&app, gone).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(page.contains("Formulário indisponível"), "{page}");
        let (status, _) = send(&app, gone, form(&sending, &[])).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    // One post above was the robot's; nine more pass, then the address must wait.
    for _ in 0..9 {
        let (status, _) = send(&app, &id, form(&sending, &[("email", "maria@")])).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let (status, page) = send(&app, &id, form(&sending, &[])).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(page.contains("Muitas mensagens"), "{page}");
    assert!(
        page.contains("A luz LOS está vermelha desde cedo."),
        "typed text kept"
    );
    assert_eq!(messages(&app).await, 0);
}
