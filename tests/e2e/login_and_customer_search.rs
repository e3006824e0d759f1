//! An operator logs in, opens "Novo Atendimento", and finds a customer by every field and
//! condition of "Localizar Cliente" — in the real app window. The app started a second time on
//! the same database is refused.
use helpdesk_core::customer::{CustomerSearch, CustomerSummary, SearchCondition, SearchField};
use helpdesk_core::text::{digits, fold};
use helpdesk_core::wizard::Step;
use helpdesk_demo::DemoConfig;
use helpdesk_e2e::{Harness, StepResult};
use helpdesk_store::{customers, Store};

/// A demo database and a customer in it to look for.
async fn seeded_database(dir: &tempfile::TempDir) -> (std::path::PathBuf, CustomerSummary) {
    let path = dir.path().join("e2e.db");
    let store = Store::open(&path).await.expect("store");
    let config = DemoConfig {
        seed: 7,
        customers: 1_500,
        messages: 500,
    };
    helpdesk_demo::seed(&store, &config)
        .await
        .expect("demo data");
    // A customer with accents in the name, so the search's folding is exercised.
    let mut candidates = customers::search(
        &store,
        &CustomerSearch {
            text: "a".into(),
            field: SearchField::Name,
            condition: SearchCondition::Contains,
            limit: 500,
        }
        .validate()
        .expect("valid"),
    )
    .await
    .expect("search");
    candidates.retain(|c| {
        fold(&c.name) != c.name.to_lowercase()
            && !c.emails.is_empty()
            && !c.phones.is_empty()
            && !c.logins.is_empty()
    });
    let customer = candidates
        .into_iter()
        .next()
        .expect("a customer with an accented name");
    store.close().await;
    (path, customer)
}

/// What to type to find `customer` by `field` with `condition`.
fn needle(customer: &CustomerSummary, field: SearchField, condition: SearchCondition) -> String {
    use SearchCondition::*;
    let value = match field {
        SearchField::Name => customer.name.to_uppercase(),
        SearchField::Code => customer.code.clone(),
        SearchField::Document => customer.document.clone(),
        SearchField::Login => customer.logins[0].clone(),
        SearchField::Email => customer.emails[0].clone(),
        SearchField::Phone => customer.phones[0].clone(),
    };
    let chars: Vec<char> = value.chars().collect();
    let n = chars.len();
    let cut = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    match condition {
        Equals => value,
        StartsWith => cut(0, n - 1),
        EndsWith => cut(1, n),
        Contains => cut(1, n - 1),
    }
}

async fn search(
    app: &mut Harness,
    text: &str,
    field: SearchField,
    condition: SearchCondition,
) -> StepResult {
    app.select("select#campo", &format!("{field:?}")).await?;
    app.select("select#condicao", &format!("{condition:?}"))
        .await?;
    app.fill("input#procurar", text).await?;
    app.click("button#pesquisar").await?;
    let done = format!("#resultado[data-query=\"{field:?}|{condition:?}|{text}\"]");
    app.element(&done).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn operator_logs_in_and_finds_a_customer_by_every_field_and_condition() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, customer) = seeded_database(&dir).await;
    let app = Harness::start("login_and_customer_search", &database).await;
    app.run(async |app: &mut Harness| {
        // Login: a wrong password is refused at the field, and the login typed is kept.
        app.element("input#login").await?;
        app.screenshot("login").await;
        app.fill("input#login", "admin").await?;
        app.fill("input#password", "errada").await?;
        app.click("button#entrar").await?;
        app.text_at(
            ".field-error[data-field=\"password\"]",
            "Usuário ou senha incorretos.",
        )
        .await?;
        app.screenshot("login-wrong-password").await;
        assert_value(app, "input#login", "admin").await?;
        app.fill("input#password", "admin123\u{E007}").await?; // typed, then Enter
        app.text_at("#operator-name", "Administrador").await?;
        app.screenshot("home").await;

        // The app started again on the same database is refused (it says so and shows
        // nothing of the database); this window goes on.
        app.second_app_says(&database, "is open in another process")?;
        app.text_at("#operator-name", "Administrador").await?;

        // The wizard opens at "Origem" with the manual's step names in the side bar.
        app.click("button#novo-atendimento").await?;
        for step in Step::ALL {
            app.text_at(
                &format!("nav#wizard-steps li[data-step=\"{step:?}\"]"),
                step.label(),
            )
            .await?;
        }
        app.element("nav#wizard-steps li.current[data-step=\"Origin\"]")
            .await?;
        app.click("button#avancar").await?;
        app.text_at(
            ".field-error[data-field=\"origem\"]",
            "Escolha a origem do atendimento.",
        )
        .await?;
        app.screenshot("wizard-origin").await;
        app.check("input[name=\"origem\"][value=\"Phone\"]").await?;
        app.click("button#avancar").await?;
        app.element("nav#wizard-steps li.current[data-step=\"FindCustomer\"]")
            .await?;

        // Bad input gets a message at its field.
        app.fill("input#procurar", "").await?;
        app.click("button#pesquisar").await?;
        app.text_at(
            ".field-error[data-field=\"text\"]",
            "Informe o que procurar.",
        )
        .await?;
        app.fill("input#procurar", "joao").await?;
        for (limit, message) in [
            ("0", "A quantidade deve estar entre 1 e 500."),
            ("-3", "A quantidade deve estar entre 1 e 500."),
            ("dez", "A quantidade deve ser um número inteiro."),
        ] {
            app.fill("input#quantidade", limit).await?;
            app.click("button#pesquisar").await?;
            app.text_at(".field-error[data-field=\"limit\"]", message)
                .await?;
        }
        app.screenshot("find-customer-bad-input").await;
        app.fill("input#quantidade", "500").await?;
        search(
            app,
            "' OR 1=1; --",
            SearchField::Name,
            SearchCondition::Contains,
        )
        .await?;
        app.text_at("#resultado-contagem", "Nenhum cliente encontrado.")
            .await?;
        app.fill("input#procurar", &"x".repeat(1000)).await?;
        app.click("button#pesquisar").await?;
        app.text_at(
            ".field-error[data-field=\"text\"]",
            "no máximo 100 caracteres",
        )
        .await?;

        // Every field and condition finds the customer.
        let row = format!("#resultado tr[data-customer-id=\"{}\"]", customer.id);
        for field in SearchField::ALL {
            for condition in SearchCondition::ALL {
                let text = needle(&customer, field, condition);
                search(app, &text, field, condition).await?;
                app.element(&row).await.map_err(|_| {
                    format!(
                        "{field:?} {condition:?} {text:?} did not find {}",
                        customer.name
                    )
                })?;
            }
            app.screenshot(&format!("find-customer-by-{field:?}")).await;
        }
        // Accents and case are ignored, punctuation in numbers too.
        search(
            app,
            &fold(&customer.name),
            SearchField::Name,
            SearchCondition::Equals,
        )
        .await?;
        app.element(&row).await?;
        search(
            app,
            &digits(&customer.document),
            SearchField::Document,
            SearchCondition::Equals,
        )
        .await?;
        app.element(&row).await?;

        // Choosing the customer; "Avançar" goes on, and going back keeps the search.
        // Keyboard-first: the arrow keys move to the only row, Enter chooses it. (WebKit's
        // WebDriver refuses clicks on table cells at this point as "not interactable".)
        app.press("table#clientes", "\u{E015}\u{E007}").await?;
        app.text_at("#cliente-selecionado", &customer.name).await?;
        app.screenshot("customer-chosen").await;
        app.click("button#avancar").await?;
        app.element("nav#wizard-steps li.current[data-step=\"CustomerData\"]")
            .await?;
        app.click("button#voltar").await?;
        app.element(&format!("{row}.selected")).await?;
        assert_value(app, "input#procurar", &digits(&customer.document)).await?;

        // Leaving the wizard and logging out.
        app.click("button#cancelar").await?;
        app.click("button#sair").await?;
        app.element("input#login").await?;
        Ok(())
    })
    .await;
}

async fn assert_value(app: &Harness, css: &str, expected: &str) -> StepResult {
    let value = app.value(css).await?;
    if value == expected {
        Ok(())
    } else {
        Err(format!("{css} should hold {expected:?}, holds {value:?}"))
    }
}
