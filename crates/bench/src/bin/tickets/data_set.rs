//! The data set: the demo catalog, customers and messages, then 1,000,000 tickets with three
//! history entries each, written in bulk through the store ([`tickets::insert_many_in`],
//! [`ticket_events::insert_many_in`]), 10,000 tickets a transaction, resuming where an
//! interrupted run stopped.
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Instant;

use chrono::NaiveDate;
use helpdesk_core::business_hours::SlaCalendar;
use helpdesk_core::clock::HybridClock;
use helpdesk_core::protocol::Protocol;
use helpdesk_core::ticket::TicketStatus;
use helpdesk_core::ticket_type::Assignee;
use helpdesk_core::wizard::Origin;
use helpdesk_demo::DemoConfig;
use helpdesk_store::ticket_events::{self, EventRow};
use helpdesk_store::tickets::{self, TicketRow};
use helpdesk_store::{local_settings, now_millis, people, Store};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection};

use crate::catalog::{Catalog, CONTACTS, PROBLEMS};

/// Tickets in the data set.
const TICKETS: u64 = 1_000_000;
/// Customers in the data set.
pub const CUSTOMERS: usize = 50_000;
/// The days the tickets spread over, ending the day before the data set was made.
pub const DAYS: u64 = 730;
/// Tickets per transaction.
const BATCH: u64 = 10_000;
/// The generated tickets come from desktops 2 to 21; the saves measured take their
/// protocols from this desktop's own sequence (desktop 1), so they never collide.
const DESKTOPS: u64 = 20;

const HOUR: i64 = 3_600_000;
pub const DAY: i64 = 24 * HOUR;
/// Brasília time, UTC-3 (no daylight saving time since 2019).
const LOCAL_OFFSET: i64 = -3 * HOUR;

/// `local_settings` keys recording the generation, so an interrupted run resumes.
const FIRST_DAY: &str = "bench.tickets.first_day";
const GENERATED: &str = "bench.tickets.generated";

/// The answers of the generated script reports.
const ANSWERS: &[&str] = &["Sim", "Não", "Acesa e verde", "Piscando", "Apagada"];

/// `$HELPDESK_TICKETS_DB`, or `/var/tmp/helpdesk-bench-tickets.db`.
pub fn database_path() -> PathBuf {
    std::env::var_os("HELPDESK_TICKETS_DB").map_or_else(
        || "/var/tmp/helpdesk-bench-tickets.db".into(),
        PathBuf::from,
    )
}

/// The tickets benchmark's demo data: [`CUSTOMERS`] customers, no messages.
pub fn tickets_config() -> DemoConfig {
    DemoConfig {
        customers: CUSTOMERS,
        messages: 0,
        ..DemoConfig::benchmark()
    }
}

/// The data set: the demo catalog, customers and messages of `config`, then the tickets.
pub async fn data_set(
    path: &Path,
    config: &DemoConfig,
) -> Result<Store, Box<dyn std::error::Error>> {
    let store = Store::open(path).await?;
    if !people::has_users(&store).await? {
        eprintln!(
            "generating {} customers and {} messages into {}",
            config.customers,
            config.messages,
            path.display()
        );
        let started = Instant::now();
        helpdesk_demo::seed(&store, config).await?;
        eprintln!("generated in {:.1} s", started.elapsed().as_secs_f64());
    }
    let generated = local_settings::get(&store, GENERATED).await?;
    let generated: u64 = generated.map_or(Ok(0), |n| n.parse())?;
    if generated >= TICKETS {
        return Ok(store);
    }
    let first_day = match local_settings::get(&store, FIRST_DAY).await? {
        Some(day) => day.parse()?,
        None => {
            let day = today() - DAYS as i64;
            let mut conn = store.pool().acquire().await?;
            local_settings::set_in(&mut conn, FIRST_DAY, &day.to_string()).await?;
            day
        }
    };
    let catalog = Catalog::load(&store).await?;
    store.close().await;
    generate_tickets(path, &catalog, first_day, generated).await?;
    Ok(Store::open(path).await?)
}

/// Writes tickets `from..TICKETS`, spread over the [`DAYS`] from `first_day` (days since
/// 1970-01-01) on, on one connection of its own: no foreign-key checks (the rows refer to
/// the catalog just read), no syncs, a large page cache.
async fn generate_tickets(
    path: &Path,
    catalog: &Catalog,
    first_day: i64,
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
    let generator = Generator::new(catalog, first_day);
    eprintln!(
        "generating tickets {from}..{TICKETS} from {} on, {BATCH} a transaction",
        iso_date(generator.first_day)
    );
    let started = Instant::now();
    let mut next = from;
    while next < TICKETS {
        let end = (next + BATCH).min(TICKETS);
        let mut tickets = Vec::with_capacity((end - next) as usize);
        let mut events = Vec::with_capacity(3 * tickets.capacity());
        for i in next..end {
            let (ticket, history) = generator.ticket(i)?;
            tickets.push(ticket);
            events.extend(history);
        }
        let mut tx = db.begin().await?;
        tickets::insert_many_in(&mut tx, &tickets).await?;
        ticket_events::insert_many_in(&mut tx, &events).await?;
        local_settings::set_in(&mut tx, GENERATED, &end.to_string()).await?;
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

    /// Ticket `i` and its three history entries.
    fn ticket(
        &self,
        i: u64,
    ) -> Result<(TicketRow<'static>, [EventRow<'static>; 3]), Box<dyn std::error::Error>> {
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
        let (year, month, day_of_month) = civil(date);
        let protocol = Protocol {
            date: NaiveDate::from_ymd_opt(i32::try_from(year)?, month, day_of_month)
                .ok_or("no such day")?,
            desktop: u16::try_from(2 + j % DESKTOPS)?,
            sequence: u32::try_from(j / DESKTOPS + 1)?,
        };
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
        // No business hours are set here: calendar hours.
        let due_at = SlaCalendar::default().due_at(opened_at, kind);
        let resolved_at = (status == TicketStatus::Resolved).then(|| {
            let took = rng.gen_range(5 * 60_000..=(2 * (due_at - opened_at)).max(10 * 60_000));
            (opened_at + took).min(self.end)
        });
        let origin = [
            Origin::Phone,
            Origin::Phone,
            Origin::Phone,
            Origin::Support,
            Origin::Chat,
            Origin::InPerson,
            Origin::Email,
        ]
        .choose(&mut rng)
        .copied()
        .unwrap_or(Origin::Phone);
        let mut clock = HybridClock::default();
        let ticket_id = helpdesk_store::new_id();
        let event = |kind, payload, user_id, at, clock: &mut HybridClock| EventRow {
            id: helpdesk_store::new_id(),
            ticket_id,
            kind,
            payload,
            user_id,
            at,
            changed_at: clock.tick(at),
        };
        let opened = event(
            "opened",
            format!(
                r#"{{"protocol":"{protocol}","origin":"{}"}}"#,
                origin.label()
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
        let ticket = TicketRow {
            id: ticket_id,
            protocol,
            origin,
            customer_id,
            customer_plan_id: Some(customer_plan_id),
            new_plan_id: None,
            support_message_id: None,
            problem: PROBLEMS.choose(&mut rng).copied().unwrap_or_default(),
            ticket_type_id: Some(kind.id),
            assigned_user_id,
            assigned_role_id,
            status,
            opened_by,
            opened_at,
            due_at: Some(due_at),
            resolved_at,
            first_contact_resolved: resolved_at == Some(opened_at),
            changed_at: clock.tick(resolved_at.unwrap_or(opened_at)),
        };
        Ok((ticket, events))
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

/// The first instant of the day `date` (days since 1970-01-01) in Brasília time, Unix ms.
pub fn local_midnight(date: i64) -> i64 {
    date * DAY - LOCAL_OFFSET
}

/// Today in Brasília time, in days since 1970-01-01.
pub fn today() -> i64 {
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
pub fn iso_date(date: i64) -> String {
    let (year, month, day) = civil(date);
    format!("{year:04}-{month:02}-{day:02}")
}
