//! E-mail templates and SMTP settings on a real database: templates by role, unique names,
//! tombstones; the SMTP password encrypted at rest.
mod common;
mod desk;

use desk::desk;
use helpdesk_core::email::SecretPlace;
use helpdesk_core::email::{EmailTemplate, SmtpSecurity, SmtpSettings};
use helpdesk_store::catalog;
use helpdesk_store::email_templates::{self, SaveOutcome};
use helpdesk_store::new_id;
use helpdesk_store::secret_vault::{SecretKey, SecretVault};
use helpdesk_store::smtp_settings::{self, PasswordChange};

fn template(name: &str, role_ids: Vec<uuid::Uuid>) -> EmailTemplate {
    EmailTemplate {
        id: new_id(),
        name: name.into(),
        subject: "Protocolo {protocolo}".into(),
        body: "Olá, {cliente}.".into(),
        role_ids,
    }
}

#[tokio::test]
async fn operators_see_the_templates_of_their_role_and_the_ones_for_everyone() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let finance = catalog::insert_role(store, "Financeiro", false)
        .await
        .expect("role");
    for saved in [
        template("Protocolo de atendimento", vec![]),
        template("Segunda via do boleto", vec![finance]),
        template("Visita agendada", vec![desk.n1, desk.n2]),
    ] {
        assert!(matches!(
            email_templates::save(store, &saved).await.expect("save"),
            SaveOutcome::Saved(_)
        ));
    }
    let names = |templates: Vec<EmailTemplate>| -> Vec<String> {
        templates.into_iter().map(|t| t.name).collect()
    };
    assert_eq!(
        names(
            email_templates::list_for_user(store, desk.ana)
                .await
                .expect("list")
        ),
        ["Protocolo de atendimento", "Visita agendada"]
    );
    let all = email_templates::list_all(store).await.expect("all");
    assert_eq!(all.len(), 3);
    assert_eq!(all[1].role_ids, [finance]);
}

#[tokio::test]
async fn names_are_unique_among_live_templates_and_deleting_frees_them() {
    let test = common::open().await;
    let store = &test.store;
    desk(store).await;
    let first = template("Boas-vindas", vec![]);
    email_templates::save(store, &first).await.expect("save");
    assert_eq!(
        email_templates::save(store, &template("boas-vindas", vec![]))
            .await
            .expect("save"),
        SaveOutcome::NameTaken
    );
    assert_eq!(
        email_templates::save(store, &template("Outro", vec![new_id()]))
            .await
            .expect("save"),
        SaveOutcome::UnknownRole
    );
    // Editing keeps its own name.
    let edited = EmailTemplate {
        body: "Bem-vindo, {cliente}!".into(),
        ..first.clone()
    };
    assert_eq!(
        email_templates::save(store, &edited).await.expect("save"),
        SaveOutcome::Saved(edited.clone())
    );
    assert!(email_templates::delete(store, first.id)
        .await
        .expect("delete"));
    assert!(!email_templates::delete(store, first.id)
        .await
        .expect("delete"));
    assert_eq!(
        email_templates::find(store, first.id).await.expect("find"),
        None
    );
    let again = template("Boas-vindas", vec![]);
    assert!(matches!(
        email_templates::save(store, &again).await.expect("save"),
        SaveOutcome::Saved(_)
    ));
}

#[tokio::test]
async fn the_smtp_password_is_stored_encrypted_and_kept_unless_changed() {
    let test = common::open().await;
    let store = &test.store;
    let key_path = SecretKey::path_beside(&test.store_path());
    let vault = SecretVault::encrypted(SecretKey::load_or_create(&key_path).expect("key"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_path)
            .expect("key file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let settings = SmtpSettings {
        host: "smtp.provedor.com.br".into(),
        port: 587,
        security: SmtpSecurity::StartTls,
        username: "atendimento".into(),
        from_address: "atendimento@provedor.com.br".into(),
        copy_address: "copia@provedor.com.br".into(),
    };
    assert_eq!(smtp_settings::load(store).await.expect("load"), None);
    smtp_settings::save(
        store,
        &settings,
        PasswordChange::from_form(Some("s3nh@-forte"), &vault),
    )
    .await
    .expect("save");
    let stored: String = sqlx::query_scalar(
        "SELECT group_concat(value) FROM local_settings WHERE key LIKE 'smtp.%'",
    )
    .fetch_one(store.pool())
    .await
    .expect("raw");
    assert!(!stored.contains("s3nh@-forte"));
    assert_eq!(
        smtp_settings::password_place(store).await.expect("place"),
        Some(SecretPlace::Encrypted)
    );
    assert_eq!(
        smtp_settings::load(store).await.expect("load"),
        Some(settings.clone())
    );
    // The same key file read again decrypts it; `None` keeps it.
    let vault = SecretVault::encrypted(SecretKey::load_or_create(&key_path).expect("key again"));
    smtp_settings::save(store, &settings, PasswordChange::from_form(None, &vault))
        .await
        .expect("save");
    assert_eq!(
        smtp_settings::load_password(store, &vault)
            .await
            .expect("password")
            .as_deref(),
        Some("s3nh@-forte")
    );
    // Another desktop's key cannot read it.
    let other = SecretKey::load_or_create(&test.store_path().with_extension("other")).expect("key");
    let other = SecretVault::encrypted(other);
    assert!(smtp_settings::load_password(store, &other).await.is_err());
    smtp_settings::save(
        store,
        &settings,
        PasswordChange::from_form(Some(""), &vault),
    )
    .await
    .expect("clear");
    assert_eq!(
        smtp_settings::password_place(store).await.expect("place"),
        None
    );
}
