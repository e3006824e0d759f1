//! Turns the support mailbox's mail into support messages.
//!
//! - [`parse_message`]: raw RFC 5322 bytes to an [`IncomingMessage`] with Stalwart's
//!   `mail-parser` (charsets, quoted-printable and base64, RFC 2047 headers); HTML-only mail
//!   made readable text; the new text split from quoted replies and the signature (small
//!   pure functions in `quote`, `html` and `attachment`, unit-tested there).
//! - [`Mailbox`] and [`take_unseen`]: one pass over the unseen mail, fetched and handed
//!   to the caller's sink in batches ([`BatchLimits`]: a count and a size); each batch is
//!   marked seen (or moved) only after the sink took it.
//! - [`watch`]: the long-running watcher (IDLE or polling, reconnecting with backoff) with a
//!   [`MailboxStatus`] for the administrator's screen (its code and pt-BR detail).
//! - [`support_message`]: a parsed mail made the support message the server and a desktop
//!   reading its own mailbox store alike.
//! - `test_server` (feature `test-server`): a throwaway Dovecot for the tests.
//!
//! Messages meant for people (errors, statuses, notes in the text) are in pt-BR.
//!
//! The IMAP client is `async-imap` on tokio rather than the blocking `imap` crate in
//! `spawn_blocking`: IDLE waits for days on one connection, which would pin a blocking
//! thread per mailbox; on tokio the wait is a future that costs nothing, times out with
//! `tokio::time` and is cancelled by dropping the task. Both are maintained; async-imap
//! (used by Delta Chat) also speaks MOVE, UID EXPUNGE and IDLE with timeouts. TLS is
//! `tokio-native-tls`, already in the workspace through lettre.
#![warn(clippy::unwrap_used, clippy::panic)]

mod attachment;
mod batch;
mod config;
mod connect;
mod error;
mod folder;
mod html;
mod mailbox;
mod parse;
mod quote;
mod status;
mod support;
mod watch;

#[cfg(feature = "test-server")]
pub mod test_server;

pub use attachment::{sanitize_file_name, IncomingAttachment, MAX_FILE_NAME_CHARS};
pub use batch::BatchLimits;
pub use config::{MailboxConfig, Tls, DEFAULT_FOLDER};
pub use error::MailboxError;
pub use mailbox::{take_unseen, Mailbox, TakeReport};
pub use parse::{content_hash, parse_message, IncomingMessage, ParseError};
pub use support::support_message;
pub use watch::{watch, MailboxStatus, WatchConfig};
