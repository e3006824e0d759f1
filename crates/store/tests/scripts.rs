//! Scripts on a real database: published in versions, each kept as it was, listed at the
//! latest, names unique ignoring case and accents, nothing written by a refused publication.
mod common;

use helpdesk_core::script::{
    Outcome, PublishedScript, ScriptDefinition, ScriptDraft, ScriptNode, ScriptOption,
    ScriptVersionRef,
};
use helpdesk_store::catalog::{self, NewScript};
use helpdesk_store::scripts::{self, PublishOutcome};
use helpdesk_store::{now_millis, Store, StoreError};
use uuid::Uuid;

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
        customer_explanation: format!("Explique ao cliente: {question}"),
        operator_explanation: "Confira no sistema.".into(),
        options,
    }
}

/// A valid graph of `depth` questions in a row, each answer going on or ending it.
fn chain(depth: usize, question: &str) -> ScriptDefinition {
    let nodes = (0..depth)
        .map(|i| {
            let mut options = vec![end("Resolvido", Outcome::Resolved)];
            if i + 1 < depth {
                options.push(go("Não resolveu", &format!("q{}", i + 1)));
            } else {
                options.push(end("Abrir O.S.", Outcome::WorkOrder));
            }
            node(&format!("q{i}"), &format!("{question} ({i})"), options)
        })
        .collect();
    ScriptDefinition {
        start: "q0".into(),
        nodes,
    }
}

fn draft(id: Option<Uuid>, name: &str, definition: ScriptDefinition) -> ScriptDraft {
    let draft = ScriptDraft {
        id,
        name: name.into(),
        keywords: "sem internet, LOS".into(),
        definition,
    };
    draft.validate().expect("a publishable draft")
}

async fn published(store: &Store, draft: &ScriptDraft) -> PublishedScript {
    match scripts::publish(store, draft).await.expect("publish") {
        PublishOutcome::Published(script) => script,
        other => panic!("not published: {other:?}"),
    }
}

async fn load(store: &Store, id: Uuid, version: Option<u32>) -> Option<PublishedScript> {
    scripts::load(
        store,
        ScriptVersionRef {
            script_id: id,
            version,
        },
    )
    .await
    .expect("load")
}

/// (scripts, versions) rows, deleted ones included.
async fn rows(store: &Store) -> (i64, i64) {
    let count = |table: &str| {
        let sql = format!("SELECT count(*) FROM {table}");
        async move {
            sqlx::query_scalar::<_, i64>(&sql)
                .fetch_one(store.pool())
                .await
                .expect("count")
        }
    };
    (count("scripts").await, count("script_versions").await)
}

#[tokio::test]
async fn a_new_script_is_version_one_and_reads_back_as_published() {
    let test = common::open().await;
    let s = &test.store;
    let before = now_millis();
    let markup = "<script>alert('x')</script> & <b>negrito</b>";
    let mut definition = chain(5, "A luz LOS está acesa?");
    definition.nodes[0].operator_explanation = markup.into();
    let script = published(s, &draft(None, "  Sem conexão  ", definition.clone())).await;
    assert_eq!(script.version, 1);
    assert_eq!(
        script.name, "Sem conexão",
        "trimmed by the draft's validation"
    );
    assert_eq!(script.definition, definition);
    assert!((before..=now_millis()).contains(&script.published_at));

    assert_eq!(load(s, script.id, None).await.as_ref(), Some(&script));
    assert_eq!(load(s, script.id, Some(1)).await.as_ref(), Some(&script));
    assert_eq!(
        load(s, script.id, None)
            .await
            .expect("stored")
            .definition
            .nodes[0]
            .operator_explanation,
        markup,
        "markup is stored verbatim"
    );

    let list = scripts::list(s).await.expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, script.id);
    assert_eq!(list[0].name, "Sem conexão");
    assert_eq!(list[0].keywords, "sem internet, LOS");
    assert_eq!(list[0].version, 1);
    assert_eq!(list[0].published_at, script.published_at);
    assert_eq!(list[0].nodes, 5);
    assert_eq!(rows(s).await, (1, 1));
}

#[tokio::test]
async fn a_new_version_keeps_the_earlier_ones_as_they_were() {
    let test = common::open().await;
    let s = &test.store;
    let v1 = published(s, &draft(None, "Sem conexão", chain(3, "Primeira"))).await;
    let mut second = draft(Some(v1.id), "Sem conexão (fibra)", chain(6, "Segunda"));
    second.keywords = "fibra, LOS".into();
    let v2 = published(s, &second).await;
    assert_eq!((v2.id, v2.version), (v1.id, 2));
    assert_eq!(v2.name, "Sem conexão (fibra)");
    assert!(v2.published_at >= v1.published_at);

    assert_eq!(load(s, v1.id, None).await, Some(v2.clone()));
    assert_eq!(load(s, v1.id, Some(2)).await, Some(v2.clone()));
    let old = load(s, v1.id, Some(1)).await.expect("version 1 is kept");
    assert_eq!(old.version, 1);
    assert_eq!(
        old.definition, v1.definition,
        "as the tickets that ran it saw it"
    );
    assert_eq!(old.published_at, v1.published_at);
    assert_eq!(old.name, "Sem conexão (fibra)", "the script's current name");
    assert_eq!(load(s, v1.id, Some(3)).await, None);
    assert_eq!(load(s, v1.id, Some(0)).await, None);

    let v3 = published(
        s,
        &draft(Some(v1.id), "Sem conexão (fibra)", chain(2, "Terceira")),
    )
    .await;
    assert_eq!(v3.version, 3);
    let list = scripts::list(s).await.expect("list");
    assert_eq!(list.len(), 1, "one entry per script");
    assert_eq!((list[0].version, list[0].nodes), (3, 2));
    assert_eq!(rows(s).await, (1, 3));
}

#[tokio::test]
async fn a_name_another_script_has_is_refused_and_nothing_is_written() {
    let test = common::open().await;
    let s = &test.store;
    let first = published(s, &draft(None, "Sem conexão", chain(2, "A"))).await;
    let other = published(s, &draft(None, "Lentidão", chain(2, "B"))).await;
    let before = rows(s).await;

    for name in ["Sem conexão", "SEM CONEXAO", "sem  conexão"] {
        let result = scripts::publish(s, &draft(None, name, chain(2, "C"))).await;
        assert_eq!(
            result.expect("answers"),
            PublishOutcome::NameTaken,
            "{name}"
        );
        let result = scripts::publish(s, &draft(Some(other.id), name, chain(2, "C"))).await;
        assert_eq!(
            result.expect("answers"),
            PublishOutcome::NameTaken,
            "{name}"
        );
    }
    assert_eq!(rows(s).await, before);
    assert_eq!(
        load(s, other.id, None).await.expect("kept").name,
        "Lentidão"
    );
    assert_eq!(load(s, other.id, None).await.expect("kept").version, 1);

    // A script may keep its own name, or change its case.
    let renamed = published(s, &draft(Some(first.id), "SEM CONEXÃO", chain(2, "D"))).await;
    assert_eq!((renamed.version, renamed.name.as_str()), (2, "SEM CONEXÃO"));
}

#[tokio::test]
async fn an_unknown_script_is_refused_and_nothing_is_written() {
    let test = common::open().await;
    let s = &test.store;
    published(s, &draft(None, "Sem conexão", chain(2, "A"))).await;
    let before = rows(s).await;
    let unknown = draft(Some(Uuid::from_u128(42)), "Outro", chain(2, "B"));
    let result = scripts::publish(s, &unknown).await.expect("answers");
    assert_eq!(result, PublishOutcome::UnknownScript);
    assert_eq!(rows(s).await, before);
    assert_eq!(load(s, Uuid::from_u128(42), None).await, None);
    assert_eq!(load(s, Uuid::from_u128(42), Some(1)).await, None);
}

#[tokio::test]
async fn the_list_has_each_script_at_its_latest_version_by_name() {
    let test = common::open().await;
    let s = &test.store;
    assert_eq!(scripts::list(s).await.expect("list"), Vec::new());
    let names = [
        "Wi-Fi",
        "lentidão",
        "Ângulo da antena",
        "Boleto",
        "sem conexão",
    ];
    let mut ids = Vec::new();
    for (i, name) in names.iter().enumerate() {
        ids.push(
            published(s, &draft(None, name, chain(i + 1, name)))
                .await
                .id,
        );
    }
    published(s, &draft(Some(ids[3]), "Boleto", chain(7, "nova"))).await;
    let list = scripts::list(s).await.expect("list");
    let shown: Vec<(&str, u32, u32)> = list
        .iter()
        .map(|summary| (summary.name.as_str(), summary.version, summary.nodes))
        .collect();
    assert_eq!(
        shown,
        [
            ("Ângulo da antena", 1, 3),
            ("Boleto", 2, 7),
            ("lentidão", 1, 2),
            ("sem conexão", 1, 5),
            ("Wi-Fi", 1, 1),
        ],
        "ignoring case and accents"
    );
}

#[tokio::test]
async fn a_deleted_script_leaves_the_list_but_its_versions_still_load() {
    let test = common::open().await;
    let s = &test.store;
    let script = published(s, &draft(None, "Sem conexão", chain(2, "A"))).await;
    sqlx::query("UPDATE scripts SET deleted = 1 WHERE id = ?1")
        .bind(script.id)
        .execute(s.pool())
        .await
        .expect("delete");
    assert_eq!(scripts::list(s).await.expect("list"), Vec::new());
    assert_eq!(load(s, script.id, None).await, None);
    assert_eq!(load(s, script.id, Some(1)).await, Some(script.clone()));
    let again = draft(Some(script.id), "Sem conexão", chain(3, "B"));
    assert_eq!(
        scripts::publish(s, &again).await.expect("answers"),
        PublishOutcome::UnknownScript
    );
    let same_name = draft(None, "Sem conexão", chain(3, "B"));
    assert_eq!(
        scripts::publish(s, &same_name).await.expect("answers"),
        PublishOutcome::NameTaken,
        "a deleted script keeps its name"
    );
}

#[tokio::test]
async fn a_definition_that_does_not_read_counts_no_questions_and_fails_to_load() {
    let test = common::open().await;
    let s = &test.store;
    let damaged = catalog::insert_script(
        s,
        &NewScript {
            name: "Danificado".into(),
            keywords: String::new(),
            definition: r#"{"start": "a", "nodes": [{"id": 1}"#.into(),
        },
    )
    .await
    .expect("stored as given");
    let list = scripts::list(s).await.expect("the list still answers");
    assert_eq!((list[0].name.as_str(), list[0].nodes), ("Danificado", 0));
    let error = scripts::load(
        s,
        ScriptVersionRef {
            script_id: damaged,
            version: None,
        },
    )
    .await
    .expect_err("not a script");
    assert!(
        matches!(error, StoreError::ScriptDefinition { script_id, version: 1, .. } if script_id == damaged),
        "{error}"
    );
    // A new version replaces it as the latest, and the damaged one stays as it was.
    let fixed = published(s, &draft(Some(damaged), "Danificado", chain(2, "A"))).await;
    assert_eq!(fixed.version, 2);
    assert_eq!(load(s, damaged, None).await, Some(fixed));
    assert!(scripts::load(
        s,
        ScriptVersionRef {
            script_id: damaged,
            version: Some(1),
        },
    )
    .await
    .is_err());
}

#[tokio::test]
async fn the_catalogs_scripts_get_their_next_versions_from_publish() {
    let test = common::open().await;
    let s = &test.store;
    let definition = chain(3, "Do catálogo");
    let id = catalog::insert_script(
        s,
        &NewScript {
            name: "Catálogo".into(),
            keywords: "demo".into(),
            definition: serde_json::to_string(&definition).expect("json"),
        },
    )
    .await
    .expect("inserted");
    let v1 = load(s, id, None).await.expect("version 1");
    assert_eq!((v1.version, &v1.definition), (1, &definition));
    let v2 = published(s, &draft(Some(id), "Catálogo", chain(4, "Nova"))).await;
    assert_eq!(v2.version, 2);
}

#[tokio::test]
async fn publications_at_the_same_time_get_different_versions() {
    let test = common::open().await;
    let s = &test.store;
    let script = published(s, &draft(None, "Sem conexão", chain(2, "A"))).await;
    let drafts: Vec<ScriptDraft> = (0..6)
        .map(|i| draft(Some(script.id), "Sem conexão", chain(i + 1, "B")))
        .collect();
    let results =
        futures_util::future::join_all(drafts.iter().map(|d| scripts::publish(s, d))).await;
    let mut versions: Vec<u32> = results
        .into_iter()
        .map(|result| match result.expect("published") {
            PublishOutcome::Published(script) => script.version,
            other => panic!("{other:?}"),
        })
        .collect();
    versions.sort_unstable();
    assert_eq!(versions, [2, 3, 4, 5, 6, 7]);
    let new_ones: Vec<ScriptDraft> = (0..4)
        .map(|i| draft(None, "Mesmo nome", chain(i + 1, "C")))
        .collect();
    let results =
        futures_util::future::join_all(new_ones.iter().map(|d| scripts::publish(s, d))).await;
    let published = results
        .iter()
        .filter(|result| matches!(result, Ok(PublishOutcome::Published(_))))
        .count();
    let taken = results
        .iter()
        .filter(|result| matches!(result, Ok(PublishOutcome::NameTaken)))
        .count();
    assert_eq!((published, taken), (1, 3));
}

/// The migration that keeps each version's number of questions counts the versions stored
/// before it from their JSON.
#[tokio::test]
async fn versions_stored_before_the_count_was_kept_are_counted() {
    use sqlx::sqlite::{SqliteConnectOptions, SqlitePool};

    let migrations = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations");
    let mut names: Vec<String> = std::fs::read_dir(&migrations)
        .expect("migrations")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    let counting = names
        .iter()
        .position(|name| name.ends_with("_script_version_nodes.sql"))
        .expect("the migration that counts questions");
    let earlier = tempfile::tempdir().expect("temp dir");
    for name in &names[..counting] {
        std::fs::copy(migrations.join(name), earlier.path().join(name)).expect("copy");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("helpdesk.db");
    let pool = SqlitePool::connect_with(
        SqliteConnectOptions::new()
            .filename(&file)
            .create_if_missing(true),
    )
    .await
    .expect("pool");
    sqlx::migrate::Migrator::new(earlier.path())
        .await
        .expect("earlier migrations")
        .run(&pool)
        .await
        .expect("migrated");
    let sound = serde_json::to_string(&chain(4, "Antes")).expect("json");
    for (i, definition) in [sound.as_str(), "{\"start\": ", "{\"start\": \"a\"}"]
        .into_iter()
        .enumerate()
    {
        let id = Uuid::from_u128(i as u128 + 1);
        sqlx::query("INSERT INTO scripts (id, name, keywords, changed_at) VALUES (?1, ?2, '', 1)")
            .bind(id)
            .bind(format!("Script {i}"))
            .execute(&pool)
            .await
            .expect("script");
        sqlx::query(
            "INSERT INTO script_versions (id, script_id, version, definition, published_at,
                                          changed_at)
             VALUES (?1, ?2, 1, ?3, 1, 1)",
        )
        .bind(Uuid::from_u128(i as u128 + 100))
        .bind(id)
        .bind(definition)
        .execute(&pool)
        .await
        .expect("version");
    }
    pool.close().await;

    let store = Store::open(&file)
        .await
        .expect("the rest of the migrations");
    let counts: Vec<(String, u32)> = scripts::list(&store)
        .await
        .expect("list")
        .into_iter()
        .map(|summary| (summary.name, summary.nodes))
        .collect();
    assert_eq!(
        counts,
        [
            ("Script 0".to_owned(), 4),
            ("Script 1".to_owned(), 0),
            ("Script 2".to_owned(), 0),
        ]
    );
}
