//! Property tests: random hostile batches (values of the wrong kind, NULL where it may not
//! be, huge texts, unknown tables and columns, cut merge groups, stamps in the future or
//! negative, forged origins, broken rules, clashing unique values and protocols, history
//! rewritten, attachments without their file, rows repeated) pushed to the real server.
//! The server never answers 5xx; a batch is refused whole only for a request-level reason;
//! every row is either refused with a documented code (exactly when the core's rules say
//! it has a problem) or stored intact, merged by the core's rule with what the server held;
//! a refused row changes nothing; and a normal push works after every case.
//!
//! One server (and database) serves every case of a property; each run of a case makes
//! fresh ids. The seed is fixed: `PROPTEST_RNG_SEED=<n>` tries others, `PROPTEST_CASES=<n>`
//! runs more cases.
mod oracle;
mod strategy;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use helpdesk_core::hex;
use helpdesk_core::sync::{
    FieldValue, PushRequest, PushResponse, SyncRow, MAX_BATCH_ROWS, MAX_PROTOCOL_CHARS,
    REFUSAL_CODES,
};
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};
use reqwest::StatusCode;
use sha2::{Digest, Sha256};
use tokio::sync::Mutex;
use uuid::Uuid;

use crate::common::{assert_refused, role, ticket, TestApp};
use oracle::{Context, Expect, Key, Mirror, Rows};
use strategy::{Case, Drawn, Harm, Maker, Mangle, Op, MANGLED_BODIES, SEED_STAMPS, UNIQUE_COLUMNS};

/// The seed of every run unless `PROPTEST_RNG_SEED` says otherwise.
const SEED: u64 = 19;

/// How many cases a property runs unless `PROPTEST_CASES` says otherwise.
const CASES: u32 = 40;

/// The runner's settings: the fixed seed, no failure file (a failure found is kept as a
/// named test below), little shrinking (every step runs a case against the server).
fn config() -> Config {
    let from_env = Config::default();
    Config {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            from_env.cases
        } else {
            CASES
        },
        rng_seed: match from_env.rng_seed {
            RngSeed::Random => RngSeed::Fixed(SEED),
            fixed => fixed,
        },
        failure_persistence: None,
        max_shrink_iters: 200,
        ..from_env
    }
}

/// The server, its desktop and what the tests know of its rows.
struct World {
    app: TestApp,
    credential: String,
    origin: Uuid,
    held_hash: String,
    mirror: Mutex<Mirror>,
}

type Outcome = Result<(), TestCaseError>;

macro_rules! check {
    ($condition:expr, $($message:tt)+) => {
        if !$condition {
            return Err(TestCaseError::fail(format!($($message)+)));
        }
    };
}

impl World {
    async fn start() -> World {
        let app = TestApp::start().await;
        let desktop = app.register("Loja Hostil", &[]).await;
        let held_hash = upload(&app, &desktop.credential, b"anexo de teste").await;
        World {
            app,
            credential: desktop.credential,
            origin: desktop.device_id,
            held_hash,
            mirror: Mutex::new(Mirror::default()),
        }
    }

    /// Pushes `rows`; the answer, which must not be a server error.
    async fn push(&self, rows: &[SyncRow]) -> Result<PushResponse, TestCaseError> {
        let request = PushRequest {
            rows: rows.to_vec(),
        };
        let (status, body) = self
            .app
            .post("/v1/push", Some(&self.credential), &request)
            .await;
        check!(status == StatusCode::OK, "push answered {status}: {body}");
        serde_json::from_value(body).map_err(|error| TestCaseError::fail(error.to_string()))
    }

    async fn run(&self, case: Case) -> Outcome {
        let mut mirror = self.mirror.lock().await;
        // Whatever an earlier run that failed halfway left.
        mirror.refresh(&self.app, &self.credential).await;
        let mut maker = Maker::new(self.origin, &self.held_hash);

        if let Some(mangle) = &case.mangle {
            self.mangled(&mut mirror, mangle).await?;
        }

        // Valid rows are taken whole.
        let seeds: Vec<SyncRow> = case
            .seeds
            .iter()
            .map(|drawn| maker.valid(drawn, None, 0))
            .collect();
        let answer = self.push(&seeds).await?;
        check!(
            answer.refused.is_empty() && answer.changed as usize == seeds.len(),
            "valid rows not all taken: {answer:?}"
        );
        let pulled = mirror.refresh(&self.app, &self.credential).await;
        for seed in &seeds {
            let key = (seed.table.clone(), seed.id);
            let differences = oracle::differences(Some(seed), pulled.get(&key));
            check!(differences.is_empty(), "{key:?} stored: {differences:?}");
        }

        let batch = self.batch(&case, &seeds, &mut maker);
        self.hostile(&mut mirror, &batch).await?;

        // Still usable.
        let probe = role(Uuid::now_v7(), self.origin, &maker.protocol(), 1);
        let answer = self.push(std::slice::from_ref(&probe)).await?;
        check!(
            answer.refused.is_empty() && answer.changed == 1,
            "a normal push after the case: {answer:?}"
        );
        let pulled = mirror.refresh(&self.app, &self.credential).await;
        check!(
            pulled.len() == 1 && pulled.contains_key(&("roles".to_owned(), probe.id)),
            "the normal push pulled as {:?}",
            pulled.keys().collect::<Vec<_>>()
        );
        Ok(())
    }

    /// A request-level harm: refused whole with its documented code, nothing stored.
    async fn mangled(&self, mirror: &mut Mirror, mangle: &Mangle) -> Outcome {
        let (status, body) = match mangle {
            Mangle::TooManyRows => {
                let rows: Vec<SyncRow> = (0..=MAX_BATCH_ROWS)
                    .map(|_| role(Uuid::now_v7(), self.origin, "Excesso", 1))
                    .collect();
                self.app
                    .post("/v1/push", Some(&self.credential), &PushRequest { rows })
                    .await
            }
            Mangle::Body(at) => {
                let answer = self
                    .app
                    .client
                    .post(self.app.url("/v1/push"))
                    .bearer_auth(&self.credential)
                    .header("content-type", "application/json")
                    .body(MANGLED_BODIES[*at])
                    .send()
                    .await
                    .map_err(|error| TestCaseError::fail(error.to_string()))?;
                let status = answer.status();
                let body = answer.json().await.unwrap_or(serde_json::Value::Null);
                (status, body)
            }
        };
        let expected = match mangle {
            Mangle::TooManyRows => (StatusCode::PAYLOAD_TOO_LARGE, "batch_too_large"),
            Mangle::Body(_) => (StatusCode::BAD_REQUEST, "corrupted_request"),
        };
        check!(
            (status, body["code"].as_str()) == (expected.0, Some(expected.1)),
            "{mangle:?} answered {status}: {body}"
        );
        let pulled = mirror.refresh(&self.app, &self.credential).await;
        check!(pulled.is_empty(), "{mangle:?} stored {} rows", pulled.len());
        Ok(())
    }

    /// The hostile batch of `case`, made over the stored `seeds`.
    fn batch(&self, case: &Case, seeds: &[SyncRow], maker: &mut Maker) -> Vec<SyncRow> {
        let now_ms = chrono::Utc::now().timestamp_millis();
        let mut batch: Vec<SyncRow> = Vec::new();
        for op in &case.ops {
            match op {
                Op::New(drawn, harm) => {
                    let mut row = maker.valid(drawn, None, 0);
                    maker.harm(&mut row, harm, now_ms);
                    batch.push(row);
                }
                Op::Edit {
                    target,
                    drawn,
                    keep,
                    newer,
                    harm,
                } => {
                    let target = &seeds[*target];
                    let shift = if *newer { SEED_STAMPS } else { 0 };
                    let mut row = maker.valid(drawn, Some(target.id), shift);
                    keep_columns(&mut row, keep);
                    maker.harm(&mut row, harm, now_ms);
                    batch.push(row);
                }
                Op::ProtocolClash(drawn) => {
                    let mut row = maker.valid(drawn, None, 0);
                    let taken = seeds
                        .iter()
                        .chain(batch.iter())
                        .filter(|other| other.table == "tickets")
                        .find_map(|other| other.value("protocol").cloned());
                    if let (Some(protocol), Some(field)) = (taken, row.fields.get_mut("protocol")) {
                        field.value = protocol;
                    }
                    batch.push(row);
                }
                Op::UniqueClash(at, first, second, value) => {
                    let column = UNIQUE_COLUMNS[*at].1;
                    for drawn in [first, second] {
                        let mut row = maker.valid(drawn, None, 0);
                        if let Some(field) = row.fields.get_mut(column) {
                            field.value = FieldValue::Text(value.clone());
                        }
                        batch.push(row);
                    }
                }
                Op::Repeat { of, exact, shift } => {
                    if batch.is_empty() {
                        continue;
                    }
                    let mut row = batch[of % batch.len()].clone();
                    if !exact {
                        for field in row.fields.values_mut() {
                            field.version.stamp = field.version.stamp.saturating_add(*shift);
                        }
                    }
                    batch.push(row);
                }
            }
        }
        batch
    }

    /// Pushes `batch` and checks the answer and what a pull shows afterwards.
    async fn hostile(&self, mirror: &mut Mirror, batch: &[SyncRow]) -> Outcome {
        let before = mirror.rows.clone();
        let mut by_key: BTreeMap<Key, Vec<&SyncRow>> = BTreeMap::new();
        for row in batch {
            by_key
                .entry((row.table.clone(), row.id))
                .or_default()
                .push(row);
        }
        let claims = self.claims(batch, &before).await;
        let clashing = clashing(&by_key, &before);
        let context = Context {
            origin: self.origin,
            now_ms: chrono::Utc::now().timestamp_millis(),
            held_hash: &self.held_hash,
            claims: &claims,
            clashing: &clashing,
        };

        let answer = self.push(batch).await?;
        let counted = answer.changed as usize + answer.unchanged as usize + answer.refused.len();
        check!(counted == batch.len(), "{counted} rows counted: {answer:?}");
        let mut refused: BTreeMap<Key, Vec<&str>> = BTreeMap::new();
        for row in &answer.refused {
            let key = (row.table.clone(), row.id);
            check!(
                REFUSAL_CODES.contains(&row.code.as_str()),
                "undocumented code {row:?}"
            );
            check!(
                row.message.contains(&row.id.to_string())
                    && row.message.contains("não foi gravada"),
                "message {row:?}"
            );
            check!(
                by_key.contains_key(&key),
                "refused a row not pushed: {row:?}"
            );
            refused.entry(key).or_default().push(&row.code);
        }
        for (key, rows) in &by_key {
            let codes = refused.get(key).cloned().unwrap_or_default();
            check!(
                codes.len() <= rows.len(),
                "{key:?} refused {} times",
                codes.len()
            );
            if let [row] = rows.as_slice() {
                let expect = oracle::expect(row, before.get(key), &context);
                judged(key, &expect, &codes)?;
            }
        }

        let pulled = mirror.refresh(&self.app, &self.credential).await;
        for key in pulled.keys() {
            check!(by_key.contains_key(key), "{key:?} changed, not pushed");
            check!(
                before.get(key) != pulled.get(key),
                "{key:?} written again unchanged"
            );
        }
        for (key, rows) in &by_key {
            let refusals = refused.get(key).map_or(0, Vec::len);
            let stored = mirror.rows.get(key);
            let mut tried = Vec::new();
            let fits = oracle::choices(rows.len(), refusals)
                .into_iter()
                .any(|choice| {
                    let taken: Vec<&SyncRow> = rows
                        .iter()
                        .zip(&choice)
                        .filter(|(_, refused)| !**refused)
                        .map(|(row, _)| *row)
                        .collect();
                    let expected = oracle::merged(before.get(key), &taken, self.origin)
                        .or_else(|| before.get(key).cloned());
                    let differences = oracle::differences(expected.as_ref(), stored);
                    tried.push(differences.clone());
                    differences.is_empty()
                });
            check!(
                fits,
                "{key:?} ({} rows pushed, {refusals} refused) pulled as no merge says: {tried:?}",
                rows.len()
            );
        }
        Ok(())
    }

    /// The claims of every protocol the batch's tickets (or the rows they edit) carry.
    async fn claims(&self, batch: &[SyncRow], before: &Rows) -> HashMap<String, Option<Uuid>> {
        let protocols: Vec<String> = batch
            .iter()
            .filter(|row| row.table == "tickets")
            .flat_map(|row| [Some(row), before.get(&(row.table.clone(), row.id))])
            .flatten()
            .filter_map(|row| match row.value("protocol") {
                // PostgreSQL cannot be asked about a NUL (nor claim one).
                Some(FieldValue::Text(protocol)) if !protocol.contains('\0') => {
                    Some(protocol.clone())
                }
                _ => None,
            })
            .collect();
        let claims: Vec<(String, Option<Uuid>)> = sqlx::query_as(
            "SELECT protocol, ticket_id FROM protocol_claims WHERE protocol = ANY($1)",
        )
        .bind(&protocols)
        .fetch_all(&self.app.pool)
        .await
        .expect("claims");
        claims.into_iter().collect()
    }
}

/// Uploads a file; its hash.
async fn upload(app: &TestApp, credential: &str, content: &[u8]) -> String {
    let hash = hex::encode(&Sha256::digest(content));
    let answer = app
        .client
        .put(app.url(&format!("/v1/blobs/{hash}")))
        .bearer_auth(credential)
        .body(content.to_vec())
        .send()
        .await
        .expect("blob sent");
    assert_eq!(answer.status(), StatusCode::OK);
    hash
}

/// Checks what became of a row alone of its table and id against what it may come to.
fn judged(key: &Key, expect: &Expect, codes: &[&str]) -> Outcome {
    match codes {
        [] => check!(
            !expect.refused,
            "{key:?} taken, must be refused: {expect:?}"
        ),
        [code] => check!(
            expect.codes.contains(code),
            "{key:?} refused with {code}, may only be {expect:?}"
        ),
        _ => check!(false, "{key:?} refused twice: {codes:?}"),
    }
    Ok(())
}

/// Protocols two tickets of the batch may end up carrying.
fn clashing(by_key: &BTreeMap<Key, Vec<&SyncRow>>, before: &Rows) -> BTreeSet<String> {
    let mut carriers: BTreeMap<String, BTreeSet<Uuid>> = BTreeMap::new();
    for (key, rows) in by_key.iter().filter(|(key, _)| key.0 == "tickets") {
        for row in rows.iter().copied().chain(before.get(key)) {
            if let Some(FieldValue::Text(protocol)) = row.value("protocol") {
                carriers.entry(protocol.clone()).or_default().insert(key.1);
            }
        }
    }
    carriers
        .into_iter()
        .filter(|(_, tickets)| tickets.len() > 1)
        .map(|(protocol, _)| protocol)
        .collect()
}

/// Keeps the columns `keep` marks, a merge group by its first column's mark.
fn keep_columns(row: &mut SyncRow, keep: &[bool]) {
    let table = helpdesk_core::sync::SyncTable::named(&row.table)
        .unwrap_or_else(|| panic!("a synced table"));
    let groups = table.merge_groups();
    for (at, column) in table.columns.iter().enumerate() {
        let lead = groups
            .iter()
            .find(|group| group.contains(&column.name))
            .and_then(|group| table.columns.iter().position(|c| c.name == group[0]))
            .unwrap_or(at);
        if !keep[lead] {
            row.fields.remove(column.name);
        }
    }
}

#[test]
fn hostile_batches_are_refused_row_by_row_or_stored_intact() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let world = runtime.block_on(World::start());
    let mut runner = TestRunner::new(config());
    let result = runner.run(&strategy::case(), |case| runtime.block_on(world.run(case)));
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

/// The harness's own check: a harmless case passes, and the harms are told apart.
#[test]
fn a_valid_row_is_predicted_taken_and_a_corrupted_one_refused() {
    let drawn = Drawn {
        table: strategy::table_index("roles"),
        values: vec![
            FieldValue::Text("Suporte".into()),
            FieldValue::Integer(0),
            FieldValue::Integer(0),
            FieldValue::Integer(1),
            FieldValue::Integer(0),
        ],
        stamps: vec![5; 5],
    };
    let origin = Uuid::now_v7();
    let mut maker = Maker::new(origin, &"ab".repeat(32));
    let claims = HashMap::new();
    let clashing = BTreeSet::new();
    let context = Context {
        origin,
        now_ms: chrono::Utc::now().timestamp_millis(),
        held_hash: &"ab".repeat(32),
        claims: &claims,
        clashing: &clashing,
    };
    let valid = maker.valid(&drawn, None, 0);
    assert_eq!(oracle::expect(&valid, None, &context), Expect::default());
    let mut wrong = valid.clone();
    maker.harm(
        &mut wrong,
        &Harm::WrongKind { column: 0, pick: 0 },
        context.now_ms,
    );
    let expect = oracle::expect(&wrong, None, &context);
    assert!(expect.refused && expect.codes.contains("corrupted_row"));
    // A stored row repeated is no change; made older, neither.
    let mut older = valid.clone();
    for field in older.fields.values_mut() {
        field.version.stamp -= 1;
    }
    assert_eq!(
        oracle::expect(&older, Some(&valid), &context),
        Expect::default()
    );
}

/// Found by the property: a text holding NUL (which `jsonb` cannot store) made the whole
/// push fail with 500, so the desktop sent the batch again and again. It is that row's
/// problem: refused alone, the rest taken.
#[tokio::test]
async fn a_text_holding_nul_is_refused_alone_not_a_server_error() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let me = desktop.device_id;
    let good = role(Uuid::now_v7(), me, "Suporte", 10);
    let bad = role(Uuid::now_v7(), me, "Sup\u{0}orte", 10);
    for _ in 0..2 {
        let answer = app
            .push(&desktop.credential, vec![good.clone(), bad.clone()])
            .await;
        assert_refused(&answer, &[("roles", bad.id, "corrupted_row")]);
        assert!(
            answer.refused[0].message.contains("roles.name"),
            "{answer:?}"
        );
    }
    let stored = app.pull_all(&desktop.credential).await;
    assert_eq!(stored, vec![good]);
}

/// Found by the property: a row of a table named with a NUL inside failed the whole push
/// with 500 (every row of the batch was locked by its table's name, which PostgreSQL cannot
/// hold). Refused alone, the rest taken.
#[tokio::test]
async fn a_table_named_with_nul_is_refused_alone_not_a_server_error() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let me = desktop.device_id;
    let good = role(Uuid::now_v7(), me, "Suporte", 10);
    let bad = SyncRow {
        table: "roles\u{0}".into(),
        ..role(Uuid::now_v7(), me, "Financeiro", 10)
    };
    for _ in 0..2 {
        let answer = app
            .push(&desktop.credential, vec![bad.clone(), good.clone()])
            .await;
        assert_refused(&answer, &[("roles\u{0}", bad.id, "corrupted_row")]);
    }
    let stored = app.pull_all(&desktop.credential).await;
    assert_eq!(stored, vec![good]);
}

/// Found by the property: an attachment whose hash held a NUL failed the whole push with
/// 500 (the batch's hashes were looked up before any row was judged). Refused alone.
#[tokio::test]
async fn an_attachment_hash_holding_nul_is_refused_alone_not_a_server_error() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let me = desktop.device_id;
    let good = role(Uuid::now_v7(), me, "Suporte", 10);
    let hash = format!("{}\u{0}", "ab".repeat(31));
    let bad = crate::common::row(
        "support_message_attachments",
        Uuid::now_v7(),
        me,
        &[("content_hash", FieldValue::Text(hash), 10)],
    );
    let answer = app
        .push(&desktop.credential, vec![good.clone(), bad.clone()])
        .await;
    assert_refused(
        &answer,
        &[("support_message_attachments", bad.id, "corrupted_row")],
    );
    let stored = app.pull_all(&desktop.credential).await;
    assert_eq!(stored, vec![good]);
}

/// Found by the property: a ticket whose protocol was a huge text failed the whole push
/// with 500 (PostgreSQL cannot index the claim). A protocol longer than
/// `MAX_PROTOCOL_CHARS` is refused alone (`rule_violation`); one that long is taken.
#[tokio::test]
async fn a_huge_protocol_is_refused_alone_not_a_server_error() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let me = desktop.device_id;
    let longest = ticket(
        Uuid::now_v7(),
        me,
        &"1".repeat(MAX_PROTOCOL_CHARS),
        "aberto",
        10,
    );
    let huge = ticket(Uuid::now_v7(), me, &"a".repeat(900 * 1024), "aberto", 10);
    let answer = app
        .push(&desktop.credential, vec![huge.clone(), longest.clone()])
        .await;
    assert_refused(&answer, &[("tickets", huge.id, "rule_violation")]);
    assert!(
        answer.refused[0].message.contains("tickets.protocol"),
        "{answer:?}"
    );
    let stored = app.pull_all(&desktop.credential).await;
    assert_eq!(stored, vec![longest]);
}

/// Found by the property: an edit of an attachment whose hash lost to the one held (an
/// older write of another hash) was refused as `unknown_blob`: the server looked up the
/// file of the row as pushed, but judged the row merged, which names the file it holds.
#[tokio::test]
async fn an_attachment_edit_keeping_the_held_file_is_taken() {
    let app = TestApp::start().await;
    let desktop = app.register("Loja Centro", &[]).await;
    let me = desktop.device_id;
    let held = upload(&app, &desktop.credential, b"foto da ONU").await;
    let id = Uuid::now_v7();
    let stored = crate::common::row(
        "support_message_attachments",
        id,
        me,
        &[
            ("content_hash", FieldValue::Text(held), 10),
            ("deleted", FieldValue::Integer(0), 10),
        ],
    );
    app.push(&desktop.credential, vec![stored.clone()]).await;
    let deleted = crate::common::row(
        "support_message_attachments",
        id,
        me,
        &[
            ("content_hash", FieldValue::Text("cd".repeat(32)), 5),
            ("deleted", FieldValue::Integer(1), 20),
        ],
    );
    let answer = app.push(&desktop.credential, vec![deleted.clone()]).await;
    assert_refused(&answer, &[]);
    let mut expected = stored;
    expected.merge(&deleted);
    assert_eq!(app.pull_all(&desktop.credential).await, vec![expected]);
}
