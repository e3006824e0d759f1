//! A provider starts for real, in the real window: a fresh database (no demo) opens
//! "Primeira configuração"; the provider and its administrator are created; the
//! administrator creates a role, a team, a user (with that role and team), a technician, a
//! ticket type going to that role with an SLA, an O.S. type of 90 minutes, an O.S. status,
//! a plan and a routing point, registers the desktop with a real sync server, and signs
//! out. The customer (none can be created in the app) is then written by the test with the
//! plan and routing point just created. The new user signs in, must change the password,
//! and opens a ticket of that type with a work order of that type for that technician: a
//! click on an empty slot of the agenda proposes 90 minutes; the queue, "Ordens de
//! Serviço" and "Relatórios" then show that ticket and its visit. A second desktop joins the
//! server from its own first-run screen with the token and signs in as that user.
use std::net::SocketAddr;
use std::path::Path;

use chrono::Local;
use helpdesk_core::customer::{CustomerSearch, CustomerSummary, SearchCondition, SearchField};
use helpdesk_core::date::format_date;
use helpdesk_core::protocol::Protocol;
use helpdesk_core::wizard::Step;
use helpdesk_e2e::setup::{
    choose, create_entry, fill_new_user, fill_provider, first_run_screen, save_provider, sign_in,
    NewUser, Provider,
};
use helpdesk_e2e::status_bar::status_says;
use helpdesk_e2e::wizard::{advance, at_step, choose_customer, click_agenda_hour, skip_script};
use helpdesk_e2e::{Harness, StepResult};
use helpdesk_server::test_postgres::PgServer;
use helpdesk_server::{Config, RunningServer};
use helpdesk_store::customers::{NewCustomer, NewCustomerPlan};
use helpdesk_store::test_keyring::SecretService;
use helpdesk_store::{customer_records, customers, Store};
use uuid::Uuid;

const TOKEN: &str = "token-do-provedor-e2e";
const ADMIN_LOGIN: &str = "marina.admin";
const ADMIN_PASSWORD: &str = "Vento-Sul-Serra-42";
const USER_NAME: &str = "Caio Nogueira";
const USER_LOGIN: &str = "caio.nogueira";
const FIRST_PASSWORD: &str = "Primeira-Senha-77";
const NEW_PASSWORD: &str = "Maresia-Calma-2026";
const ROLE: &str = "Suporte Nível 2";
const TEAM: &str = "Equipe Norte";
const TECHNICIAN: &str = "Rafael Campos";
const TICKET_TYPE: &str = "Sem conexão na fibra";
const WORK_ORDER_TYPE: &str = "Reparo de fibra";
const PLAN: &str = "Fibra 500";
const ROUTING_POINT: &str = "POP Centro";
const CUSTOMER: &str = "Padaria Boa Esperança";

async fn serve(database_url: &str) -> RunningServer {
    let config = Config {
        listen: "127.0.0.1:0".parse::<SocketAddr>().expect("address"),
        ..Config::local(database_url, TOKEN)
    };
    helpdesk_server::spawn(config)
        .await
        .expect("the sync server starts")
}

/// The id of the row named `name` in `table` (a catalog the administrator just filled).
async fn id_named(store: &Store, table: &str, name: &str) -> Uuid {
    sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE name = ?1"))
        .bind(name)
        .fetch_one(store.pool())
        .await
        .unwrap_or_else(|error| panic!("{name} in {table}: {error}"))
}

/// The customer the new user serves, with the plan and routing point the administrator
/// created, written while the app runs (as an import from the provider's ERP would).
async fn add_customer(database: &Path) -> (CustomerSummary, Uuid) {
    let store = Store::open(database).await.expect("store");
    let plan_id = id_named(&store, "plans", PLAN).await;
    let routing_point_id = id_named(&store, "routing_points", ROUTING_POINT).await;
    let customer = NewCustomer {
        code: "1001".into(),
        name: CUSTOMER.into(),
        document: "11222333000181".into(),
        street: "Rua das Flores".into(),
        number: "120".into(),
        district: "Centro".into(),
        city: "Campinas".into(),
        state: "SP".into(),
        postal_code: "13010000".into(),
        emails: vec!["contato@padariaboaesperanca.com.br".into()],
        phones: vec!["19987654321".into()],
        plans: vec![NewCustomerPlan {
            plan_id,
            routing_point_id,
            login: "padaria.boaesperanca".into(),
            status: "Ativo".into(),
            installed_on: "2025-03-10".into(),
        }],
    };
    let id = customers::insert_many(&store, &[customer])
        .await
        .expect("the customer")[0];
    let term = CustomerSearch {
        text: CUSTOMER.into(),
        field: SearchField::Name,
        condition: SearchCondition::Equals,
        limit: 10,
    }
    .validate()
    .expect("a valid search");
    let summary = customers::search(&store, &term)
        .await
        .expect("search")
        .into_iter()
        .find(|found| found.id == id)
        .expect("the customer is found");
    let record = customer_records::record(&store, id)
        .await
        .expect("record")
        .expect("the customer's record");
    store.close().await;
    (summary, record.plans[0].id)
}

/// The provider and its administrator.
const PROVIDER: Provider = Provider {
    name: "Conecta Vale Telecom",
    admin_name: "Marina Duarte",
    login: ADMIN_LOGIN,
    email: "marina@conectavale.com.br",
    password: ADMIN_PASSWORD,
};

/// "Primeira configuração" → "Criar provedor": the administrator is signed in.
async fn create_provider(app: &mut Harness) -> StepResult {
    first_run_screen(app).await?;
    app.screenshot("primeira-configuracao").await;
    app.click("button#primeira-criar").await?;
    // A confirmation that differs is refused at its field, and nothing typed is lost.
    fill_provider(app, &PROVIDER, "Outra-Senha-Qualquer").await?;
    app.click("button#criar-provedor-salvar").await?;
    app.element(".field-error[data-field=\"admin-senha-confirmacao\"]")
        .await?;
    if app.value("input#provedor-nome").await? != PROVIDER.name {
        return Err("a refused form should keep what was typed".into());
    }
    app.fill("input#admin-senha-confirmacao", ADMIN_PASSWORD)
        .await?;
    save_provider(app, &PROVIDER).await?;
    app.screenshot("administrador").await;
    Ok(())
}

/// "Cadastros" and "Usuários": everything the new user's ticket needs.
async fn fill_catalogs(app: &mut Harness) -> StepResult {
    app.click("button#cadastros-admin").await?;
    create_entry(app, "aba-cargos", ROLE, async |_| Ok(())).await?;
    create_entry(app, "aba-equipes", TEAM, async |_| Ok(())).await?;
    app.click("button#cadastros-voltar").await?;

    app.click("button#usuarios-admin").await?;
    let user = NewUser {
        name: USER_NAME,
        login: USER_LOGIN,
        email: "caio@conectavale.com.br",
        role: ROLE,
        team: Some(TEAM),
        password: FIRST_PASSWORD,
    };
    fill_new_user(app, &user).await?;
    app.click("button#usuario-salvar").await?;
    app.text_at(&format!("tr[data-login=\"{USER_LOGIN}\"]"), ROLE)
        .await?;
    app.fill("input#usuarios-busca", "nogueira").await?;
    app.text_at("table#usuarios-lista tbody", USER_NAME).await?;
    app.screenshot("usuarios").await;
    app.click("button#usuarios-voltar").await?;

    app.click("button#cadastros-admin").await?;
    create_entry(app, "aba-tecnicos", TECHNICIAN, async |app| {
        choose(app, "select#cadastro-equipe", TEAM).await?;
        app.fill("input#cadastro-telefone", "19991234567").await
    })
    .await?;
    create_entry(app, "aba-tipos-atendimento", TICKET_TYPE, async |app| {
        choose(app, "select#cadastro-destino", ROLE).await?;
        app.fill("input#cadastro-sla-horas", "4").await
    })
    .await?;
    create_entry(app, "aba-tipos-os", WORK_ORDER_TYPE, async |app| {
        app.fill("input#cadastro-duracao", "90").await
    })
    .await?;
    create_entry(app, "aba-status-os", "Agendada", async |_| Ok(())).await?;
    create_entry(app, "aba-planos", PLAN, async |app| {
        app.fill("input#cadastro-tecnologia", "FTTH").await?;
        app.fill("input#cadastro-download", "500").await?;
        app.fill("input#cadastro-upload", "250").await?;
        app.fill("input#cadastro-preco", "R$ 129,90").await
    })
    .await?;
    create_entry(app, "aba-pontos-roteamento", ROUTING_POINT, async |app| {
        app.fill("input#cadastro-tipo", "POP").await?;
        app.fill("input#cadastro-endereco", "Av. Brasil, 900")
            .await?;
        app.fill("input#cadastro-ip", "10.20.0.1").await?;
        app.fill("input#cadastro-situacao", "Ativo").await
    })
    .await?;
    // A name taken, in other case and without its accent, is refused at the name, and the
    // form keeps what was typed.
    app.click("button#aba-tipos-atendimento").await?;
    app.click("button#cadastro-novo").await?;
    app.fill("input#cadastro-nome", "SEM CONEXAO NA FIBRA")
        .await?;
    app.fill("input#cadastro-sla-horas", "8").await?;
    app.click("button#cadastro-salvar").await?;
    app.text_at(
        ".field-error[data-field=\"cadastro-nome\"]",
        "Já existe um tipo de atendimento com este nome.",
    )
    .await?;
    app.expect_value("input#cadastro-sla-horas", "8").await?;
    app.click("button#cadastro-cancelar").await?;
    app.screenshot("cadastros").await;
    app.click("button#cadastros-voltar").await
}

/// "Sincronização": the desktop registered as "Administração" and synced.
async fn register(app: &Harness, url: &str) -> StepResult {
    app.click("button#sincronizacao-admin").await?;
    app.fill("input#sync-servidor", url).await?;
    app.fill("input#sync-token", TOKEN).await?;
    app.fill("input#sync-nome", "Administração").await?;
    app.click("input#sync-perfil-administration").await?;
    app.click("button#sync-registrar").await?;
    app.text_at("#sync-servidor-atual", url).await?;
    status_says(app, "Sincronizado em", None).await?;
    app.click("button#sync-admin-voltar").await
}

/// The new user's first sign-in: the password must change first.
async fn first_sign_in(app: &mut Harness) -> StepResult {
    sign_in(app, USER_LOGIN, FIRST_PASSWORD).await?;
    app.element("main#trocar-senha-obrigatoria").await?;
    app.fill("input#senha-atual", FIRST_PASSWORD).await?;
    app.fill("input#senha-nova", NEW_PASSWORD).await?;
    app.fill("input#senha-confirmacao", NEW_PASSWORD).await?;
    app.screenshot("trocar-senha").await;
    app.click("button#trocar-senha-salvar").await?;
    app.text_at("#operator-name", USER_NAME).await?;
    Ok(())
}

/// A phone call of the new type for the customer, with a work order scheduled by a click
/// on the agenda, which proposes the type's 90 minutes.
async fn open_ticket(
    app: &mut Harness,
    customer: &CustomerSummary,
    customer_plan: Uuid,
    ids: &Ids,
) -> StepResult {
    app.click("button#novo-atendimento").await?;
    app.check("input[name=\"origem\"][value=\"Phone\"]").await?;
    advance(app).await?;
    choose_customer(app, customer).await?;
    advance(app).await?;
    advance(app).await?;
    app.check(&format!("input[name=\"plano\"][value=\"{customer_plan}\"]"))
        .await?;
    app.fill("textarea#problema", "Sem internet desde a manhã.")
        .await?;
    advance(app).await?;
    skip_script(
        app,
        "Luz LOS acesa; enviar técnico.",
        &ids.ticket_type.to_string(),
    )
    .await?;
    app.click("button#pedir-os").await?;
    at_step(app, Step::WorkOrder).await?;
    app.select("select#os-tecnico", &ids.technician.to_string())
        .await?;
    app.select("select#os-tipo", &ids.work_order_type.to_string())
        .await?;
    let tomorrow = format_date(Local::now().date_naive().succ_opt().expect("tomorrow"));
    app.fill("input#os-data", &tomorrow).await?;
    app.click("button#abrir-agenda").await?;
    app.element("#agenda-os section#agenda").await?;
    // Nothing is scheduled for the new technician: the slot is empty.
    click_agenda_hour(app, ids.technician, 10).await?;
    app.element("#agenda-selecao-barra").await?;
    app.click("button#agenda-agendar").await?;
    app.gone("#agenda-os").await?;
    app.text_at("#os-agendada", "das 10:00").await?;
    let (duration, end) = (
        app.value("input#os-duracao").await?,
        app.value("input#os-fim").await?,
    );
    if duration != "1:30" || end != "11:30" {
        return Err(format!(
            "the agenda should propose the type's 90 minutes, proposes {duration} (to {end})"
        ));
    }
    app.fill("textarea#os-descricao", "Trocar o conector da caixa.")
        .await?;
    app.screenshot("ordem-de-servico").await;
    app.click("button#salvar-atendimento").await?;
    app.text_at("#atendimento-salvo", "Atendimento salvo")
        .await?;
    app.click("button#concluir").await
}

/// The screens after the protocol, on what this provider has so far (one ticket, one
/// visit): the queue holds the ticket, destined to the user's role; "Ordens de Serviço"
/// lists its visit; "Relatórios" counts it.
async fn after_the_protocol(app: &mut Harness, database: &Path) -> StepResult {
    let store = Store::open(database).await.expect("store");
    let (stored,): (String,) = sqlx::query_as("SELECT protocol FROM tickets")
        .fetch_one(store.pool())
        .await
        .expect("the one ticket");
    store.close().await;
    let protocol = stored
        .parse::<Protocol>()
        .expect("a stored protocol")
        .to_string();
    app.element(&format!(
        "#fila-cargo button.queue-entry[data-protocol=\"{protocol}\"]"
    ))
    .await?;
    app.screenshot("fila").await;

    app.click("button#ordens-servico").await?;
    app.text_is("#ordens-servico-contagem", "1 ordem de serviço")
        .await?;
    app.text_at("#ordens-servico-lista", &protocol).await?;
    app.click("button#voltar-inicio").await?;

    app.click("button#relatorios").await?;
    app.select("#relatorio-tipo", "TicketsByOrigin").await?;
    app.click("button#gerar").await?;
    app.text_at("#relatorio-titulo", "Atendimentos por origem")
        .await?;
    let shown = app.text_at("#relatorio-total td", "").await?;
    if shown.trim() != "1" {
        return Err(format!(
            "the report should count the one ticket, shows {shown:?}"
        ));
    }
    app.screenshot("relatorio").await;
    app.click("button#voltar-inicio").await
}

/// The ids the wizard's selects take, read from the administrator's desktop.
struct Ids {
    ticket_type: Uuid,
    work_order_type: Uuid,
    technician: Uuid,
}

async fn read_ids(database: &Path) -> Ids {
    let store = Store::open(database).await.expect("store");
    let ids = Ids {
        ticket_type: id_named(&store, "ticket_types", TICKET_TYPE).await,
        work_order_type: id_named(&store, "work_order_types", WORK_ORDER_TYPE).await,
        technician: id_named(&store, "technicians", TECHNICIAN).await,
    };
    store.close().await;
    ids
}

#[tokio::test(flavor = "multi_thread")]
async fn a_provider_starts_from_an_empty_database_and_a_second_desktop_joins_it() {
    let postgres = PgServer::shared().expect("PostgreSQL starts (run scripts/setup.sh test)");
    let database_url = postgres.fresh_database().await.expect("a database");
    let server = serve(&database_url).await;
    let url = server.url();
    let dir = tempfile::tempdir().expect("temp dir");
    let keyring = SecretService::start(dir.path()).expect("a Secret Service on a private bus");
    let bus = [("DBUS_SESSION_BUS_ADDRESS", keyring.address())];

    let first = dir.path().join("administracao.db");
    let app = Harness::start_with("first_run", &first, &bus).await;
    app.run(async |app: &mut Harness| {
        create_provider(app).await?;
        fill_catalogs(app).await?;
        register(app, &url).await?;
        app.click("button#sair").await?;
        app.element("input#login").await?;

        let (customer, customer_plan) = add_customer(&first).await;
        let ids = read_ids(&first).await;
        first_sign_in(app).await?;
        open_ticket(app, &customer, customer_plan, &ids).await?;
        after_the_protocol(app, &first).await?;
        // What the user did (the new password too) goes to the server.
        let before = app
            .element("#sincronizacao")
            .await?
            .attr("data-last-sync")
            .await
            .map_err(|error| error.to_string())?;
        app.click("button#sincronizar-agora").await?;
        status_says(app, "Sincronizado em", before.as_deref()).await?;
        Ok(())
    })
    .await;

    // The ticket has the new type, and its visit the technician and the 90 minutes.
    let store = Store::open(&first).await.expect("store");
    let ids = read_ids(&first).await;
    let (ticket_type, technician, minutes): (Uuid, Uuid, i64) = sqlx::query_as(
        "SELECT t.ticket_type_id, w.technician_id, (w.ends_at - w.starts_at) / 60000
         FROM tickets t JOIN work_orders w ON w.ticket_id = t.id",
    )
    .fetch_one(store.pool())
    .await
    .expect("the ticket and its work order");
    assert_eq!(
        (ticket_type, technician, minutes),
        (ids.ticket_type, ids.technician, 90)
    );
    store.close().await;

    let second = dir.path().join("atendimento.db");
    let app = Harness::start_with("first_run_join", &second, &bus).await;
    app.run(async |app: &mut Harness| {
        app.element("main#primeira-configuracao").await?;
        app.click("button#primeira-entrar").await?;
        app.fill("input#entrar-servidor", &url).await?;
        app.fill("input#entrar-token", TOKEN).await?;
        app.fill("input#entrar-nome", "Atendimento 2").await?;
        app.click("input#entrar-perfil-service").await?;
        app.click("button#entrar-registrar").await?;
        // "Aguardando os usuários do servidor…" gives way to the sign-in once they arrive.
        app.element("input#login").await?;
        sign_in(app, USER_LOGIN, NEW_PASSWORD).await?;
        app.text_at("#operator-name", USER_NAME).await?;
        app.gone("button#usuarios-admin").await?;
        app.screenshot("segundo-computador").await;
        Ok(())
    })
    .await;
    server.shutdown().await.expect("server stopped");
}
