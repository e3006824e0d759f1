//! Importing CSV files into a real SQLite store: the encodings and shapes ERPs write, the
//! bad files operators pick, idempotence, updates by code and by document, cancel and
//! resume, and the export read back.
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use helpdesk_core::import::mapping::ColumnMapping;
use helpdesk_core::import::{ImportCounts, ImportKind, MatchCustomersBy, RejectedRow};
use helpdesk_import::read::inspect;
use helpdesk_import::run::{run_file, Ended};
use helpdesk_import::ImportError;
use helpdesk_store::catalog;
use helpdesk_store::customer_import::{self, ImportRun, RunFile, RunStatus};
use helpdesk_store::people::{self, NewUser};
use helpdesk_store::Store;
use tempfile::TempDir;
use uuid::Uuid;

struct Test {
    store: Store,
    user: Uuid,
    dir: TempDir,
}

async fn open() -> Test {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("helpdesk.db"))
        .await
        .expect("open store");
    let role = catalog::insert_role(&store, "Administrador", true)
        .await
        .expect("role");
    let user = people::insert_user(
        &store,
        &NewUser {
            login: "ana".into(),
            name: "Ana Souza".into(),
            email: "ana@provedor.com.br".into(),
            password: "suporte123".into(),
            role_id: role,
        },
    )
    .await
    .expect("user");
    Test { store, user, dir }
}

impl Test {
    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).expect("write file");
        path
    }

    /// Starts a run of the file with the suggested mapping.
    async fn start(
        &self,
        kind: ImportKind,
        path: &Path,
        by: MatchCustomersBy,
        dry: bool,
    ) -> ImportRun {
        let inspection = inspect(path).expect("inspect");
        let mapping = ColumnMapping::suggest(kind, &inspection.headers);
        mapping.check(kind, &inspection.headers).expect("mapping");
        let file = RunFile {
            name: path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned(),
            path: path.to_string_lossy().into_owned(),
            size: inspection.size,
            hash: inspection.hash.clone(),
        };
        customer_import::start(
            &self.store,
            kind,
            &file,
            by,
            &inspection.headers,
            &mapping,
            dry,
        )
        .await
        .expect("start")
    }

    async fn import(&self, kind: ImportKind, path: &Path, by: MatchCustomersBy) -> ImportRun {
        let mut run = self.start(kind, path, by, false).await;
        let ended = run_file(
            &self.store,
            self.user,
            &mut run,
            "2026-12-05",
            &AtomicBool::new(false),
            |_| {},
        )
        .await
        .expect("run");
        assert_eq!(ended, Ended::Done);
        run
    }

    async fn rejects(&self, run: &ImportRun) -> Vec<RejectedRow> {
        customer_import::rejects(&self.store, run.id, 100)
            .await
            .expect("rejects")
    }

    async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql)
            .fetch_one(self.store.pool())
            .await
            .expect("count")
    }

    async fn network(&self) {
        let plans = self.file(
            "planos.csv",
            "Plano;Tecnologia;Download;Upload;Valor\nFibra 300;Fibra;300;150;R$ 99,90\nRádio 10;Rádio;10;2;59,90\n"
                .as_bytes(),
        );
        let run = self
            .import(ImportKind::Plans, &plans, MatchCustomersBy::Code)
            .await;
        assert_eq!(run.counts.created, 2, "{:?}", self.rejects(&run).await);
        let points = self.file(
            "pops.csv",
            "Nome,Tipo,Endereço,IP,Situação\nOLT Centro,OLT,\"Rua Central, 100\",10.0.0.1,Operacional\n"
                .as_bytes(),
        );
        let run = self
            .import(ImportKind::RoutingPoints, &points, MatchCustomersBy::Code)
            .await;
        assert_eq!(run.counts.created, 1, "{:?}", self.rejects(&run).await);
    }
}

/// A valid CPF from its first nine digits.
fn cpf(base: u64) -> String {
    let mut digits: Vec<u32> = format!("{:09}", base % 1_000_000_000)
        .chars()
        .filter_map(|c| c.to_digit(10))
        .collect();
    for length in [9, 10] {
        let sum: u32 = digits
            .iter()
            .enumerate()
            .map(|(i, d)| d * (length as u32 + 1 - i as u32))
            .sum();
        let rest = (sum * 10) % 11;
        digits.push(if rest == 10 { 0 } else { rest });
    }
    digits.iter().map(|d| d.to_string()).collect()
}

fn masked(cpf: &str) -> String {
    format!("{}.{}.{}-{}", &cpf[..3], &cpf[3..6], &cpf[6..9], &cpf[9..])
}

const HEADER: &str = "Código;Nome;CPF/CNPJ;E-mail;Telefone;Logradouro;Cidade;UF;Observações";

fn customers_csv(rows: std::ops::Range<u64>, city: &str) -> String {
    let mut text = format!("{HEADER}\n");
    for n in rows {
        text.push_str(&format!(
            "{n};Cliente {n};{};cliente{n}@example.com;(19) 3333-{:04};Rua {n};{city};SP;\n",
            masked(&cpf(100_000 + n)),
            n % 10_000
        ));
    }
    text
}

fn counts(created: u32, updated: u32, unchanged: u32, rejected: u32) -> ImportCounts {
    ImportCounts {
        read: created + updated + unchanged + rejected,
        created,
        updated,
        unchanged,
        rejected,
    }
}

#[tokio::test]
async fn importing_the_same_files_again_changes_nothing_and_queues_nothing() {
    let test = open().await;
    test.network().await;
    let customers = test.file("clientes.csv", customers_csv(1..6, "Campinas").as_bytes());
    let run = test
        .import(ImportKind::Customers, &customers, MatchCustomersBy::Code)
        .await;
    assert_eq!(
        run.counts,
        counts(5, 0, 0, 0),
        "{:?}",
        test.rejects(&run).await
    );
    let contracts = test.file(
        "contratos.csv",
        "Código do cliente;Login;Plano;POP;Instalação;Situação\n\
         1;cliente1;FIBRA 300;olt centro;05/03/2024;Ativo\n\
         2;cliente2;Rádio 10;OLT Centro;;Suspenso\n\
         2;cliente2b;Fibra 300;OLT Centro;01/01/2025;Cancelado\n"
            .as_bytes(),
    );
    let run = test
        .import(ImportKind::Contracts, &contracts, MatchCustomersBy::Code)
        .await;
    assert_eq!(
        run.counts,
        counts(3, 0, 0, 0),
        "{:?}",
        test.rejects(&run).await
    );
    assert_eq!(
        test.count("SELECT count(*) FROM customer_plans WHERE installed_on = '2024-03-05'")
            .await,
        1
    );
    let outbox = test.count("SELECT count(*) FROM sync_outbox").await;
    let changes = test.count("SELECT count(*) FROM customer_changes").await;

    let again = test
        .import(ImportKind::Customers, &customers, MatchCustomersBy::Code)
        .await;
    assert_eq!(again.counts, counts(0, 0, 5, 0));
    let again = test
        .import(ImportKind::Contracts, &contracts, MatchCustomersBy::Code)
        .await;
    assert_eq!(again.counts, counts(0, 0, 3, 0));
    let plans = test.dir.path().join("planos.csv");
    let again = test
        .import(ImportKind::Plans, &plans, MatchCustomersBy::Code)
        .await;
    assert_eq!(again.counts, counts(0, 0, 2, 0));
    assert_eq!(test.count("SELECT count(*) FROM sync_outbox").await, outbox);
    assert_eq!(
        test.count("SELECT count(*) FROM customer_changes").await,
        changes
    );
    assert_eq!(test.count("SELECT count(*) FROM customers").await, 5);
}

#[tokio::test]
async fn a_newer_export_updates_by_code_and_never_duplicates() {
    let test = open().await;
    let first = test.file("v1.csv", customers_csv(1..4, "Campinas").as_bytes());
    test.import(ImportKind::Customers, &first, MatchCustomersBy::Code)
        .await;
    let mut newer = customers_csv(1..4, "Campinas");
    newer = newer.replace("Cliente 2;", "Cliente Dois;");
    let newer = test.file("v2.csv", newer.as_bytes());
    let run = test
        .import(ImportKind::Customers, &newer, MatchCustomersBy::Code)
        .await;
    assert_eq!(run.counts, counts(0, 1, 2, 0));
    let name: String = sqlx::query_scalar("SELECT name FROM customers WHERE code = '2'")
        .fetch_one(test.store.pool())
        .await
        .expect("name");
    assert_eq!(name, "Cliente Dois");
    assert_eq!(test.count("SELECT count(*) FROM customers").await, 3);
    let searched: i64 = test
        .count("SELECT count(*) FROM customer_search WHERE customer_search MATCH 'dois'")
        .await;
    assert_eq!(searched, 1, "the search index follows the update");
}

#[tokio::test]
async fn a_file_without_codes_updates_by_document() {
    let test = open().await;
    let first = test.file("v1.csv", customers_csv(1..4, "Campinas").as_bytes());
    test.import(ImportKind::Customers, &first, MatchCustomersBy::Code)
        .await;
    let mut text = String::from("Nome;CPF;Cidade\n");
    for n in 1..4u64 {
        // Bare documents this time: the same customers.
        text.push_str(&format!("Cliente {n};{};Sumaré\n", cpf(100_000 + n)));
    }
    let file = test.file("sem-codigo.csv", text.as_bytes());
    let run = test
        .import(ImportKind::Customers, &file, MatchCustomersBy::Document)
        .await;
    assert_eq!(
        run.counts,
        counts(0, 3, 0, 0),
        "{:?}",
        test.rejects(&run).await
    );
    assert_eq!(test.count("SELECT count(*) FROM customers").await, 3);
    assert_eq!(
        test.count(
            "SELECT count(*) FROM customers WHERE city = 'Sumaré' AND code IN ('1','2','3')"
        )
        .await,
        3
    );
    // What the file does not have is kept: its street, e-mail and phone.
    assert_eq!(
        test.count(
            "SELECT count(*) FROM customers c WHERE street = 'Rua ' || code AND state = 'SP'
             AND EXISTS (SELECT 1 FROM customer_emails WHERE customer_id = c.id AND deleted = 0)
             AND EXISTS (SELECT 1 FROM customer_phones WHERE customer_id = c.id AND deleted = 0)"
        )
        .await,
        3
    );
    let by_code = test
        .start(ImportKind::Customers, &file, MatchCustomersBy::Code, false)
        .await;
    let mut by_code = by_code;
    run_file(
        &test.store,
        test.user,
        &mut by_code,
        "2026-12-05",
        &AtomicBool::new(false),
        |_| {},
    )
    .await
    .expect("run");
    assert_eq!(by_code.counts.rejected, 3, "matching by code needs codes");
    assert!(test.rejects(&by_code).await[0]
        .reason
        .contains("Preencha o código"));
}

#[tokio::test]
async fn windows_1252_and_utf8_bom_files_read_their_accents() {
    let test = open().await;
    let text = format!(
        "Código;Nome;CPF;Endereço;Cidade;UF\n1;João da Conceição;{};Rua São João;Jundiaí;SP\n",
        cpf(1)
    );
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let latin = test.file("latin.csv", &latin);
    let inspection = inspect(&latin).expect("inspect");
    assert_eq!(inspection.encoding, "Windows-1252");
    assert_eq!(inspection.headers[0], "Código");
    test.import(ImportKind::Customers, &latin, MatchCustomersBy::Code)
        .await;

    let bom = [
        b"\xEF\xBB\xBF".as_slice(),
        format!(
            "Código,Nome,CPF,Endereço,Cidade,UF\n2,Ângela Müller,{},Rua A,Campinas,SP\n",
            cpf(2)
        )
        .as_bytes(),
    ]
    .concat();
    let bom = test.file("bom.csv", &bom);
    let inspection = inspect(&bom).expect("inspect");
    assert_eq!(inspection.encoding, "UTF-8 com BOM");
    assert_eq!(inspection.delimiter, b',');
    assert_eq!(
        inspection.headers[0], "Código",
        "the BOM is not part of the header"
    );
    test.import(ImportKind::Customers, &bom, MatchCustomersBy::Code)
        .await;
    let names: Vec<String> = sqlx::query_scalar("SELECT name FROM customers ORDER BY code")
        .fetch_all(test.store.pool())
        .await
        .expect("names");
    assert_eq!(names, ["João da Conceição", "Ângela Müller"]);
}

#[tokio::test]
async fn quoted_fields_with_line_breaks_keep_their_rows_and_lines() {
    let test = open().await;
    let text = format!(
        "Código;Nome;CPF;Observações;Endereço;Cidade;UF\n1;Maria;{};\"Cliente antiga;\nprefere \"\"WhatsApp\"\"\";Rua A;Campinas;SP\n2;José;{};;Rua B;Campinas;SP\n3;;{};;Rua C;Campinas;SP\n",
        cpf(1),
        cpf(2),
        cpf(3)
    );
    let file = test.file("multi.csv", text.as_bytes());
    let run = test
        .import(ImportKind::Customers, &file, MatchCustomersBy::Code)
        .await;
    assert_eq!(run.counts.created, 2);
    let notes: String = sqlx::query_scalar("SELECT notes FROM customers WHERE code = '1'")
        .fetch_one(test.store.pool())
        .await
        .expect("notes");
    assert_eq!(notes, "Cliente antiga;\nprefere \"WhatsApp\"");
    let rejects = test.rejects(&run).await;
    assert_eq!(rejects.len(), 1, "{rejects:?}");
    assert_eq!(
        (rejects[0].line, rejects[0].column.as_str()),
        (5, "Nome"),
        "the row after the quoted break starts on line 5"
    );
}

#[tokio::test]
async fn empty_binary_and_headerless_files_are_refused_in_portuguese() {
    let test = open().await;
    let message = |result: Result<_, ImportError>| match result {
        Err(ImportError::File(message)) => message,
        other => panic!("not refused: {other:?}"),
    };
    let empty = test.file("vazio.csv", b"");
    assert!(message(inspect(&empty)).contains("vazio"));
    let blank = test.file("branco.csv", b"\xEF\xBB\xBF\n  \n");
    assert!(message(inspect(&blank)).contains("vazio"));
    let xlsx = test.file("planilha.csv", b"PK\x03\x04\x14\x00\x06\x00binary");
    assert!(message(inspect(&xlsx)).contains("não é um CSV"));
    let png = test.file("foto.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    assert!(message(inspect(&png)).contains("não é um CSV"));
    let prose = test.file(
        "texto.csv",
        "Lista de clientes do mês\nMaria da Silva\n".as_bytes(),
    );
    assert!(message(inspect(&prose)).contains("não tem colunas"));
}

#[tokio::test]
async fn unknown_and_repeated_columns_are_explained_before_importing() {
    let test = open().await;
    let file = test.file(
        "colunas.csv",
        format!("Nome;CPF;Nome;Cor favorita\nMaria;{};Outra;azul\n", cpf(1)).as_bytes(),
    );
    let inspection = inspect(&file).expect("inspect");
    let notes =
        helpdesk_core::import::mapping::header_notes(ImportKind::Customers, &inspection.headers);
    assert!(notes.iter().any(|note| note.contains("aparece duas vezes")));
    assert!(notes.iter().any(|note| note.contains("\"Cor favorita\"")));
    let twice = ColumnMapping {
        columns: vec![
            "nome".into(),
            "documento".into(),
            "nome".into(),
            String::new(),
        ],
    };
    let problems = twice
        .check(ImportKind::Customers, &inspection.headers)
        .expect_err("refused");
    assert!(problems[0].contains("mais de uma coluna"));
    let no_document = test.file("sem-doc.csv", b"Nome;Cidade\nMaria;Campinas\n");
    let inspection = inspect(&no_document).expect("inspect");
    let mapping = ColumnMapping::suggest(ImportKind::Customers, &inspection.headers);
    let problems = mapping
        .check(ImportKind::Customers, &inspection.headers)
        .expect_err("refused");
    assert!(problems[0].contains("CPF/CNPJ"));
}

#[tokio::test]
async fn short_rows_and_documents_in_the_wrong_column_are_rejected_alone() {
    let test = open().await;
    let text = format!(
        "Código;Nome;CPF;Cidade;Endereço;UF\n1;Maria;{};Campinas;Rua A;SP\n2;José\n3;{};Ana;Campinas;Rua C;SP\n4;Rita;{};Sumaré;Rua D;SP\n",
        cpf(1),
        cpf(3),
        cpf(4)
    );
    let file = test.file("ruim.csv", text.as_bytes());
    let run = test
        .import(ImportKind::Customers, &file, MatchCustomersBy::Code)
        .await;
    assert_eq!(run.counts, counts(2, 0, 0, 2));
    let rejects = test.rejects(&run).await;
    assert_eq!(rejects[0].line, 3);
    assert_eq!(rejects[0].column, "");
    assert!(rejects[0]
        .reason
        .contains("A linha tem 2 campos e o cabeçalho, 6"));
    let wrong: Vec<_> = rejects
        .iter()
        .filter(|r| r.line == 4)
        .map(|r| r.column.as_str())
        .collect();
    assert_eq!(wrong, ["CPF", "Nome"]);
    assert_eq!(
        test.count("SELECT count(*) FROM customers WHERE code IN ('2', '3')")
            .await,
        0
    );
}

#[tokio::test]
async fn a_dry_run_reports_and_writes_nothing() {
    let test = open().await;
    let text = format!(
        "Código;Nome;CPF;Endereço;Cidade;UF\n1;Maria;{};Rua A;Campinas;SP\n2;José;123;Rua B;Campinas;SP\n",
        cpf(1)
    );
    let file = test.file("ensaio.csv", text.as_bytes());
    let mut run = test
        .start(ImportKind::Customers, &file, MatchCustomersBy::Code, true)
        .await;
    run_file(
        &test.store,
        test.user,
        &mut run,
        "2026-12-05",
        &AtomicBool::new(false),
        |_| {},
    )
    .await
    .expect("dry run");
    assert_eq!((run.counts.read, run.counts.rejected), (2, 1));
    assert_eq!(test.count("SELECT count(*) FROM customers").await, 0);
    let rejects = test.rejects(&run).await;
    assert_eq!(
        (
            rejects[0].file.as_str(),
            rejects[0].line,
            rejects[0].column.as_str()
        ),
        ("ensaio.csv", 3, "CPF")
    );
    let report = test.dir.path().join("relatorio.csv");
    helpdesk_import::report::write_report(&report, &rejects).expect("report");
    let written = std::fs::read_to_string(&report).expect("read report");
    assert!(written.starts_with("\u{feff}Arquivo;Linha;Coluna;Motivo\nensaio.csv;3;CPF;"));
    assert!(
        customer_import::pending(&test.store)
            .await
            .expect("pending")
            .is_empty(),
        "a dry run is never resumed"
    );
}

#[tokio::test]
async fn a_cancelled_import_keeps_whole_batches_and_resumes_after_them() {
    let test = open().await;
    let file = test.file("grande.csv", customers_csv(1..2_501, "Campinas").as_bytes());
    let mut run = test
        .start(ImportKind::Customers, &file, MatchCustomersBy::Code, false)
        .await;
    let cancel = AtomicBool::new(false);
    let ended = run_file(
        &test.store,
        test.user,
        &mut run,
        "2026-12-05",
        &cancel,
        |_| cancel.store(true, Ordering::Relaxed),
    )
    .await
    .expect("run");
    assert_eq!(ended, Ended::Cancelled);
    assert_eq!(test.count("SELECT count(*) FROM customers").await, 1_000);
    let pending = customer_import::pending(&test.store)
        .await
        .expect("pending");
    assert_eq!(pending.len(), 1);
    let mut resumed = pending[0].clone();
    assert_eq!(
        (resumed.id, resumed.status, resumed.counts.read),
        (run.id, RunStatus::Cancelled, 1_000)
    );
    let ended = run_file(
        &test.store,
        test.user,
        &mut resumed,
        "2026-12-05",
        &AtomicBool::new(false),
        |_| {},
    )
    .await
    .expect("resume");
    assert_eq!(ended, Ended::Done);
    assert_eq!(resumed.counts, counts(2_500, 0, 0, 0));
    assert_eq!(test.count("SELECT count(*) FROM customers").await, 2_500);
    assert_eq!(
        test.count("SELECT count(DISTINCT document) FROM customers")
            .await,
        2_500
    );
    assert!(customer_import::pending(&test.store)
        .await
        .expect("pending")
        .is_empty());
}

#[tokio::test]
async fn a_changed_file_is_not_resumed() {
    let test = open().await;
    let file = test.file("muda.csv", customers_csv(1..3, "Campinas").as_bytes());
    let mut run = test
        .start(ImportKind::Customers, &file, MatchCustomersBy::Code, false)
        .await;
    std::fs::write(&file, customers_csv(1..4, "Campinas")).expect("rewrite");
    let error = run_file(
        &test.store,
        test.user,
        &mut run,
        "2026-12-05",
        &AtomicBool::new(false),
        |_| {},
    )
    .await
    .expect_err("refused");
    assert!(error.to_string().contains("mudou"));
    assert_eq!(test.count("SELECT count(*) FROM customers").await, 0);
}

#[tokio::test]
async fn contracts_of_unknown_customers_plans_or_logins_of_others_are_rejected() {
    let test = open().await;
    test.network().await;
    let customers = test.file("clientes.csv", customers_csv(1..3, "Campinas").as_bytes());
    test.import(ImportKind::Customers, &customers, MatchCustomersBy::Code)
        .await;
    let contracts = test.file(
        "contratos.csv",
        "Código do cliente;Login;Plano;POP\n\
         1;maria;Fibra 300;OLT Centro\n\
         9;ninguem;Fibra 300;OLT Centro\n\
         2;jose;Fibra 9000;OLT Centro\n\
         2;maria;Fibra 300;OLT Centro\n"
            .as_bytes(),
    );
    let run = test
        .import(ImportKind::Contracts, &contracts, MatchCustomersBy::Code)
        .await;
    assert_eq!(run.counts, counts(1, 0, 0, 3));
    let rejects = test.rejects(&run).await;
    let columns: Vec<_> = rejects
        .iter()
        .map(|r| (r.line, r.column.as_str()))
        .collect();
    assert_eq!(
        columns,
        [(3, "Código do cliente"), (4, "Plano"), (5, "Login")]
    );
    assert!(rejects[2].reason.contains("já é de um contrato"));
}

#[tokio::test]
async fn the_export_maps_by_itself_and_imports_back_unchanged() {
    let test = open().await;
    test.network().await;
    let customers = test.file("clientes.csv", customers_csv(1..4, "Campinas").as_bytes());
    test.import(ImportKind::Customers, &customers, MatchCustomersBy::Code)
        .await;
    let contracts = test.file(
        "contratos.csv",
        "Código do cliente;Login;Plano;POP;Instalação\n1;um;Fibra 300;OLT Centro;05/03/2024\n1;um-b;Rádio 10;OLT Centro;\n"
            .as_bytes(),
    );
    test.import(ImportKind::Contracts, &contracts, MatchCustomersBy::Code)
        .await;
    let exported = test.dir.path().join("exportados.csv");
    let rows = helpdesk_import::export::export_customers(&test.store, &exported)
        .await
        .expect("export");
    assert_eq!(rows, 4, "two lines for the customer with two contracts");
    let text = std::fs::read_to_string(&exported).expect("read");
    assert!(text.contains("05/03/2024"));
    let run = test
        .import(ImportKind::Customers, &exported, MatchCustomersBy::Code)
        .await;
    assert_eq!(
        run.counts,
        counts(0, 0, 4, 0),
        "{:?}",
        test.rejects(&run).await
    );
    let run = test
        .import(ImportKind::Contracts, &exported, MatchCustomersBy::Code)
        .await;
    assert_eq!(run.counts.unchanged, 2, "{:?}", test.rejects(&run).await);
    assert_eq!(run.counts.created, 0);
}

/// The child process of [`a_killed_import_leaves_whole_batches_and_resumes`]: runs the
/// import it is given until it is killed.
#[tokio::test]
#[ignore = "run by a_killed_import_leaves_whole_batches_and_resumes as a child process"]
async fn child_import_until_killed() {
    let (Ok(db), Ok(run), Ok(user)) = (
        std::env::var("IMPORT_CHILD_DB"),
        std::env::var("IMPORT_CHILD_RUN"),
        std::env::var("IMPORT_CHILD_USER"),
    ) else {
        return;
    };
    let store = Store::open(Path::new(&db)).await.expect("open store");
    let id = Uuid::parse_str(&run).expect("run id");
    let user = Uuid::parse_str(&user).expect("user id");
    let mut run = customer_import::run(&store, id)
        .await
        .expect("run")
        .expect("the run");
    run_file(
        &store,
        user,
        &mut run,
        "2026-12-05",
        &AtomicBool::new(false),
        |_| {},
    )
    .await
    .expect("import");
}

#[tokio::test]
async fn a_killed_import_leaves_whole_batches_and_resumes() {
    let test = open().await;
    let rows = 40_000u32;
    let file = test.file(
        "morto.csv",
        customers_csv(1..u64::from(rows) + 1, "Campinas").as_bytes(),
    );
    let run = test
        .start(ImportKind::Customers, &file, MatchCustomersBy::Code, false)
        .await;
    let mut child = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "child_import_until_killed",
            "--ignored",
            "--quiet",
        ])
        .env("IMPORT_CHILD_DB", test.dir.path().join("helpdesk.db"))
        .env("IMPORT_CHILD_RUN", run.id.to_string())
        .env("IMPORT_CHILD_USER", test.user.to_string())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("child");
    let started = std::time::Instant::now();
    loop {
        let committed = test
            .count(&format!(
                "SELECT records FROM import_runs WHERE id = x'{}'",
                run.id.simple()
            ))
            .await;
        if committed >= 3_000 {
            break;
        }
        assert!(
            child.try_wait().expect("child").is_none(),
            "the child ended before being killed"
        );
        assert!(
            started.elapsed().as_secs() < 120,
            "the child imported nothing"
        );
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    child.kill().expect("kill");
    child.wait().expect("reap");
    let stored = customer_import::run(&test.store, run.id)
        .await
        .expect("run")
        .expect("the run");
    assert_eq!(stored.status, RunStatus::Running, "killed, never marked");
    assert!(stored.counts.read < rows, "killed before the end");
    assert_eq!(stored.counts.read % 1_000, 0, "whole batches only");
    assert_eq!(
        test.count("SELECT count(*) FROM customers").await,
        i64::from(stored.counts.read),
        "every committed row, and nothing past the last batch"
    );
    let mut resumed = customer_import::pending(&test.store)
        .await
        .expect("pending")[0]
        .clone();
    assert_eq!(resumed.id, run.id);
    run_file(
        &test.store,
        test.user,
        &mut resumed,
        "2026-12-05",
        &AtomicBool::new(false),
        |_| {},
    )
    .await
    .expect("resume");
    assert_eq!(resumed.counts, counts(rows, 0, 0, 0));
    assert_eq!(test.count("SELECT count(*) FROM customers").await, 40_000);
}
