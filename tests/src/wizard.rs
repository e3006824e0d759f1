//! What the wizard's end-to-end tests share: a demo database with a customer who wrote to
//! the online support, and the moves an operator makes in the window.
use std::path::PathBuf;

use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};

use crate::{Harness, StepResult};
use helpdesk_core::customer::{CustomerSearch, CustomerSummary, SearchCondition, SearchField};
use helpdesk_core::customer_record::CustomerRecord;
use helpdesk_core::support::SupportMessage;
use helpdesk_core::text::fold;
use helpdesk_core::wizard::Step;
use helpdesk_demo::{DemoConfig, OPERATOR};
use helpdesk_store::support_messages::{self, MessageFilter};
use helpdesk_store::{customer_records, customers, Store};
use uuid::Uuid;

/// A customer who wrote at least twice to the online support, giving their login, which
/// only they have; read from the store, as the app will.
pub struct Writer {
    pub customer: CustomerSummary,
    pub record: CustomerRecord,
    /// The address they wrote from.
    pub email: String,
    /// Their messages, newest first.
    pub messages: Vec<SupportMessage>,
}

/// A demo database in `dir` and a [`Writer`] in it.
pub async fn seeded_database(dir: &tempfile::TempDir) -> (PathBuf, Writer) {
    let path = dir.path().join("e2e.db");
    let store = Store::open(&path).await.expect("store");
    let config = DemoConfig {
        seed: 11,
        customers: 1_200,
        messages: 4_000,
    };
    helpdesk_demo::seed(&store, &config)
        .await
        .expect("demo data");
    let writer = find_writer(&store).await;
    store.close().await;
    (path, writer)
}

async fn find_writer(store: &Store) -> Writer {
    let candidates = search(
        store,
        SearchField::Name,
        SearchCondition::Contains,
        "a",
        500,
    )
    .await;
    for customer in candidates {
        let Some(login) = customer.logins.first() else {
            continue;
        };
        if search(
            store,
            SearchField::Login,
            SearchCondition::Equals,
            login,
            50,
        )
        .await
        .len()
            != 1
        {
            continue;
        }
        for email in &customer.emails {
            let folded = fold(email);
            let filter = MessageFilter {
                email: Some(&folded),
                from: 0,
                to: i64::MAX,
                limit: 500,
                mail_only: false,
                operator: Uuid::nil(),
            };
            let messages: Vec<_> = support_messages::list(store, &filter)
                .await
                .expect("messages")
                .into_iter()
                .map(|listed| listed.message)
                .collect();
            let record = customer_records::record(store, customer.id)
                .await
                .expect("record")
                .expect("the customer's record");
            if messages.len() >= 2
                && messages.iter().all(|message| &message.login == login)
                && !record.plans.is_empty()
            {
                return Writer {
                    customer: customer.clone(),
                    record,
                    email: email.clone(),
                    messages,
                };
            }
        }
    }
    panic!("the demo data has a customer who wrote to the support with their login");
}

async fn search(
    store: &Store,
    field: SearchField,
    condition: SearchCondition,
    text: &str,
    limit: u32,
) -> Vec<CustomerSummary> {
    let term = CustomerSearch {
        text: text.into(),
        field,
        condition,
        limit,
    }
    .validate()
    .expect("a valid search");
    customers::search(store, &term).await.expect("search")
}

/// Logs in as the demo's support operator.
pub async fn log_in(app: &Harness) -> StepResult {
    app.fill("input#login", OPERATOR.login).await?;
    app.fill("input#password", &format!("{}\u{E007}", OPERATOR.password))
        .await?;
    app.text_at("#operator-name", OPERATOR.name).await?;
    Ok(())
}

/// Waits until `step` is the one on screen.
pub async fn at_step(app: &Harness, step: Step) -> StepResult {
    app.element(&format!(
        "nav#wizard-steps li.current[data-step=\"{step:?}\"]"
    ))
    .await?;
    Ok(())
}

/// Waits for `message` at the form field `field`.
pub async fn error_at(app: &Harness, field: &str, message: &str) -> StepResult {
    app.text_at(&format!(".field-error[data-field=\"{field}\"]"), message)
        .await?;
    Ok(())
}

/// Fails if a message is shown at `field`.
pub async fn no_error_at(app: &Harness, field: &str) -> StepResult {
    let css = format!(".field-error[data-field=\"{field}\"]");
    match app.client.find(fantoccini::Locator::Css(&css)).await {
        Ok(element) => Err(format!(
            "no message expected at {field}, shows {:?}",
            element.text().await.unwrap_or_default()
        )),
        Err(_) => Ok(()),
    }
}

/// From the start panel to "Localizar Reg." with the last 400 days and `email` (empty: all).
pub async fn find_messages(app: &Harness, email: &str) -> StepResult {
    app.click("button#novo-atendimento").await?;
    at_step(app, Step::Origin).await?;
    app.check("input[name=\"origem\"][value=\"Support\"]")
        .await?;
    advance(app).await?;
    at_step(app, Step::Filters).await?;
    app.fill("input#dias", "400").await?;
    app.fill("input#email-suporte", email).await?;
    app.press("input#email-suporte", "\u{E00C}").await?;
    advance(app).await?;
    at_step(app, Step::FindMessage).await
}

/// "Avançar".
pub async fn advance(app: &Harness) -> StepResult {
    app.click("button#avancar").await
}

/// Waits until the draft holds everything done so far.
pub async fn draft_saved(app: &Harness) -> StepResult {
    app.element("#rascunho[data-pending=\"false\"]").await?;
    Ok(())
}

/// Sets a text field's value at once, as a paste would (typing thousands of characters
/// one by one would take minutes), and lets the app see the input.
pub async fn paste(app: &Harness, css: &str, text: &str) -> StepResult {
    let script = "const field = document.querySelector(arguments[0]);
                  field.value = arguments[1];
                  field.dispatchEvent(new InputEvent('input', { bubbles: true }));";
    app.client
        .execute(script, vec![css.into(), text.into()])
        .await
        .map(drop)
        .map_err(|error| format!("paste into {css}: {error}"))
}

/// In "Localizar Cliente", searches the customer's name and chooses their row with the
/// arrow keys and Enter, as an operator does.
pub async fn choose_customer(app: &Harness, customer: &CustomerSummary) -> StepResult {
    app.fill("input#procurar", &format!("{}\u{E007}", customer.name))
        .await?;
    let id = customer.id.to_string();
    app.element(&format!("table#clientes tr[data-customer-id=\"{id}\"]"))
        .await?;
    // Read in one script: the rows may be drawn again between two WebDriver calls.
    let script = "return [...document.querySelectorAll('table#clientes tbody tr')]
                      .findIndex(row => row.dataset.customerId === arguments[0]);";
    let position = app
        .client
        .execute(script, vec![id.clone().into()])
        .await
        .map_err(|error| format!("find the customer's row: {error}"))?
        .as_u64()
        .map(|index| index as usize);
    let position = position.ok_or("the customer is listed")?;
    app.press("table#clientes", &"\u{E015}".repeat(position + 1))
        .await?;
    app.press("table#clientes", "\u{E007}").await?;
    app.text_at("#cliente-selecionado", &customer.name).await?;
    Ok(())
}

/// From the start panel, a phone call for the writer's first plan with `problem`, walked up
/// to the "Script" step.
pub async fn phone_call_to_script(app: &Harness, writer: &Writer, problem: &str) -> StepResult {
    app.click("button#novo-atendimento").await?;
    app.check("input[name=\"origem\"][value=\"Phone\"]").await?;
    advance(app).await?;
    choose_customer(app, &writer.customer).await?;
    advance(app).await?;
    advance(app).await?;
    let plan = &writer.record.plans[0];
    app.check(&format!("input[name=\"plano\"][value=\"{}\"]", plan.id))
        .await?;
    app.fill("textarea#problema", problem).await?;
    advance(app).await?;
    at_step(app, Step::Script).await
}

/// At "Script": skips it ("Pular script") and, at "Primeiro Contato", writes `first_contact`
/// and chooses the ticket type whose id is `ticket_type`.
pub async fn skip_script(app: &Harness, first_contact: &str, ticket_type: &str) -> StepResult {
    at_step(app, Step::Script).await?;
    app.click("button#pular-script").await?;
    advance(app).await?;
    at_step(app, Step::FirstContact).await?;
    app.fill("textarea#primeiro-contato", first_contact).await?;
    app.select("select#tipo-atendimento", ticket_type).await
}

/// Clicks the technician's column on the agenda's "Dia" grid just after `hour`:00 (the grid
/// starts at 07:00, 72 pixels an hour, with no visit outside 07:00–22:00).
pub async fn click_agenda_hour(
    app: &Harness,
    technician: impl std::fmt::Display,
    hour: u32,
) -> StepResult {
    let css = format!(
        ".agenda-column[data-technician-id=\"{technician}\"] .agenda-hour:nth-child({})",
        hour - 6
    );
    let element = app.element(&css).await?;
    // Pointer moves to an element do not scroll it into view.
    let argument = serde_json::to_value(&element).map_err(|error| error.to_string())?;
    app.client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'})",
            vec![argument],
        )
        .await
        .map_err(|error| format!("scroll to {css}: {error}"))?;
    // From the hour's centre (half past) up to five past.
    let click = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element,
            duration: None,
            x: 0.0,
            y: -30.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    app.client
        .perform_actions(click)
        .await
        .map_err(|error| format!("click {css}: {error}"))?;
    let _ = app.client.release_actions().await;
    Ok(())
}
