//! The wizard's draft survives the app being killed mid-ticket: the next start offers to
//! continue exactly where it was, and "Cancelar" leaves nothing behind.
use helpdesk_core::protocol::Protocol;
use helpdesk_core::wizard::Step;
use helpdesk_demo::OPERATOR;
use helpdesk_e2e::wizard::{
    advance, at_step, choose_customer, draft_saved, log_in, seeded_database,
};
use helpdesk_e2e::{Harness, StepResult};
use helpdesk_store::{drafts, people, Store};

async fn saved_draft_step(database: &std::path::Path) -> Option<Step> {
    let store = Store::open(database)
        .await
        .expect("the database opens after the kill");
    let operator = people::authenticate(&store, OPERATOR.login, OPERATOR.password)
        .await
        .expect("authenticate")
        .expect("the operator");
    let draft = drafts::load(&store, operator.id).await.expect("load");
    store.close().await;
    draft.map(|saved| saved.draft.current())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_killed_app_offers_its_draft_on_the_next_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, writer) = seeded_database(&dir).await;
    let customer = writer.customer.clone();
    let plan = writer.record.plans[0].clone();
    let problem = "Sem sinal desde as 8h; já reiniciou a ONU.";

    let protocol = std::sync::Mutex::new(String::new());
    let app = Harness::start("wizard_draft_before_kill", &database).await;
    app.run(async |app: &mut Harness| -> StepResult {
        log_in(app).await?;
        app.click("button#novo-atendimento").await?;
        // The ticket's protocol number is given as the wizard opens.
        let shown = app.text_at("#protocolo", "Protocolo ").await?;
        let number = shown.trim_start_matches("Protocolo ").to_owned();
        number
            .parse::<Protocol>()
            .map_err(|error| format!("{number:?} is not a protocol: {error}"))?;
        *protocol.lock().expect("lock") = number;
        app.check("input[name=\"origem\"][value=\"Chat\"]").await?;
        advance(app).await?;
        choose_customer(app, &customer).await?;
        advance(app).await?;
        advance(app).await?;
        at_step(app, Step::TicketData).await?;
        app.check(&format!("input[name=\"plano\"][value=\"{}\"]", plan.id))
            .await?;
        app.fill("textarea#problema", problem).await?;
        draft_saved(app).await?;
        app.screenshot("before-kill").await;
        app.kill_app();
        Ok(())
    })
    .await;

    assert_eq!(saved_draft_step(&database).await, Some(Step::TicketData));

    let app = Harness::start("wizard_draft_after_kill", &database).await;
    app.run(async |app: &mut Harness| -> StepResult {
        log_in(app).await?;
        app.text_at("#rascunho-pendente", "Atendimento em andamento")
            .await?;
        app.text_at("#rascunho-pendente", "Dados Atend.").await?;
        app.text_at("#rascunho-pendente", &customer.name).await?;
        app.text_at("#rascunho-pendente", "Chat").await?;
        let number = protocol.lock().expect("lock").clone();
        app.text_at("#rascunho-pendente", &number).await?;
        app.screenshot("draft-offered").await;
        app.click("button#continuar-rascunho").await?;

        at_step(app, Step::TicketData).await?;
        app.text_at("#protocolo", &number).await?; // the same number, not a new one
        let typed = app.value("textarea#problema").await?;
        if typed != problem {
            return Err(format!("the problem should be {problem:?}, is {typed:?}"));
        }
        app.element(&format!(
            "input[name=\"plano\"][value=\"{}\"]:checked",
            plan.id
        ))
        .await?;
        app.text_at("#ponto-nome", &plan.routing_point.name).await?;
        app.element("nav#wizard-steps li.done[data-step=\"FindCustomer\"]")
            .await?;
        app.click("nav#wizard-steps li[data-step=\"FindCustomer\"] button")
            .await?;
        app.text_at("#cliente-selecionado", &customer.name).await?;
        app.screenshot("draft-continued").await;

        // "Cancelar" asks, then drops the draft: the start panel offers a new ticket.
        app.click("button#cancelar").await?;
        app.click("button#confirmar-cancelamento").await?;
        app.element("button#novo-atendimento").await?;
        app.gone("#rascunho-pendente").await?;
        Ok(())
    })
    .await;

    assert_eq!(saved_draft_step(&database).await, None);
}
