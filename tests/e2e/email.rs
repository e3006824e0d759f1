//! "Enviar E-mail" in the real window: an administrator sets the copy address in
//! "Configurações de E-mail"; the operator walks a phone call to "Prim. Contato", opens the
//! e-mail, chooses recipients with "Selecionar Todos", "Desmarcar Todos" and "Inverter
//! Seleção" (by right-click, then by Shift+F10), a template, the copy and an attachment
//! picked in the system's file picker, previews it and saves the ticket, the e-mail queued
//! with it. The SMTP password goes to a real OS keyring (GNOME Keyring on a private session
//! bus), from which the outbox reads it to log in to the SMTP server.
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_RIGHT};
use helpdesk_core::contact::NewContact;
use helpdesk_core::wizard::Step;
use helpdesk_demo::{ADMIN, OPERATOR};
use helpdesk_e2e::wizard::{at_step, log_in, phone_call_to_script, seeded_database, skip_script};
use helpdesk_e2e::{AppFolders, Harness, StepResult};
use helpdesk_mail::test_server::{ServerOptions, SmtpServer};
use helpdesk_store::secret_vault::KeyringScope;
use helpdesk_store::smtp_settings::PASSWORD_KEY;
use helpdesk_store::test_keyring::SecretService;
use helpdesk_store::{contacts, email_templates, ticket_types, Store};
use uuid::Uuid;

/// The picker's title, as the shell opens it.
const PICKER: &str = "Anexar arquivo";
const COPY: &str = "copia@conectafibra.com.br";
const CONTACT_EMAIL: &str = "financeiro.e2e@example.com";
const INVOICE: &[u8] = b"%PDF-1.4\n% segunda via\n";
/// The loopback SMTP server's login.
const SMTP_USER: &str = "atendimento";
const SMTP_PASSWORD: &str = "segredo-smtp";
/// The app's identifier, its service name in the OS keyring.
const KEYRING_SERVICE: &str = "br.com.helpdesk.desktop";

/// The addresses checked in "Enviar Para", in the order listed.
async fn checked(app: &Harness) -> StepResult<Vec<String>> {
    let script = "return [...document.querySelectorAll('input[name=\"email-para\"]')]
                      .filter(box => box.checked).map(box => box.value);";
    let value = app
        .client
        .execute(script, Vec::new())
        .await
        .map_err(|error| format!("read the check boxes: {error}"))?;
    serde_json::from_value(value).map_err(|error| error.to_string())
}

/// Waits until exactly `expected` are checked.
async fn checked_are(app: &Harness, expected: &[&str]) -> StepResult {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let now = checked(app).await?;
        if now == expected {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("checked should be {expected:?}, is {now:?}"));
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// A right-click on the element matching `css`.
async fn right_click(app: &Harness, css: &str) -> StepResult {
    let element = app.element(css).await?;
    let actions = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_RIGHT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_RIGHT,
        });
    app.client
        .perform_actions(actions)
        .await
        .map_err(|error| format!("right-click {css}: {error}"))?;
    app.client
        .release_actions()
        .await
        .map_err(|error| error.to_string())
}

/// The administrator sets the SMTP server and the copy address, then leaves.
async fn configure_smtp(app: &mut Harness, port: u16) -> StepResult {
    app.fill("input#login", ADMIN.login).await?;
    app.fill("input#password", &format!("{}\u{E007}", ADMIN.password))
        .await?;
    app.text_at("#operator-name", ADMIN.name).await?;
    app.click("button#email-admin").await?;
    app.element("table#modelos").await?;
    app.click("button#aba-configuracoes-email").await?;
    app.text_at("#smtp-senha-estado", "não definida").await?;
    // A user's password would cross the network in clear: refused at "Segurança".
    app.fill("input#smtp-servidor", "smtp.conectafibra.com.br")
        .await?;
    app.fill("input#smtp-porta", &port.to_string()).await?;
    app.fill("input#smtp-usuario", SMTP_USER).await?;
    app.select("select#smtp-seguranca", "None").await?;
    app.fill("input#smtp-remetente", "sem-copia").await?;
    app.click("button#smtp-salvar").await?;
    app.text_at(
        ".field-error[data-field=\"smtp-seguranca\"]",
        "senha passaria às claras",
    )
    .await?;
    app.text_at(
        ".field-error[data-field=\"smtp-remetente\"]",
        "não é um e-mail válido",
    )
    .await?;
    app.fill("input#smtp-servidor", "127.0.0.1").await?;
    app.fill("input#smtp-remetente", "atendimento@conectafibra.com.br")
        .await?;
    app.fill("input#smtp-copia", COPY).await?;
    app.fill("input#smtp-senha", SMTP_PASSWORD).await?;
    app.click("button#smtp-salvar").await?;
    app.text_at("#smtp-salvo", "Configurações salvas.").await?;
    app.text_at(
        "#smtp-senha-estado",
        "Senha: guardada no chaveiro do sistema",
    )
    .await?;
    app.screenshot("configuracoes-email").await;
    app.click("button#email-admin-voltar").await?;
    app.click("button#sair").await?;
    app.element("input#login").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_email_is_composed_previewed_and_queued_with_the_ticket() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, writer) = seeded_database(&dir).await;
    let (kind, template) = {
        let store = Store::open(&database).await.expect("store");
        contacts::insert(
            &store,
            Uuid::nil(),
            &NewContact {
                customer_id: writer.customer.id,
                name: "Financeiro".into(),
                phone: String::new(),
                email: CONTACT_EMAIL.into(),
                relation: "Responsável financeiro".into(),
            },
        )
        .await
        .expect("a contact")
        .expect("the customer exists");
        let kind = ticket_types::list(&store)
            .await
            .expect("ticket types")
            .into_iter()
            .next()
            .expect("a ticket type");
        let template = email_templates::list_all(&store)
            .await
            .expect("templates")
            .into_iter()
            .find(|template| template.name == "Protocolo de atendimento")
            .expect("the demo's protocol template");
        store.close().await;
        (kind, template)
    };
    // As "Enviar Para" lists them: the customer's own, then the contacts', each once.
    let own: Vec<String> = writer.record.emails.clone();
    let mut all: Vec<String> = Vec::new();
    let contacts = writer.record.contacts.iter().map(|contact| &contact.email);
    for email in own.iter().chain(contacts).map(|email| email.trim()) {
        if !email.is_empty() && !all.iter().any(|seen| seen.eq_ignore_ascii_case(email)) {
            all.push(email.to_owned());
        }
    }
    all.push(CONTACT_EMAIL.to_owned());
    let picked = tempfile::tempdir().expect("the operator's folder");
    let invoice = picked.path().join("segunda via.pdf");
    std::fs::write(&invoice, INVOICE).expect("invoice");

    // A real SMTP server on loopback, with a login: what the outbox sends arrives there.
    let server = SmtpServer::start(&ServerOptions {
        folder: picked.path().join("smtp"),
        credentials: Some((SMTP_USER.to_owned(), SMTP_PASSWORD.to_owned())),
        ..ServerOptions::default()
    })
    .expect("aiosmtpd starts (run scripts/setup.sh test)");
    let keyring = SecretService::start(dir.path()).expect("a Secret Service on a private bus");
    let saved = std::sync::Mutex::new(String::new());
    let bus = [("DBUS_SESSION_BUS_ADDRESS", keyring.address())];
    let app = Harness::start_with("email", &database, &bus).await;
    app.run(async |app: &mut Harness| {
        configure_smtp(app, server.port).await?;
        log_in(app).await?;
        app.text_at("#operator-name", OPERATOR.name).await?;
        phone_call_to_script(app, &writer, "Pediu a segunda via do boleto.").await?;
        skip_script(
            app,
            "Enviada a segunda via por e-mail.",
            &kind.id.to_string(),
        )
        .await?;
        app.click("button#enviar-email").await?;
        at_step(app, Step::SendEmail).await?;
        app.text_at(
            "#email-aviso",
            "O e-mail será enviado ao salvar o atendimento.",
        )
        .await?;
        app.element(&format!(
            "input[name=\"email-para\"][value=\"{CONTACT_EMAIL}\"]"
        ))
        .await?;

        // The three selection actions.
        checked_are(app, &[]).await?;
        let all_refs: Vec<&str> = all.iter().map(String::as_str).collect();
        app.click("button#email-selecionar-todos").await?;
        checked_are(app, &all_refs).await?;
        app.click("button#email-desmarcar-todos").await?;
        checked_are(app, &[]).await?;
        app.click(&format!("input[name=\"email-para\"][value=\"{}\"]", own[0]))
            .await?;
        checked_are(app, &[own[0].as_str()]).await?;
        right_click(app, "ul.recipient-list").await?;
        app.screenshot("menu-inverter-selecao").await;
        app.click("button#email-inverter-selecao").await?;
        let inverted: Vec<&str> = all_refs[1..].to_vec();
        checked_are(app, &inverted).await?;
        app.gone("#email-menu").await?;
        // The keyboard's way: Shift+F10 on a check box, Enter on the menu's item.
        app.press(
            &format!("input[name=\"email-para\"][value=\"{CONTACT_EMAIL}\"]"),
            "\u{E008}\u{E03A}\u{E008}",
        )
        .await?;
        app.element("button#email-inverter-selecao").await?;
        app.press("button#email-inverter-selecao", "\u{E007}")
            .await?;
        checked_are(app, &[own[0].as_str()]).await?;
        app.click(&format!(
            "input[name=\"email-para\"][value=\"{CONTACT_EMAIL}\"]"
        ))
        .await?;
        checked_are(app, &[own[0].as_str(), CONTACT_EMAIL]).await?;

        // The template fills subject and body; the copy shows its address.
        app.select("select#email-modelo", &template.id.to_string())
            .await?;
        let subject = app.value("input#email-assunto").await?;
        if subject != template.subject {
            return Err(format!(
                "the subject should be the template's, is {subject:?}"
            ));
        }
        app.click("input#email-copia").await?;
        app.text_at("#email-copia-endereco", COPY).await?;

        // "Adicionar Anexo" → "Anexar E-mail" → "Anexar".
        app.click("button#email-adicionar-anexo").await?;
        app.element("#anexar-email").await?;
        app.click("button#email-anexar").await?;
        app.answer_file_picker(PICKER, &invoice).await?;
        app.text_at(
            "#email-anexos li[data-file-name=\"segunda via.pdf\"]",
            "23 bytes",
        )
        .await?;
        app.screenshot("anexar-email").await;
        app.click("button#email-anexos-fechar").await?;
        app.gone("#anexar-email").await?;

        // The preview fills the placeholders from the ticket.
        let header = app.text_at("#protocolo", "Protocolo ").await?;
        let protocol = header.trim_start_matches("Protocolo ").to_owned();
        app.click("button#email-pre-visualizar").await?;
        app.text_at("#email-previa-assunto", &protocol).await?;
        app.text_at("#email-previa-corpo", &writer.customer.name)
            .await?;
        app.screenshot("pre-visualizar").await;

        app.click("button#salvar-atendimento").await?;
        app.text_at("#atendimento-salvo", "Atendimento salvo")
            .await?;
        app.text_at("#protocolo-final", &protocol).await?;
        app.screenshot("atendimento-salvo").await;
        *saved.lock().map_err(|error| error.to_string())? = protocol.clone();

        // The outbox sends it at once: "Consultar protocolo" shows it sent in the history.
        app.click("button#concluir").await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            app.fill("input#consultar-protocolo", &format!("{protocol}\u{E007}"))
                .await?;
            app.text_at("#ticket-encontrado", &protocol).await?;
            let history = app.text_at("ol#historico", "E-mail na fila").await?;
            if history.contains("E-mail enviado") {
                break;
            }
            if std::time::Instant::now() > deadline {
                return Err(format!("the e-mail should be sent: {history}"));
            }
            tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        }
        app.screenshot("historico-email-enviado").await;
        Ok(())
    })
    .await;

    // Queued with its ticket: the recipients chosen, the copy, the subject filled.
    let protocol = saved.lock().expect("lock").clone();
    let store = Store::open(&database).await.expect("store");
    let (to, cc, subject, attachments): (String, String, String, String) = sqlx::query_as(
        "SELECT o.to_addresses, o.cc_addresses, o.subject, o.attachments
         FROM email_outbox o JOIN tickets t ON t.id = o.ticket_id WHERE t.protocol = ?1",
    )
    .bind(protocol.replace('-', ""))
    .fetch_one(store.pool())
    .await
    .expect("the e-mail queued with the ticket");
    let to: Vec<String> = serde_json::from_str(&to).expect("addresses");
    assert_eq!(to, [own[0].as_str(), CONTACT_EMAIL]);
    assert!(cc.contains(COPY), "the copy in Cc: {cc}");
    assert!(subject.contains(&protocol), "the subject filled: {subject}");
    assert!(attachments.contains("segunda via.pdf"), "{attachments}");
    // The password is in the keyring; the database holds only the entry's name.
    let stored: String = sqlx::query_scalar("SELECT value FROM local_settings WHERE key = ?1")
        .bind(PASSWORD_KEY)
        .fetch_one(store.pool())
        .await
        .expect("the password's row");
    assert!(!stored.contains(SMTP_PASSWORD), "{stored}");
    let account = KeyringScope::new(KEYRING_SERVICE, &database).account(PASSWORD_KEY);
    assert_eq!(
        keyring
            .lookup(KEYRING_SERVICE, &account)
            .expect("lookup")
            .as_deref(),
        Some(SMTP_PASSWORD)
    );
    // Nor in the app's log, which saw the settings saved and the e-mail go.
    let log = AppFolders::of(&database).log();
    assert!(log.contains("saved the SMTP settings"), "{log}");
    assert!(!log.contains(SMTP_PASSWORD), "{log}");
    store.close().await;

    // Arrived once at the SMTP server, as it was queued.
    let arrived = server.messages().expect("the server's messages");
    assert_eq!(arrived.len(), 1, "{arrived:?}");
    let message = &arrived[0];
    assert_eq!(message["to"], serde_json::json!(to));
    assert_eq!(message["cc"], serde_json::json!([COPY]));
    assert_eq!(message["subject"], serde_json::json!(subject));
    assert!(
        message["body"]
            .as_str()
            .is_some_and(|body| body.contains(&writer.customer.name)),
        "the body names the customer, accents intact: {message}"
    );
    assert_eq!(
        message["attachments"][0]["filename"],
        serde_json::json!("segunda via.pdf")
    );
}
