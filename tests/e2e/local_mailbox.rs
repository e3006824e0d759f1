//! A desktop without a sync server reads its own mailbox, in the real window: the
//! administrator opens "Caixas de correio", saves a port that is not one (the message at the
//! field, what was typed kept), then a real Dovecot's settings (the password into a real OS
//! keyring: GNOME Keyring on a private session bus); a mail delivered to Dovecot appears in
//! the wizard's "Localizar Reg." marked "Novo".
use std::time::{Duration, Instant};

use helpdesk_demo::ADMIN;
use helpdesk_e2e::wizard::{find_messages, log_in, seeded_database};
use helpdesk_e2e::{Harness, StepResult};
use helpdesk_intake::test_server::{Dovecot, USER};
use helpdesk_store::local_mailbox::PASSWORD_KEY;
use helpdesk_store::test_keyring::SecretService;
use helpdesk_store::Store;

const SENDER: &str = "cliente.caixa.local@exemplo.com.br";
const SUBJECT: &str = "Internet lenta desde ontem";
const MESSAGE_ID: &str = "caixa-local-1@exemplo.com.br";

/// The mail a customer sends to the support mailbox.
fn mail() -> Vec<u8> {
    format!(
        "From: Cliente da Caixa <{SENDER}>\r\nTo: suporte@provedor.com.br\r\n\
         Subject: {SUBJECT}\r\nMessage-ID: <{MESSAGE_ID}>\r\n\
         Date: Sat, 05 Dec 2026 09:00:00 -0300\r\n\r\nA internet está lenta desde ontem.\r\n"
    )
    .into_bytes()
}

/// The administrator fills "Caixa de correio deste computador": first a port that is not
/// one, then the right one.
async fn configure_mailbox(app: &mut Harness, server: &Dovecot) -> StepResult {
    app.fill("input#login", ADMIN.login).await?;
    app.fill("input#password", &format!("{}\u{E007}", ADMIN.password))
        .await?;
    app.text_at("#operator-name", ADMIN.name).await?;
    app.click("button#caixas-admin").await?;
    app.element("form#caixa-form").await?;
    app.text_at("#caixa-senha-estado", "não definida").await?;
    app.text_at("#caixa-estado", "Nenhuma caixa configurada")
        .await?;
    app.fill("input#caixa-servidor", "127.0.0.1").await?;
    app.fill("input#caixa-porta", "imap").await?;
    app.select("select#caixa-seguranca", "None").await?;
    app.fill("input#caixa-usuario", USER).await?;
    app.fill("input#caixa-senha", &server.password).await?;
    app.click("button#caixa-salvar").await?;
    app.text_at(
        ".field-error[data-field=\"caixa-porta\"]",
        "Informe uma porta de 1 a 65535",
    )
    .await?;
    app.screenshot("porta-invalida").await;
    app.expect_value("input#caixa-servidor", "127.0.0.1")
        .await?;
    app.expect_value("input#caixa-usuario", USER).await?;
    app.expect_value("input#caixa-senha", &server.password)
        .await?;
    app.fill("input#caixa-porta", &server.port.to_string())
        .await?;
    app.click("button#caixa-salvar").await?;
    app.text_at("#caixa-salva", "Caixa de correio salva.")
        .await?;
    app.text_at(
        "#caixa-senha-estado",
        "Senha: guardada no chaveiro do sistema",
    )
    .await?;
    app.element_within(
        "#caixa-estado[data-code=\"connected\"]",
        Duration::from_secs(30),
    )
    .await?;
    app.text_at("#caixa-estado", "Conectada").await?;
    app.screenshot("caixa-conectada").await;
    Ok(())
}

/// Waits until the reader has stored the mail (the window shows it only when asked).
async fn taken(database: &std::path::Path) -> StepResult {
    let store = Store::open(database)
        .await
        .map_err(|error| error.to_string())?;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let found: i64 =
            sqlx::query_scalar("SELECT count(*) FROM support_messages WHERE rfc_message_id = ?1")
                .bind(format!("<{MESSAGE_ID}>"))
                .fetch_one(store.pool())
                .await
                .map_err(|error| error.to_string())?;
        if found == 1 {
            store.close().await;
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err("the delivered mail should become a support message".into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mail_read_by_this_desktop_appears_new_in_the_wizard() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, _writer) = seeded_database(&dir).await;
    let server = Dovecot::start().expect("dovecot (run scripts/setup.sh test)");
    let keyring = SecretService::start(dir.path()).expect("a Secret Service on a private bus");
    let bus = [("DBUS_SESSION_BUS_ADDRESS", keyring.address())];
    let app = Harness::start_with("local_mailbox", &database, &bus).await;
    let client = server.client();
    let db = database.clone();
    let server_ref = &server;
    app.run(async move |app: &mut Harness| {
        configure_mailbox(app, server_ref).await?;
        client
            .deliver(&mail())
            .await
            .map_err(|error| format!("deliver: {error}"))?;
        taken(&db).await?;
        app.click("button#caixas-voltar").await?;
        app.click("button#sair").await?;
        app.element("input#login").await?;
        log_in(app).await?;
        find_messages(app, SENDER).await?;
        let row = "#mensagens tbody tr[data-state=\"novo\"]";
        app.text_at(row, SUBJECT).await?;
        app.text_at(row, "Novo").await?;
        app.screenshot("localizar-reg-novo").await;
        Ok(())
    })
    .await;

    // The password is in the keyring; the database holds only the entry's name.
    let store = Store::open(&database).await.expect("store");
    let stored: String = sqlx::query_scalar("SELECT value FROM local_settings WHERE key = ?1")
        .bind(PASSWORD_KEY)
        .fetch_one(store.pool())
        .await
        .expect("the password's row");
    assert!(stored.starts_with("keyring:"), "{stored}");
    assert!(!stored.contains(&server.password), "{stored}");
}
