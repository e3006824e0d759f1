//! The e-mail commands (templates, preview, SMTP settings) through Tauri's real IPC path
//! (mock runtime, the app's real config and capabilities) on a database filled by the demo
//! data generator, with the outbox's vault and worker bell as the app has them (the vault
//! encrypting, as on a machine without an OS keyring).
mod common;

use std::sync::Arc;

use common::DemoApp;
use helpdesk_api::{EmailPreview, EmailTemplate, ErrorCode, SmtpSettingsView};
use helpdesk_core::attachment::DraftAttachment;
use helpdesk_core::email::SecretPlace;
use helpdesk_core::email::{fields, template_fields, SmtpSecurity};
use helpdesk_demo::{DemoConfig, ADMIN, OPERATOR};
use helpdesk_desktop::EmailState;
use helpdesk_mail::OutboxWaker;
use helpdesk_store::secret_vault::{SecretKey, SecretVault};
use serde_json::{json, Value};

const DEMO: DemoConfig = DemoConfig {
    seed: 7,
    customers: 10,
    messages: 10,
};

/// The demo app with the outbox's vault and worker bell, as `run()` gives them.
async fn email_app() -> DemoApp {
    DemoApp::with(&DEMO, |state, database| {
        let key = SecretKey::load_or_create(&SecretKey::path_beside(database)).expect("key");
        state.with_email(EmailState {
            vault: Arc::new(SecretVault::encrypted(key)),
            waker: OutboxWaker::default(),
        })
    })
    .await
}

fn names(templates: &[EmailTemplate]) -> Vec<&str> {
    templates.iter().map(|t| t.name.as_str()).collect()
}

fn context() -> Value {
    json!({
        "customer": "Conceição Araújo",
        "protocol": "261128-001-00042",
        "contacted_at": "2026-11-28T14:30:00",
        "plan": "Fibra 500 Mega",
        "problem": "Sem conexão desde ontem",
        "visit": null,
        "operator": "ignorado",
        "ticket_type": "Sem conexão",
    })
}

#[tokio::test]
async fn operators_get_their_roles_templates_and_only_administrators_manage_them() {
    let app = email_app().await;
    assert_eq!(
        app.refuse("list_email_templates", ()).code,
        ErrorCode::NotAuthenticated
    );
    app.log_in(&OPERATOR);
    let mine: Vec<EmailTemplate> = app.call("list_email_templates", ());
    assert_eq!(
        names(&mine),
        [
            "Orientações sobre lentidão",
            "Protocolo de atendimento",
            "Visita técnica agendada"
        ]
    );
    let refused = app.refuse("admin_list_email_templates", ());
    assert_eq!(refused.code, ErrorCode::Forbidden);
    let draft = json!({"id": null, "name": "X", "subject": "S", "body": "B", "role_ids": []});
    assert_eq!(
        app.refuse("save_email_template", &draft).code,
        ErrorCode::Forbidden
    );

    app.log_in(&ADMIN);
    let all: Vec<EmailTemplate> = app.call("admin_list_email_templates", ());
    assert_eq!(all.len(), 4);
    let unknown = json!({"id": null, "name": "Boas-vindas", "subject": "Olá",
                         "body": "Olá, {nome_cliente}!", "role_ids": []});
    let error = app.refuse("save_email_template", &unknown);
    assert_eq!(error.field.as_deref(), Some(template_fields::BODY));
    assert!(error
        .message
        .starts_with("O modelo usa {nome_cliente}, que não existe. Use: {cliente}"));
    let taken = json!({"id": null, "name": "protocolo de atendimento", "subject": "Olá",
                       "body": "Olá, {cliente}!", "role_ids": []});
    let error = app.refuse("save_email_template", &taken);
    assert_eq!(error.field.as_deref(), Some(template_fields::NAME));

    let saved: EmailTemplate = app.call(
        "save_email_template",
        json!({"id": null, "name": "Boas-vindas", "subject": "Bem-vindo, {cliente}",
               "body": "Olá, {cliente}!", "role_ids": []}),
    );
    let stored = helpdesk_store::email_templates::find(app.store(), saved.id)
        .await
        .expect("find");
    assert_eq!(stored, Some(saved.clone()));
    app.call::<()>("delete_email_template", saved.id);
    assert_eq!(
        app.refuse("delete_email_template", saved.id).code,
        ErrorCode::NotFound
    );
}

#[tokio::test]
async fn the_preview_fills_the_template_from_the_ticket_and_lists_what_stops_sending() {
    let app = email_app().await;
    app.log_in(&OPERATOR);
    let template = app
        .call::<Vec<EmailTemplate>>("list_email_templates", ())
        .into_iter()
        .find(|t| t.name == "Protocolo de atendimento")
        .expect("the regulation's template");
    let draft = json!({
        "recipients": ["conceicao@exemplo.com.br"], "copy": true,
        "template_id": template.id, "subject": template.subject, "body": template.body,
        "attachments": [],
    });
    let preview: EmailPreview = app.call(
        "preview_email",
        json!({"draft": draft, "context": context()}),
    );
    assert_eq!(
        preview.subject.as_deref(),
        Some("Protocolo 261128-001-00042")
    );
    let body = preview.body.expect("body");
    assert!(
        body.contains("Registramos o seu contato em 28/11/2026 14:30."),
        "{body}"
    );
    assert!(
        body.contains("Número do protocolo: 261128-001-00042"),
        "{body}"
    );
    assert!(
        body.contains("Ana Souza"),
        "the operator of the session: {body}"
    );
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);

    let too_big = DraftAttachment {
        content_hash: "ab".repeat(32),
        file_name: "video.mp4".into(),
        size_bytes: 30 * 1024 * 1024,
        notes: String::new(),
    };
    let bad = json!({
        "recipients": ["conceicao@"], "copy": false, "template_id": null,
        "subject": "Protocolo {protocolo}", "body": "Olá, {xyz}", "attachments": [too_big],
    });
    let preview: EmailPreview =
        app.call("preview_email", json!({"draft": bad, "context": context()}));
    assert_eq!(preview.body, None);
    let fields_: Vec<&str> = preview.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields_,
        [fields::RECIPIENTS, fields::BODY, fields::ATTACHMENTS]
    );
    assert!(preview.problems[2].message.contains("30,0 MB"));
}

#[tokio::test]
async fn smtp_settings_never_return_the_password_and_only_administrators_change_them() {
    let app = email_app().await;
    app.log_in(&OPERATOR);
    let view: SmtpSettingsView = app.call("load_smtp_settings", ());
    let demo = view.settings.expect("the demo's settings");
    assert_eq!((demo.host.as_str(), demo.port), ("127.0.0.1", 2525));
    assert_eq!(view.password, None);
    let form = json!({"settings": {
        "host": "smtp.conectafibra.net.br", "port": 587, "security": "StartTls",
        "username": "atendimento", "from_address": "atendimento@conectafibra.net.br",
        "copy_address": ""}, "password": "s3nh@-forte"});
    assert_eq!(
        app.refuse("save_smtp_settings", &form).code,
        ErrorCode::Forbidden
    );

    app.log_in(&ADMIN);
    let saved = app.invoke("save_smtp_settings", &form).expect("saved");
    assert!(!saved.to_string().contains("s3nh@-forte"));
    let saved: SmtpSettingsView = serde_json::from_value(saved).expect("view");
    assert_eq!(saved.password, Some(SecretPlace::Encrypted));
    assert_eq!(
        saved.settings.expect("settings").security,
        SmtpSecurity::StartTls
    );
    let raw: Vec<String> = sqlx::query_scalar("SELECT value FROM local_settings")
        .fetch_all(app.store().pool())
        .await
        .expect("raw");
    assert!(raw.iter().all(|value| !value.contains("s3nh@-forte")));

    let bad = json!({"settings": {
        "host": "smtp.conectafibra.net.br", "port": 587, "security": "Tls",
        "username": "", "from_address": "atendimento", "copy_address": ""}, "password": null});
    let error = app.refuse("save_smtp_settings", &bad);
    assert_eq!(error.field.as_deref(), Some("smtp-remetente"));
}
