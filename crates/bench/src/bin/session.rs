//! What issue 15 added to every command and to the administrator's screens, over the
//! benchmark data set (500,000 customers): the session's re-read of the operator before each
//! command, a sign-in (throttle check, Argon2id, the failures forgiven), and each catalog's
//! list and an entry's save. Prints p50/p95/max.
//!
//! `cargo run --release -p helpdesk-bench --bin session [-- SAMPLES]`
use std::time::Instant;

use helpdesk_bench::{benchmark_store, millis, Latencies};
use helpdesk_core::catalog::CatalogKind;
use helpdesk_demo::ADMIN;
use helpdesk_store::catalog::{self, SaveOutcome};
use helpdesk_store::login_failures::{self, SignInOutcome};
use helpdesk_store::people;

/// Prints one line of the table: `what`, then the latencies' p50, p95 and max.
fn row(what: &str, latencies: &mut Latencies) {
    println!(
        "| {what} | {} | {} | {} |",
        millis(latencies.percentile(50.0)),
        millis(latencies.percentile(95.0)),
        millis(latencies.percentile(100.0))
    );
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let samples: usize = std::env::args().nth(1).map_or(Ok(1_000), |s| s.parse())?;
    let store = benchmark_store().await?;
    println!("| operation | p50 ms | p95 ms | max ms |");
    println!("|---|---:|---:|---:|");

    let now = || chrono::Utc::now().timestamp_millis();
    let mut sign_ins = Latencies::default();
    let mut operator = None;
    for _ in 0..samples.min(50) {
        let started = Instant::now();
        let outcome = login_failures::sign_in(&store, ADMIN.login, ADMIN.password, now()).await?;
        sign_ins.record(started.elapsed());
        match outcome {
            SignInOutcome::SignedIn(signed_in) => operator = Some(signed_in),
            other => return Err(format!("the demo's administrator was refused: {other:?}").into()),
        }
    }
    let operator = operator.ok_or("no sign-in was measured")?;

    let mut rereads = Latencies::default();
    for _ in 0..samples {
        let started = Instant::now();
        let current = people::active_operator(&store, operator.id).await?;
        rereads.record(started.elapsed());
        current.ok_or("the administrator is no longer active")?;
    }
    row("the session's re-read before each command", &mut rereads);
    row("a sign-in (throttle, Argon2id)", &mut sign_ins);

    for kind in CatalogKind::ALL {
        let mut lists = Latencies::default();
        let mut entries = Vec::new();
        for _ in 0..samples.min(200) {
            let started = Instant::now();
            entries = catalog::list(&store, kind).await?;
            lists.record(started.elapsed());
        }
        row(
            &format!("\"{}\": the list ({} entries)", kind.label(), entries.len()),
            &mut lists,
        );
    }

    // A save of the first plan as it is (name check, update, sync capture), many times.
    let plans = catalog::list(&store, CatalogKind::Plans).await?;
    let plan = plans.first().ok_or("the data set has no plan")?;
    let values = plan
        .fields
        .parse()
        .map_err(|errors| format!("{errors:?}"))?;
    let mut saves = Latencies::default();
    for _ in 0..samples.min(200) {
        let started = Instant::now();
        let outcome = catalog::save(&store, Some(plan.id), &values).await?;
        saves.record(started.elapsed());
        if !matches!(outcome, SaveOutcome::Saved(_)) {
            return Err(format!("the plan's save was refused: {outcome:?}").into());
        }
    }
    row("\"Planos\": an entry saved", &mut saves);
    Ok(())
}
