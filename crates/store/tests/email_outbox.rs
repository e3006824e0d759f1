//! The e-mail outbox on a real database: queued inside a transaction with its history entry,
//! claimed once under a lease (and again after the lease of a crashed worker), retried,
//! sent or failed with the reason in the ticket's history.
mod common;
mod desk;

use desk::{desk, kinds, ticket, NOON};
use helpdesk_core::email::{EmailAttachment, OutgoingEmail};
use helpdesk_store::email_outbox::{self, NewEmail};
use helpdesk_store::tickets;
use serde_json::Value;

const MINUTE: i64 = 60_000;

fn email() -> OutgoingEmail {
    OutgoingEmail {
        to: vec!["ana.ferreira@exemplo.com.br".into()],
        cc: vec!["copia@provedor.com.br".into()],
        subject: "Protocolo 261128-003-00001".into(),
        body: "Olá, Ana Paula. Seu atendimento foi registrado.".into(),
        attachments: vec![EmailAttachment {
            hash: "ab".repeat(32),
            name: "relatório.pdf".into(),
            size: 1234,
        }],
    }
}

#[tokio::test]
async fn a_queued_email_is_claimed_once_sent_and_told_in_the_history() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let ticket = ticket(store, &desk, 1, None, NOON).await;
    let email = email();
    let mut tx = store.pool().begin().await.expect("transaction");
    let id = email_outbox::enqueue_in(
        &mut tx,
        store,
        &NewEmail {
            ticket_id: Some(ticket),
            from_address: "atendimento@provedor.com.br",
            email: &email,
            created_by: desk.ana,
            thread: None,
        },
        NOON,
    )
    .await
    .expect("queued");
    tx.commit().await.expect("commit");

    let claimed = email_outbox::claim_due(store, NOON, 5 * MINUTE, 10)
        .await
        .expect("claim");
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].id, id);
    assert_eq!(claimed[0].email, email);
    assert_eq!(claimed[0].attempts, 1);
    assert!(claimed[0].message_id.ends_with("@helpdesk.local>"));
    // Claimed: another worker (or the next pass) does not get it while the lease runs.
    let again = email_outbox::claim_due(store, NOON + MINUTE, 5 * MINUTE, 10)
        .await
        .expect("claim");
    assert!(again.is_empty());

    email_outbox::mark_sent(store, &claimed[0], NOON + MINUTE)
        .await
        .expect("sent");
    let status = email_outbox::status(store, id)
        .await
        .expect("status")
        .expect("row");
    assert_eq!(status.state, "sent");
    assert_eq!(status.sent_at, Some(NOON + MINUTE));
    // Marking twice writes nothing more.
    email_outbox::mark_sent(store, &claimed[0], NOON + MINUTE)
        .await
        .expect("sent again");
    let kinds = kinds(store, ticket).await;
    assert_eq!(kinds.iter().filter(|k| k.starts_with("email_")).count(), 2);
    assert!(kinds.ends_with(&["email_queued".to_owned(), "email_sent".to_owned()]));
    let history = tickets::history(store, ticket).await.expect("history");
    let sent: Value = serde_json::from_str(&history.last().expect("event").payload).expect("json");
    assert_eq!(sent["to"][0], "ana.ferreira@exemplo.com.br");
    assert_eq!(sent["subject"], "Protocolo 261128-003-00001");
}

#[tokio::test]
async fn a_crashed_workers_claim_comes_back_after_its_lease_with_the_same_message_id() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let email = email();
    let new = NewEmail {
        ticket_id: None,
        from_address: "atendimento@provedor.com.br",
        email: &email,
        created_by: desk.ana,
        thread: None,
    };
    email_outbox::enqueue(store, &new, NOON)
        .await
        .expect("queued");
    let first = email_outbox::claim_due(store, NOON, 5 * MINUTE, 10)
        .await
        .expect("claim");
    // The worker dies here, mid-send. After the lease, the message is due again.
    let early = email_outbox::claim_due(store, NOON + 4 * MINUTE, 5 * MINUTE, 10)
        .await
        .expect("claim");
    assert!(early.is_empty());
    let second = email_outbox::claim_due(store, NOON + 5 * MINUTE, 5 * MINUTE, 10)
        .await
        .expect("claim");
    assert_eq!(second.len(), 1);
    assert_eq!(second[0].message_id, first[0].message_id);
    assert_eq!(second[0].attempts, 2);
}

#[tokio::test]
async fn a_retry_waits_for_its_time_and_a_failure_keeps_its_reason() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let ticket = ticket(store, &desk, 1, None, NOON).await;
    let email = email();
    let new = NewEmail {
        ticket_id: Some(ticket),
        from_address: "atendimento@provedor.com.br",
        email: &email,
        created_by: desk.ana,
        thread: None,
    };
    let id = email_outbox::enqueue(store, &new, NOON)
        .await
        .expect("queued");
    let claimed = email_outbox::claim_due(store, NOON, MINUTE, 10)
        .await
        .expect("claim");
    email_outbox::mark_retry(store, &claimed[0], NOON + 2 * MINUTE, "Sem conexão")
        .await
        .expect("retry");
    let status = email_outbox::status(store, id)
        .await
        .expect("status")
        .expect("row");
    assert_eq!((status.state.as_str(), status.attempts), ("queued", 1));
    assert_eq!(status.last_error.as_deref(), Some("Sem conexão"));
    assert_eq!(
        email_outbox::next_due(store).await.expect("due"),
        Some(NOON + 2 * MINUTE)
    );
    assert!(email_outbox::claim_due(store, NOON + MINUTE, MINUTE, 10)
        .await
        .expect("claim")
        .is_empty());
    let claimed = email_outbox::claim_due(store, NOON + 2 * MINUTE, MINUTE, 10)
        .await
        .expect("claim");
    assert_eq!(claimed[0].attempts, 2);
    email_outbox::mark_failed(store, &claimed[0], NOON + 3 * MINUTE, "Senha recusada")
        .await
        .expect("failed");
    let status = email_outbox::status(store, id)
        .await
        .expect("status")
        .expect("row");
    assert_eq!(status.state, "failed");
    assert_eq!(email_outbox::next_due(store).await.expect("due"), None);
    let history = tickets::history(store, ticket).await.expect("history");
    let failed = history.last().expect("event");
    assert_eq!(failed.kind, "email_failed");
    let payload: Value = serde_json::from_str(&failed.payload).expect("json");
    assert_eq!(payload["error"], "Senha recusada");
}

#[tokio::test]
async fn a_rolled_back_save_queues_nothing() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let email = email();
    let mut tx = store.pool().begin().await.expect("transaction");
    let new = NewEmail {
        ticket_id: None,
        from_address: "atendimento@provedor.com.br",
        email: &email,
        created_by: desk.ana,
        thread: None,
    };
    let id = email_outbox::enqueue_in(&mut tx, store, &new, NOON)
        .await
        .expect("queued");
    tx.rollback().await.expect("rollback");
    assert_eq!(email_outbox::status(store, id).await.expect("status"), None);
}

/// A queued e-mail survives a power cut, not only a kill: every connection of the store
/// commits with `synchronous = FULL` (in WAL mode, NORMAL may lose the last commits when
/// the machine loses power).
#[tokio::test]
async fn every_connection_commits_to_disk_before_answering() {
    let test = common::open().await;
    let mut connections = Vec::new();
    for _ in 0..test.store.pool().options().get_max_connections() {
        connections.push(test.store.pool().acquire().await.expect("a connection"));
    }
    for connection in &mut connections {
        let (journal,): (String,) = sqlx::query_as("PRAGMA journal_mode")
            .fetch_one(&mut **connection)
            .await
            .expect("journal mode");
        let (synchronous,): (i64,) = sqlx::query_as("PRAGMA synchronous")
            .fetch_one(&mut **connection)
            .await
            .expect("synchronous");
        assert_eq!(
            (journal.as_str(), synchronous),
            ("wal", 2),
            "WAL with FULL (2)"
        );
    }
}
