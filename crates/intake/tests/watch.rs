//! The long-running watcher against a real Dovecot: new mail taken as it arrives (IDLE), a
//! refused login reported and retried, a server killed mid-pass survived.
mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{
    dovecot_with, eventually, fixture, proxy::CuttingProxy, sized_key, sized_mail, wait_until,
    Store, PATIENCE,
};
use helpdesk_intake::test_server::{Dovecot, Options};
use helpdesk_intake::{watch, BatchLimits, IncomingMessage, MailboxStatus, WatchConfig};
use tokio::sync::watch as channel;

/// Fast retries, and a poll interval long enough that only IDLE can explain quick pickup.
fn fast(server: &Dovecot) -> WatchConfig {
    WatchConfig {
        retry_first: Duration::from_millis(50),
        retry_max: Duration::from_millis(400),
        poll_every: Duration::from_secs(600),
        ..WatchConfig::new(server.config())
    }
}

/// Waits until the status satisfies `condition`.
async fn status_until(
    status: &mut channel::Receiver<MailboxStatus>,
    condition: impl FnMut(&MailboxStatus) -> bool,
) -> MailboxStatus {
    tokio::time::timeout(PATIENCE, status.wait_for(condition))
        .await
        .expect("status in time")
        .expect("watcher alive")
        .clone()
}

#[tokio::test]
async fn new_mail_is_taken_as_it_arrives() {
    let server = dovecot_with(&["latin1-qp.eml"]).await;
    let store = Store::default();
    let (status_tx, mut status) = channel::channel(MailboxStatus::Connecting);
    let watcher = tokio::spawn(watch(fast(&server), store.sink(), status_tx));

    status_until(&mut status, |status| {
        matches!(status, MailboxStatus::Connected { .. })
    })
    .await;
    wait_until("the mail waiting at start", || store.messages().len() == 1).await;
    server
        .client()
        .deliver(&fixture("reply.eml"))
        .await
        .expect("delivered");
    wait_until("the new mail, woken by IDLE", || {
        store.messages().len() == 2
    })
    .await;
    assert_eq!(
        store.get("reply-2@exemplo.com.br").text,
        "Reiniciei e voltou, obrigada!"
    );

    let client = server.client();
    eventually("both marked seen", || async {
        client
            .search("INBOX", "SEEN")
            .await
            .is_ok_and(|seen| seen == [1, 2])
    })
    .await;
    watcher.abort();
}

#[tokio::test]
async fn mail_that_arrives_during_a_pass_is_taken_without_waiting_for_the_poll() {
    let server = dovecot_with(&["latin1-qp.eml"]).await;
    let store = Store::default();
    // The first mail's sink delivers the next one: it arrives after the pass searched.
    let sink = {
        let (store, client) = (store.clone(), server.client());
        move |batch: Vec<IncomingMessage>| {
            let (store, client) = (store.clone(), client.clone());
            async move {
                if store.messages().is_empty() {
                    client
                        .deliver(&fixture("reply.eml"))
                        .await
                        .map_err(|error| error.to_string())?;
                }
                store.take_batch(batch);
                Ok::<(), String>(())
            }
        }
    };
    let (status_tx, _status) = channel::channel(MailboxStatus::Connecting);
    let watcher = tokio::spawn(watch(fast(&server), sink, status_tx));
    // `fast` polls every 10 minutes: only reading again after a busy pass takes it in time.
    wait_until("the mail delivered during the pass", || {
        store.messages().len() == 2
    })
    .await;
    watcher.abort();
}

#[tokio::test]
async fn a_wrong_password_is_reported_and_tried_again() {
    let server = Dovecot::start().expect("dovecot");
    let mut config = fast(&server);
    config.mailbox.password = "senha-errada".into();
    let (status_tx, mut status) = channel::channel(MailboxStatus::Connecting);
    let watcher = tokio::spawn(watch(config, Store::default().sink(), status_tx));

    let refused = status_until(&mut status, |status| {
        matches!(status, MailboxStatus::WrongPassword(_))
    })
    .await;
    let MailboxStatus::WrongPassword(text) = refused else {
        unreachable!("matched above")
    };
    assert!(
        text.starts_with("o servidor recusou o usuário ou a senha"),
        "{text}"
    );
    status_until(&mut status, |status| *status == MailboxStatus::Connecting).await;
    status_until(&mut status, |status| {
        matches!(status, MailboxStatus::WrongPassword(_))
    })
    .await;
    assert!(
        !watcher.is_finished(),
        "a refused login does not stop the watcher"
    );
    watcher.abort();
}

#[tokio::test]
async fn an_unreachable_server_is_reported() {
    let mut server = Dovecot::start().expect("dovecot");
    let config = fast(&server);
    server.stop();
    let (status_tx, mut status) = channel::channel(MailboxStatus::Connecting);
    let watcher = tokio::spawn(watch(config, Store::default().sink(), status_tx));
    let down = status_until(&mut status, |status| {
        matches!(status, MailboxStatus::Unreachable(_))
    })
    .await;
    assert!(
        format!("{down:?}").contains("não foi possível conectar a 127.0.0.1"),
        "{down:?}"
    );
    watcher.abort();
}

#[tokio::test]
async fn the_watcher_survives_the_server_dying_mid_pass() {
    let server = Arc::new(Mutex::new(Dovecot::start().expect("dovecot")));
    let config = WatchConfig {
        batch: BatchLimits {
            messages: 1,
            ..BatchLimits::default()
        },
        ..fast(&server.lock().expect("server"))
    };
    let names = [
        "latin1-qp.eml",
        "cp1252-base64.eml",
        "utf8-subject.eml",
        "reply.eml",
    ];
    let client = server.lock().expect("server").client();
    for name in names {
        client.deliver(&fixture(name)).await.expect("delivered");
    }
    let store = Store::default();
    // One mail a batch. The sink keeps each mail, and on the second one kills the server
    // before the mail is marked seen: that mail is offered again after the reconnection.
    let sink = {
        let (store, server) = (store.clone(), server.clone());
        move |batch: Vec<IncomingMessage>| {
            store.take_batch(batch);
            if store.messages().len() == 2 && store.offers("cp1252-1@exemplo.com") == 1 {
                server.lock().expect("server").stop();
            }
            std::future::ready(Ok::<(), String>(()))
        }
    };
    let (status_tx, mut status) = channel::channel(MailboxStatus::Connecting);
    let watcher = tokio::spawn(watch(config, sink, status_tx));

    status_until(&mut status, |status| {
        matches!(
            status,
            MailboxStatus::Disconnected(_) | MailboxStatus::Unreachable(_)
        )
    })
    .await;
    assert_eq!(store.messages().len(), 2);
    server.lock().expect("server").restart().expect("restarted");
    wait_until("all four mails", || store.messages().len() == 4).await;
    status_until(&mut status, |status| {
        matches!(status, MailboxStatus::Connected { .. })
    })
    .await;

    assert_eq!(store.offers("latin1-qp-1@exemplo.com.br"), 1);
    assert_eq!(
        store.offers("cp1252-1@exemplo.com"),
        2,
        "offered again: it was never marked"
    );
    assert_eq!(store.offers("utf8-1@exemplo.org"), 1);
    assert_eq!(store.offers("reply-2@exemplo.com.br"), 1);
    eventually("all marked seen", || async {
        client
            .search("INBOX", "UNSEEN")
            .await
            .is_ok_and(|unseen| unseen.is_empty())
    })
    .await;
    watcher.abort();
}

#[tokio::test]
async fn a_batch_taken_when_the_server_dies_is_offered_again_whole() {
    let server = Arc::new(Mutex::new(Dovecot::start().expect("dovecot")));
    let config = WatchConfig {
        batch: BatchLimits {
            messages: 3,
            ..BatchLimits::default()
        },
        ..fast(&server.lock().expect("server"))
    };
    let client = server.lock().expect("server").client();
    for index in 0..7 {
        client
            .deliver(&sized_mail(index, 600))
            .await
            .expect("delivered");
    }
    let store = Store::default();
    // The sink keeps each batch, and kills the server once it took the second one, before
    // the batch is marked seen.
    let sink = {
        let (store, server) = (store.clone(), server.clone());
        move |batch: Vec<IncomingMessage>| {
            store.take_batch(batch);
            if store.batches().len() == 2 {
                server.lock().expect("server").stop();
            }
            std::future::ready(Ok::<(), String>(()))
        }
    };
    let (status_tx, mut status) = channel::channel(MailboxStatus::Connecting);
    let watcher = tokio::spawn(watch(config, sink, status_tx));

    status_until(&mut status, |status| {
        matches!(
            status,
            MailboxStatus::Disconnected(_) | MailboxStatus::Unreachable(_)
        )
    })
    .await;
    assert_eq!(store.batches(), [3, 3]);
    server.lock().expect("server").restart().expect("restarted");
    wait_until("the last batch", || store.messages().len() == 7).await;
    assert_eq!(
        store.batches(),
        [3, 3, 3, 1],
        "the second batch came again whole"
    );
    for index in 0..7 {
        let expected = if (3..6).contains(&index) { 2 } else { 1 };
        assert_eq!(store.offers(&sized_key(index)), expected, "mail {index}");
    }
    eventually("all marked seen", || async {
        client
            .search("INBOX", "UNSEEN")
            .await
            .is_ok_and(|unseen| unseen.is_empty())
    })
    .await;
    watcher.abort();
}

#[tokio::test]
async fn a_connection_cut_in_the_middle_of_a_batch_loses_and_repeats_nothing() {
    let server = Dovecot::start().expect("dovecot");
    let client = server.client();
    for index in 0..6 {
        client
            .deliver(&sized_mail(index, 40_000))
            .await
            .expect("delivered");
    }
    // Greeting, login, SELECT, SEARCH and the sizes take a few kB: cut after 100 kB, in
    // the third of the six 40 kB bodies the batch's one FETCH brings.
    let proxy = CuttingProxy::start(server.port, 100_000).await;
    let mut config = fast(&server);
    config.mailbox.port = proxy.port;
    let store = Store::default();
    let (status_tx, _status) = channel::channel(MailboxStatus::Connecting);
    let watcher = tokio::spawn(watch(config, store.sink(), status_tx));

    wait_until("the six mails", || store.messages().len() == 6).await;
    assert!(proxy.connections() >= 2, "the first connection was cut");
    assert_eq!(
        store.batches(),
        [6],
        "nothing of the cut batch was handed over"
    );
    for index in 0..6 {
        assert_eq!(store.offers(&sized_key(index)), 1, "mail {index}");
    }
    eventually("all marked seen", || async {
        client
            .search("INBOX", "SEEN")
            .await
            .is_ok_and(|seen| seen.len() == 6)
    })
    .await;
    watcher.abort();
}

#[tokio::test]
async fn without_idle_the_watcher_polls() {
    let basic = Options {
        basic_capabilities: true,
        ..Options::default()
    };
    let server = Dovecot::start_with(basic).expect("dovecot");
    let config = WatchConfig {
        poll_every: Duration::from_millis(200),
        ..fast(&server)
    };
    let store = Store::default();
    let (status_tx, mut status) = channel::channel(MailboxStatus::Connecting);
    let watcher = tokio::spawn(watch(config, store.sink(), status_tx));
    status_until(&mut status, |status| {
        matches!(status, MailboxStatus::Connected { .. })
    })
    .await;
    server
        .client()
        .deliver(&fixture("reply.eml"))
        .await
        .expect("delivered");
    wait_until("the mail, found by polling", || store.messages().len() == 1).await;
    watcher.abort();
}

#[tokio::test]
async fn the_watcher_reconnects_after_the_server_dies_while_idle() {
    let mut server = Dovecot::start().expect("dovecot");
    let store = Store::default();
    let (status_tx, mut status) = channel::channel(MailboxStatus::Connecting);
    let watcher = tokio::spawn(watch(fast(&server), store.sink(), status_tx));
    status_until(&mut status, |status| {
        matches!(status, MailboxStatus::Connected { .. })
    })
    .await;

    server.stop();
    status_until(&mut status, |status| {
        matches!(
            status,
            MailboxStatus::Disconnected(_) | MailboxStatus::Unreachable(_)
        )
    })
    .await;
    server.restart().expect("restarted");
    status_until(&mut status, |status| {
        matches!(status, MailboxStatus::Connected { .. })
    })
    .await;
    server
        .client()
        .deliver(&fixture("reply.eml"))
        .await
        .expect("delivered");
    wait_until("the mail after the reconnection", || {
        store.messages().len() == 1
    })
    .await;
    watcher.abort();
}

#[tokio::test]
async fn a_missing_folder_is_reported() {
    let server = Dovecot::start().expect("dovecot");
    let mut config = fast(&server);
    config.mailbox.folder = "Suporte".into();
    let (status_tx, mut status) = channel::channel(MailboxStatus::Connecting);
    let watcher = tokio::spawn(watch(config, Store::default().sink(), status_tx));
    let missing = status_until(&mut status, |status| {
        matches!(status, MailboxStatus::FolderMissing(_))
    })
    .await;
    assert_eq!(
        missing,
        MailboxStatus::FolderMissing("a pasta Suporte não existe na caixa de correio".into())
    );
    watcher.abort();
}
