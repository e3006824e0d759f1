//! The desktop conventions in the real window (issue 20). From an empty database the
//! administrator created: "Tema" → "Escuro" darkens the page at once and still does after the
//! app restarts (before anyone signs in); F1 lists the shortcuts, Esc closes the list and
//! Alt+N opens "Novo Atendimento"; in "Novo cliente" the CPF, CEP and phone are masked as
//! they are typed or pasted, with or without the mask, the caret keeping its place when a
//! digit is typed in the middle, and the customer is stored as before (document bare); in
//! "Relatórios" a date is typed, then picked from the field's calendar.
use helpdesk_e2e::customers::{click_in_view, new_customer, open_customers, save_customer};
use helpdesk_e2e::setup::{create_provider, sign_in, Provider};
use helpdesk_e2e::wizard::paste;
use helpdesk_e2e::{Harness, StepResult};
use helpdesk_store::Store;

const PROVIDER: Provider = Provider {
    name: "Conecta Vale Telecom",
    admin_name: "Marina Duarte",
    login: "marina.admin",
    email: "marina@conectavale.com.br",
    password: "Vento-Sul-Serra-42",
};
const PERSON: &str = "João Pereira da Silva";
/// `--bg` of tokens.css, light and dark, as getComputedStyle gives it.
const LIGHT_BG: &str = "rgb(243, 244, 246)";
const DARK_BG: &str = "rgb(20, 24, 31)";
const F1: &str = "\u{E031}";
const ESCAPE: &str = "\u{E00C}";
/// Alt held for the next key, then released (the WebDriver NULL key).
const ALT_N: &str = "\u{E00A}n\u{E000}";

/// The page's background colour, once it is `expected`.
async fn background_is(app: &Harness, expected: &str) -> StepResult {
    let script = "return getComputedStyle(document.body).backgroundColor;";
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let shown = app
            .client
            .execute(script, vec![])
            .await
            .map_err(|error| format!("computed style: {error}"))?;
        if shown.as_str() == Some(expected) {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("the background should be {expected}, is {shown}"));
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// "Escuro" in the header's "Tema".
async fn choose_dark(app: &mut Harness) -> StepResult {
    app.element("#operator-name").await?;
    background_is(app, LIGHT_BG).await?;
    app.screenshot("claro").await;
    app.select("select#tema", "dark").await?;
    background_is(app, DARK_BG).await?;
    app.screenshot("escuro").await;
    Ok(())
}

/// F1 lists the shortcuts, Esc closes the list, Alt+N opens the wizard.
async fn shortcuts(app: &mut Harness) -> StepResult {
    app.press("button#novo-atendimento", F1).await?;
    app.element("#atalhos").await?;
    for (keys, action) in [
        ("Alt+N", "Novo Atendimento"),
        ("Alt+P", "Consultar protocolo"),
        ("Alt+F", "Sua fila"),
        ("Alt+A", "Agenda Técnica"),
        ("F1 ou ?", "Esta lista de atalhos"),
    ] {
        app.text_at("table#atalhos-lista", keys).await?;
        app.text_at("table#atalhos-lista", action).await?;
    }
    app.screenshot("atalhos").await;
    app.press("button#atalhos-fechar", ESCAPE).await?;
    app.gone("#atalhos").await?;
    app.press("button#novo-atendimento", ALT_N).await?;
    app.element("nav#wizard-steps").await?;
    app.screenshot("novo-atendimento-alt-n").await;
    Ok(())
}

/// Puts the caret at `at` in the focused field matching `css`.
async fn caret_at(app: &Harness, css: &str, at: u32) -> StepResult {
    let script = "const field = document.querySelector(arguments[0]);
                  field.focus(); field.setSelectionRange(arguments[1], arguments[1]);";
    app.client
        .execute(script, vec![css.into(), at.into()])
        .await
        .map(drop)
        .map_err(|error| format!("caret in {css}: {error}"))
}

async fn caret_of(app: &Harness, css: &str) -> StepResult<u64> {
    let script = "return document.querySelector(arguments[0]).selectionStart;";
    let value = app
        .client
        .execute(script, vec![css.into()])
        .await
        .map_err(|error| format!("caret of {css}: {error}"))?;
    value.as_u64().ok_or(format!("no caret in {css}: {value}"))
}

/// Pastes each of `pasted` into `css` and checks it shows `shown`.
async fn pastes_show(app: &Harness, css: &str, pasted: &[&str], shown: &str) -> StepResult {
    for text in pasted {
        paste(app, css, text).await?;
        app.expect_value(css, shown).await?;
    }
    Ok(())
}

/// "Novo cliente" with the masks typed and pasted, saved.
async fn masks(app: &mut Harness) -> StepResult {
    const DOCUMENT: &str = "input#cliente-documento";
    const CEP: &str = "input#cliente-cep";
    const PHONE: &str = "input#cliente-telefones-0";
    open_customers(app).await?;
    new_customer(app).await?;
    app.fill("input#cliente-nome", PERSON).await?;
    // Typed: masked digit by digit; a digit typed in the middle keeps the caret after it.
    app.fill(DOCUMENT, "52998224").await?;
    app.expect_value(DOCUMENT, "529.982.24").await?;
    caret_at(app, DOCUMENT, 5).await?;
    app.press(DOCUMENT, "1").await?;
    app.expect_value(DOCUMENT, "529.918.224").await?;
    let caret = caret_of(app, DOCUMENT).await?;
    if caret != 6 {
        return Err(format!(
            "the caret should stay after the digit typed (6), is at {caret}"
        ));
    }
    // Pasted with and without the mask (a 12th digit would make it a CNPJ).
    pastes_show(
        app,
        DOCUMENT,
        &["52998224725", " 529 982 247 25 ", "529.982.247-25"],
        "529.982.247-25",
    )
    .await?;
    pastes_show(
        app,
        CEP,
        &["13010000", "13010-000", "130100009"],
        "13010-000",
    )
    .await?;
    app.fill(CEP, "1301").await?;
    app.expect_value(CEP, "1301").await?;
    app.fill(CEP, "130100").await?;
    app.expect_value(CEP, "13010-0").await?;
    paste(app, CEP, "13010-000").await?;
    app.fill("input#cliente-logradouro", "Rua Barão de Jundiaí")
        .await?;
    app.fill("input#cliente-cidade", "Jundiaí").await?;
    app.select("select#cliente-uf", "SP").await?;
    click_in_view(app, "button#cliente-telefones-adicionar").await?;
    app.fill(PHONE, "1932345678").await?;
    app.expect_value(PHONE, "(19) 3234-5678").await?;
    pastes_show(
        app,
        PHONE,
        &["(19) 98765-4321", "19987654321", "+55 19 98765-4321"],
        "(19) 98765-4321",
    )
    .await?;
    app.screenshot("cliente-mascaras").await;
    save_customer(app, PERSON).await?;
    app.text_at("#cliente-dado-documento", "529.982.247-25")
        .await?;
    app.text_at("#cliente-dado-telefones", "(19) 98765-4321")
        .await?;
    app.screenshot("cliente-salvo-escuro").await;
    Ok(())
}

/// "Relatórios": a date typed, then another picked from its calendar a month on.
async fn calendar(app: &mut Harness) -> StepResult {
    const FROM: &str = "input#relatorio-de";
    app.click("button#relatorios").await?;
    app.fill(FROM, "15/03/2026").await?;
    app.click("button#relatorio-de-calendario").await?;
    app.text_at("#relatorio-de-mes", "março de 2026").await?;
    app.element(".date-picker button.chosen[data-date=\"2026-03-15\"]")
        .await?;
    app.click(".date-picker .date-picker-next").await?;
    app.text_at("#relatorio-de-mes", "abril de 2026").await?;
    app.screenshot("calendario").await;
    app.click(".date-picker button[data-date=\"2026-04-10\"]")
        .await?;
    app.expect_value(FROM, "10/04/2026").await?;
    app.gone(".date-picker").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn theme_shortcuts_and_masks_in_the_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let database = dir.path().join("convencoes.db");
    let app = Harness::start("conventions", &database).await;
    app.run(async |app: &mut Harness| {
        create_provider(app, &PROVIDER).await?;
        choose_dark(app).await?;
        shortcuts(app).await
    })
    .await;

    // Started again: dark from the sign-in on, "Escuro" still chosen.
    let app = Harness::start("conventions_restart", &database).await;
    app.run(async |app: &mut Harness| {
        app.element("input#login").await?;
        background_is(app, DARK_BG).await?;
        app.screenshot("entrada-escura").await;
        sign_in(app, PROVIDER.login, PROVIDER.password).await?;
        app.expect_value("select#tema", "dark").await?;
        masks(app).await?;
        calendar(app).await
    })
    .await;

    let store = Store::open(&database).await.expect("store");
    let stored: (String, String) =
        sqlx::query_as("SELECT document, postal_code FROM customers WHERE name = ?1")
            .bind(PERSON)
            .fetch_one(store.pool())
            .await
            .expect("the customer saved");
    assert_eq!(stored, ("52998224725".into(), "13010-000".into()));
    let phones: Vec<String> = sqlx::query_scalar(
        "SELECT p.phone FROM customer_phones p JOIN customers c ON c.id = p.customer_id
         WHERE c.name = ?1 AND p.deleted = 0",
    )
    .bind(PERSON)
    .fetch_all(store.pool())
    .await
    .expect("the phones saved");
    assert_eq!(phones, ["(19) 98765-4321"]);
    store.close().await;
}
