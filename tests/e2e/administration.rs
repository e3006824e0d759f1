//! Bad input and the session's rules in the real window, from an empty database (no demo):
//! "Criar provedor" refuses empty fields and passwords against the policy; "Usuários"
//! refuses a login taken (in other case) and the last administrator deactivating
//! themself, and resets a password; "Cadastros" refuses deactivating a role held by an
//! active user, the only administrative role ceasing to be one, a duration off the
//! agenda's grid, a name too long, an IP and a price that are none; "Provedor" refuses 0
//! minutes and takes 1. The window then locks after that minute idle, with the wizard
//! open, and unlocks with the right password only, keeping what was typed. Last, the user
//! whose password was reset must change it, and a sign-in after 5 wrong passwords is told
//! to wait. Every refusal is checked by its pt-BR message at its field (or the form's), and
//! what was typed stays.
use std::time::{Duration, Instant};

use helpdesk_core::wizard::Step;
use helpdesk_e2e::setup::{
    create_entry, fill_new_user, fill_provider, first_run_screen, open_tab, save_provider, sign_in,
    NewUser, Provider,
};
use helpdesk_e2e::wizard::{advance, at_step, error_at, no_error_at};
use helpdesk_e2e::{Harness, Locator, StepResult, TIMEOUT};

const ADMIN_LOGIN: &str = "marina.admin";
const ADMIN_PASSWORD: &str = "Vento-Sul-Serra-42";
const PROVIDER: Provider = Provider {
    name: "Conecta Vale Telecom",
    admin_name: "Marina Duarte",
    login: ADMIN_LOGIN,
    email: "marina@conectavale.com.br",
    password: ADMIN_PASSWORD,
};
const ROLE: &str = "Suporte Nível 2";
const USER: NewUser = NewUser {
    name: "Caio Nogueira",
    login: "caio.nogueira",
    email: "caio@conectavale.com.br",
    role: ROLE,
    team: None,
    password: "Primeira-Senha-77",
};
const RESET_PASSWORD: &str = "Mare-Alta-Tarde-31";
const LAST_ADMINISTRATOR: &str = "Não sobraria nenhum administrador ativo";
const WRONG_CREDENTIALS: &str = "Usuário ou senha incorretos.";
/// The sign-in's message at the password field, and its button ready for another try.
const PASSWORD_ERROR: &str = ".field-error[data-field=\"password\"]";
const READY: &str = "button#entrar:not([disabled])";
/// What is typed in the wizard before the window locks.
const SEARCHED: &str = "Padaria Boa Esperança";
/// The idle time set in "Provedor", and how long the lock may take after it: the window
/// looks at the clock every 20 s.
const IDLE_MINUTES: u64 = 1;
const LOCK_DEADLINE: Duration = Duration::from_secs(150);

/// "Criar provedor": every empty field, then each rule of the password policy, refused at
/// its field with the rest kept; then the provider is created.
async fn create_provider(app: &mut Harness) -> StepResult {
    first_run_screen(app).await?;
    app.click("button#primeira-criar").await?;
    app.click("button#criar-provedor-salvar").await?;
    error_at(app, "provedor-nome", "Preencha o nome do provedor.").await?;
    error_at(app, "admin-nome", "Preencha o nome do administrador.").await?;
    error_at(app, "admin-login", "Preencha o login.").await?;
    error_at(app, "admin-senha", "Use pelo menos 10 caracteres na senha.").await?;
    // The e-mail may stay empty (and is not marked as required), and an empty
    // confirmation is equal to the empty password.
    no_error_at(app, "admin-email").await?;
    app.gone("label[for=\"admin-email\"] .required").await?;
    app.element("label[for=\"admin-senha\"] .required").await?;
    no_error_at(app, "admin-senha-confirmacao").await?;
    app.screenshot("criar-provedor-vazio").await;

    let common = Provider {
        password: "1234567890",
        ..PROVIDER
    };
    fill_provider(app, &common, common.password).await?;
    app.click("button#criar-provedor-salvar").await?;
    error_at(app, "admin-senha", "Esta senha é muito comum").await?;
    for (input, typed) in [
        ("provedor-nome", PROVIDER.name),
        ("admin-nome", PROVIDER.admin_name),
        ("admin-login", PROVIDER.login),
        ("admin-email", PROVIDER.email),
        ("admin-senha", common.password),
    ] {
        app.expect_value(&format!("input#{input}"), typed).await?;
    }

    let with_login = "Marina.Admin-2026";
    app.fill("input#admin-senha", with_login).await?;
    app.fill("input#admin-senha-confirmacao", with_login)
        .await?;
    app.click("button#criar-provedor-salvar").await?;
    error_at(app, "admin-senha", "A senha não pode conter o login.").await?;
    no_error_at(app, "admin-senha-confirmacao").await?;

    app.fill("input#admin-senha", ADMIN_PASSWORD).await?;
    app.click("button#criar-provedor-salvar").await?;
    error_at(
        app,
        "admin-senha-confirmacao",
        "A confirmação não é igual à senha.",
    )
    .await?;
    no_error_at(app, "admin-senha").await?;
    app.expect_value("input#admin-senha", ADMIN_PASSWORD)
        .await?;
    app.screenshot("criar-provedor-confirmacao").await;

    app.fill("input#admin-senha-confirmacao", ADMIN_PASSWORD)
        .await?;
    save_provider(app, &PROVIDER).await?;
    app.screenshot("administrador").await;
    Ok(())
}

/// A role, and in "Usuários" a user with it; a login taken in other case is refused, so is
/// the last administrator deactivating themself; the user's password is reset.
async fn users(app: &mut Harness) -> StepResult {
    app.click("button#cadastros-admin").await?;
    create_entry(app, "aba-cargos", ROLE, async |_| Ok(())).await?;
    app.click("button#cadastros-voltar").await?;

    app.click("button#usuarios-admin").await?;
    fill_new_user(app, &USER).await?;
    app.click("button#usuario-salvar").await?;
    app.text_at(&format!("tr[data-login=\"{}\"]", USER.login), ROLE)
        .await?;

    let clash = NewUser {
        name: "Caio Nogueira Filho",
        login: "CAIO.Nogueira",
        password: "Outra-Primeira-88",
        ..USER
    };
    fill_new_user(app, &clash).await?;
    app.click("button#usuario-salvar").await?;
    error_at(app, "usuario-login", "Já existe um usuário com este login.").await?;
    app.expect_value("input#usuario-nome", clash.name).await?;
    app.expect_value("input#usuario-login", clash.login).await?;
    app.screenshot("usuario-login-repetido").await;
    app.click("button#usuario-cancelar").await?;

    let admin_row = format!("tr[data-login=\"{ADMIN_LOGIN}\"]");
    app.click(&format!("{admin_row} button.usuario-desativar"))
        .await?;
    app.click("button#usuario-ativo-sim").await?;
    app.text_at("section#usuarios .form-error", LAST_ADMINISTRATOR)
        .await?;
    app.text_at(&admin_row, "Ativo").await?;
    app.screenshot("ultimo-administrador").await;

    app.click(&format!(
        "tr[data-login=\"{}\"] button.usuario-redefinir",
        USER.login
    ))
    .await?;
    app.fill("input#redefinir-senha-nova", "Caio.Nogueira-2027")
        .await?;
    app.click("button#redefinir-senha-salvar").await?;
    error_at(app, "usuario-senha", "A senha não pode conter o login.").await?;
    app.fill("input#redefinir-senha-nova", RESET_PASSWORD)
        .await?;
    app.click("button#redefinir-senha-salvar").await?;
    app.text_at(
        "section#usuarios .saved-note",
        "Senha de \"Caio Nogueira\" redefinida",
    )
    .await?;
    app.gone("#redefinir-senha").await?;
    app.click("button#usuarios-voltar").await
}

/// Types `typed` (an input's id and its text) and saves: refused with `message` at
/// `field`, every text kept.
async fn typed_and_refused(
    app: &Harness,
    typed: &[(&str, &str)],
    field: &str,
    message: &str,
) -> StepResult {
    for (input, text) in typed {
        app.fill(&format!("input#{input}"), text).await?;
    }
    app.click("button#cadastro-salvar").await?;
    error_at(app, field, message).await?;
    for (input, text) in typed {
        app.expect_value(&format!("input#{input}"), text).await?;
    }
    Ok(())
}

/// In "Cadastros", a new entry of the tab `tab` typed as `typed` is refused with `message`
/// at `field`, every text kept; the form stays open.
async fn entry_refused(
    app: &Harness,
    tab: &str,
    typed: &[(&str, &str)],
    field: &str,
    message: &str,
) -> StepResult {
    open_tab(app, tab).await?;
    app.click("button#cadastro-novo").await?;
    typed_and_refused(app, typed, field, message).await
}

/// "Cadastros": the role held by the user stays active, the only administrative role stays
/// one; an O.S. type's duration off the grid and a name too long, a routing point's IP and
/// a plan's price are refused at their fields, what was typed kept.
async fn catalogs(app: &mut Harness) -> StepResult {
    app.click("button#cadastros-admin").await?;
    open_tab(app, "aba-cargos").await?;
    let role_row = format!("#cadastro-lista tr[data-name=\"{ROLE}\"]");
    app.click(&format!("{role_row} button.cadastro-desativar"))
        .await?;
    app.click("button#cadastro-ativo-sim").await?;
    app.text_at(
        "#cadastro-lista .form-error",
        "O cargo tem 1 usuário ativo: mude o cargo deles antes.",
    )
    .await?;
    app.text_at(&role_row, "Ativo").await?;
    app.screenshot("cargo-em-uso").await;
    // Nor may the only administrative role stop being one.
    app.click("#cadastro-lista tr[data-name=\"Administrador\"] button.cadastro-editar")
        .await?;
    app.click("input#cadastro-administrador:checked").await?;
    app.click("button#cadastro-salvar").await?;
    error_at(app, "cadastro-administrador", LAST_ADMINISTRATOR).await?;
    app.gone("input#cadastro-administrador:checked").await?;
    app.click("button#cadastro-cancelar").await?;

    entry_refused(
        app,
        "aba-tipos-os",
        &[
            ("cadastro-nome", "Reparo de fibra"),
            ("cadastro-duracao", "50"),
        ],
        "cadastro-duracao",
        "Informe a duração em minutos, de 15 em 15",
    )
    .await?;
    let too_long = format!("Reparo de fibra {}", "x".repeat(65));
    assert_eq!(too_long.chars().count(), 81);
    typed_and_refused(
        app,
        &[("cadastro-nome", &too_long), ("cadastro-duracao", "90")],
        "cadastro-nome",
        "Use no máximo 80 caracteres.",
    )
    .await?;
    no_error_at(app, "cadastro-duracao").await?;
    app.screenshot("tipo-de-os-nome-longo").await;
    app.fill("input#cadastro-nome", "Reparo de fibra").await?;
    app.click("button#cadastro-salvar").await?;
    app.element("#cadastro-lista tr[data-name=\"Reparo de fibra\"]")
        .await?;

    entry_refused(
        app,
        "aba-pontos-roteamento",
        &[
            ("cadastro-nome", "POP Centro"),
            ("cadastro-tipo", "POP"),
            ("cadastro-endereco", "Av. Brasil, 900"),
            ("cadastro-ip", "10.20.0.300"),
            ("cadastro-situacao", "Ativo"),
        ],
        "cadastro-ip",
        "Informe um endereço IP válido",
    )
    .await?;
    app.click("button#cadastro-cancelar").await?;

    entry_refused(
        app,
        "aba-planos",
        &[
            ("cadastro-nome", "Fibra 500"),
            ("cadastro-tecnologia", "FTTH"),
            ("cadastro-download", "500"),
            ("cadastro-upload", "250"),
            ("cadastro-preco", "129.90"),
        ],
        "cadastro-preco",
        "Informe o preço em reais",
    )
    .await?;
    // What may not stay empty is marked as required.
    app.element("label[for=\"cadastro-preco\"] .required")
        .await?;
    app.screenshot("plano-preco").await;
    app.click("button#cadastro-cancelar").await?;
    app.click("button#cadastros-voltar").await
}

/// "Provedor": 0 minutes refused at the field, then the idle time set to one minute.
async fn idle_time(app: &mut Harness) -> StepResult {
    app.click("button#provedor-admin").await?;
    app.fill("input#bloqueio-minutos", "0").await?;
    app.click("button#provedor-salvar").await?;
    error_at(
        app,
        "bloqueio-minutos",
        "Informe um número inteiro de minutos, de 1 a 480.",
    )
    .await?;
    app.expect_value("input#bloqueio-minutos", "0").await?;
    app.gone("#provedor-salvo").await?;
    app.fill("input#bloqueio-minutos", &IDLE_MINUTES.to_string())
        .await?;
    app.click("button#provedor-salvar").await?;
    app.element("#provedor-salvo").await?;
    app.expect_value("input#bloqueio-minutos", &IDLE_MINUTES.to_string())
        .await?;
    app.screenshot("provedor").await;
    app.click("button#provedor-voltar").await
}

/// The wizard open with a search typed, the window left alone: it locks after the idle
/// time; a wrong password is refused, the right one unlocks it with the wizard as it was.
async fn idle_lock(app: &mut Harness) -> StepResult {
    app.click("button#novo-atendimento").await?;
    app.check("input[name=\"origem\"][value=\"Phone\"]").await?;
    advance(app).await?;
    at_step(app, Step::FindCustomer).await?;
    app.fill("input#procurar", SEARCHED).await?;
    let left = Instant::now();
    // Only looking from now on: finding elements is no activity in the window.
    app.element_within("div.lock-screen #bloqueio", LOCK_DEADLINE)
        .await?;
    let idle = left.elapsed();
    let minimum = Duration::from_secs(IDLE_MINUTES * 60) - Duration::from_secs(2);
    if idle < minimum {
        return Err(format!(
            "the window locked after {} s, before the idle time",
            idle.as_secs()
        ));
    }
    eprintln!("e2e: locked after {} s idle", idle.as_secs());
    app.text_at("#bloqueio-operador", PROVIDER.admin_name)
        .await?;
    app.screenshot("bloqueada").await;

    app.fill("input#bloqueio-senha", "Senha-Errada-000\u{E007}")
        .await?;
    error_at(app, "bloqueio-senha", WRONG_CREDENTIALS).await?;
    app.element("div.lock-screen").await?;
    app.fill("input#bloqueio-senha", &format!("{ADMIN_PASSWORD}\u{E007}"))
        .await?;
    app.gone("div.lock-screen").await?;
    at_step(app, Step::FindCustomer).await?;
    app.expect_value("input#procurar", SEARCHED).await?;
    app.screenshot("desbloqueada").await;
    Ok(())
}

/// Waits until the sign-in refused the password it was given: `message` at the password
/// field, which the refusal empties, and "Entrar" ready again.
async fn password_refused(app: &Harness, message: &str) -> StepResult {
    let deadline = Instant::now() + TIMEOUT;
    let mut shown = String::new();
    while Instant::now() < deadline {
        if let Ok(error) = app.client.find(Locator::Css(PASSWORD_ERROR)).await {
            shown = error.text().await.unwrap_or_default();
            let ready = app.client.find(Locator::Css(READY)).await.is_ok();
            if ready && shown.contains(message) && app.value("input#password").await?.is_empty() {
                return Ok(());
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err(format!(
        "the sign-in should refuse with {message:?}, says {shown:?}"
    ))
}

/// Signed out: the user whose password was reset must change it; then 5 wrong passwords
/// for the administrator, after which even the right one is told to wait.
async fn sign_in_rules(app: &mut Harness) -> StepResult {
    app.click("button#sair").await?;
    app.element("input#login").await?;
    sign_in(app, USER.login, RESET_PASSWORD).await?;
    app.element("main#trocar-senha-obrigatoria").await?;
    app.screenshot("senha-redefinida").await;
    app.click("button#trocar-senha-sair").await?;
    app.element("input#login").await?;

    for attempt in 1..=5 {
        sign_in(app, ADMIN_LOGIN, &format!("Senha-Errada-{attempt:03}")).await?;
        password_refused(app, WRONG_CREDENTIALS).await?;
    }
    sign_in(app, ADMIN_LOGIN, ADMIN_PASSWORD).await?;
    password_refused(app, "Tente de novo em").await?;
    app.gone("#operator-name").await?;
    app.screenshot("espere").await;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_is_refused_at_its_field_and_the_session_rules_hold() {
    let dir = tempfile::tempdir().expect("temp dir");
    let database = dir.path().join("administracao.db");
    let app = Harness::start("administration", &database).await;
    app.run(async |app: &mut Harness| {
        create_provider(app).await?;
        users(app).await?;
        catalogs(app).await?;
        idle_time(app).await?;
        idle_lock(app).await?;
        sign_in_rules(app).await
    })
    .await;
}
