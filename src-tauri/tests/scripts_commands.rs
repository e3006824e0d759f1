//! The script commands (list, load, publish) through Tauri's real IPC path (mock runtime,
//! the app's real config and capabilities), on a real SQLite database filled by the demo
//! data generator.
//!
//! What is stored is read back through the store's own functions, never only through the
//! commands under test; expected validation messages come from the core's own checks.
mod common;

use common::DemoApp;
use std::collections::{HashMap, VecDeque};

use helpdesk_api::{
    ErrorCode, PublishedScript, ScriptDraft, ScriptSummary, ScriptVersionRef, Uuid, REQUEST_ARG,
};
use helpdesk_core::script::{
    fields, Outcome, ScriptDefinition, ScriptNode, ScriptOption, ScriptRun, MAX_TEXT_CHARS,
};
use helpdesk_demo::{DemoConfig, ADMIN, OPERATOR};
use helpdesk_store::scripts;
use serde::Serialize;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

/// The demo's catalog (operators, scripts) with few customers: scripts do not need them.
const DEMO: DemoConfig = DemoConfig {
    seed: 7,
    customers: 20,
    messages: 40,
};

impl DemoApp {
    fn list(&self) -> Vec<ScriptSummary> {
        self.call("list_scripts", ())
    }

    fn load(&self, script_id: Uuid, version: Option<u32>) -> PublishedScript {
        self.call("load_script", ScriptVersionRef { script_id, version })
    }

    fn publish(&self, draft: &ScriptDraft) -> PublishedScript {
        self.call("publish_script", draft)
    }

    /// The scripts as stored, with every version of each, read through the store.
    async fn stored(&self) -> Vec<(ScriptSummary, Vec<PublishedScript>)> {
        let mut all = Vec::new();
        for summary in scripts::list(self.store()).await.expect("list") {
            let mut versions = Vec::new();
            for version in 1..=summary.version {
                let wanted = ScriptVersionRef {
                    script_id: summary.id,
                    version: Some(version),
                };
                let script = scripts::load(self.store(), wanted).await.expect("load");
                versions.push(script.expect("every version is kept"));
            }
            all.push((summary, versions));
        }
        all
    }
}

/// Calls `command` from `window`, as its web page would.
fn invoke_in(
    window: &WebviewWindow<MockRuntime>,
    command: &str,
    request: impl Serialize,
) -> Result<Value, Value> {
    let request = serde_json::to_value(request).expect("request serializes");
    let response = get_ipc_response(
        window,
        InvokeRequest {
            cmd: command.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(json!({ REQUEST_ARG: request })),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    );
    response.map(|body| body.deserialize::<Value>().expect("JSON response"))
}

fn go(label: &str, next: &str) -> ScriptOption {
    ScriptOption {
        label: label.into(),
        next: Some(next.into()),
        outcome: None,
        ticket_type: None,
    }
}

fn end(label: &str, outcome: Outcome) -> ScriptOption {
    ScriptOption {
        label: label.into(),
        next: None,
        outcome: Some(outcome),
        ticket_type: None,
    }
}

fn node(id: &str, question: &str, options: Vec<ScriptOption>) -> ScriptNode {
    ScriptNode {
        id: id.into(),
        question: question.into(),
        customer_explanation: "Peça ao cliente para conferir.".into(),
        operator_explanation: "Confira no sistema.".into(),
        options,
    }
}

/// "Sem energia": three questions, the second with a way back to the first.
fn small_script() -> ScriptDefinition {
    ScriptDefinition {
        start: "tomada".into(),
        nodes: vec![
            node(
                "tomada",
                "O roteador está ligado na tomada?",
                vec![
                    go("Sim", "luzes"),
                    end("Não; ligado, voltou", Outcome::Resolved),
                ],
            ),
            node(
                "luzes",
                "Alguma luz acende?",
                vec![go("Nenhuma", "fonte"), end("Sim, todas", Outcome::Resolved)],
            ),
            node(
                "fonte",
                "Com outra fonte, acende?",
                vec![
                    end("Sim", Outcome::Resolved),
                    end("Não", Outcome::WorkOrder),
                    go("O cliente quer conferir a tomada de novo", "tomada"),
                ],
            ),
        ],
    }
}

fn draft(id: Option<Uuid>, name: &str, definition: ScriptDefinition) -> ScriptDraft {
    ScriptDraft {
        id,
        name: name.into(),
        keywords: "sem energia, apagado".into(),
        definition,
    }
}

/// The largest number of questions on a shortest path from the start (a BFS), and that
/// path as the option chosen at each question.
fn bfs_depth(definition: &ScriptDefinition) -> (usize, Vec<u32>) {
    let index: HashMap<&str, usize> = definition
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| (node.id.as_str(), i))
        .collect();
    let start = index[definition.start.as_str()];
    // For each node reached: its level and how it was reached (previous node, option).
    let mut reached: HashMap<usize, (usize, Option<(usize, u32)>)> =
        HashMap::from([(start, (1, None))]);
    let mut queue = VecDeque::from([start]);
    let mut deepest = start;
    while let Some(at) = queue.pop_front() {
        let level = reached[&at].0;
        if level > reached[&deepest].0 {
            deepest = at;
        }
        for (option, choice) in (0_u32..).zip(&definition.nodes[at].options) {
            if let Some(next) = choice.next.as_deref() {
                let next = index[next];
                if let std::collections::hash_map::Entry::Vacant(entry) = reached.entry(next) {
                    entry.insert((level + 1, Some((at, option))));
                    queue.push_back(next);
                }
            }
        }
    }
    let mut path = Vec::new();
    let mut at = deepest;
    while let Some((previous, option)) = reached[&at].1 {
        path.push(option);
        at = previous;
    }
    path.reverse();
    (reached[&deepest].0, path)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_script_commands_need_a_logged_in_operator() {
    let app = DemoApp::new(&DEMO).await;
    let demo = app.stored().await;
    let id = demo[0].0.id;
    for (command, request) in [
        ("list_scripts", json!(null)),
        ("load_script", json!({"script_id": id, "version": null})),
        (
            "publish_script",
            serde_json::to_value(draft(None, "Sem energia", small_script())).expect("json"),
        ),
    ] {
        let error = app.refuse(command, request);
        assert_eq!(error.code, ErrorCode::NotAuthenticated, "{command}");
    }
    assert_eq!(app.stored().await, demo, "nothing stored");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_operator_runs_scripts_but_may_not_publish_them() {
    let app = DemoApp::new(&DEMO).await;
    let demo = app.stored().await;
    app.log_in(&OPERATOR);
    let list = app.list();
    assert_eq!(
        list,
        demo.iter()
            .map(|(summary, _)| summary.clone())
            .collect::<Vec<_>>()
    );
    for (summary, versions) in &demo {
        assert_eq!(app.load(summary.id, None), versions[0]);
    }

    for request in [
        draft(None, "Sem energia", small_script()),
        // Even a broken draft: the role is checked first.
        draft(None, "", ScriptDefinition::default()),
        draft(Some(demo[0].0.id), &demo[0].0.name, small_script()),
    ] {
        let error = app.refuse("publish_script", &request);
        assert_eq!(error.code, ErrorCode::Forbidden);
        assert_eq!(
            error.message,
            "Somente administradores podem publicar scripts."
        );
    }
    assert_eq!(app.stored().await, demo, "nothing stored");
    assert_eq!(app.list(), list);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_publishes_scripts_and_their_new_versions() {
    let app = DemoApp::new(&DEMO).await;
    let demo = app.stored().await;
    let admin = app.log_in(&ADMIN);
    assert!(admin.role == ADMIN.role && ADMIN.role == "Administrador");

    let v1 = app.publish(&draft(None, "  Sem energia ", small_script()));
    assert_eq!((v1.version, v1.name.as_str()), (1, "Sem energia"));
    assert_eq!(v1.definition, small_script());
    let list = app.list();
    let names: Vec<&str> = list.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Lentidão", "Sem conexão", "Sem energia"]);
    let listed = &list[2];
    assert_eq!((listed.id, listed.version, listed.nodes), (v1.id, 1, 3));
    assert_eq!(listed.keywords, "sem energia, apagado");
    assert_eq!(app.load(v1.id, None), v1);
    assert_eq!(app.load(v1.id, Some(1)), v1);

    // A second version: one question more, and a new name.
    let mut changed = small_script();
    changed.nodes[2].options[1] = go("Não", "visita");
    changed.nodes.push(node(
        "visita",
        "O cliente pode receber o técnico amanhã?",
        vec![
            end("Sim", Outcome::WorkOrder),
            end("Não, liga depois", Outcome::None),
        ],
    ));
    let v2 = app.publish(&draft(Some(v1.id), "Sem energia (ONU)", changed.clone()));
    assert_eq!((v2.id, v2.version), (v1.id, 2));
    assert_eq!(app.load(v1.id, None), v2);
    let old = app.load(v1.id, Some(1));
    assert_eq!(
        old.definition,
        small_script(),
        "version 1 is kept as it was"
    );
    assert_eq!(old.published_at, v1.published_at);

    // Every operator sees the new version.
    app.log_out();
    app.log_in(&OPERATOR);
    let listed = app
        .list()
        .into_iter()
        .find(|s| s.id == v1.id)
        .expect("listed");
    assert_eq!(
        (listed.name.as_str(), listed.version, listed.nodes),
        ("Sem energia (ONU)", 2, 4)
    );
    let stored = app.stored().await;
    assert_eq!(stored.len(), demo.len() + 1);
    let (_, versions) = stored.iter().find(|(s, _)| s.id == v1.id).expect("stored");
    assert_eq!(versions, &[old, v2]);

    // What is not there.
    for (script_id, version) in [
        (Uuid::from_u128(42), None),
        (Uuid::from_u128(42), Some(1)),
        (v1.id, Some(3)),
        (v1.id, Some(0)),
    ] {
        let error = app.refuse("load_script", ScriptVersionRef { script_id, version });
        assert_eq!(error.code, ErrorCode::NotFound, "{script_id} {version:?}");
        assert!(error.message.starts_with("Script não encontrado"));
    }
    assert!(app
        .invoke("load_script", json!({"script_id": "x"}))
        .is_err());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_taken_name_or_an_unknown_script_is_refused_and_nothing_is_stored() {
    let app = DemoApp::new(&DEMO).await;
    let demo = app.stored().await;
    let (no_connection, slowness) = {
        let by_name = |name: &str| {
            demo.iter()
                .find(|(s, _)| s.name == name)
                .map(|(s, _)| s.id)
                .expect("a demo script")
        };
        (by_name("Sem conexão"), by_name("Lentidão"))
    };
    app.log_in(&ADMIN);
    for request in [
        draft(None, "Sem conexão", small_script()),
        draft(None, "  SEM CONEXAO ", small_script()),
        draft(Some(slowness), "sem conexão", small_script()),
    ] {
        let error = app.refuse("publish_script", &request);
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert_eq!(error.field.as_deref(), Some(fields::NAME));
        assert_eq!(error.message, "Já existe um script com este nome.");
    }
    let error = app.refuse(
        "publish_script",
        draft(Some(Uuid::from_u128(42)), "Sem energia", small_script()),
    );
    assert_eq!(error.code, ErrorCode::NotFound);
    assert_eq!(app.stored().await, demo, "nothing stored");

    // A script keeps its own name in a new version.
    let v2 = app.publish(&draft(Some(no_connection), "Sem conexão", small_script()));
    assert_eq!(v2.version, 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_broken_script_is_refused_at_its_field_and_nothing_is_stored() {
    let app = DemoApp::new(&DEMO).await;
    let demo = app.stored().await;
    app.log_in(&ADMIN);

    let mut dangling = small_script();
    dangling.nodes[1].options[0] = go("Nenhuma", "nao_existe");
    let mut cycle = small_script();
    // "luzes" and "fonte" lead only to each other: once there, no end.
    cycle.nodes[1].options = vec![go("Nenhuma", "fonte"), go("Algumas", "fonte")];
    cycle.nodes[2].options = vec![go("Não acende", "luzes")];
    let mut no_end = small_script();
    no_end.nodes[0].options.truncate(1);
    no_end.nodes[1].options.truncate(1);
    no_end.nodes[2].options = vec![go("De novo", "tomada")];
    let mut long_question = small_script();
    // 10,000 characters, five times the longest question.
    long_question.nodes[1].question = "Alguma luz acende? ".chars().cycle().take(10_000).collect();
    long_question.nodes[2].customer_explanation = "x".repeat(10_000);
    let mut no_question = small_script();
    no_question.nodes[0].question = "   ".into();
    let mut no_options = small_script();
    no_options.nodes[2].options.clear();
    let mut both = small_script();
    both.nodes[0].options[1].next = Some("luzes".into());
    let mut repeated = small_script();
    repeated.nodes[2].id = "luzes".into();
    let mut no_start = small_script();
    no_start.start = "inicio".into();

    let too_long = format!("A pergunta tem mais de {MAX_TEXT_CHARS} caracteres.");
    let cases: Vec<(ScriptDraft, &str, &str)> = vec![
        (
            draft(None, "Pendente", dangling),
            fields::DEFINITION,
            "não existe",
        ),
        (
            draft(None, "Ciclo", cycle),
            fields::DEFINITION,
            "ciclo sem saída",
        ),
        (
            draft(None, "Sem fim", no_end),
            fields::DEFINITION,
            "encerra o script",
        ),
        (
            draft(None, "Longo", long_question),
            fields::DEFINITION,
            &too_long,
        ),
        (
            draft(None, "Sem pergunta", no_question),
            fields::DEFINITION,
            "pergunta",
        ),
        (
            draft(None, "Sem opções", no_options),
            fields::DEFINITION,
            "opção",
        ),
        (
            draft(None, "Os dois", both),
            fields::DEFINITION,
            "escolha um",
        ),
        (
            draft(None, "Repetido", repeated),
            fields::DEFINITION,
            "se repete",
        ),
        (
            draft(None, "Sem início", no_start),
            fields::DEFINITION,
            "primeira pergunta",
        ),
        (
            draft(None, "Vazio", ScriptDefinition::default()),
            fields::DEFINITION,
            "nenhuma pergunta",
        ),
        (draft(None, "   ", small_script()), fields::NAME, "Preencha"),
        (
            draft(None, &"N".repeat(81), small_script()),
            fields::NAME,
            "máximo",
        ),
        (
            ScriptDraft {
                keywords: "k".repeat(10_000),
                ..draft(None, "Palavras", small_script())
            },
            fields::KEYWORDS,
            "máximo",
        ),
        // The same faults in a new version of a demo script.
        (
            draft(Some(demo[0].0.id), &demo[0].0.name, {
                let mut script = small_script();
                script.nodes[0].options[0].next = Some("nada".into());
                script
            }),
            fields::DEFINITION,
            "não existe",
        ),
    ];
    for (request, field, words) in cases {
        let expected = request.validate().expect_err("the core refuses it");
        let error = app.refuse("publish_script", &request);
        assert_eq!(error.code, ErrorCode::InvalidInput, "{}", request.name);
        assert_eq!(error.field.as_deref(), Some(field), "{}", error.message);
        assert_eq!(error.message, expected[0].message, "the first problem");
        assert!(
            error.message.contains(words),
            "{}: {}",
            request.name,
            error.message
        );
    }
    // A request that is not a script at all never reaches the command.
    for request in [
        json!({"id": null, "name": "Quebrado", "keywords": ""}),
        json!({"id": null, "name": "Quebrado", "keywords": "", "definition": "{\"start\":"}),
        json!({"id": "x", "name": "Quebrado", "keywords": "", "definition": {"start": "a", "nodes": []}}),
        json!({"id": null, "name": "Quebrado", "keywords": "",
               "definition": {"start": "a", "nodes": [{"id": "a", "question": "?",
                              "options": [{"label": "x", "next": null, "outcome": "talvez"}]}]}}),
    ] {
        assert!(app.invoke("publish_script", &request).is_err(), "{request}");
    }
    assert_eq!(app.stored().await, demo, "nothing stored");
}

#[tokio::test(flavor = "multi_thread")]
async fn markup_in_a_script_is_stored_as_text() {
    let app = DemoApp::new(&DEMO).await;
    app.log_in(&ADMIN);
    let markup = "<script>alert('x')</script><b>negrito</b> & \"aspas\"";
    let mut script = small_script();
    script.nodes[0].question = format!("{markup}?");
    script.nodes[0].customer_explanation = markup.into();
    script.nodes[1].operator_explanation = markup.into();
    script.nodes[1].options[1].label = markup.into();
    let published = app.publish(&draft(None, markup, script.clone()));
    assert_eq!(published.name, markup);
    let stored = scripts::load(
        app.store(),
        ScriptVersionRef {
            script_id: published.id,
            version: None,
        },
    )
    .await
    .expect("load")
    .expect("stored");
    assert_eq!(stored.definition, script, "verbatim");
    assert_eq!(stored.name, markup);
    assert_eq!(app.load(published.id, None), stored);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_scripts_load_pass_the_checks_and_go_five_questions_deep() {
    let app = DemoApp::new(&DEMO).await;
    app.log_in(&OPERATOR);
    let list = app.list();
    let names: Vec<&str> = list.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Lentidão", "Sem conexão"]);
    for summary in list {
        let script = app.load(summary.id, None);
        assert_eq!(script.version, 1);
        assert_eq!(summary.nodes as usize, script.definition.nodes.len());
        assert_eq!(script.definition.validate(), Ok(()), "{}", script.name);
        let (depth, path) = bfs_depth(&script.definition);
        assert!(depth >= 5, "{}: {depth} questions deep", script.name);

        // Run that path, then end the script at the deepest question.
        let definition = &script.definition;
        let mut run = ScriptRun::new(script.id, &script.name, script.version);
        for (at, option) in (1_i64..).zip(&path) {
            assert!(run.answer(definition, *option, at), "{}", script.name);
        }
        let last = run.current(definition).expect("the deepest question");
        let ending = (0_u32..)
            .zip(&last.options)
            .find(|(_, option)| option.ends())
            .map(|(index, _)| index);
        match ending {
            Some(option) => {
                assert!(run.answer(definition, option, 99));
                assert!(run.is_finished(definition));
                assert!(run.outcome(definition).is_some());
                assert_eq!(run.report().len(), depth);
            }
            None => assert_eq!(run.report().len(), depth - 1),
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn another_window_may_not_publish_even_with_an_administrator_logged_in() {
    let app = DemoApp::new(&DEMO).await;
    let demo = app.stored().await;
    let other = WebviewWindowBuilder::new(&app.app, "other", Default::default())
        .build()
        .expect("second window");
    app.log_in(&ADMIN);
    let request = draft(None, "Intruso", small_script());
    for (command, request) in [
        (
            "publish_script",
            serde_json::to_value(&request).expect("json"),
        ),
        ("list_scripts", json!(null)),
        (
            "load_script",
            json!({"script_id": demo[0].0.id, "version": null}),
        ),
    ] {
        let error = invoke_in(&other, command, request).expect_err("refused");
        assert!(error.to_string().contains("not allowed"), "{error}");
    }
    assert_eq!(app.stored().await, demo, "nothing stored");
    // The same request from the main window goes through.
    assert_eq!(app.publish(&request).name, "Intruso");
}
