//! The data of the sync benchmarks: a "source" desktop holding the demo catalog and
//! customers plus generated tickets, every row of it waiting in its outbox, and the central
//! server (a throwaway PostgreSQL) loaded from it through the real push API.
use std::future::Future;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::DateTime;
use helpdesk_core::business_hours::SlaCalendar;
use helpdesk_core::clock::HybridClock;
use helpdesk_core::protocol::Protocol;
use helpdesk_core::sync::MAX_BATCH_ROWS;
use helpdesk_core::ticket::TicketStatus;
use helpdesk_core::ticket_type::{Assignee, TicketType};
use helpdesk_core::wizard::Origin;
use helpdesk_demo::DemoConfig;
use helpdesk_server::test_postgres::PgServer;
use helpdesk_server::{Config, RunningServer};
use helpdesk_store::tickets::{self, TicketRow};
use helpdesk_store::{local_settings, now_millis, people, sync, ticket_types, Store};
use helpdesk_sync::SyncClient;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

use crate::desktop::Desktop;
use crate::Failure;

/// Runs `run` on a multi-threaded runtime with the sync benchmarks' folder
/// (`bench-data/sync/`). PostgreSQL's cluster goes there too: `PgServer` makes it in the
/// temporary folder, as the `postgres` user when run as root, so a folder anyone may write
/// in, as /tmp, beside the other data.
pub fn run_in_folder<F, R>(run: F) -> Result<(), Failure>
where
    F: FnOnce(PathBuf) -> R,
    R: Future<Output = Result<(), Failure>>,
{
    let folder = crate::bench_data_dir().join("sync");
    let postgres = folder.join("postgres");
    std::fs::create_dir_all(&postgres)?;
    std::fs::set_permissions(&postgres, std::fs::Permissions::from_mode(0o1777))?;
    std::env::set_var("TMPDIR", &postgres);
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(run(folder))
}

/// The administrator's enrollment token of the benchmark server.
pub const TOKEN: &str = "token-do-benchmark-de-sincronizacao";

/// How much data the server holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub customers: usize,
    pub tickets: usize,
}

/// Tickets per transaction.
const TICKETS_PER_TRANSACTION: usize = 10_000;
/// The generated tickets come from desktops 2 to 21, so their protocols (day, desktop,
/// sequence) are unique up to 20 × 99,999 tickets.
const DESKTOPS: usize = 20;
const MAX_TICKETS: usize = DESKTOPS * 99_999;
/// The days the tickets spread over, ending now.
const DAYS: i64 = 730;
const HOUR: i64 = 3_600_000;
/// `local_settings` key set once the source is complete.
const COMPLETE: &str = "bench.sync.complete";

const PROBLEMS: &[&str] = &[
    "Cliente sem internet desde a manhã, luz LOS vermelha na ONU.",
    "Conexão cai várias vezes ao dia, principalmente à noite.",
    "Velocidade bem abaixo do contratado no teste por cabo.",
    "Wi-Fi não alcança os quartos; quer trocar o roteador de lugar.",
    "Pede a segunda via do boleto deste mês.",
    "Vai se mudar no dia 15 e quer levar a internet para o endereço novo.",
    "Quer passar para o plano de 500 mega.",
    "Pergunta o horário de atendimento da loja.",
];
const ORIGINS: &[Origin] = &[
    Origin::Phone,
    Origin::Phone,
    Origin::Phone,
    Origin::Support,
    Origin::Chat,
    Origin::Email,
];

/// The source database for `scale` in `folder`: the demo catalog and customers (no
/// messages), then the tickets, every row queued in `sync_outbox` by the triggers. Made
/// once (resuming an interrupted generation), then reused: copy it before pushing from it.
pub async fn source_template(folder: &Path, scale: Scale) -> Result<PathBuf, Failure> {
    if scale.tickets > MAX_TICKETS {
        return Err(format!("at most {MAX_TICKETS} tickets").into());
    }
    let path = folder.join(format!(
        "sync-source-{}-{}.db",
        scale.customers, scale.tickets
    ));
    let store = Store::open(&path).await?;
    if local_settings::get(&store, COMPLETE).await?.is_none() {
        generate(&store, scale, &path).await?;
    }
    store.close().await;
    Ok(path)
}

async fn generate(store: &Store, scale: Scale, path: &Path) -> Result<(), Failure> {
    let started = Instant::now();
    if !people::has_users(store).await? {
        eprintln!(
            "generating {} customers into {}",
            scale.customers,
            path.display()
        );
        let config = DemoConfig {
            customers: scale.customers,
            messages: 0,
            ..DemoConfig::benchmark()
        };
        helpdesk_demo::seed(store, &config).await?;
    }
    let catalog = Catalog::load(store).await?;
    let done: i64 = sqlx::query_scalar("SELECT count(*) FROM tickets")
        .fetch_one(store.pool())
        .await?;
    let generator = TicketGenerator::new(&catalog, scale.tickets);
    for start in (usize::try_from(done)?..scale.tickets).step_by(TICKETS_PER_TRANSACTION) {
        let end = (start + TICKETS_PER_TRANSACTION).min(scale.tickets);
        let rows: Vec<TicketRow> = (start..end).map(|i| generator.ticket(i)).collect();
        let mut tx = store.pool().begin().await?;
        tickets::insert_many_in(&mut tx, &rows).await?;
        tx.commit().await?;
        if end.is_multiple_of(100_000) {
            eprintln!("  {end} tickets");
        }
    }
    local_settings::set_in(&mut *store.pool().acquire().await?, COMPLETE, "1").await?;
    eprintln!(
        "source generated in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// What the tickets refer to: the demo's users, ticket types and contracts.
struct Catalog {
    users: Vec<Uuid>,
    types: Vec<TicketType>,
    /// Every contract, as (customer, contracted plan).
    contracts: Vec<(Uuid, Uuid)>,
}

impl Catalog {
    async fn load(store: &Store) -> Result<Self, Failure> {
        let users: Vec<Uuid> =
            sqlx::query_scalar("SELECT id FROM users WHERE deleted = 0 ORDER BY login")
                .fetch_all(store.pool())
                .await?;
        let types = ticket_types::list(store).await?;
        let contracts: Vec<(Uuid, Uuid)> =
            sqlx::query_as("SELECT customer_id, id FROM customer_plans ORDER BY rowid")
                .fetch_all(store.pool())
                .await?;
        if users.is_empty() || types.is_empty() || contracts.is_empty() {
            return Err("the demo data has no users, ticket types or contracts".into());
        }
        Ok(Self {
            users,
            types,
            contracts,
        })
    }
}

/// Ticket `i` of `count`, spread evenly over the [`DAYS`] before now; one in twenty is
/// still open.
struct TicketGenerator<'a> {
    catalog: &'a Catalog,
    count: usize,
    first: i64,
}

impl<'a> TicketGenerator<'a> {
    fn new(catalog: &'a Catalog, count: usize) -> Self {
        Self {
            catalog,
            count: count.max(1),
            first: now_millis() - DAYS * 24 * HOUR,
        }
    }

    fn ticket(&self, i: usize) -> TicketRow<'static> {
        let mut rng = ChaCha8Rng::seed_from_u64(0x5EED ^ i as u64);
        let span = DAYS * 24 * HOUR;
        let opened_at = self.first + span * i as i64 / self.count as i64 + rng.gen_range(0..60_000);
        let kind = &self.catalog.types[rng.gen_range(0..self.catalog.types.len())];
        let (customer_id, customer_plan_id) =
            self.catalog.contracts[rng.gen_range(0..self.catalog.contracts.len())];
        let opened_by = self.catalog.users[rng.gen_range(0..self.catalog.users.len())];
        let (assigned_user_id, assigned_role_id) = Assignee::ids_of(kind.assignee.as_ref());
        // Resolved by the time the data is made, never after: a stamp in the future would
        // put the source's clock ahead of the server's, which refuses its edits.
        let resolved_at = rng
            .gen_bool(0.95)
            .then(|| opened_at + rng.gen_range(10 * 60_000..48 * HOUR))
            .filter(|at| *at <= self.first + span);
        TicketRow {
            id: helpdesk_store::new_id(),
            protocol: protocol(i, opened_at),
            origin: ORIGINS.choose(&mut rng).copied().unwrap_or(Origin::Phone),
            customer_id,
            customer_plan_id: Some(customer_plan_id),
            new_plan_id: None,
            support_message_id: None,
            problem: PROBLEMS.choose(&mut rng).copied().unwrap_or_default(),
            ticket_type_id: Some(kind.id),
            assigned_user_id,
            assigned_role_id,
            status: if resolved_at.is_some() {
                TicketStatus::Resolved
            } else {
                TicketStatus::Open
            },
            opened_by,
            opened_at,
            // No business hours are set here: calendar hours.
            due_at: Some(SlaCalendar::default().due_at(opened_at, kind)),
            resolved_at,
            first_contact_resolved: false,
            changed_at: HybridClock::default().tick(resolved_at.unwrap_or(opened_at)),
        }
    }
}

/// The day (Brasília time), desktop `2 + i % 20` and sequence `i / 20 + 1`.
fn protocol(i: usize, opened_at: i64) -> Protocol {
    Protocol {
        date: DateTime::from_timestamp_millis(opened_at - 3 * HOUR)
            .map(|at| at.date_naive())
            .unwrap_or_default(),
        desktop: u16::try_from(2 + i % DESKTOPS).unwrap_or(u16::MAX),
        sequence: u32::try_from(i / DESKTOPS + 1).unwrap_or(u32::MAX),
    }
}

/// The central server on a throwaway PostgreSQL cluster (`fsync` off, 32 MB of shared
/// buffers: `helpdesk_server::test_postgres`). Both stop when dropped.
pub struct Central {
    pub server: RunningServer,
    pub database_url: String,
    _postgres: PgServer,
}

impl Central {
    pub async fn start() -> Result<Self, Failure> {
        let postgres = tokio::task::spawn_blocking(PgServer::start).await??;
        let database_url = postgres.create_database("helpdesk").await?;
        let server = helpdesk_server::spawn(Config::local(&database_url, TOKEN)).await?;
        Ok(Self {
            server,
            database_url,
            _postgres: postgres,
        })
    }

    pub fn url(&self) -> String {
        self.server.url()
    }

    /// A pool of its own on the server's database, to look behind the API.
    pub async fn pool(&self) -> Result<sqlx::PgPool, Failure> {
        Ok(sqlx::PgPool::connect(&self.database_url).await?)
    }
}

/// Pushes every row waiting in `desktop`'s outbox, [`MAX_BATCH_ROWS`] a request, and
/// acknowledges each batch, as `sync_once` does (without pulling them back). Returns the
/// rows pushed and how long it took.
pub async fn push_all(
    desktop: &Desktop,
    client: &SyncClient,
) -> Result<(usize, Duration), Failure> {
    let started = Instant::now();
    let mut pushed = 0;
    let mut reported = 0;
    while let Some(batch) = sync::pending(&desktop.store, MAX_BATCH_ROWS as u32).await? {
        client.push(batch.rows.clone()).await?;
        sync::acknowledge(&desktop.store, &batch).await?;
        pushed += batch.rows.len();
        if pushed - reported >= 250_000 {
            reported = pushed;
            eprintln!(
                "  {pushed} rows pushed, {:.0} s",
                started.elapsed().as_secs_f64()
            );
        }
    }
    Ok((pushed, started.elapsed()))
}
