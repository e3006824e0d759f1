//! The "Agenda Técnica" with 50 technicians and 3,000 visits in the month shown: the visits
//! of the month view (all technicians), of a week and of a day (`work_orders::agenda`), the
//! month's visits as the JSON the window receives, a clash check and a drag saved
//! (`work_orders::reschedule`), through the store API.
//!
//! The data set is made in a temporary folder on every run (a few seconds), or once into
//! `$HELPDESK_AGENDA_DB` and reused: the demo catalog
//! and 5,000 customers, 34 more technicians (50 in all), and 3,000 visits a month from 12
//! months before the month measured (March 2027) to 2 months after it (45,000 visits, each
//! with its ticket), on working days (Monday to Saturday) between 08:00 and 18:00 in
//! São Paulo, one after another for each technician with gaps, snapped to 15 minutes.
//!
//! `cargo run --release -p helpdesk-bench --bin agenda [-- SAMPLES]`
use std::time::Instant;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use helpdesk_bench::{millis, Latencies};
use helpdesk_core::protocol::Protocol;
use helpdesk_core::ticket::TicketStatus;
use helpdesk_core::wizard::Origin;
use helpdesk_core::work_order::{
    AgendaQuery, Reschedule, Slot, WorkOrderCatalog, WorkOrderType, MINUTE,
};
use helpdesk_demo::DemoConfig;
use helpdesk_store::catalog;
use helpdesk_store::tickets::{self, TicketRow};
use helpdesk_store::work_orders::{self, RescheduleOutcome, WorkOrderRow};
use helpdesk_store::{new_id, now_millis, people, Store};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sqlx::types::Uuid;

const TECHNICIANS: usize = 50;
const VISITS_PER_MONTH: usize = 3_000;
const CUSTOMERS: usize = 5_000;
/// The month measured, and the months generated before and after it.
const YEAR: i32 = 2027;
const MONTH: u32 = 3;
const MONTHS_BEFORE: i32 = 12;
const MONTHS_AFTER: i32 = 2;

const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;
/// São Paulo, UTC−03:00.
const OFFSET: i64 = -3 * HOUR;
/// The working day, in local hours.
const OPENS: i64 = 8;
const CLOSES: i64 = 18;

const DESCRIPTIONS: &[&str] = &[
    "Instalar a ONU e o roteador; cliente pediu o ponto na sala.",
    "Sinal LOS vermelho desde ontem: verificar a fibra até a caixa de emenda.",
    "Retirar o equipamento em comodato após o cancelamento.",
    "Trocar o roteador por um modelo dual band.",
    "Levar a instalação para o endereço novo do cliente.",
    "Viabilidade técnica: medir a distância até a CTO mais próxima.",
];

/// A visit to write, and its ticket.
struct Row {
    id: Uuid,
    ticket_id: Uuid,
    customer_id: Uuid,
    address: String,
    technician_id: Uuid,
    type_id: Uuid,
    status_id: Uuid,
    starts_at: i64,
    ends_at: i64,
    description: &'static str,
}

/// The start of `date` in São Paulo, in Unix ms.
fn local_midnight(date: NaiveDate) -> i64 {
    date.and_hms_opt(0, 0, 0)
        .map_or(0, |midnight| midnight.and_utc().timestamp_millis() - OFFSET)
}

fn month_start(year: i32, month: i32) -> Option<NaiveDate> {
    let index = year * 12 + month - 1;
    NaiveDate::from_ymd_opt(
        index.div_euclid(12),
        u32::try_from(index.rem_euclid(12)).ok()? + 1,
        1,
    )
}

/// The working days (Monday to Saturday) of the month starting at `first`.
fn working_days(first: NaiveDate) -> Vec<NaiveDate> {
    first
        .iter_days()
        .take_while(|day| day.month() == first.month())
        .filter(|day| day.weekday() != Weekday::Sun)
        .collect()
}

/// The month's visits: each drawn onto a random working day of a technician, after the
/// technician's last visit of that day, until the month holds [`VISITS_PER_MONTH`].
fn month_visits(
    rng: &mut ChaCha8Rng,
    first: NaiveDate,
    catalog: &WorkOrderCatalog,
    customers: &[(Uuid, String)],
    past: bool,
) -> Result<Vec<Row>, Box<dyn std::error::Error>> {
    let days = working_days(first);
    let mut free_from = vec![vec![OPENS * HOUR; days.len()]; TECHNICIANS];
    let (open, done, cancelled) = (
        &catalog.statuses[1],
        &catalog.statuses[3],
        &catalog.statuses[4],
    );
    let mut rows = Vec::with_capacity(VISITS_PER_MONTH);
    let mut attempts = 0;
    while rows.len() < VISITS_PER_MONTH {
        attempts += 1;
        if attempts > 100 * VISITS_PER_MONTH {
            return Err("the month's working hours cannot hold its visits".into());
        }
        let technician = rng.gen_range(0..TECHNICIANS);
        let day = rng.gen_range(0..days.len());
        let kind = draw_type(rng, &catalog.types);
        let gap = rng.gen_range(0..=4) * 15 * MINUTE;
        let starts = free_from[technician][day] + gap;
        let ends = starts + i64::from(kind.default_minutes) * MINUTE;
        if ends > CLOSES * HOUR {
            continue;
        }
        free_from[technician][day] = ends;
        let (customer_id, address) = customers
            .choose(rng)
            .ok_or("the demo data has no customers")?;
        let status = if !past {
            open
        } else if rng.gen_bool(0.08) {
            cancelled
        } else {
            done
        };
        let midnight = local_midnight(days[day]);
        rows.push(Row {
            id: new_id(),
            ticket_id: new_id(),
            customer_id: *customer_id,
            address: address.clone(),
            technician_id: catalog.technicians[technician].id,
            type_id: kind.id,
            status_id: status.id,
            starts_at: midnight + starts,
            ends_at: midnight + ends,
            description: DESCRIPTIONS.choose(rng).copied().unwrap_or_default(),
        });
    }
    Ok(rows)
}

/// Installations and maintenance most, site surveys one in seven.
fn draw_type<'a>(rng: &mut ChaCha8Rng, types: &'a [WorkOrderType]) -> &'a WorkOrderType {
    let survey = types.iter().find(|kind| kind.name == "Site Survey");
    match survey {
        Some(survey) if rng.gen_bool(1.0 / 7.0) => survey,
        _ => {
            let others: Vec<&WorkOrderType> = types
                .iter()
                .filter(|kind| kind.name != "Site Survey")
                .collect();
            others.choose(rng).copied().unwrap_or(&types[0])
        }
    }
}

/// The data set, in the store at `store`.
async fn generate(store: &Store) -> Result<(), Box<dyn std::error::Error>> {
    let config = DemoConfig {
        customers: CUSTOMERS,
        messages: 0,
        ..DemoConfig::benchmark()
    };
    helpdesk_demo::seed(store, &config).await?;
    let teams: Vec<Uuid> = sqlx::query_scalar("SELECT id FROM teams ORDER BY name")
        .fetch_all(store.pool())
        .await?;
    let existing = work_orders::catalog(store).await?.technicians.len();
    for n in existing..TECHNICIANS {
        let technician = catalog::NewTechnician {
            name: format!("Técnico {:02}", n + 1),
            team_id: teams[n % teams.len()],
            user_id: None,
            phone: String::new(),
        };
        catalog::insert_technician(store, &technician).await?;
    }
    let catalog = work_orders::catalog(store).await?;
    if catalog.technicians.len() != TECHNICIANS || catalog.statuses.len() < 5 {
        return Err("the demo catalog is not the one this benchmark expects".into());
    }
    let customers: Vec<(Uuid, String)> = sqlx::query_as(
        "SELECT id, street || ', ' || number || ' - ' || district || ', ' || city
         FROM customers ORDER BY code",
    )
    .fetch_all(store.pool())
    .await?;
    let operator: Uuid = sqlx::query_scalar("SELECT id FROM users ORDER BY login LIMIT 1")
        .fetch_one(store.pool())
        .await?;
    let mut rng = ChaCha8Rng::seed_from_u64(2027);
    for month in -MONTHS_BEFORE..=MONTHS_AFTER {
        let first = month_start(YEAR, MONTH as i32 + month).ok_or("no such month")?;
        let rows = month_visits(&mut rng, first, &catalog, &customers, month < 0)?;
        // Protocols of the first of the month, from desktop 2, in order.
        let mut tickets = Vec::with_capacity(rows.len());
        for (sequence, row) in (1..).zip(&rows) {
            tickets.push(TicketRow {
                id: row.ticket_id,
                protocol: Protocol {
                    date: first,
                    desktop: 2,
                    sequence,
                },
                origin: Origin::Phone,
                customer_id: row.customer_id,
                customer_plan_id: None,
                new_plan_id: None,
                support_message_id: None,
                problem: "Visita técnica",
                ticket_type_id: None,
                assigned_user_id: None,
                assigned_role_id: None,
                status: TicketStatus::Open,
                opened_by: operator,
                opened_at: row.starts_at - 2 * DAY,
                due_at: None,
                resolved_at: None,
                first_contact_resolved: false,
                changed_at: store.stamp(),
            });
        }
        let visits: Vec<WorkOrderRow> = rows
            .iter()
            .map(|row| WorkOrderRow {
                id: row.id,
                ticket_id: row.ticket_id,
                customer_id: row.customer_id,
                slot: Slot {
                    technician_id: row.technician_id,
                    starts_at: row.starts_at,
                    ends_at: row.ends_at,
                },
                type_id: row.type_id,
                status_id: row.status_id,
                description: row.description,
                address: &row.address,
                changed_at: store.stamp(),
            })
            .collect();
        let mut tx = store.pool().begin().await?;
        tickets::insert_many_in(&mut tx, &tickets).await?;
        work_orders::insert_many_in(&mut tx, &visits).await?;
        tx.commit().await?;
    }
    Ok(())
}

fn everyone(from: i64, to: i64) -> AgendaQuery {
    AgendaQuery {
        from,
        to,
        technician_ids: Vec::new(),
        kind: None,
    }
}

/// One line of the table.
fn row(what: &str, latencies: &mut Latencies, rows: usize) {
    let samples = latencies.len().max(1);
    println!(
        "| {what} ({}) | {} | {} | {} | {:.0} |",
        latencies.len(),
        millis(latencies.percentile(50.0)),
        millis(latencies.percentile(95.0)),
        millis(latencies.percentile(100.0)),
        rows as f64 / samples as f64
    );
}

/// Times `agenda` on the query drawn for each sample.
async fn time_agenda(
    store: &Store,
    samples: usize,
    mut draw: impl FnMut() -> AgendaQuery,
) -> Result<(Latencies, usize), Box<dyn std::error::Error>> {
    let mut latencies = Latencies::default();
    let mut rows = 0;
    for _ in 0..samples {
        let query = draw();
        let started = Instant::now();
        let visits = work_orders::agenda(store, &query).await?;
        latencies.record(started.elapsed());
        rows += visits.len();
    }
    Ok((latencies, rows))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let samples: usize = std::env::args().nth(1).map_or(Ok(200), |s| s.parse())?;
    let dir = tempfile::tempdir()?;
    let path = std::env::var_os("HELPDESK_AGENDA_DB")
        .map_or_else(|| dir.path().join("agenda.db"), std::path::PathBuf::from);
    let store = Store::open(&path).await?;
    let started = Instant::now();
    if !people::has_users(&store).await? {
        generate(&store).await?;
    }
    let generated = started.elapsed();
    let catalog = work_orders::catalog(&store).await?;
    let visits: i64 = sqlx::query_scalar("SELECT count(*) FROM work_orders")
        .fetch_one(store.pool())
        .await?;
    let version: String = sqlx::query_scalar("SELECT sqlite_version()")
        .fetch_one(store.pool())
        .await?;
    println!(
        "{visits} visits of {} technicians, generated in {:.1} s; SQLite {version}",
        catalog.technicians.len(),
        generated.as_secs_f64()
    );

    let first = month_start(YEAR, MONTH as i32).ok_or("no such month")?;
    let next = month_start(YEAR, MONTH as i32 + 1).ok_or("no such month")?;
    let (month_from, month_to) = (local_midnight(first), local_midnight(next));
    // The month grid: the weeks from the Sunday on or before the 1st, six of them.
    let grid_from =
        local_midnight(first - Duration::days(i64::from(first.weekday().num_days_from_sunday())));
    let days = working_days(first);
    let all_ids: Vec<Uuid> = catalog.technicians.iter().map(|t| t.id).collect();
    let operator: Uuid = sqlx::query_scalar("SELECT id FROM users ORDER BY login LIMIT 1")
        .fetch_one(store.pool())
        .await?;
    let mut rng = ChaCha8Rng::seed_from_u64(7);

    let mut lines = Vec::new();
    let (latencies, rows) = time_agenda(&store, samples, || everyone(month_from, month_to)).await?;
    lines.push(("month view (31 days), all technicians", latencies, rows));
    let (latencies, rows) = time_agenda(&store, samples, || AgendaQuery {
        technician_ids: all_ids.clone(),
        ..everyone(month_from, month_to)
    })
    .await?;
    lines.push(("month view, the 50 technicians listed", latencies, rows));
    let (latencies, rows) = time_agenda(&store, samples, || {
        everyone(grid_from, grid_from + 42 * DAY)
    })
    .await?;
    lines.push(("month grid (42 days), all technicians", latencies, rows));
    let (latencies, rows) = time_agenda(&store, samples, || {
        let day = days.choose(&mut rng).copied().unwrap_or(first);
        let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
        everyone(local_midnight(monday), local_midnight(monday) + 7 * DAY)
    })
    .await?;
    lines.push(("week view, all technicians", latencies, rows));
    let (latencies, rows) = time_agenda(&store, samples, || {
        let day = days.choose(&mut rng).copied().unwrap_or(first);
        everyone(local_midnight(day), local_midnight(day) + DAY)
    })
    .await?;
    lines.push(("day view, all technicians", latencies, rows));

    // The month as the window receives it.
    let month = work_orders::agenda(&store, &everyone(month_from, month_to)).await?;
    let mut json = Latencies::default();
    let mut bytes = 0;
    for _ in 0..samples {
        let started = Instant::now();
        bytes = serde_json::to_vec(&month)?.len();
        json.record(started.elapsed());
    }

    // A drag: a clash check, then the visit saved at its new time (the clash accepted, so
    // every sample writes).
    let mut clash_checks = Latencies::default();
    let mut saves = Latencies::default();
    let mut rng = ChaCha8Rng::seed_from_u64(9);
    let mut clashing = 0;
    for _ in 0..samples {
        let Some(visit) = month.choose(&mut rng) else {
            break;
        };
        let Some(current) = work_orders::visit(&store, visit.id).await? else {
            continue;
        };
        let technician = all_ids
            .choose(&mut rng)
            .copied()
            .unwrap_or(visit.slot.technician_id);
        let shift = rng.gen_range(-8..=8) * 15 * MINUTE;
        let slot = Slot {
            technician_id: technician,
            starts_at: current.slot.starts_at + shift,
            ends_at: current.slot.ends_at + shift,
        };
        let started = Instant::now();
        let mut conn = store.pool().acquire().await?;
        clashing += work_orders::clashes_in(&mut conn, &slot, Some(current.id))
            .await?
            .len();
        drop(conn);
        clash_checks.record(started.elapsed());
        let request = Reschedule {
            visit_id: current.id,
            slot,
            changed_at: current.changed_at,
            allow_clash: true,
        };
        let started = Instant::now();
        let outcome = work_orders::reschedule(&store, &request, operator, now_millis()).await?;
        saves.record(started.elapsed());
        if !matches!(outcome, RescheduleOutcome::Saved(_)) {
            return Err(format!("a drag was not saved: {outcome:?}").into());
        }
    }

    println!();
    println!("| operation | p50 ms | p95 ms | max ms | visits (avg) |");
    println!("|---|---:|---:|---:|---:|");
    for (what, mut latencies, rows) in lines {
        row(&format!("`agenda`: {what}"), &mut latencies, rows);
    }
    row(
        &format!(
            "the month's visits as JSON for the window ({} KB)",
            bytes / 1024
        ),
        &mut json,
        month.len() * samples,
    );
    row("a drag: `clashes_in`", &mut clash_checks, clashing);
    let saved = saves.len();
    row("a drag: `reschedule`", &mut saves, saved);
    store.close().await;
    Ok(())
}
