//! Tickets at 1,000,000: saving a ticket (`tickets::save`, with a script report; one save in
//! five also with an attachment and a task), finding one by its protocol, and the list's
//! first page (50) with filters, through the store API.
//!
//! The database is the demo data at 50,000 customers (no messages) with 1,000,000 tickets
//! over the two years before it was generated, each with three history events; generated on
//! first use into `$HELPDESK_TICKETS_DB` (default `/var/tmp/helpdesk-bench-tickets.db`) and
//! reused. The tickets are written in bulk (multi-row INSERTs, 10,000 tickets a transaction),
//! resuming where an interrupted run stopped. Every run adds its saves to it.
//!
//! `cargo run --release -p helpdesk-bench --bin tickets [-- SAMPLES]`
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Instant;

use helpdesk_bench::{millis, Latencies};
use helpdesk_core::attachment::DraftAttachment;
use helpdesk_core::clock::HybridClock;
use helpdesk_core::protocol::Protocol;
use helpdesk_core::script::{ScriptRun, ScriptVersionRef};
use helpdesk_core::task::NewTask;
use helpdesk_core::ticket::{NewTicket, TicketCursor, TicketFilter, TicketStatus};
use helpdesk_core::ticket_type::{Assignee, TicketType};
use helpdesk_core::wizard::Origin;
use helpdesk_demo::DemoConfig;
use helpdesk_store::{now_millis, people, protocols, scripts, ticket_types, tickets, Store};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::types::Uuid;
use sqlx::{ConnectOptions, Connection, QueryBuilder, Sqlite};

/// Tickets in the data set.
const TICKETS: u64 = 1_000_000;
/// Customers in the data set.
const CUSTOMERS: usize = 50_000;
/// The days the tickets spread over, ending the day before the data set was made.
const DAYS: u64 = 730;
/// Tickets per transaction, and per INSERT statement.
const BATCH: u64 = 10_000;
const ROWS_PER_INSERT: usize = 500;
/// The generated tickets come from desktops 2 to 21; the saves measured take their
/// protocols from this desktop's own sequence (desktop 1), so they never collide.
const DESKTOPS: u64 = 20;
/// Saves measured, and samples of each query.
const SAVES: usize = 500;
const LOOKUPS: usize = 2_000;

const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;
/// Brasília time, UTC-3 (no daylight saving time since 2019).
const LOCAL_OFFSET: i64 = -3 * HOUR;

/// `local_settings` keys recording the generation, so an interrupted run resumes.
const FIRST_DAY: &str = "bench.tickets.first_day";
const GENERATED: &str = "bench.tickets.generated";

/// Ticket types of the demo and their share of the tickets, in percent.
const TYPE_SHARES: &[(&str, u32)] = &[
    ("Sem conexão", 26),
    ("Quedas / instabilidade", 15),
    ("Lentidão", 14),
    ("Wi-Fi e roteador", 12),
    ("Financeiro", 11),
    ("Mudança de endereço", 4),
    ("Mudança de plano", 5),
    ("Instalação", 4),
    ("Cancelamento", 3),
    ("Informações gerais", 6),
];

const PROBLEMS: &[&str] = &[
    "Cliente sem internet desde a manhã, luz LOS vermelha na ONU.",
    "Conexão cai várias vezes ao dia, principalmente à noite.",
    "Velocidade bem abaixo do contratado no teste por cabo.",
    "Wi-Fi não alcança os quartos; quer trocar o roteador de lugar.",
    "Pede a segunda via do boleto deste mês.",
    "Vai se mudar no dia 15 e quer levar a internet para o endereço novo.",
    "Quer passar para o plano de 500 mega.",
    "Agendar a instalação do ponto adicional.",
    "Quer cancelar: vai se mudar para outra cidade.",
    "Pergunta o horário de atendimento da loja.",
];
const CONTACTS: &[&str] = &[
    "Reiniciamos a ONU remotamente; cliente confirmou que voltou.",
    "Potência óptica ok na OLT; orientado a trocar o cabo de rede.",
    "Sessão PPPoE caindo por autenticação; senha refeita no concentrador.",
    "Orientado sobre o posicionamento do roteador e o canal de 5 GHz.",
    "Boleto reenviado por e-mail ao titular.",
    "Verificada a viabilidade no endereço novo; encaminhado ao setor.",
];
const ANSWERS: &[&str] = &["Sim", "Não", "Acesa e verde", "Piscando", "Apagada"];

/// What the generator draws from: the demo's operators, types, contracts and a script.
struct Catalog {
    users: Vec<Uuid>,
    /// Each type with its share, the shares summing to `total_share`.
    types: Vec<(TicketType, u32)>,
    total_share: u32,
    /// Every contract, as (customer, contracted plan).
    contracts: Vec<(Uuid, Uuid)>,
    script: Option<(Uuid, String, u32)>,
}

impl Catalog {
    async fn load(store: &Store) -> Result<Self, Box<dyn std::error::Error>> {
        let users = sqlx::query_scalar("SELECT id FROM users WHERE deleted = 0 ORDER BY login")
            .fetch_all(store.pool())
            .await?;
        let types: Vec<(TicketType, u32)> = ticket_types::list(store)
            .await?
            .into_iter()
            .map(|kind| {
                let share = TYPE_SHARES
                    .iter()
                    .find(|(name, _)| *name == kind.name)
                    .map_or(1, |(_, share)| *share);
                (kind, share)
            })
            .collect();
        let contracts = sqlx::query_as(
            "SELECT customer_id, id FROM customer_plans WHERE deleted = 0 ORDER BY rowid",
        )
        .fetch_all(store.pool())
        .await?;
        let script = scripts::list(store)
            .await?
            .into_iter()
            .next()
            .map(|script| (script.id, script.name, script.version));
        if users.is_empty() || types.is_empty() || contracts.is_empty() {
            return Err("the demo data has no users, ticket types or contracts".into());
        }
        Ok(Self {
            users,
            total_share: types.iter().map(|(_, share)| share).sum(),
            types,
            contracts,
            script,
        })
    }

    fn ticket_type(&self, rng: &mut impl Rng) -> &TicketType {
        let mut drawn = rng.gen_range(0..self.total_share);
        for (kind, share) in &self.types {
            if drawn < *share {
                return kind;
            }
            drawn -= share;
        }
        &self.types[0].0
    }

    /// A contract: four tickets in five from any customer, the fifth from the one customer
    /// in twenty who calls often (about 90 tickets in the two years, against 14).
    fn contract(&self, rng: &mut impl Rng) -> (Uuid, Uuid) {
        let frequent = self.contracts.len().div_ceil(20);
        let at = if rng.gen_bool(0.2) {
            rng.gen_range(0..frequent)
        } else {
            rng.gen_range(0..self.contracts.len())
        };
        self.contracts[at]
    }

    fn user(&self, rng: &mut impl Rng) -> Uuid {
        self.users[rng.gen_range(0..self.users.len())]
    }
}

fn database_path() -> PathBuf {
    std::env::var_os("HELPDESK_TICKETS_DB").map_or_else(
        || "/var/tmp/helpdesk-bench-tickets.db".into(),
        PathBuf::from,
    )
}

/// The data set: the demo catalog and customers, then the tickets.
async fn data_set(path: &Path) -> Result<Store, Box<dyn std::error::Error>> {
    let store = Store::open(path).await?;
    if !people::has_users(&store).await? {
        let config = DemoConfig {
            customers: CUSTOMERS,
            messages: 0,
            ..DemoConfig::benchmark()
        };
        eprintln!("generating {CUSTOMERS} customers into {}", path.display());
        let started = Instant::now();
        helpdesk_demo::seed(&store, &config).await?;
        eprintln!("generated in {:.1} s", started.elapsed().as_secs_f64());
    }
    let generated: Option<String> =
        sqlx::query_scalar("SELECT value FROM local_settings WHERE key = ?1")
            .bind(GENERATED)
            .fetch_optional(store.pool())
            .await?;
    let generated: u64 = generated.map_or(Ok(0), |n| n.parse())?;
    if generated >= TICKETS {
        return Ok(store);
    }
    let catalog = Catalog::load(&store).await?;
    store.close().await;
    generate_tickets(path, &catalog, generated).await?;
    Ok(Store::open(path).await?)
}

/// Writes tickets `from..TICKETS` on one connection of its own: no foreign-key checks
/// (the rows refer to the catalog just read), no syncs, a large page cache.
async fn generate_tickets(
    path: &Path,
    catalog: &Catalog,
    from: u64,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut db = SqliteConnectOptions::from_str("sqlite:")?
        .filename(path)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Off)
        .foreign_keys(false)
        .pragma("cache_size", "-262144")
        .connect()
        .await?;
    sqlx::query("INSERT OR IGNORE INTO local_settings (key, value) VALUES (?1, ?2)")
        .bind(FIRST_DAY)
        .bind((today() - DAYS as i64).to_string())
        .execute(&mut db)
        .await?;
    let first_day: String = sqlx::query_scalar("SELECT value FROM local_settings WHERE key = ?1")
        .bind(FIRST_DAY)
        .fetch_one(&mut db)
        .await?;
    let generator = Generator::new(catalog, first_day.parse()?);
    eprintln!(
        "generating tickets {from}..{TICKETS} from {} on, {BATCH} a transaction",
        iso_date(generator.first_day)
    );
    let started = Instant::now();
    let mut next = from;
    while next < TICKETS {
        let end = (next + BATCH).min(TICKETS);
        let mut rows = Vec::with_capacity((end - next) as usize);
        for i in next..end {
            rows.push(generator.ticket(i)?);
        }
        let mut tx = db.begin().await?;
        for chunk in rows.chunks(ROWS_PER_INSERT) {
            insert_tickets(&mut tx, chunk).await?;
            insert_events(&mut tx, chunk).await?;
        }
        sqlx::query("INSERT OR REPLACE INTO local_settings (key, value) VALUES (?1, ?2)")
            .bind(GENERATED)
            .bind(end.to_string())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        next = end;
        if next.is_multiple_of(100_000) {
            eprintln!("  {next} tickets, {:.0} s", started.elapsed().as_secs_f64());
        }
    }
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut db)
        .await?;
    db.close().await?;
    // Written without syncs, the whole file may still be waiting in the page cache: the
    // first checkpoint of the saves measured would sync it (it took 1.9 s once).
    std::fs::File::open(path)?.sync_all()?;
    eprintln!(
        "generated {} tickets in {:.1} s",
        TICKETS - from,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// One generated ticket and its three events.
struct TicketRow {
    id: Uuid,
    protocol: String,
    origin: &'static str,
    customer_id: Uuid,
    customer_plan_id: Uuid,
    problem: &'static str,
    ticket_type_id: Uuid,
    assigned_user_id: Option<Uuid>,
    assigned_role_id: Option<Uuid>,
    status: TicketStatus,
    opened_by: Uuid,
    opened_at: i64,
    due_at: i64,
    resolved_at: Option<i64>,
    changed_at: i64,
    events: [EventRow; 3],
}

struct EventRow {
    id: Uuid,
    kind: &'static str,
    payload: String,
    user_id: Uuid,
    at: i64,
    changed_at: i64,
}

/// Ticket `i` is the same whatever run writes it: its numbers come from a random stream of
/// its own, and its day and place in the day from `i`.
struct Generator<'a> {
    catalog: &'a Catalog,
    /// Days since 1970-01-01, local time.
    first_day: i64,
    /// When the last day ends: tickets younger than a week are often still open.
    end: i64,
}

impl<'a> Generator<'a> {
    fn new(catalog: &'a Catalog, first_day: i64) -> Self {
        Self {
            catalog,
            first_day,
            end: local_midnight(first_day + DAYS as i64),
        }
    }

    fn ticket(&self, i: u64) -> Result<TicketRow, Box<dyn std::error::Error>> {
        let mut rng = ChaCha8Rng::seed_from_u64(0x71C4E7 ^ i);
        // The same number of tickets every day, between 07:00 and 22:00 local time, in
        // order; ticket `j` of its day comes from desktop 2 + j % 20.
        let day = i * DAYS / TICKETS;
        let first_of = |day: u64| (day * TICKETS).div_ceil(DAYS);
        let (j, in_day) = (i - first_of(day), first_of(day + 1) - first_of(day));
        let date = self.first_day + i64::try_from(day)?;
        let opened_at = local_midnight(date)
            + 7 * HOUR
            + (15 * HOUR) * j as i64 / in_day as i64
            + rng.gen_range(0..30_000);
        // `AAMMDD DDD SSSSS`, as `Protocol::digits` writes it.
        let (year, month, day_of_month) = civil(date);
        let (desktop, sequence) = (2 + j % DESKTOPS, j / DESKTOPS + 1);
        let digits = format!(
            "{:02}{month:02}{day_of_month:02}{desktop:03}{sequence:05}",
            year % 100
        );
        let shown = format!("{}-{}-{}", &digits[..6], &digits[6..9], &digits[9..]);
        let kind = self.catalog.ticket_type(&mut rng);
        let (customer_id, customer_plan_id) = self.catalog.contract(&mut rng);
        let opened_by = self.catalog.user(&mut rng);
        // One ticket in ten was reassigned to a user; the others went where their type does.
        let (assigned_user_id, assigned_role_id) = if rng.gen_bool(0.1) {
            (Some(self.catalog.user(&mut rng)), None)
        } else {
            Assignee::ids_of(kind.assignee.as_ref())
        };
        let open_share = if self.end - opened_at < 7 * DAY {
            0.4
        } else {
            0.02
        };
        let status = if rng.gen_bool(open_share) {
            TicketStatus::Open
        } else {
            TicketStatus::Resolved
        };
        let due_at = kind.due_at(opened_at);
        let resolved_at = (status == TicketStatus::Resolved).then(|| {
            let took = rng.gen_range(5 * 60_000..=(2 * (due_at - opened_at)).max(10 * 60_000));
            (opened_at + took).min(self.end)
        });
        let origin = [
            "Phone", "Phone", "Phone", "Support", "Chat", "InPerson", "Email",
        ]
        .choose(&mut rng)
        .copied()
        .unwrap_or("Phone");
        let mut clock = HybridClock::default();
        let event = |kind, payload, user_id, at, clock: &mut HybridClock| EventRow {
            id: helpdesk_store::new_id(),
            kind,
            payload,
            user_id,
            at,
            changed_at: clock.tick(at),
        };
        let opened = event(
            "opened",
            format!(
                r#"{{"protocol":"{shown}","origin":"{}"}}"#,
                origin_label(origin)
            ),
            opened_by,
            opened_at,
            &mut clock,
        );
        let first_contact = event(
            "first_contact",
            format!(
                r#"{{"description":"{}","ticket_type":"{}"}}"#,
                CONTACTS.choose(&mut rng).copied().unwrap_or_default(),
                kind.name
            ),
            opened_by,
            opened_at,
            &mut clock,
        );
        // A resolved ticket's last event is its resolution; an open one ran a script.
        let events = match resolved_at {
            Some(at) => {
                let resolved = event(
                    "resolved",
                    "{}".to_owned(),
                    assigned_user_id.unwrap_or(opened_by),
                    at,
                    &mut clock,
                );
                [opened, first_contact, resolved]
            }
            None => {
                let report = event(
                    "script_report",
                    self.script_report(&mut rng, opened_at),
                    opened_by,
                    opened_at,
                    &mut clock,
                );
                [opened, report, first_contact]
            }
        };
        Ok(TicketRow {
            id: helpdesk_store::new_id(),
            protocol: digits,
            origin,
            customer_id,
            customer_plan_id,
            problem: PROBLEMS.choose(&mut rng).copied().unwrap_or_default(),
            ticket_type_id: kind.id,
            assigned_user_id,
            assigned_role_id,
            status,
            opened_by,
            opened_at,
            due_at,
            resolved_at,
            changed_at: clock.tick(resolved_at.unwrap_or(opened_at)),
            events,
        })
    }

    /// A `ScriptRun` as JSON, three to six answers long.
    fn script_report(&self, rng: &mut impl Rng, at: i64) -> String {
        let Some((id, name, version)) = &self.catalog.script else {
            return "{}".to_owned();
        };
        let count = rng.gen_range(3..=6);
        let answers: Vec<String> = (0..count)
            .map(|n| {
                let option = rng.gen_range(0..ANSWERS.len());
                format!(
                    r#"{{"node":"p{n:02}","question":"Pergunta {} do script","option":{option},"label":"{}","at":{}}}"#,
                    n + 1,
                    ANSWERS[option],
                    at - (count - n) * 40_000
                )
            })
            .collect();
        format!(
            r#"{{"script_id":"{id}","script_name":"{name}","version":{version},"answers":[{}],"position":{count}}}"#,
            answers.join(",")
        )
    }
}

fn origin_label(debug: &str) -> &'static str {
    Origin::ALL
        .into_iter()
        .find(|origin| format!("{origin:?}") == debug)
        .map_or("Telefone", Origin::label)
}

/// The first instant of the day `date` (days since 1970-01-01) in Brasília time, Unix ms.
fn local_midnight(date: i64) -> i64 {
    date * DAY - LOCAL_OFFSET
}

/// Today in Brasília time, in days since 1970-01-01.
fn today() -> i64 {
    (now_millis() + LOCAL_OFFSET).div_euclid(DAY)
}

/// The (year, month, day) of `date`, days since 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil(date: i64) -> (i64, u32, u32) {
    let z = date + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `date` (days since 1970-01-01) as "aaaa-mm-dd".
fn iso_date(date: i64) -> String {
    let (year, month, day) = civil(date);
    format!("{year:04}-{month:02}-{day:02}")
}

async fn insert_tickets(
    tx: &mut sqlx::Transaction<'_, Sqlite>,
    rows: &[TicketRow],
) -> Result<(), sqlx::Error> {
    let mut query = QueryBuilder::<Sqlite>::new(
        "INSERT INTO tickets (id, protocol, origin, customer_id, customer_plan_id, problem,
                              ticket_type_id, assigned_user_id, assigned_role_id, status,
                              opened_by, opened_at, due_at, resolved_at, changed_at) ",
    );
    query.push_values(rows, |mut row, t| {
        row.push_bind(t.id)
            .push_bind(&t.protocol)
            .push_bind(t.origin)
            .push_bind(t.customer_id)
            .push_bind(t.customer_plan_id)
            .push_bind(t.problem)
            .push_bind(t.ticket_type_id)
            .push_bind(t.assigned_user_id)
            .push_bind(t.assigned_role_id)
            .push_bind(t.status.label())
            .push_bind(t.opened_by)
            .push_bind(t.opened_at)
            .push_bind(t.due_at)
            .push_bind(t.resolved_at)
            .push_bind(t.changed_at);
    });
    query.build().execute(&mut **tx).await?;
    Ok(())
}

async fn insert_events(
    tx: &mut sqlx::Transaction<'_, Sqlite>,
    rows: &[TicketRow],
) -> Result<(), sqlx::Error> {
    let mut query = QueryBuilder::<Sqlite>::new(
        "INSERT INTO ticket_events (id, ticket_id, kind, payload, user_id, at, changed_at) ",
    );
    let events = rows
        .iter()
        .flat_map(|t| t.events.iter().map(move |event| (t.id, event)));
    query.push_values(events, |mut row, (ticket_id, e)| {
        row.push_bind(e.id)
            .push_bind(ticket_id)
            .push_bind(e.kind)
            .push_bind(&e.payload)
            .push_bind(e.user_id)
            .push_bind(e.at)
            .push_bind(e.changed_at);
    });
    query.build().execute(&mut **tx).await?;
    Ok(())
}

fn row(what: &str, latencies: &mut Latencies, rows: usize) {
    let average = rows as f64 / latencies.len().max(1) as f64;
    println!(
        "| {what} | {} | {} | {} | {average:.1} |",
        millis(latencies.percentile(50.0)),
        millis(latencies.percentile(95.0)),
        millis(latencies.percentile(100.0))
    );
}

/// Draws a filter of one kind at random.
type Draw = fn(&Draws, &mut ChaCha8Rng) -> TicketFilter;

/// What the list's filters are drawn from.
struct Draws<'a> {
    catalog: &'a Catalog,
    /// The roles some type is destined to.
    roles: Vec<Uuid>,
    /// The first instant of the tickets' two years.
    first_instant: i64,
}

impl<'a> Draws<'a> {
    fn new(catalog: &'a Catalog) -> Self {
        let roles = catalog
            .types
            .iter()
            .filter_map(|(kind, _)| match kind.assignee {
                Some(Assignee::Role { id, .. }) => Some(id),
                _ => None,
            })
            .collect();
        Self {
            catalog,
            roles,
            first_instant: local_midnight(today() - DAYS as i64),
        }
    }

    fn status(&self, rng: &mut ChaCha8Rng) -> TicketStatus {
        if rng.gen_bool(0.5) {
            TicketStatus::Open
        } else {
            TicketStatus::Resolved
        }
    }

    /// Any type, whatever its share.
    fn ticket_type(&self, rng: &mut ChaCha8Rng) -> Uuid {
        self.catalog.types[rng.gen_range(0..self.catalog.types.len())]
            .0
            .id
    }

    fn role(&self, rng: &mut ChaCha8Rng) -> Uuid {
        self.roles[rng.gen_range(0..self.roles.len())]
    }

    /// A page starting at a random instant of the two years, as a later page starts.
    fn cursor(&self, rng: &mut ChaCha8Rng) -> TicketCursor {
        TicketCursor {
            opened_at: rng.gen_range(self.first_instant..self.first_instant + DAYS as i64 * DAY),
            id: Uuid::max(),
        }
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let samples: usize = std::env::args().nth(1).map_or(Ok(200), |s| s.parse())?;
    let path = database_path();
    let store = data_set(&path).await?;
    let catalog = Catalog::load(&store).await?;
    let mut rng = ChaCha8Rng::seed_from_u64(2026);

    let version: String = sqlx::query_scalar("SELECT sqlite_version()")
        .fetch_one(store.pool())
        .await?;
    let (count, open, events): (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM tickets),
                (SELECT count(*) FROM tickets WHERE status = 'Aberto'),
                (SELECT count(*) FROM ticket_events)",
    )
    .fetch_one(store.pool())
    .await?;
    let size = std::fs::metadata(&path)?.len();
    println!(
        "{count} tickets ({open} open), {events} events, {CUSTOMERS} customers; {} at {:.0} MB; \
         SQLite {version}",
        path.display(),
        size as f64 / 1e6
    );

    // (a) Saving: a whole ticket with a script report, as the wizard's "Finish" does, each
    // with a protocol reserved first (not timed), as the wizard reserves it when it opens.
    let script = match &catalog.script {
        Some((id, _, _)) => {
            scripts::load(
                &store,
                ScriptVersionRef {
                    script_id: *id,
                    version: None,
                },
            )
            .await?
        }
        None => None,
    };
    let operator = catalog.users[0];
    let today = iso_date(today());
    let mut saves = Latencies::default();
    let mut slow_saves = 0;
    for n in 0..SAVES {
        let protocol = protocols::reserve(&store, operator, today.parse()?)
            .await?
            .map_err(|error| error.to_string())?;
        let (customer_id, customer_plan_id) = catalog.contract(&mut rng);
        let kind = catalog.ticket_type(&mut rng).clone();
        let run = script.as_ref().map(|script| {
            let mut run = ScriptRun::new(script.id, &script.name, script.version);
            for step in 0..5 {
                let options = run
                    .current(&script.definition)
                    .map_or(0, |node| node.options.len());
                if options == 0 {
                    break;
                }
                let option = u32::try_from(rng.gen_range(0..options)).unwrap_or(0);
                run.answer(&script.definition, option, now_millis() + step);
            }
            run
        });
        let ticket = NewTicket {
            protocol,
            origin: Origin::Phone,
            customer_id,
            customer_plan_id,
            support_message_id: None,
            problem: PROBLEMS[n % PROBLEMS.len()].to_owned(),
            first_contact: CONTACTS[n % CONTACTS.len()].to_owned(),
            // One ticket in five carries a photo and, when its type has an assignee, a task.
            attachments: if n % 5 == 0 {
                vec![DraftAttachment {
                    content_hash: format!("{n:064x}"),
                    file_name: "foto-onu.jpg".into(),
                    size_bytes: 1_500_000,
                    notes: "Luz LOS vermelha.".into(),
                }]
            } else {
                Vec::new()
            },
            task: kind
                .assignee
                .clone()
                .filter(|_| n % 5 == 0)
                .map(|assignee| NewTask {
                    title: "Retornar ao cliente".into(),
                    description: String::new(),
                    assignee,
                    due_at: now_millis() + 86_400_000,
                }),
            ticket_type: kind,
            script: run,
            work_order: None,
            email: None,
            status: if n % 2 == 0 {
                TicketStatus::Resolved
            } else {
                TicketStatus::Open
            },
        };
        let started = Instant::now();
        let saved = tickets::save(&store, &ticket, operator, now_millis()).await?;
        let took = started.elapsed();
        saves.record(took);
        slow_saves += usize::from(took.as_millis() >= 5);
        if saved.saved().is_none() {
            return Err(format!("protocol {protocol} was already used").into());
        }
    }

    // (b) Finding by protocol: protocols of random tickets of the whole table.
    let max_rowid: i64 = sqlx::query_scalar("SELECT max(rowid) FROM tickets")
        .fetch_one(store.pool())
        .await?;
    let mut wanted = Vec::with_capacity(LOOKUPS);
    while wanted.len() < LOOKUPS {
        let digits: Option<String> =
            sqlx::query_scalar("SELECT protocol FROM tickets WHERE rowid = ?1")
                .bind(rng.gen_range(1..=max_rowid))
                .fetch_optional(store.pool())
                .await?;
        if let Some(digits) = digits {
            wanted.push(
                digits
                    .parse::<Protocol>()
                    .map_err(|error| error.to_string())?,
            );
        }
    }
    let mut lookups = Latencies::default();
    for protocol in &wanted {
        let started = Instant::now();
        let found = tickets::find_by_protocol(&store, protocol).await?;
        lookups.record(started.elapsed());
        if found.is_none() {
            return Err(format!("protocol {protocol} not found").into());
        }
    }

    // (c) The list's first page (50) with filters, each drawn at random per sample.
    let draws = Draws::new(&catalog);
    let cases: [(&str, Draw); 12] = [
        ("no filter", |_, _| TicketFilter::default()),
        ("status \"Aberto\"", |_, _| TicketFilter {
            status: Some(TicketStatus::Open),
            ..TicketFilter::default()
        }),
        ("status \"Resolvido\"", |_, _| TicketFilter {
            status: Some(TicketStatus::Resolved),
            ..TicketFilter::default()
        }),
        ("status + type", |draws, rng| TicketFilter {
            status: Some(draws.status(rng)),
            ticket_type_id: Some(draws.ticket_type(rng)),
            ..TicketFilter::default()
        }),
        ("assigned user", |draws, rng| TicketFilter {
            assigned_user_id: Some(draws.catalog.user(rng)),
            ..TicketFilter::default()
        }),
        ("assigned role", |draws, rng| TicketFilter {
            assigned_role_id: Some(draws.role(rng)),
            ..TicketFilter::default()
        }),
        ("assigned role + \"Aberto\"", |draws, rng| TicketFilter {
            assigned_role_id: Some(draws.role(rng)),
            status: Some(TicketStatus::Open),
            ..TicketFilter::default()
        }),
        ("assigned user + \"Aberto\"", |draws, rng| TicketFilter {
            assigned_user_id: Some(draws.catalog.user(rng)),
            status: Some(TicketStatus::Open),
            ..TicketFilter::default()
        }),
        ("customer", |draws, rng| TicketFilter {
            customer_id: Some(draws.catalog.contract(rng).0),
            ..TicketFilter::default()
        }),
        (
            "a later page: no filter, from a random instant",
            |draws, rng| TicketFilter {
                before: Some(draws.cursor(rng)),
                ..TicketFilter::default()
            },
        ),
        (
            "a later page: \"Aberto\" + type, from a random instant",
            |draws, rng| TicketFilter {
                status: Some(TicketStatus::Open),
                ticket_type_id: Some(draws.ticket_type(rng)),
                before: Some(draws.cursor(rng)),
                ..TicketFilter::default()
            },
        ),
        (
            "worst: a role + a type never destined to it (no rows)",
            |draws, rng| {
                let role = draws.role(rng);
                let other = draws
                    .catalog
                    .types
                    .iter()
                    .find(|(kind, _)| {
                        !matches!(kind.assignee, Some(Assignee::Role { id, .. }) if id == role)
                    })
                    .map_or(Uuid::nil(), |(kind, _)| kind.id);
                TicketFilter {
                    assigned_role_id: Some(role),
                    ticket_type_id: Some(other),
                    ..TicketFilter::default()
                }
            },
        ),
    ];
    let mut lists = Vec::new();
    for (what, draw) in cases {
        let mut latencies = Latencies::default();
        let mut rows = 0;
        for _ in 0..samples {
            let filter = draw(&draws, &mut rng);
            let started = Instant::now();
            let page = tickets::list(&store, &filter).await?;
            latencies.record(started.elapsed());
            rows += page.len();
        }
        lists.push((what, latencies, rows));
    }

    println!();
    println!("| operation | p50 ms | p95 ms | max ms | rows (avg) |");
    println!("|---|---:|---:|---:|---:|");
    row(
        &format!("save a ticket, `tickets::save` ({SAVES})"),
        &mut saves,
        SAVES,
    );
    row(
        &format!("find by protocol, `tickets::find_by_protocol` ({LOOKUPS})"),
        &mut lookups,
        LOOKUPS,
    );
    for (what, mut latencies, rows) in lists {
        row(
            &format!("list, first page of 50: {what} ({samples})"),
            &mut latencies,
            rows,
        );
    }
    println!();
    println!("{slow_saves} of {SAVES} saves took 5 ms or more");
    store.close().await;
    Ok(())
}
