//! The desktop's sync client (rules in `helpdesk_core::sync`, local side in
//! `helpdesk_store::sync`): registration with the central server, its administration (mailboxes, integrations), and exchanges that push
//! this desktop's changes and pull everyone else's, in batches, resumable after any cut.
mod admin;
mod blobs;
mod client;
mod engine;
mod error;
mod registration;
mod snapshot;
mod worker;

pub use admin::AdminClient;
pub use client::{ClientConfig, SyncClient};
pub use engine::{sync_once, SyncReport};
pub use error::SyncError;
pub use registration::{register, Enrollment};
pub use worker::{SyncWaker, SyncWorker, SyncWorkerConfig};
