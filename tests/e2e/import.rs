//! "Importar clientes" in the real window, from an empty database: the provider's
//! administrator picks the plans, routing points, customers and contracts files exported
//! by the old ERP (the customers' in Windows-1252, one row with a document in the wrong
//! column), simulates, reads the report, imports, saves the report as CSV, fixes the row
//! and imports again: the fixed customer comes in, nothing else changes.
use std::path::Path;

use helpdesk_e2e::setup::{create_provider, Provider};
use helpdesk_e2e::{Harness, StepResult};
use helpdesk_store::test_keyring::SecretService;
use helpdesk_store::Store;

/// The pickers' titles, as the shell opens them.
const PICK: &str = "Anexar arquivo";
const SAVE: &str = "Salvar como";

const PROVIDER: Provider = Provider {
    name: "Vale Fibra Telecom",
    admin_name: "Helena Prado",
    login: "helena.admin",
    email: "helena@valefibra.com.br",
    password: "Rio-Doce-Manso-31",
};

const PLANS: &str = "Plano;Tecnologia;Download;Upload;Valor\nFibra 300;FTTH;300;150;R$ 99,90\n";
const POINTS: &str =
    "Nome;Tipo;Endereço;IP;Situação\nPOP Centro;POP;Av. Brasil, 900;10.20.0.1;Ativo\n";
/// Row 3 (line 4) has the name and the CPF swapped.
const CUSTOMERS: &str = "Código;Razão Social;CPF/CNPJ;Endereço;Cidade;UF\n\
    1;João da Conceição;529.982.247-25;Rua das Flores, 10;Campinas;SP\n\
    2;Padaria Pão Quente Ltda;11.222.333/0001-81;Av. Rebouças, 300;Sumaré;SP\n\
    3;390.533.447-05;Maria Antônia;Rua Sete, 7;Campinas;SP\n";
const CONTRACTS: &str = "Código do cliente;Login;Plano;POP;Instalação;Situação\n\
    1;joao.conceicao;Fibra 300;POP Centro;10/03/2025;Ativo\n\
    2;padaria.paoquente;Fibra 300;POP Centro;02/01/2024;Ativo\n";

/// "Escolher arquivo…" of the card `stem`, answered with `path`; its columns are shown.
async fn pick(app: &Harness, stem: &str, path: &Path) -> StepResult {
    app.click(&format!("button#importar-escolher-{stem}"))
        .await?;
    app.answer_file_picker(PICK, path).await?;
    app.element(&format!("table#importar-{stem}-colunas"))
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_base_with_a_bad_row_is_simulated_imported_fixed_and_imported_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let keyring = SecretService::start(dir.path()).expect("a Secret Service on a private bus");
    let bus = [("DBUS_SESSION_BUS_ADDRESS", keyring.address())];
    let files = dir.path().join("exportacao");
    std::fs::create_dir_all(&files).expect("folder");
    let write = |name: &str, bytes: &[u8]| {
        let path = files.join(name);
        std::fs::write(&path, bytes).expect("file");
        path
    };
    let plans = write("planos.csv", PLANS.as_bytes());
    let points = write("pops.csv", POINTS.as_bytes());
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(CUSTOMERS);
    let customers = write("clientes.csv", &latin);
    let contracts = write("contratos.csv", CONTRACTS.as_bytes());
    let report = files.join("relatorio.csv");
    let database = dir.path().join("importacao.db");

    let app = Harness::start_with("import", &database, &bus).await;
    app.run(async |app: &mut Harness| {
        create_provider(app, &PROVIDER).await?;

        app.click("button#importar-admin").await?;
        app.element("section#importar-clientes").await?;
        pick(app, "planos", &plans).await?;
        pick(app, "pontos", &points).await?;
        pick(app, "clientes", &customers).await?;
        app.text_at("#importar-arquivo-clientes", "Windows-1252")
            .await?;
        app.text_at("table#importar-clientes-colunas", "João da Conceição")
            .await?;
        pick(app, "contratos", &contracts).await?;
        app.screenshot("arquivos").await;

        // The dry run writes nothing and says which row, column and why.
        app.click("button#importar-simular").await?;
        app.text_at("table#importar-relatorio", "CPF/CNPJ").await?;
        app.text_at("table#importar-relatorio", "não é um CPF nem um CNPJ")
            .await?;
        app.text_at(
            "#importar-progresso-clientes",
            "3 linhas lidas, 2 aceitas, 1 recusada",
        )
        .await?;
        app.screenshot("simulacao").await;

        // The import takes every good row and reports the bad one.
        app.click("button#importar-executar").await?;
        app.text_at("#importar-progresso-contratos", "2 incluídos")
            .await?;
        app.text_at(
            "#importar-progresso-clientes",
            "2 incluídos, 0 alterados, 0 sem mudança, 1 recusado",
        )
        .await?;
        app.text_at("table#importar-relatorio", "clientes.csv")
            .await?;
        app.screenshot("importacao").await;
        app.click("button#importar-salvar-relatorio").await?;
        app.answer_file_picker(SAVE, &report).await?;
        app.text_at("#importar-aviso", "Relatório salvo.").await?;
        let saved = std::fs::read_to_string(&report).map_err(|error| error.to_string())?;
        if !saved.contains("clientes.csv;4;CPF/CNPJ;") {
            return Err(format!(
                "the saved report should name line 4's CPF/CNPJ: {saved}"
            ));
        }

        // The row fixed, the same files again: only the fixed customer is new.
        let fixed = CUSTOMERS.replace(
            "3;390.533.447-05;Maria Antônia;",
            "3;Maria Antônia;390.533.447-05;",
        );
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(&fixed);
        std::fs::write(&customers, &latin).map_err(|error| error.to_string())?;
        pick(app, "clientes", &customers).await?;
        app.click("button#importar-executar").await?;
        app.text_at(
            "#importar-progresso-clientes",
            "1 incluído, 0 alterados, 2 sem mudança, 0 recusados",
        )
        .await?;
        app.text_at(
            "#importar-progresso-contratos",
            "0 incluídos, 0 alterados, 2 sem mudança",
        )
        .await?;
        app.element("#importar-sem-recusas").await?;
        app.screenshot("corrigido").await;
        Ok(())
    })
    .await;

    let store = Store::open(&database).await.expect("store");
    let names: Vec<String> = sqlx::query_scalar("SELECT name FROM customers ORDER BY code")
        .fetch_all(store.pool())
        .await
        .expect("customers");
    assert_eq!(
        names,
        [
            "João da Conceição",
            "Padaria Pão Quente Ltda",
            "Maria Antônia"
        ]
    );
    store.close().await;
}
