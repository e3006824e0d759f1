//! The agenda's layout in the core (`helpdesk_core::agenda`), without the query: the month
//! view ("Mês") with 50 technicians and 3,000 visits over its six weeks — the technicians
//! the filters select, the visits' slots, the day cells with three chips and "+N" — and,
//! for comparison, the busiest day in "Dia" (every technician's column, lanes included)
//! and its week in "Semana". Visits are generated deterministically. Prints p50/p95/max.
//!
//! `cargo run --release -p helpdesk-bench --bin agenda_layout [-- SAMPLES]`
use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use helpdesk_bench::{millis, Latencies};
use helpdesk_core::agenda::{
    days_of, layout_column, month_cells, range_of, HourSpan, TechnicianFilter, View,
};
use helpdesk_core::date::start_of_day;
use helpdesk_core::work_order::{Slot, Technician, MINUTE};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

const TECHNICIANS: u128 = 50;
const VISITS: usize = 3_000;
const SAO_PAULO: i32 = -180;
/// As in the UI's time grid.
const PX_PER_MINUTE: f64 = 1.2;
const CHIPS_PER_DAY: usize = 3;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let samples: usize = std::env::args().nth(1).map_or(Ok(1_000), |s| s.parse())?;
    let date = NaiveDate::from_ymd_opt(2026, 11, 17).ok_or("no such date")?;
    let technicians: Vec<Technician> = (1..=TECHNICIANS)
        .map(|id| Technician {
            id: Uuid::from_u128(id),
            name: format!("Técnico {id}"),
            team_id: Uuid::from_u128(1_000 + id % 5),
            team_name: format!("Equipe {}", id % 5),
            user_id: None,
        })
        .collect();
    let range = range_of(View::Month, date, SAO_PAULO);
    let slots = generate(range.from, &technicians);
    let filter = TechnicianFilter::default();
    let operator = Uuid::from_u128(7);

    let mut month = Latencies::default();
    let mut day = Latencies::default();
    let mut week = Latencies::default();
    for _ in 0..samples {
        let started = Instant::now();
        let shown = filter.selected(&technicians, operator);
        let days = days_of(View::Month, date);
        let range = range_of(View::Month, date, SAO_PAULO);
        let visible: Vec<Slot> = slots
            .iter()
            .filter(|slot| shown.iter().any(|t| t.id == slot.technician_id))
            .copied()
            .collect();
        black_box(month_cells(&days, range, &visible, CHIPS_PER_DAY));
        month.record(started.elapsed());

        let started = Instant::now();
        let busiest = date;
        let day_range = range_of(View::Day, busiest, SAO_PAULO);
        let span = HourSpan::covering(&slots, day_range);
        let day_start = start_of_day(busiest, SAO_PAULO);
        for technician in &shown {
            let column: Vec<Slot> = slots
                .iter()
                .filter(|slot| slot.technician_id == technician.id)
                .copied()
                .collect();
            black_box(layout_column(&column, day_start, span, PX_PER_MINUTE));
        }
        day.record(started.elapsed());

        let started = Instant::now();
        let week_range = range_of(View::Week, date, SAO_PAULO);
        let span = HourSpan::covering(&slots, week_range);
        for day in days_of(View::Week, date) {
            black_box(layout_column(
                &slots,
                start_of_day(day, SAO_PAULO),
                span,
                PX_PER_MINUTE,
            ));
        }
        week.record(started.elapsed());
    }
    println!("| layout (core, no query) | p50 ms | p95 ms | max ms |");
    println!("|---|---:|---:|---:|");
    for (what, latencies) in [
        (
            "\"Mês\": 50 technicians, 3,000 visits, 42 day cells",
            &mut month,
        ),
        ("\"Dia\": 50 technician columns with lanes", &mut day),
        (
            "\"Semana\": 7 day columns of 3,000 visits with lanes",
            &mut week,
        ),
    ] {
        println!(
            "| {what} | {} | {} | {} |",
            millis(latencies.percentile(50.0)),
            millis(latencies.percentile(95.0)),
            millis(latencies.percentile(100.0))
        );
    }
    println!("{samples} samples each");
    Ok(())
}

/// 3,000 visits of 30 minutes to 3 hours on the 15-minute grid, between 07:00 and 21:00 of
/// the grid's 42 days, spread over the technicians; some overlap, as on a busy agenda.
fn generate(from: i64, technicians: &[Technician]) -> Vec<Slot> {
    let mut random = ChaCha8Rng::seed_from_u64(6);
    (0..VISITS)
        .map(|at| {
            let day = random.gen_range(0..42_i64);
            let start = 7 * 60 + 15 * random.gen_range(0..56_i64);
            let minutes = 15 * random.gen_range(2..=12_i64);
            let starts_at = from + day * 24 * 60 * MINUTE + start * MINUTE;
            Slot {
                technician_id: technicians[at % technicians.len()].id,
                starts_at,
                ends_at: starts_at + minutes * MINUTE,
            }
        })
        .collect()
}
