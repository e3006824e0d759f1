//! The sync server over HTTP against a real PostgreSQL (one per test binary, a fresh
//! database per test).
mod access;
mod auth;
mod blobs;
mod common;
mod deploy;
mod devices;
mod errors;
mod health;
mod hostile;
mod intake;
mod limits;
mod mailboxes;
mod merge_writes;
mod metrics;
mod null_character;
mod openapi;
mod portal;
mod portal_form;
mod pull;
mod push;
mod restore;
mod row_rules;
mod service_passwords;
mod snapshot;
mod throttle;
mod tls;
