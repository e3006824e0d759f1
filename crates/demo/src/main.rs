//! Fills a new help-desk database with demo data.
//!
//! ```text
//! helpdesk-demo --db <path> [--seed <u64>] [--scale small|benchmark]
//!               [--customers <n>] [--messages <n>]
//! ```
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use helpdesk_demo::DemoConfig;
use helpdesk_store::{people, Store};

const USAGE: &str = "usage: helpdesk-demo --db <path> [--seed <u64>] [--scale small|benchmark] \
                     [--customers <n>] [--messages <n>]";

struct Args {
    db: PathBuf,
    config: DemoConfig,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut db = None;
    let mut seed = None;
    let mut scale = DemoConfig::small();
    let mut customers = None;
    let mut messages = None;
    while let Some(flag) = args.next() {
        if flag == "--help" || flag == "-h" {
            return Err(USAGE.to_string());
        }
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let number = |value: &str| {
            value
                .replace('_', "")
                .parse::<u64>()
                .map_err(|_| format!("{flag}: not a number: {value}"))
        };
        match flag.as_str() {
            "--db" => db = Some(PathBuf::from(value)),
            "--seed" => seed = Some(number(&value)?),
            "--scale" => {
                scale = match value.as_str() {
                    "small" => DemoConfig::small(),
                    "benchmark" => DemoConfig::benchmark(),
                    _ => return Err(format!("--scale: small or benchmark, not {value}")),
                }
            }
            "--customers" => customers = Some(number(&value)?),
            "--messages" => messages = Some(number(&value)?),
            _ => return Err(format!("unknown argument {flag}\n{USAGE}")),
        }
    }
    let db = db.ok_or_else(|| format!("--db is required\n{USAGE}"))?;
    let size = |n: u64| usize::try_from(n).map_err(|_| format!("too many: {n}"));
    let config = DemoConfig {
        seed: seed.unwrap_or(scale.seed),
        customers: customers.map(size).transpose()?.unwrap_or(scale.customers),
        messages: messages.map(size).transpose()?.unwrap_or(scale.messages),
    };
    Ok(Args { db, config })
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match run(&args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: &Args) -> Result<(), String> {
    let started = Instant::now();
    let db = args.db.display();
    let store = Store::open(&args.db)
        .await
        .map_err(|error| format!("cannot open {db}: {error}"))?;
    let has_users = people::has_users(&store)
        .await
        .map_err(|error| format!("cannot read {db}: {error}"))?;
    if has_users {
        store.close().await;
        return Err(format!(
            "{db} already has users; demo data only goes into a new database"
        ));
    }
    let config = &args.config;
    println!(
        "seeding {db}: seed {}, {} customers, {} messages",
        config.seed, config.customers, config.messages
    );
    let result = match helpdesk_demo::seed(&store, config).await {
        Ok(summary) => helpdesk_demo::seed_tickets(&store, config)
            .await
            .map(|tickets| (summary, tickets)),
        Err(error) => Err(error),
    };
    store.close().await;
    let (summary, tickets) = result.map_err(|error| format!("seeding {db} failed: {error}"))?;
    println!("{summary}");
    println!("{tickets}");
    println!("done in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, String> {
        parse_args(args.iter().map(|arg| arg.to_string()))
    }

    #[test]
    fn defaults_to_the_small_scale() {
        let args = parse(&["--db", "demo.db"]).expect("valid");
        assert_eq!(args.db, PathBuf::from("demo.db"));
        assert_eq!(args.config, DemoConfig::small());
    }

    #[test]
    fn overrides_apply_to_the_chosen_scale() {
        let args = parse(&[
            "--scale",
            "benchmark",
            "--messages",
            "1_000",
            "--seed",
            "9",
            "--db",
            "x.db",
        ])
        .expect("valid");
        let expected = DemoConfig {
            seed: 9,
            messages: 1_000,
            ..DemoConfig::benchmark()
        };
        assert_eq!(args.config, expected);
    }

    #[test]
    fn rejects_bad_arguments() {
        assert!(parse(&[]).is_err());
        assert!(parse(&["--db"]).is_err());
        assert!(parse(&["--db", "x", "--scale", "huge"]).is_err());
        assert!(parse(&["--db", "x", "--customers", "many"]).is_err());
        assert!(parse(&["--db", "x", "--force"]).is_err());
    }
}
