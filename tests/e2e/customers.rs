//! "Clientes" in the real window. On the demo, the administrator creates a company with an
//! alphanumeric CNPJ (then edits it: the change shows in "Alterações") and a person whose
//! CPF is masked as it is typed (a wrong CPF first: refused at its field, nothing typed
//! lost), adds a contract and a contact to the company, edits the contact and removes it,
//! opens a demo customer's ticket from its page, and finds both new customers in "Clientes"
//! and in the wizard's "Localizar Cliente". From an empty database, "Clientes" starts with
//! no customer, one is created, and the contract form, with no plan in the catalog, says
//! where to register one.
use helpdesk_core::ticket::TicketFilter;
use helpdesk_demo::ADMIN;
use helpdesk_e2e::customers::{
    choose_nth, click_in_view, new_customer, open_customers, save_customer, search_customers,
    type_masked,
};
use helpdesk_e2e::demo::desk_with_tickets;
use helpdesk_e2e::setup::{create_provider, sign_in, Provider};
use helpdesk_e2e::wizard::{advance, error_at};
use helpdesk_e2e::{Harness, StepResult};
use helpdesk_store::tickets;

const COMPANY: &str = "Alfa Conexões Ltda";
const TRADE_NAME: &str = "Alfa Net";
const TRADE_NAME_EDITED: &str = "Alfa Net Fibra";
/// The Receita Federal's example of an alphanumeric CNPJ.
const CNPJ: &str = "12.ABC.345/01DE-35";
const LOGIN: &str = "alfa.conexoes";
const CONTACT: &str = "Beatriz Lima";
const CONTACT_EDITED: &str = "Beatriz Lima Souza";
const PERSON: &str = "João Pereira da Silva";
/// A CPF whose check digits are wrong, and a valid one, typed bare and shown masked.
const BAD_CPF: (&str, &str) = ("12345678900", "123.456.789-00");
const CPF: (&str, &str) = ("52998224725", "529.982.247-25");

/// The company, typed into "Novo cliente": "Razão social" and "Nome fantasia" appear for a
/// company; CEP and phone are masked as they are typed.
async fn company(app: &mut Harness) -> StepResult {
    open_customers(app).await?;
    new_customer(app).await?;
    app.text_at("label[for=\"cliente-nome\"]", "Nome").await?;
    app.gone("input#cliente-nome_fantasia").await?;
    app.click("input#cliente-tipo-juridica").await?;
    app.text_at("label[for=\"cliente-nome\"]", "Razão social")
        .await?;
    app.text_at("label[for=\"cliente-documento\"]", "CNPJ")
        .await?;
    app.fill("input#cliente-nome", COMPANY).await?;
    app.fill("input#cliente-nome_fantasia", TRADE_NAME).await?;
    type_masked(app, "input#cliente-documento", CNPJ, CNPJ).await?;
    type_masked(app, "input#cliente-cep", "13010000", "13010-000").await?;
    app.fill("input#cliente-logradouro", "Rua das Flores")
        .await?;
    app.fill("input#cliente-numero", "120").await?;
    app.fill("input#cliente-bairro", "Centro").await?;
    app.fill("input#cliente-cidade", "Campinas").await?;
    app.select("select#cliente-uf", "SP").await?;
    click_in_view(app, "button#cliente-emails-adicionar").await?;
    app.fill("input#cliente-emails-0", "contato@alfanet.com.br")
        .await?;
    click_in_view(app, "button#cliente-telefones-adicionar").await?;
    type_masked(
        app,
        "input#cliente-telefones-0",
        "19987654321",
        "(19) 98765-4321",
    )
    .await?;
    app.screenshot("empresa-formulario").await;
    save_customer(app, COMPANY).await?;
    app.text_at("#cliente-dado-documento", CNPJ).await?;
    app.text_at("#cliente-dado-fantasia", TRADE_NAME).await?;
    app.text_at("#cliente-dado-tipo", "Pessoa jurídica").await?;
    app.text_at("#cliente-dado-telefones", "(19) 98765-4321")
        .await?;
    app.text_at("#alteracoes-cliente", ADMIN.name).await?;

    // "Editar" starts from what is stored, the CNPJ masked.
    click_in_view(app, "button#cliente-editar").await?;
    app.text_at("form#cliente-form h2", "Editar cliente")
        .await?;
    app.expect_value("input#cliente-documento", CNPJ).await?;
    app.expect_value("select#cliente-uf", "SP").await?;
    app.fill("input#cliente-nome_fantasia", TRADE_NAME_EDITED)
        .await?;
    click_in_view(app, "button#cliente-salvar").await?;
    app.text_at("#cliente-dado-fantasia", TRADE_NAME_EDITED)
        .await?;
    app.text_at("#alteracoes-cliente", TRADE_NAME_EDITED)
        .await?;
    Ok(())
}

/// A contract (the demo's first plan and routing point) and a contact, which is edited
/// and then removed.
async fn contract_and_contact(app: &mut Harness) -> StepResult {
    click_in_view(app, "button#cliente-novo-contrato").await?;
    let plan = choose_nth(app, "select#contrato-plano", 1).await?;
    choose_nth(app, "select#contrato-ponto", 1).await?;
    app.fill("input#contrato-login", LOGIN).await?;
    helpdesk_e2e::wizard::paste(app, "input#contrato-instalado", "2026-03-10").await?;
    app.screenshot("contrato-formulario").await;
    click_in_view(app, "button#contrato-salvar").await?;
    let row = format!("table#contratos-cliente tr[data-login=\"{LOGIN}\"]");
    let plan_name = plan.split(" (").next().unwrap_or(&plan).to_owned();
    app.text_at(&row, &plan_name).await?;
    app.text_at(&row, "Ativo").await?;
    app.text_at(&row, "10/03/2026").await?;

    click_in_view(app, "button#cliente-novo-contato").await?;
    app.element("#novo-contato").await?;
    app.fill("input#contato-nome", CONTACT).await?;
    app.fill("input#contato-telefone", "19912345678").await?;
    choose_nth(app, "select#contato-funcao", 2).await?;
    app.click("button#salvar-contato").await?;
    app.gone("#novo-contato").await?;
    app.text_at("table#contatos-cliente", CONTACT).await?;

    click_in_view(app, "table#contatos-cliente button.contato-editar").await?;
    app.expect_value("input#editar-contato-nome", CONTACT)
        .await?;
    // A contact with neither phone nor e-mail is refused at the phone, the rest kept.
    app.fill("input#editar-contato-telefone", "").await?;
    app.click("button#editar-contato-salvar").await?;
    error_at(app, "telefone", "Informe um telefone ou um e-mail.").await?;
    app.fill("input#editar-contato-telefone", "19912345678")
        .await?;
    app.fill("input#editar-contato-nome", CONTACT_EDITED)
        .await?;
    app.click("button#editar-contato-salvar").await?;
    app.gone("#editar-contato").await?;
    app.text_at("table#contatos-cliente", CONTACT_EDITED)
        .await?;
    app.screenshot("cliente-pagina").await;

    click_in_view(app, "table#contatos-cliente button.contato-remover").await?;
    app.click("button#contato-remover-nao").await?;
    click_in_view(app, "table#contatos-cliente button.contato-remover").await?;
    app.click("button#contato-remover-sim").await?;
    app.text_at("#cliente-contatos", "Nenhum contato cadastrado.")
        .await?;
    app.click("button#cliente-voltar").await?;
    app.element("main#clientes-pagina").await?;
    Ok(())
}

/// The person: the CPF is masked digit by digit; a wrong one is refused at its field with
/// everything typed kept.
async fn person(app: &mut Harness) -> StepResult {
    new_customer(app).await?;
    app.fill("input#cliente-nome", PERSON).await?;
    type_masked(app, "input#cliente-documento", BAD_CPF.0, BAD_CPF.1).await?;
    app.fill("input#cliente-logradouro", "Rua Barão de Jundiaí")
        .await?;
    app.fill("input#cliente-cidade", "Jundiaí").await?;
    app.select("select#cliente-uf", "SP").await?;
    click_in_view(app, "button#cliente-salvar").await?;
    error_at(app, "documento", "CPF inválido").await?;
    app.screenshot("cpf-invalido").await;
    app.expect_value("input#cliente-nome", PERSON).await?;
    app.expect_value("input#cliente-cidade", "Jundiaí").await?;
    type_masked(app, "input#cliente-documento", CPF.0, CPF.1).await?;
    save_customer(app, PERSON).await?;
    app.text_at("#cliente-dado-documento", CPF.1).await?;
    app.text_at("#cliente-dado-tipo", "Pessoa física").await?;
    app.click("button#cliente-voltar").await?;
    Ok(())
}

/// Both are found in "Clientes" (by name, and by the CNPJ as typed bare), and a row opens
/// the customer's page.
async fn found_in_clientes(app: &mut Harness) -> StepResult {
    app.element("main#clientes-pagina").await?;
    search_customers(app, "Name", "Alfa", COMPANY).await?;
    search_customers(app, "Document", "12ABC34501DE35", COMPANY).await?;
    search_customers(app, "Name", "João Pereira", PERSON).await?;
    app.click("table#clientes tbody tr td:nth-child(2)").await?;
    app.text_at("h1#cliente-titulo", PERSON).await?;
    app.click("button#cliente-voltar").await?;
    // The search is kept while a customer is open.
    app.expect_value("input#procurar", "João Pereira").await?;
    Ok(())
}

/// A demo customer's page lists their tickets; one opens its page, whose "Voltar" comes
/// back to the customer.
async fn customer_tickets(app: &mut Harness, code: &str, protocol: &str) -> StepResult {
    app.select("select#condicao", "Equals").await?;
    search_customers(app, "Code", code, code).await?;
    app.press("table#clientes", "\u{E015}\u{E007}").await?;
    let row = format!("table#atendimentos-cliente tr[data-protocol=\"{protocol}\"]");
    app.element(&row).await?;
    click_in_view(app, &format!("{row} button.abrir")).await?;
    app.text_at("main#atendimento", protocol).await?;
    app.click("button#voltar-lista").await?;
    app.element(&row).await?;
    app.click("button#cliente-voltar").await?;
    app.click("button#clientes-voltar").await?;
    Ok(())
}

/// "Localizar Cliente" in the wizard finds both.
async fn found_in_wizard(app: &mut Harness) -> StepResult {
    app.click("button#novo-atendimento").await?;
    app.check("input[name=\"origem\"][value=\"Phone\"]").await?;
    advance(app).await?;
    search_customers(app, "Name", COMPANY, COMPANY).await?;
    search_customers(app, "Document", CPF.1, PERSON).await?;
    app.screenshot("localizar-cliente").await;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn customers_are_created_edited_and_found_in_the_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, store) = desk_with_tickets(&dir).await;
    let ticket = tickets::list(&store, &TicketFilter::default())
        .await
        .expect("tickets")
        .into_iter()
        .next()
        .expect("the demo has tickets");
    store.close().await;
    let (code, protocol) = (ticket.customer_code, ticket.protocol.to_string());

    let app = Harness::start("customers", &database).await;
    app.run(async |app: &mut Harness| {
        sign_in(app, ADMIN.login, ADMIN.password).await?;
        app.text_at("#operator-name", ADMIN.name).await?;
        company(app).await?;
        contract_and_contact(app).await?;
        person(app).await?;
        found_in_clientes(app).await?;
        customer_tickets(app, &code, &protocol).await?;
        found_in_wizard(app).await
    })
    .await;
}

const PROVIDER: Provider = Provider {
    name: "Conecta Vale Telecom",
    admin_name: "Marina Duarte",
    login: "marina.admin",
    email: "marina@conectavale.com.br",
    password: "Vento-Sul-Serra-42",
};

#[tokio::test(flavor = "multi_thread")]
async fn an_empty_database_starts_clientes_and_asks_for_a_plan_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let database = dir.path().join("clientes.db");
    let app = Harness::start("customers_first_run", &database).await;
    app.run(async |app: &mut Harness| {
        create_provider(app, &PROVIDER).await?;
        open_customers(app).await?;
        app.fill("input#procurar", "a\u{E007}").await?;
        app.text_at("#resultado-contagem", "Nenhum cliente encontrado.")
            .await?;
        new_customer(app).await?;
        app.fill("input#cliente-nome", PERSON).await?;
        type_masked(app, "input#cliente-documento", CPF.0, CPF.1).await?;
        app.fill("input#cliente-logradouro", "Rua Barão de Jundiaí")
            .await?;
        app.fill("input#cliente-cidade", "Jundiaí").await?;
        app.select("select#cliente-uf", "SP").await?;
        save_customer(app, PERSON).await?;
        app.text_at("#cliente-contratos", "Nenhum contrato.")
            .await?;
        click_in_view(app, "button#cliente-novo-contrato").await?;
        app.text_at(
            "#contrato-sem-plano",
            "Cadastre um plano em Cadastros → Planos",
        )
        .await?;
        app.screenshot("sem-plano").await;
        app.click("button#contrato-cancelar").await?;
        app.element("section#cliente-contratos").await?;
        Ok(())
    })
    .await;
}
