//! Tickets at 1,000,000: saving a ticket (`tickets::save`, with a script report; one save in
//! five also with an attachment and a task), finding one by its protocol, and the list's
//! first page (50) with filters, through the store API.
//!
//! The database is the demo data at 50,000 customers (no messages) with 1,000,000 tickets
//! over the two years before it was generated, each with three history events; generated on
//! first use into `$HELPDESK_TICKETS_DB` (default `/var/tmp/helpdesk-bench-tickets.db`) and
//! reused ([`data_set`]). Every run adds its saves to it.
//!
//! `cargo run --release -p helpdesk-bench --bin tickets [-- SAMPLES]`
mod catalog;
mod data_set;

use std::time::Instant;

use helpdesk_bench::{millis, Latencies};
use helpdesk_core::attachment::DraftAttachment;
use helpdesk_core::protocol::Protocol;
use helpdesk_core::script::{ScriptRun, ScriptVersionRef};
use helpdesk_core::task::NewTask;
use helpdesk_core::ticket::{NewTicket, TicketCursor, TicketFilter, TicketStatus};
use helpdesk_core::ticket_type::Assignee;
use helpdesk_core::wizard::Origin;
use helpdesk_store::{now_millis, protocols, scripts, tickets};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sqlx::types::Uuid;

use catalog::{Catalog, CONTACTS, PROBLEMS};
use data_set::{
    data_set, database_path, iso_date, local_midnight, tickets_config, today, CUSTOMERS, DAY, DAYS,
};

/// Saves measured, and samples of each query.
const SAVES: usize = 500;
const LOOKUPS: usize = 2_000;

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
    let store = data_set(&path, &tickets_config()).await?;
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
            plan: helpdesk_core::ticket::TicketPlan::Contract(customer_plan_id),
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
