//! "Script de Atendimento" at 500 questions: a generated script (the same every run) read
//! from its JSON and checked for publishing; published to a fresh database and loaded back
//! through the store API; then run with random answers and "Anterior", one step at a time.
//! Prints the tables of `docs/PERFORMANCE.md`.
//!
//! `cargo run --release -p helpdesk-bench --bin scripts [-- NODES]`
use std::time::{Duration, Instant};

use helpdesk_bench::{millis, Latencies};
use helpdesk_core::script::{
    Outcome, ScriptDefinition, ScriptDraft, ScriptNode, ScriptOption, ScriptRun, ScriptVersionRef,
};
use helpdesk_store::scripts::{self, PublishOutcome};
use helpdesk_store::Store;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Repetitions of the parse-and-check and of the load.
const REPEATS: usize = 200;
/// Steps of the run.
const STEPS: usize = 10_000;
/// Scripts of the same size in the list, for the list's cost.
const LISTED: usize = 20;

const SUBJECTS: &[&str] = &[
    "a luz PON da ONU",
    "a luz LOS",
    "a sessão PPPoE",
    "o sinal do Wi-Fi de 5 GHz",
    "o cabo de rede na porta WAN",
    "o teste de velocidade no cabo",
    "a potência óptica (RX) na OLT",
    "o roteador depois de reiniciado",
    "o adaptador PoE da antena",
    "a página de um site qualquer",
];
const CUSTOMER_TEXTS: &[&str] = &[
    "Vou pedir para o(a) senhor(a) olhar o aparelho onde chega o cabo da fibra e me dizer \
     quais luzes estão acesas e de que cor.",
    "Desligue o roteador da tomada por 30 segundos, ligue de novo e aguarde dois minutos \
     antes de testar outra vez.",
    "Abra um site qualquer, por exemplo um portal de notícias, e me diga se a página carrega \
     por completo.",
    "Nas configurações de Wi-Fi do celular, veja o nome da rede conectada; a de 5 GHz \
     costuma terminar em _5G.",
];
const OPERATOR_TEXTS: &[&str] = &[
    "Consulte a ONU na OLT do ponto de roteamento: estado, potência óptica recebida (RX) e o \
     motivo da última queda (LOS ou falta de energia).",
    "Procure o login no concentrador (BRAS) do ponto de roteamento: sessão ativa, IP \
     atribuído e erros de autenticação recentes.",
    "Veja a ocupação do uplink do ponto e os atendimentos recentes dos clientes dele antes \
     de abrir um chamado de rede.",
];
const ANSWERS: &[&str] = &[
    "Sim",
    "Não",
    "Acesa e verde",
    "Piscando",
    "Apagada",
    "Vermelha",
    "O cliente não sabe dizer",
    "Melhorou depois de reiniciar",
];

/// What the generator made.
#[derive(Debug, Default)]
struct Shape {
    options: usize,
    ends: usize,
    back_edges: usize,
    cross_edges: usize,
}

/// A sound script of `count` questions: each has 2 to 4 answers. The first answers give
/// every question its place in a breadth-first tree (so every question is reachable); the
/// others end the script, jump ahead, or go back to an earlier question. Questions past the
/// tree's end always have one answer that ends the script, so every loop has an exit.
fn generate(count: usize, seed: u64) -> (ScriptDefinition, Shape) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let id = |i: usize| format!("p{i:03}");
    let mut shape = Shape::default();
    let mut next_child = 1;
    let mut nodes = Vec::with_capacity(count);
    for i in 0..count {
        let answers = rng.gen_range(2..=4);
        let mut options = Vec::with_capacity(answers);
        for a in 0..answers {
            let label = format!("{} ({})", ANSWERS.choose(&mut rng).unwrap_or(&"Sim"), a + 1);
            let leaf = next_child >= count;
            let target = if !leaf && (a == 0 || rng.gen_bool(0.85)) {
                next_child += 1;
                Some(next_child - 1)
            } else if leaf && a == 0 {
                None
            } else {
                match rng.gen_range(0..100) {
                    0..=69 => None,
                    70..=89 if i + 1 < count => {
                        shape.cross_edges += 1;
                        Some(rng.gen_range(i + 1..count))
                    }
                    _ if i > 0 => {
                        shape.back_edges += 1;
                        Some(rng.gen_range(0..i))
                    }
                    _ => None,
                }
            };
            let option = match target {
                Some(next) => ScriptOption {
                    label,
                    next: Some(id(next)),
                    outcome: None,
                    ticket_type: None,
                },
                None => {
                    shape.ends += 1;
                    let outcome = Outcome::ALL[rng.gen_range(0..Outcome::ALL.len())];
                    ScriptOption {
                        label,
                        next: None,
                        outcome: Some(outcome),
                        ticket_type: (outcome == Outcome::WorkOrder)
                            .then(|| "Visita técnica".to_owned()),
                    }
                }
            };
            options.push(option);
        }
        shape.options += options.len();
        nodes.push(ScriptNode {
            id: id(i),
            question: format!(
                "Pergunta {}: como está {}?",
                i + 1,
                SUBJECTS.choose(&mut rng).unwrap_or(&"a conexão")
            ),
            customer_explanation: (*CUSTOMER_TEXTS.choose(&mut rng).unwrap_or(&"")).to_owned(),
            operator_explanation: (*OPERATOR_TEXTS.choose(&mut rng).unwrap_or(&"")).to_owned(),
            options,
        });
    }
    let definition = ScriptDefinition {
        start: id(0),
        nodes,
    };
    (definition, shape)
}

fn micros(duration: Duration) -> String {
    format!("{:.1}", duration.as_secs_f64() * 1e6)
}

fn row(what: &str, latencies: &mut Latencies, unit: fn(Duration) -> String) {
    println!(
        "| {what} | {} | {} | {} |",
        unit(latencies.percentile(50.0)),
        unit(latencies.percentile(95.0)),
        unit(latencies.percentile(100.0))
    );
}

fn published(result: PublishOutcome) -> Result<helpdesk_core::script::PublishedScript, String> {
    match result {
        PublishOutcome::Published(script) => Ok(script),
        other => Err(format!("not published: {other:?}")),
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count: usize = std::env::args().nth(1).map_or(Ok(500), |s| s.parse())?;
    let (definition, shape) = generate(count, 2026);
    let json = definition.to_json();
    let problems = definition.problems();
    if !problems.is_empty() {
        return Err(format!("the generated script is not sound: {problems:?}").into());
    }
    println!(
        "{count} questions, {} answers ({} end the script, {} jump ahead, {} go back); \
         {:.0} KB of JSON",
        shape.options,
        shape.ends,
        shape.cross_edges,
        shape.back_edges,
        json.len() as f64 / 1024.0
    );

    // (a) Reading the JSON (an import, or the definition a load reads) and the checks.
    let (mut parse, mut check, mut both) = (
        Latencies::default(),
        Latencies::default(),
        Latencies::default(),
    );
    for _ in 0..REPEATS {
        let started = Instant::now();
        let read = ScriptDefinition::from_json(&json)?;
        let parsed = started.elapsed();
        let checked = Instant::now();
        let sound = read.validate().is_ok();
        let done = Instant::now();
        if !sound {
            return Err("the script read back is not sound".into());
        }
        parse.record(parsed);
        check.record(done - checked);
        both.record(done - started);
    }

    // (b) Published to a fresh database, and loaded back through the store.
    let dir = tempfile::tempdir()?;
    let store = Store::open(&dir.path().join("scripts.db")).await?;
    let draft = ScriptDraft {
        id: None,
        name: "Sem conexão (gerado)".into(),
        keywords: "sem conexão, LOS, PPPoE".into(),
        definition: definition.clone(),
    }
    .validate()
    .map_err(|errors| format!("{errors:?}"))?;
    let mut publish = Latencies::default();
    let started = Instant::now();
    let first = published(scripts::publish(&store, &draft).await?)?;
    publish.record(started.elapsed());
    for _ in 1..LISTED {
        let next = ScriptDraft {
            id: Some(first.id),
            ..draft.clone()
        };
        let started = Instant::now();
        published(scripts::publish(&store, &next).await?)?;
        publish.record(started.elapsed());
    }
    let (mut load_latest, mut load_first) = (Latencies::default(), Latencies::default());
    for _ in 0..REPEATS {
        let started = Instant::now();
        let latest = scripts::load(
            &store,
            ScriptVersionRef {
                script_id: first.id,
                version: None,
            },
        )
        .await?
        .ok_or("the script is gone")?;
        load_latest.record(started.elapsed());
        let started = Instant::now();
        let old = scripts::load(
            &store,
            ScriptVersionRef {
                script_id: first.id,
                version: Some(1),
            },
        )
        .await?
        .ok_or("version 1 is gone")?;
        load_first.record(started.elapsed());
        if latest.definition != definition || old.version != 1 {
            return Err("loaded a different script".into());
        }
    }
    // The list with LISTED scripts of this size.
    for n in 1..LISTED {
        let other = ScriptDraft {
            name: format!("Script gerado {n}"),
            ..draft.clone()
        };
        let started = Instant::now();
        published(scripts::publish(&store, &other).await?)?;
        publish.record(started.elapsed());
    }
    let mut list = Latencies::default();
    for _ in 0..REPEATS / 4 {
        let started = Instant::now();
        let listed = scripts::list(&store).await?;
        list.record(started.elapsed());
        if listed.len() != LISTED || listed.iter().any(|s| s.nodes as usize != count) {
            return Err("the list is wrong".into());
        }
    }
    store.close().await;

    // (c) The run: random answers (three times in four one that goes on, when there is
    // one, so that runs go deep and round the loops), "Anterior" now and then, and one to
    // four times after each end.
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let mut run = ScriptRun::new(first.id, &first.name, first.version);
    let (mut step, mut back) = (Latencies::default(), Latencies::default());
    let (mut ends, mut deepest) = (0, 0);
    let mut on_screen = run.current(&definition);
    // After an end, back one to four questions, to take another branch there.
    let mut backing = 0_u32;
    for at in 0..STEPS {
        if run.is_finished(&definition) {
            ends += 1;
            backing = rng.gen_range(1..=4);
        }
        let wanders = run.can_go_back() && rng.gen_bool(0.1);
        let Some(node) = on_screen.filter(|_| backing == 0 && !wanders) else {
            backing = backing.saturating_sub(1);
            let started = Instant::now();
            run.back();
            on_screen = run.current(&definition);
            back.record(started.elapsed());
            continue;
        };
        let going_on: Vec<usize> = (0..node.options.len())
            .filter(|&i| node.options[i].next.is_some())
            .collect();
        let option = match going_on.choose(&mut rng) {
            Some(&index) if rng.gen_bool(0.75) => index,
            _ => rng.gen_range(0..node.options.len()),
        };
        let option = u32::try_from(option)?;
        let at = i64::try_from(at)?;
        let started = Instant::now();
        let answered = run.answer(&definition, option, at);
        on_screen = run.current(&definition);
        step.record(started.elapsed());
        if !answered {
            return Err("an answer on screen was refused".into());
        }
        deepest = deepest.max(run.report().len());
    }

    println!();
    println!("| what | p50 | p95 | max |");
    println!("|---|---:|---:|---:|");
    row("read the JSON (ms)", &mut parse, millis);
    row(
        "check it for publishing, `validate()` (ms)",
        &mut check,
        millis,
    );
    row("read and check (ms)", &mut both, millis);
    row(
        "publish a version, `scripts::publish` (ms)",
        &mut publish,
        millis,
    );
    row(
        "load the latest version, `scripts::load` (ms)",
        &mut load_latest,
        millis,
    );
    row("load version 1 (ms)", &mut load_first, millis);
    row(
        &format!("list {LISTED} scripts of this size, `scripts::list` (ms)"),
        &mut list,
        millis,
    );
    row("one step: `answer()` + `current()` (µs)", &mut step, micros);
    row(
        "\"Anterior\": `back()` + `current()` (µs)",
        &mut back,
        micros,
    );
    println!();
    println!(
        "{} steps answered, {} \"Anterior\", {ends} ends reached, the longest report {deepest} \
         answers",
        step.len(),
        back.len()
    );
    Ok(())
}
