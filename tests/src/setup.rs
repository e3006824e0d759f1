//! The first run and the administration screens as the tests walk them: "Criar provedor",
//! the entries of "Cadastros", the selects of entries and the sign-in.
use crate::{Harness, StepResult};

/// The provider and its first administrator, as typed in "Criar provedor".
pub struct Provider<'a> {
    pub name: &'a str,
    pub admin_name: &'a str,
    pub login: &'a str,
    pub email: &'a str,
    pub password: &'a str,
}

/// A user as typed in "Novo usuário".
pub struct NewUser<'a> {
    pub name: &'a str,
    pub login: &'a str,
    pub email: &'a str,
    /// The role's name.
    pub role: &'a str,
    /// The team's name, if any.
    pub team: Option<&'a str>,
    pub password: &'a str,
}

/// Waits for "Primeira configuração" (with no demonstration mark).
pub async fn first_run_screen(app: &Harness) -> StepResult {
    app.element("main#primeira-configuracao").await?;
    app.gone("#marca-demonstracao").await
}

/// Types `provider` into the open "Criar provedor", `confirmation` as "Confirmar senha".
pub async fn fill_provider(
    app: &Harness,
    provider: &Provider<'_>,
    confirmation: &str,
) -> StepResult {
    app.fill("input#provedor-nome", provider.name).await?;
    app.fill("input#admin-nome", provider.admin_name).await?;
    app.fill("input#admin-login", provider.login).await?;
    app.fill("input#admin-email", provider.email).await?;
    app.fill("input#admin-senha", provider.password).await?;
    app.fill("input#admin-senha-confirmacao", confirmation)
        .await
}

/// "Criar provedor" pressed: the administrator is signed in.
pub async fn save_provider(app: &Harness, provider: &Provider<'_>) -> StepResult {
    app.click("button#criar-provedor-salvar").await?;
    app.text_at("#operator-name", provider.admin_name).await?;
    Ok(())
}

/// From "Primeira configuração", creates `provider` and its administrator ("Criar
/// provedor", the password confirmed): the administrator is signed in.
pub async fn create_provider(app: &Harness, provider: &Provider<'_>) -> StepResult {
    first_run_screen(app).await?;
    app.click("button#primeira-criar").await?;
    fill_provider(app, provider, provider.password).await?;
    save_provider(app, provider).await
}

/// Chooses the option whose text is `label` in the select matching `css`, once it is there.
pub async fn choose(app: &Harness, css: &str, label: &str) -> StepResult {
    app.text_at(css, label).await?;
    let select = app.element(css).await?;
    select
        .select_by_label(label)
        .await
        .map_err(|error| format!("choose {label:?} in {css}: {error}"))
}

/// In "Cadastros", opens the tab `tab` (its button's id).
pub async fn open_tab(app: &Harness, tab: &str) -> StepResult {
    app.click(&format!("button#{tab}")).await?;
    app.element(&format!("button#{tab}[aria-pressed=\"true\"]"))
        .await?;
    Ok(())
}

/// In "Cadastros", opens the tab `tab`, creates an entry with `fill`, and waits for it in
/// the list.
pub async fn create_entry(
    app: &Harness,
    tab: &str,
    name: &str,
    fill: impl AsyncFnOnce(&Harness) -> StepResult,
) -> StepResult {
    open_tab(app, tab).await?;
    app.click("button#cadastro-novo").await?;
    app.fill("input#cadastro-nome", name).await?;
    fill(app).await?;
    app.click("button#cadastro-salvar").await?;
    app.element(&format!("#cadastro-lista tr[data-name=\"{name}\"]"))
        .await?;
    Ok(())
}

/// In "Usuários", opens "Novo usuário" and types `user` in (without saving).
pub async fn fill_new_user(app: &Harness, user: &NewUser<'_>) -> StepResult {
    app.click("button#novo-usuario").await?;
    app.fill("input#usuario-nome", user.name).await?;
    app.fill("input#usuario-login", user.login).await?;
    app.fill("input#usuario-email", user.email).await?;
    choose(app, "select#usuario-cargo", user.role).await?;
    if let Some(team) = user.team {
        choose(app, "select#usuario-equipe", team).await?;
    }
    app.fill("input#usuario-senha", user.password).await
}

/// Signs in as `login` with `password` (Enter in the password field).
pub async fn sign_in(app: &Harness, login: &str, password: &str) -> StepResult {
    app.fill("input#login", login).await?;
    app.fill("input#password", &format!("{password}\u{E007}"))
        .await
}
