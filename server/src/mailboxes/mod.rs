//! The support mailboxes the server reads (IMAP, with [`helpdesk_intake`]): their settings
//! as the administrator sends them, the runner that keeps one watcher per enabled mailbox
//! (one across all instances, by an advisory lock), and the sink making each mail a
//! support message taken once.
mod lock;
mod runner;
pub mod settings;
mod sink;
pub mod status;
mod watcher;

pub use runner::MailboxRunner;
