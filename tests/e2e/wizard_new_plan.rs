//! "Escolher um novo plano" in the real window: a customer with no contract gets a ticket
//! by choosing one of the active plans in "Dados Atend." (its routing point is decided at
//! the installation), and the ticket's page names the plan.
use helpdesk_core::customer::CustomerSummary;
use helpdesk_core::customer_form::{CustomerForm, PersonKind};
use helpdesk_core::wizard::Step;
use helpdesk_demo::OPERATOR;
use helpdesk_e2e::wizard::{
    advance, at_step, choose_customer, error_at, log_in, no_error_at, seeded_database, skip_script,
};
use helpdesk_e2e::Harness;
use helpdesk_store::customer_edits::{self, SaveOutcome};
use helpdesk_store::{contracts, ticket_types, Store};
use uuid::Uuid;

/// A company with no contract, as the Clientes module would save it.
fn bakery() -> CustomerForm {
    CustomerForm {
        kind: PersonKind::Company,
        name: "Padaria Sem Contrato Ltda".into(),
        trade_name: "Pão Novo".into(),
        document: "12.ABC.345/01DE-35".into(),
        postal_code: "13010-000".into(),
        street: "Rua das Flores".into(),
        number: "10".into(),
        city: "Campinas".into(),
        state: "SP".into(),
        phones: vec!["(19) 3333-4444".into()],
        ..CustomerForm::default()
    }
    .validate()
    .expect("a valid customer")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_customer_with_no_contract_gets_a_ticket_for_a_new_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, _) = seeded_database(&dir).await;
    let (customer, plan, kind) = {
        let store = Store::open(&database).await.expect("store");
        let operator: Uuid = sqlx::query_scalar("SELECT id FROM users WHERE login = ?1")
            .bind(OPERATOR.login)
            .fetch_one(store.pool())
            .await
            .expect("the demo operator");
        let SaveOutcome::Saved(id) = customer_edits::save(&store, operator, &bakery())
            .await
            .expect("save")
        else {
            panic!("the customer is saved");
        };
        let plan = contracts::choices(&store)
            .await
            .expect("choices")
            .plans
            .pop()
            .expect("an active plan");
        let kind = ticket_types::list(&store)
            .await
            .expect("ticket types")
            .into_iter()
            .find(|kind| kind.is_assignable())
            .expect("a ticket type");
        store.close().await;
        let customer = CustomerSummary {
            id,
            code: String::new(),
            name: bakery().name,
            document: String::new(),
            logins: Vec::new(),
            emails: Vec::new(),
            phones: Vec::new(),
            city: String::new(),
        };
        (customer, plan, kind)
    };
    let saved = std::sync::Mutex::new(String::new());

    let app = Harness::start("wizard_new_plan", &database).await;
    app.run(async |app: &mut Harness| {
        log_in(app).await?;
        app.click("button#novo-atendimento").await?;
        app.check("input[name=\"origem\"][value=\"Phone\"]").await?;
        advance(app).await?;
        at_step(app, Step::FindCustomer).await?;
        choose_customer(app, &customer).await?;
        advance(app).await?;
        at_step(app, Step::CustomerData).await?;
        advance(app).await?;

        // Dados Atend.: no contract to choose, the active plans offered instead.
        at_step(app, Step::TicketData).await?;
        app.text_at("#sem-contrato", "Nenhum plano contratado")
            .await?;
        app.fill("textarea#problema", "Quer contratar internet para a loja.")
            .await?;
        advance(app).await?;
        error_at(app, "plano", "Escolha o plano do atendimento.").await?;
        app.select("select#novo-plano", &plan.id.to_string())
            .await?;
        app.text_at("#novo-plano-nome", &plan.name).await?;
        app.text_at(
            "#ponto-a-definir",
            "Ponto de Roteamento: a definir na instalação",
        )
        .await?;
        no_error_at(app, "plano").await?;
        app.screenshot("dados-atend-novo-plano").await;
        advance(app).await?;

        skip_script(
            app,
            "Plano escolhido com o cliente; instalação a agendar.",
            &kind.id.to_string(),
        )
        .await?;
        let header = app.text_at("#protocolo", "Protocolo ").await?;
        let protocol = header.trim_start_matches("Protocolo ").to_owned();
        app.click("button#salvar-atendimento").await?;
        app.text_at("#atendimento-salvo", "Atendimento salvo")
            .await?;
        *saved.lock().expect("lock") = protocol.clone();
        app.click("button#concluir").await?;

        // Its page names the plan chosen.
        app.fill("input#consultar-protocolo", &format!("{protocol}\u{E007}"))
            .await?;
        app.text_at("#ticket-encontrado", &protocol).await?;
        app.click("button#abrir-atendimento").await?;
        app.text_at("#atendimento-plano", &format!("{} (novo plano)", plan.name))
            .await?;
        app.screenshot("atendimento-novo-plano").await;
        Ok(())
    })
    .await;

    // In the database: the new plan, no contract.
    let protocol: helpdesk_core::protocol::Protocol = saved
        .lock()
        .expect("lock")
        .parse()
        .expect("the protocol shown");
    let store = Store::open(&database).await.expect("store");
    let (contract, new_plan): (Option<Uuid>, Option<Uuid>) =
        sqlx::query_as("SELECT customer_plan_id, new_plan_id FROM tickets WHERE protocol = ?1")
            .bind(protocol.digits())
            .fetch_one(store.pool())
            .await
            .expect("the ticket");
    assert_eq!((contract, new_plan), (None, Some(plan.id)));
}
