//! Helpers shared by the integration tests: fixtures, a store-like sink, waiting.
#![allow(dead_code)] // Each test binary uses its own subset.

use std::collections::HashMap;
use std::future::{Future, Ready};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use helpdesk_intake::test_server::Dovecot;
use helpdesk_intake::IncomingMessage;

pub mod proxy;

/// How long a test waits for something that should happen at once.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// A fixture's bytes, exactly as on disk.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// A throwaway Dovecot whose inbox holds the fixtures `names`, delivered in this order.
pub async fn dovecot_with(names: &[&str]) -> Dovecot {
    let server = Dovecot::start().expect("dovecot");
    server
        .client()
        .deliver_all(names.iter().map(|name| fixture(name)))
        .await
        .expect("delivered");
    server
}

/// A plain mail of about `size` bytes (CRLF line endings, never more than `size` unless
/// its header alone is), Message-ID `<lote-{index}@exemplo.com.br>`.
pub fn sized_mail(index: usize, size: usize) -> Vec<u8> {
    let mut raw = format!(
        "From: Cliente {index} <cliente{index}@exemplo.com.br>\r\n\
         Subject: Sem internet ({index})\r\n\
         Message-ID: <{}>\r\n\r\n",
        sized_key(index)
    )
    .into_bytes();
    let line = b"Estou sem internet desde ontem.\r\n";
    while raw.len() + line.len() <= size {
        raw.extend_from_slice(line);
    }
    raw
}

/// The dedupe key of [`sized_mail`] `index`.
pub fn sized_key(index: usize) -> String {
    format!("lote-{index}@exemplo.com.br")
}

/// What a sink idempotent on the dedupe key keeps: each message once, and how often each
/// key was offered.
#[derive(Clone, Default)]
pub struct Store {
    inner: Arc<Mutex<Inner>>,
}

#[derive(Default)]
struct Inner {
    messages: Vec<IncomingMessage>,
    offers: HashMap<String, usize>,
    batches: Vec<usize>,
}

impl Store {
    /// Keeps `message` unless its key is already kept; counts the offer either way.
    pub fn take(&self, message: IncomingMessage) {
        let mut inner = self.inner.lock().expect("store lock");
        *inner.offers.entry(message.dedupe_key.clone()).or_default() += 1;
        if !inner
            .messages
            .iter()
            .any(|kept| kept.dedupe_key == message.dedupe_key)
        {
            inner.messages.push(message);
        }
    }

    /// Keeps each mail of `batch`, and notes the batch's size.
    pub fn take_batch(&self, batch: Vec<IncomingMessage>) {
        self.inner
            .lock()
            .expect("store lock")
            .batches
            .push(batch.len());
        for message in batch {
            self.take(message);
        }
    }

    /// A sink that keeps every batch here and never fails.
    pub fn sink(&self) -> impl FnMut(Vec<IncomingMessage>) -> Ready<Result<(), String>> {
        let store = self.clone();
        move |batch| {
            store.take_batch(batch);
            std::future::ready(Ok(()))
        }
    }

    /// The size of each batch taken, in order.
    pub fn batches(&self) -> Vec<usize> {
        self.inner.lock().expect("store lock").batches.clone()
    }

    /// The messages kept, in arrival order.
    pub fn messages(&self) -> Vec<IncomingMessage> {
        self.inner.lock().expect("store lock").messages.clone()
    }

    /// How often `key` was offered.
    pub fn offers(&self, key: &str) -> usize {
        self.inner
            .lock()
            .expect("store lock")
            .offers
            .get(key)
            .copied()
            .unwrap_or(0)
    }

    /// The kept message with `key`.
    pub fn get(&self, key: &str) -> IncomingMessage {
        self.messages()
            .into_iter()
            .find(|message| message.dedupe_key == key)
            .unwrap_or_else(|| panic!("no message {key}"))
    }
}

/// Polls the async `condition` every 20 ms until it holds, failing the test after
/// [`PATIENCE`].
pub async fn eventually<F, Fut>(what: &str, mut condition: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + PATIENCE;
    while !condition().await {
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Polls `condition` every 20 ms until it holds, failing the test after [`PATIENCE`].
pub async fn wait_until(what: &str, mut condition: impl FnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    while !condition() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
