//! "Novo Atendimento" by phone, in the real window: Origem goes straight to Localizar
//! Cliente, the keyboard does the whole walk, and a new origin forgets a route it no
//! longer takes while keeping what was chosen.
use helpdesk_core::wizard::Step;
use helpdesk_e2e::wizard::{
    advance, at_step, choose_customer, error_at, log_in, no_error_at, seeded_database,
};
use helpdesk_e2e::{Harness, StepResult};

const ENTER: &str = "\u{E007}";

async fn step_closed(app: &Harness, step: Step) -> StepResult {
    app.element(&format!(
        "nav#wizard-steps li[data-step=\"{step:?}\"] button[disabled]"
    ))
    .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_phone_call_goes_straight_to_the_customer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, writer) = seeded_database(&dir).await;
    let customer = &writer.customer;
    let app = Harness::start("wizard_other_origin", &database).await;
    app.run(async |app: &mut Harness| {
        log_in(app).await?;
        app.click("button#novo-atendimento").await?;
        app.check("input[name=\"origem\"][value=\"Phone\"]").await?;
        app.press("input[name=\"origem\"][value=\"Phone\"]", ENTER)
            .await?;

        // Localizar Cliente at once; the message steps are not on this route.
        at_step(app, Step::FindCustomer).await?;
        step_closed(app, Step::Filters).await?;
        step_closed(app, Step::FindMessage).await?;
        let focused = app.focused_id().await?;
        if focused != "procurar" {
            return Err(format!(
                "the focus should be in #procurar, is in #{focused}"
            ));
        }
        app.press("input#procurar", ENTER).await?; // Enter searches
        error_at(app, "text", "Informe o que procurar.").await?;
        advance(app).await?;
        error_at(app, "cliente", "Selecione um cliente para avançar.").await?;
        app.screenshot("localizar-cliente-vazio").await;

        // Arrows to the customer's row, Enter chooses it, Enter again goes on.
        choose_customer(app, customer).await?;
        no_error_at(app, "cliente").await?;
        app.screenshot("localizar-cliente").await;
        app.press("table#clientes", ENTER).await?;

        at_step(app, Step::CustomerData).await?;
        app.text_at("#cliente-nome", &customer.name).await?;
        app.screenshot("dados-cliente").await;
        advance(app).await?;

        // Dados Atend.: no message, so no problem written for the operator.
        at_step(app, Step::TicketData).await?;
        let problem = app.value("textarea#problema").await?;
        if !problem.is_empty() {
            return Err(format!("the problem should start empty, holds {problem:?}"));
        }
        advance(app).await?;
        error_at(app, "plano", "Escolha o plano do atendimento.").await?;
        error_at(
            app,
            "problema",
            "Preencha o problema descrito pelo cliente.",
        )
        .await?;
        let plan = writer.record.plans.last().expect("a plan");
        app.check(&format!("input[name=\"plano\"][value=\"{}\"]", plan.id))
            .await?;
        app.text_at("#ponto-nome", &plan.routing_point.name).await?;
        app.fill(
            "textarea#problema",
            "Cliente liga dizendo que a internet está lenta à noite.",
        )
        .await?;
        app.screenshot("dados-atend").await;

        // Back at Origem, "Suporte" would take another route: the steps ahead are closed,
        // and choosing "Telefone" again finds the customer still chosen.
        app.click("nav#wizard-steps li[data-step=\"Origin\"] button")
            .await?;
        at_step(app, Step::Origin).await?;
        app.check("input[name=\"origem\"][value=\"Support\"]")
            .await?;
        step_closed(app, Step::FindCustomer).await?;
        step_closed(app, Step::TicketData).await?;
        app.check("input[name=\"origem\"][value=\"Phone\"]").await?;
        advance(app).await?;
        at_step(app, Step::FindCustomer).await?;
        app.text_at("#cliente-selecionado", &customer.name).await?;
        advance(app).await?;
        advance(app).await?;
        at_step(app, Step::TicketData).await?;
        app.text_at("#ponto-nome", &plan.routing_point.name).await?;
        let problem = app.value("textarea#problema").await?;
        if !problem.contains("lenta à noite") {
            return Err(format!("the problem typed is kept, holds {problem:?}"));
        }
        advance(app).await?;
        at_step(app, Step::Script).await?;
        Ok(())
    })
    .await;
}
