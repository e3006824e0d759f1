//! "Clientes" as the tests walk it: the page, the customer's and the contract's forms, the
//! selects whose options come from the catalog.
use crate::{Harness, StepResult};

/// Opens "Clientes" from the header.
pub async fn open_customers(app: &Harness) -> StepResult {
    app.click("button#clientes-nav").await?;
    app.element("main#clientes-pagina").await?;
    Ok(())
}

/// "Novo cliente": the empty form.
pub async fn new_customer(app: &Harness) -> StepResult {
    app.click("button#novo-cliente").await?;
    app.text_at("form#cliente-form h2", "Novo cliente").await?;
    Ok(())
}

/// "Salvar" on the customer's form, and waits for the customer's page titled with `name`.
pub async fn save_customer(app: &Harness, name: &str) -> StepResult {
    click_in_view(app, "button#cliente-salvar").await?;
    app.text_at("main#cliente-pagina h1#cliente-titulo", name)
        .await?;
    Ok(())
}

/// Types `typed` into the input matching `css` a key at a time, and checks it shows `shown`
/// (the field's mask).
pub async fn type_masked(app: &Harness, css: &str, typed: &str, shown: &str) -> StepResult {
    app.fill(css, typed).await?;
    app.expect_value(css, shown).await
}

/// Chooses the `index`th option (0 is the first) of the select matching `css`, once it
/// has that many options; gives the option's text.
pub async fn choose_nth(app: &Harness, css: &str, index: usize) -> StepResult<String> {
    let option = app
        .element(&format!("{css} option:nth-child({})", index + 1))
        .await?;
    let label = option.text().await.map_err(|error| error.to_string())?;
    app.element(css)
        .await?
        .select_by_index(index)
        .await
        .map_err(|error| format!("choose option {index} of {css}: {error}"))?;
    Ok(label)
}

/// Searches "Clientes" (or "Localizar Cliente") for `text` in the field `field` (the
/// select's value, e.g. `Name`, `Document`) and waits for a row holding `expected`.
pub async fn search_customers(
    app: &Harness,
    field: &str,
    text: &str,
    expected: &str,
) -> StepResult {
    app.select("select#campo", field).await?;
    app.fill("input#procurar", &format!("{text}\u{E007}"))
        .await?;
    app.text_at("table#clientes tbody", expected).await?;
    Ok(())
}

/// Clicks the element matching `css` after scrolling it to the middle of its scrolling page:
/// WebDriver scrolls the window only, and a long form scrolls inside the page, where a
/// button half under the page's edge cannot be clicked.
pub async fn click_in_view(app: &Harness, css: &str) -> StepResult {
    app.element(css).await?;
    app.client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView({block: 'center'})",
            vec![css.into()],
        )
        .await
        .map_err(|error| format!("scroll to {css}: {error}"))?;
    app.click(css).await
}
