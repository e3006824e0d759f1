//! Support messages taken in batches (`intake::take_all`) on the real PostgreSQL: each key
//! taken once whatever the batch, and batches sharing keys taken at once without a
//! deadlock.
use helpdesk_core::support::MessageSource;
use helpdesk_core::support_intake::IntakeMessage;
use helpdesk_core::sync::{DesktopProfile, FieldValue};
use helpdesk_server::intake::{take, take_all, Taken};
use helpdesk_server::{AppState, Config};
use tokio::time::{Duration, Instant};
use uuid::Uuid;

use crate::common::{TestApp, TOKEN};

/// The server's state over the test's database.
fn state(app: &TestApp) -> AppState {
    AppState::new(
        app.pool.clone(),
        &Config::local(app.database_url.clone(), TOKEN),
    )
}

/// A mail's message with dedupe key `mail:{key}` and subject `key`.
fn message(key: &str) -> IntakeMessage {
    IntakeMessage {
        dedupe_key: format!("mail:{key}"),
        source: MessageSource::Mail,
        email: "ana@exemplo.com.br".into(),
        sender_name: "Ana".into(),
        login: String::new(),
        document: String::new(),
        subject: key.into(),
        body: "Sem internet.".into(),
        quoted: String::new(),
        rfc_message_id: format!("<{key}>"),
        rfc_references: String::new(),
        received_at: 1,
        attachments: Vec::new(),
    }
}

/// The support messages stored.
async fn stored(app: &TestApp) -> i64 {
    app.count("SELECT count(*) FROM sync_rows WHERE table_name = 'support_messages'")
        .await
}

#[tokio::test]
async fn a_batch_takes_each_key_once_even_within_itself() {
    let app = TestApp::start().await;
    let state = state(&app);
    let Taken::New(earlier) = take(&state, &message("a")).await.expect("taken") else {
        panic!("a new message");
    };
    let batch = [message("b"), message("a"), message("c"), message("b")];
    let taken = take_all(&state, &batch).await.expect("taken");
    let [Taken::New(b), Taken::Again(a), Taken::New(c), Taken::Again(b_again)] = taken[..] else {
        panic!("b new, a before, c new, b again: {taken:?}");
    };
    assert_eq!((a, b_again), (earlier, b));
    assert_ne!(b, c);
    assert_eq!(stored(&app).await, 3);

    // Offered again (a connection dropped before the mail was marked): nothing written.
    let again = take_all(&state, &batch).await.expect("taken");
    assert_eq!(
        again,
        [
            Taken::Again(b),
            Taken::Again(earlier),
            Taken::Again(c),
            Taken::Again(b)
        ]
    );
    assert_eq!(stored(&app).await, 3);

    let desktop = app
        .register_as("Atendimento 1", DesktopProfile::Service, &[])
        .await;
    let mut subjects: Vec<String> = app
        .pull_all(&desktop.credential)
        .await
        .iter()
        .filter(|row| row.table == "support_messages")
        .filter_map(|row| match row.value("subject") {
            Some(FieldValue::Text(subject)) => Some(subject.clone()),
            _ => None,
        })
        .collect();
    subjects.sort();
    assert_eq!(subjects, ["a", "b", "c"]);
}

#[tokio::test]
async fn batches_sharing_keys_taken_at_once_do_not_deadlock() {
    let app = TestApp::start().await;
    let state = state(&app);
    let forward: Vec<IntakeMessage> = (0..100)
        .map(|index| message(&format!("{index:03}")))
        .collect();
    let backward: Vec<IntakeMessage> = forward.iter().rev().cloned().collect();
    // A transaction holding a key in the middle makes both batches wait inside their claims,
    // each having claimed some keys: claimed in differing orders they would deadlock.
    let mut blocker = app.pool.begin().await.expect("transaction");
    sqlx::query("INSERT INTO intake_seen (dedupe_key, message_id) VALUES ($1, $2)")
        .bind("mail:050")
        .bind(Uuid::now_v7())
        .execute(&mut *blocker)
        .await
        .expect("key held");
    let batches = {
        let state = state.clone();
        tokio::spawn(async move {
            tokio::join!(take_all(&state, &forward), take_all(&state, &backward))
        })
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while app
        .count(
            "SELECT count(*) FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock'",
        )
        .await
        < 2
    {
        assert!(Instant::now() < deadline, "both batches wait for a lock");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    blocker.rollback().await.expect("released");

    let (forward_taken, backward_taken) = batches.await.expect("joined");
    let (forward_taken, backward_taken) = (
        forward_taken.expect("forward batch"),
        backward_taken.expect("backward batch"),
    );
    for (one, other) in forward_taken.iter().zip(backward_taken.iter().rev()) {
        match (one, other) {
            (Taken::New(id), Taken::Again(same)) | (Taken::Again(same), Taken::New(id)) => {
                assert_eq!(id, same);
            }
            both => panic!("taken once, by one batch: {both:?}"),
        }
    }
    assert_eq!(stored(&app).await, 100);
}
