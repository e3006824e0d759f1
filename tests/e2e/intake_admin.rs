//! The sync server's administration in the real window: an administrator on a desktop
//! registered with a real sync server (in process, over a PostgreSQL the test starts) opens
//! "Caixas de correio", is refused a wrong server token at its field, then manages the
//! server's mailboxes with the right one: a mailbox with a wrong field is refused at it,
//! keeping what was typed; one pointing at a real Dovecot with a wrong password shows the
//! server's reader refused, and with the right password connected; then it is disabled. In
//! "Integrações" a new integration's key is shown once, is accepted by the portal's route,
//! and is refused there once revoked.
use std::time::{Duration, Instant};

use helpdesk_core::mailbox::fields as mailbox;
use helpdesk_core::server_admin::fields;
use helpdesk_core::sync::DesktopProfile;
use helpdesk_demo::{DemoConfig, ADMIN};
use helpdesk_e2e::setup::sign_in;
use helpdesk_e2e::wizard::error_at;
use helpdesk_e2e::{Harness, StepResult};
use helpdesk_intake::test_server::{Dovecot, USER};
use helpdesk_server::test_postgres::PgServer;
use helpdesk_server::Config;
use helpdesk_store::secret_vault::{SecretKey, SecretVault};
use helpdesk_store::Store;
use helpdesk_sync::{ClientConfig, Enrollment};

const TOKEN: &str = "token-do-administrador-e2e";
const DEMO: DemoConfig = DemoConfig {
    seed: 17,
    customers: 20,
    messages: 10,
};
/// How long the server's mailbox reader may take to report.
const READER: Duration = Duration::from_secs(90);

/// Waits up to `limit` for `text` in the element matching `css`.
async fn text_within(app: &Harness, css: &str, text: &str, limit: Duration) -> StepResult {
    let deadline = Instant::now() + limit;
    loop {
        match app.text_at(css, text).await {
            Ok(_) => return Ok(()),
            Err(error) if Instant::now() >= deadline => return Err(error),
            Err(_) => {}
        }
    }
}

/// The status code the portal's route answers a message posted with `key`.
async fn post_message(server_url: &str, key: &str) -> Result<u16, String> {
    let response = reqwest::Client::new()
        .post(format!("{server_url}/v1/portal/messages"))
        .bearer_auth(key)
        .json(
            &serde_json::json!({"email": "maria@example.com", "subject": "Sem conexão",
                                  "text": "Minha internet caiu ontem à noite."}),
        )
        .send()
        .await
        .map_err(|error| error.to_string())?;
    Ok(response.status().as_u16())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_manages_the_server_s_mailboxes_and_integrations() {
    let postgres = PgServer::shared().expect("PostgreSQL starts (run scripts/setup.sh test)");
    let database_url = postgres.fresh_database().await.expect("a database");
    let config = Config {
        mailbox_check_every: Duration::from_secs(1),
        ..Config::local(&database_url, TOKEN)
    };
    let server = helpdesk_server::spawn(config)
        .await
        .expect("the sync server starts");
    let url = server.url();
    let dovecot = Dovecot::start().expect("Dovecot starts (/usr/sbin/dovecot)");
    let port = dovecot.port.to_string();

    let dir = tempfile::tempdir().expect("temp dir");
    let database = dir.path().join("e2e.db");
    let store = Store::open(&database).await.expect("store");
    helpdesk_demo::seed(&store, &DEMO).await.expect("demo data");
    let key = SecretKey::load_or_create(&SecretKey::path_beside(&database)).expect("key");
    let enrollment = Enrollment {
        server_url: &url,
        token: TOKEN,
        name: "Matriz",
        profile: DesktopProfile::Administration,
    };
    helpdesk_sync::register(
        &store,
        &SecretVault::encrypted(key),
        enrollment,
        &ClientConfig::default(),
    )
    .await
    .expect("registered");
    store.close().await;

    let app = Harness::start("intake_admin", &database).await;
    app.run(async |app: &mut Harness| {
        sign_in(app, ADMIN.login, ADMIN.password).await?;
        app.click("button#caixas-admin").await?;

        // The token: a wrong one is refused at its field with the server's words.
        let token = format!("input#{}", fields::TOKEN);
        app.fill(&token, "token-errado-mas-comprido").await?;
        app.click("button#servidor-token-entrar").await?;
        error_at(app, fields::TOKEN, "token de registro não confere").await?;
        app.screenshot("token-recusado").await;
        app.fill(&token, TOKEN).await?;
        app.click("button#servidor-token-entrar").await?;
        app.text_at("#caixas-vazio", "Nenhuma caixa").await?;

        // A wrong field is refused at it, and what was typed stays.
        app.click("button#nova-caixa").await?;
        let input = |field: &str| format!("input#{field}");
        app.fill(&input(mailbox::HOST), "127.0.0.1").await?;
        app.fill(&input(mailbox::PORT), &port).await?;
        app.select(&format!("select#{}", mailbox::TLS), "None")
            .await?;
        app.fill(&input(mailbox::LOGIN), USER).await?;
        app.fill(&input(mailbox::PASSWORD), "senha-errada").await?;
        app.fill(&input(mailbox::MOVE_HANDLED_TO), "inbox").await?;
        app.click("button#caixa-salvar").await?;
        error_at(
            app,
            mailbox::MOVE_HANDLED_TO,
            "pasta diferente da pasta lida",
        )
        .await?;
        app.screenshot("campo-recusado").await;
        app.expect_value(&input(mailbox::HOST), "127.0.0.1").await?;
        app.expect_value(&input(mailbox::PORT), &port).await?;
        app.expect_value(&input(mailbox::PASSWORD), "senha-errada")
            .await?;

        // A wrong password: the server's reader says so.
        app.fill(&input(mailbox::MOVE_HANDLED_TO), "").await?;
        app.click("button#caixa-salvar").await?;
        let row = format!("#caixas-lista tr[data-login=\"{USER}\"]");
        app.text_at("#caixas-aviso", "Caixa de correio salva")
            .await?;
        text_within(
            app,
            &format!("{row} .caixa-situacao"),
            "Senha recusada pelo servidor de e-mail — nova tentativa em breve",
            READER,
        )
        .await?;
        app.screenshot("senha-recusada").await;

        // The right password: connected.
        app.click(&format!("{row} button.caixa-editar")).await?;
        app.text_at("#caixa-senha-mantida", "mantém a senha guardada")
            .await?;
        app.expect_value(&input(mailbox::PASSWORD), "").await?;
        app.fill(&input(mailbox::PASSWORD), &dovecot.password)
            .await?;
        app.click("button#caixa-salvar").await?;
        text_within(app, &format!("{row} .caixa-situacao"), "Conectada", READER).await?;
        app.screenshot("conectada").await;

        app.click(&format!("{row} button.caixa-desativar")).await?;
        text_within(app, &format!("{row} .caixa-situacao"), "Desativada", READER).await?;
        app.element(&format!("{row} button.caixa-ativar")).await?;
        app.screenshot("desativada").await;

        // "Integrações": the token is asked again (it is kept by no screen but its own).
        app.click("button#caixas-voltar").await?;
        app.click("button#integracoes-admin").await?;
        app.fill(&token, TOKEN).await?;
        app.click("button#servidor-token-entrar").await?;
        app.click("button#nova-integracao").await?;
        app.click("button#integracao-criar").await?;
        error_at(app, fields::INTEGRATION_NAME, "Preencha o nome").await?;
        app.fill(&input(fields::INTEGRATION_NAME), "Site do provedor")
            .await?;
        app.click("button#integracao-criar").await?;
        app.text_at("#integracao-aviso", "não será mostrada de novo")
            .await?;
        let key = app.value("input#integracao-chave").await?;
        app.click("button#integracao-copiar").await?;
        app.text_at("#integracao-copia", "Chave").await?;
        app.screenshot("chave").await;
        let status = post_message(&url, &key).await?;
        if status != 201 {
            return Err(format!("the portal answered {status} to the new key"));
        }

        app.click("button#integracao-fechar-chave").await?;
        let row = "#integracoes-lista tr[data-name=\"Site do provedor\"]";
        app.text_at(&format!("{row} .integracao-situacao"), "Ativa")
            .await?;
        app.click(&format!("{row} button.integracao-revogar"))
            .await?;
        app.click("button#integracao-revogar-sim").await?;
        app.text_at(&format!("{row} .integracao-situacao"), "Revogada em")
            .await?;
        app.screenshot("revogada").await;
        let status = post_message(&url, &key).await?;
        if status != 401 {
            return Err(format!("the portal answered {status} to the revoked key"));
        }
        Ok(())
    })
    .await;
    drop(dovecot);
}
