//! Importing a provider's whole base from CSV: writes the benchmark data set as the files
//! an ERP exports (10 plans, 20 routing points, 500,000 customers with masked documents in
//! `;`-separated Windows-1252, 570,000 contracts in UTF-8), then imports them into an
//! empty database as the window does (dry run skipped), printing each file's rows per
//! second and the process's resident memory as the import goes, and its peak.
//!
//! `cargo run --release -p helpdesk-bench --bin import [-- CUSTOMERS [FOLDER]]`
//! (FOLDER defaults to `bench-data/import` in the cargo target folder).
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use helpdesk_core::import::mapping::ColumnMapping;
use helpdesk_core::import::{ImportKind, MatchCustomersBy};
use helpdesk_import::read::inspect;
use helpdesk_import::run::run_file;
use helpdesk_store::customer_import::{self, RunFile};
use helpdesk_store::people::{self, NewUser};
use helpdesk_store::{catalog, Store};

type Failure = Box<dyn std::error::Error>;

const PLANS: usize = 10;
const POINTS: usize = 20;
const FIRST_NAMES: [&str; 12] = [
    "João",
    "Maria",
    "José",
    "Ana",
    "Antônio",
    "Francisca",
    "Carlos",
    "Conceição",
    "Paulo",
    "Luíza",
    "Márcio",
    "Adriana",
];
const LAST_NAMES: [&str; 10] = [
    "Silva",
    "Santos",
    "Oliveira",
    "Souza",
    "Pereira",
    "Lima",
    "Gonçalves",
    "Araújo",
    "Ribeiro",
    "Conceição",
];
const CITIES: [(&str, &str); 6] = [
    ("Campinas", "SP"),
    ("Recife", "PE"),
    ("Belo Horizonte", "MG"),
    ("Curitiba", "PR"),
    ("Salvador", "BA"),
    ("Goiânia", "GO"),
];

/// The CPF (11 digits) whose first nine are `base`.
fn cpf(base: u64) -> String {
    let mut digits: Vec<u32> = format!("{:09}", base % 1_000_000_000)
        .bytes()
        .map(|b| u32::from(b - b'0'))
        .collect();
    for length in [9u32, 10] {
        let sum: u32 = digits
            .iter()
            .zip((2..=length + 1).rev())
            .map(|(digit, weight)| digit * weight)
            .sum();
        let rest = (sum * 10) % 11;
        digits.push(if rest == 10 { 0 } else { rest });
    }
    digits.iter().map(u32::to_string).collect()
}

/// The CNPJ (14 digits) of branch 0001 whose first eight are `base`.
fn cnpj(base: u64) -> String {
    let mut digits: Vec<u32> = format!("{:08}0001", base % 100_000_000)
        .bytes()
        .map(|b| u32::from(b - b'0'))
        .collect();
    for weights in [
        &[5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2][..],
        &[6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2][..],
    ] {
        let sum: u32 = digits.iter().zip(weights).map(|(d, w)| d * w).sum();
        let rest = sum % 11;
        digits.push(if rest < 2 { 0 } else { 11 - rest });
    }
    digits.iter().map(u32::to_string).collect()
}

fn masked(document: &str) -> String {
    match document.len() {
        11 => format!(
            "{}.{}.{}-{}",
            &document[..3],
            &document[3..6],
            &document[6..9],
            &document[9..]
        ),
        _ => format!(
            "{}.{}.{}/{}-{}",
            &document[..2],
            &document[2..5],
            &document[5..8],
            &document[8..12],
            &document[12..]
        ),
    }
}

/// Writes the four files; returns their paths in import order and the contracts' count.
fn write_data_set(
    folder: &Path,
    customers: u64,
) -> Result<(Vec<(ImportKind, PathBuf)>, u64), Failure> {
    std::fs::create_dir_all(folder)?;
    let plans = folder.join("planos.csv");
    let mut out = BufWriter::new(std::fs::File::create(&plans)?);
    writeln!(out, "Plano;Tecnologia;Download;Upload;Valor")?;
    for n in 0..PLANS {
        let speed = 100 * (n + 1);
        writeln!(
            out,
            "Fibra {speed};FTTH;{speed};{};R$ {},90",
            speed / 2,
            79 + n * 10
        )?;
    }
    out.flush()?;
    let points = folder.join("pops.csv");
    let mut out = BufWriter::new(std::fs::File::create(&points)?);
    writeln!(out, "Nome,Tipo,Endereço,IP,Situação")?;
    for n in 0..POINTS {
        writeln!(
            out,
            "OLT-{n:02},OLT,\"Rua Central, {n}\",10.0.{n}.1,Operacional"
        )?;
    }
    out.flush()?;

    let clients = folder.join("clientes.csv");
    let contracts = folder.join("contratos.csv");
    let mut people_out = BufWriter::new(std::fs::File::create(&clients)?);
    let mut contracts_out = BufWriter::new(std::fs::File::create(&contracts)?);
    let header = "Código;Tipo;Nome/Razão Social;CPF/CNPJ;CEP;Endereço;Número;Bairro;Cidade;UF;E-mail;Telefone;Celular;Observações\n";
    people_out.write_all(&encoding_rs::WINDOWS_1252.encode(header).0)?;
    writeln!(
        contracts_out,
        "Código do cliente;Login;Plano;POP;Data de instalação;Situação"
    )?;
    let mut contract_count = 0u64;
    for n in 1..=customers {
        let company = n % 10 == 0;
        let document = if company {
            cnpj(10_000_000 + n)
        } else {
            cpf(100_000_000 + n)
        };
        let first = FIRST_NAMES[(n % 12) as usize];
        let last = LAST_NAMES[((n / 12) % 10) as usize];
        let name = if company {
            format!("{last} & {first} Comércio Ltda {n}")
        } else {
            format!("{first} {last} {n}")
        };
        let (city, state) = CITIES[(n % 6) as usize];
        let notes = if n % 97 == 0 {
            "\"Cliente antigo;\nprefere contato por WhatsApp\""
        } else {
            ""
        };
        let line = format!(
            "{n};{};{name};{};13010-{:03};Rua {last};{};Centro;{city};{state};cliente{n}@exemplo.com.br;(19) 3{:03}-{:04};(19) 9{:04}-{:04};{notes}\n",
            if company { "J" } else { "F" },
            masked(&document),
            n % 1000,
            n % 2000,
            n % 1000,
            n % 10_000,
            n % 10_000,
            (n / 7) % 10_000
        );
        people_out.write_all(&encoding_rs::WINDOWS_1252.encode(&line).0)?;
        // 7 customers in 50 have a second contract: 570,000 for 500,000 customers.
        let contracts_of = if n % 50 < 7 { 2 } else { 1 };
        for k in 0..contracts_of {
            let plan = 100 * ((n + k) % PLANS as u64 + 1);
            writeln!(
                contracts_out,
                "{n};cliente{n}{};Fibra {plan};OLT-{:02};{:02}/{:02}/20{:02};{}",
                if k == 0 {
                    String::new()
                } else {
                    format!("-{k}")
                },
                n % POINTS as u64,
                n % 28 + 1,
                n % 12 + 1,
                15 + n % 10,
                if n % 40 == 0 { "Suspenso" } else { "Ativo" }
            )?;
            contract_count += 1;
        }
    }
    people_out.flush()?;
    contracts_out.flush()?;
    Ok((
        vec![
            (ImportKind::Plans, plans),
            (ImportKind::RoutingPoints, points),
            (ImportKind::Customers, clients),
            (ImportKind::Contracts, contracts),
        ],
        contract_count,
    ))
}

/// A line of /proc/self/status, in MB.
fn memory_mb(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with(key))
                .and_then(|line| line.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

#[tokio::main]
async fn main() -> Result<(), Failure> {
    let customers: u64 = std::env::args().nth(1).map_or(Ok(500_000), |s| s.parse())?;
    let folder = std::env::args().nth(2).map_or_else(
        || helpdesk_bench::bench_data_dir().join("import"),
        PathBuf::from,
    );
    let started = Instant::now();
    let (files, contracts) = write_data_set(&folder, customers)?;
    println!(
        "data set: {customers} customers, {contracts} contracts written in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    for (_, path) in &files {
        println!(
            "  {} ({} MB)",
            path.display(),
            std::fs::metadata(path)?.len() / 1_000_000
        );
    }
    let database = folder.join("importado.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", database.display()));
    }
    let store = Store::open(&database).await?;
    let role = catalog::insert_role(&store, "Administrador", true).await?;
    let user = people::insert_user(
        &store,
        &NewUser {
            login: "admin".into(),
            name: "Administrador".into(),
            email: "admin@exemplo.com.br".into(),
            password: "benchmark-123".into(),
            role_id: role,
        },
    )
    .await?;
    println!("before the import: RSS {} MB", memory_mb("VmRSS:"));
    println!("| Arquivo | Linhas | Segundos | Linhas/s | RSS a 25/50/75/100% (MB) |");
    println!("|---|---:|---:|---:|---|");
    let whole = Instant::now();
    let mut rows_in_all = 0u64;
    for (kind, path) in &files {
        let inspection = inspect(path)?;
        let mapping = ColumnMapping::suggest(*kind, &inspection.headers);
        if let Err(problems) = mapping.check(*kind, &inspection.headers) {
            return Err(problems.join(" ").into());
        }
        let file = RunFile {
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            path: path.to_string_lossy().into_owned(),
            size: inspection.size,
            hash: inspection.hash.clone(),
        };
        let mut run = customer_import::start(
            &store,
            *kind,
            &file,
            MatchCustomersBy::Code,
            &inspection.headers,
            &mapping,
            false,
        )
        .await?;
        let mut marks = Vec::new();
        let file_started = Instant::now();
        run_file(
            &store,
            user,
            &mut run,
            "2026-12-05",
            &AtomicBool::new(false),
            |progress| {
                let quarter = progress.bytes_read * 4 / progress.bytes_total.max(1);
                if quarter as usize > marks.len() {
                    marks.push(memory_mb("VmRSS:"));
                }
            },
        )
        .await?;
        let seconds = file_started.elapsed().as_secs_f64();
        let counts = run.counts;
        if counts.rejected > 0 {
            let rejects = customer_import::rejects(&store, run.id, 5).await?;
            return Err(format!("{} rows refused, e.g. {rejects:?}", counts.rejected).into());
        }
        rows_in_all += u64::from(counts.read);
        println!(
            "| {} | {} | {seconds:.1} | {:.0} | {} |",
            file.name,
            counts.read,
            f64::from(counts.read) / seconds,
            marks
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(" / ")
        );
    }
    let seconds = whole.elapsed().as_secs_f64();
    println!(
        "all: {rows_in_all} rows in {seconds:.1} s ({:.0} rows/s); peak RSS {} MB",
        rows_in_all as f64 / seconds,
        memory_mb("VmHWM:")
    );
    store.close().await;
    Ok(())
}
