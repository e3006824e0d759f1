//! Sends the outbox's e-mails over SMTP with `lettre`.
//!
//! Every e-mail is first written to the database (`helpdesk_store::email_outbox`, in the
//! transaction that saves its ticket); [`OutboxWorker`] claims the due ones with a lease,
//! sends each with the Message-ID fixed when it was queued, and records the outcome: sent,
//! queued again with exponential backoff (offline, server down, 4xx replies, a dropped
//! connection), or failed for good (5xx replies, refused credentials) with a pt-BR reason.
#![warn(clippy::unwrap_used, clippy::panic)]

mod compose;
mod outcome;
mod transport;
mod worker;

#[cfg(feature = "test-server")]
pub mod test_server;

pub use worker::{DrainReport, OutboxWaker, OutboxWorker, WorkerConfig};
