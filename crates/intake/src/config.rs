//! Where the support mailbox is and how to reach it.

pub use helpdesk_core::mailbox::{Tls, DEFAULT_FOLDER};

/// The support mailbox's IMAP account.
#[derive(Clone, PartialEq, Eq)]
pub struct MailboxConfig {
    /// The server's host name (also the name its certificate must carry).
    pub host: String,
    /// The server's port.
    pub port: u16,
    /// How the connection is protected.
    pub tls: Tls,
    /// The login.
    pub user: String,
    /// The password.
    pub password: String,
    /// The folder read, [`DEFAULT_FOLDER`] unless chosen.
    pub folder: String,
    /// Where handled mail is moved; `None` only marks it seen.
    pub move_handled_to: Option<String>,
}

impl MailboxConfig {
    /// An account reading [`DEFAULT_FOLDER`] and marking handled mail seen.
    pub fn new(host: &str, port: u16, tls: Tls, user: &str, password: &str) -> Self {
        Self {
            host: host.to_owned(),
            port,
            tls,
            user: user.to_owned(),
            password: password.to_owned(),
            folder: DEFAULT_FOLDER.to_owned(),
            move_handled_to: None,
        }
    }
}

/// Everything but the password.
impl std::fmt::Debug for MailboxConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailboxConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("user", &self.user)
            .field("folder", &self.folder)
            .field("move_handled_to", &self.move_handled_to)
            .finish_non_exhaustive()
    }
}
