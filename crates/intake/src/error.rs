//! What can go wrong with the mailbox, in words for the administrator (pt-BR).

/// A failure to reach or use the mailbox.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailboxError {
    /// The server cannot be reached (name, network, refused, TLS).
    #[error("não foi possível conectar a {0}")]
    Unreachable(String),
    /// The server refused the login.
    #[error("o servidor recusou o usuário ou a senha: {0}")]
    WrongPassword(String),
    /// The folder to read or to move mail to does not exist.
    #[error("a pasta {0} não existe na caixa de correio")]
    FolderMissing(String),
    /// The connection dropped or the server answered something unexpected.
    #[error("a conexão com o servidor de e-mail caiu: {0}")]
    ConnectionLost(String),
    /// The server refused a command.
    #[error("o servidor de e-mail recusou um comando: {0}")]
    Refused(String),
}

impl From<async_imap::error::Error> for MailboxError {
    fn from(error: async_imap::error::Error) -> Self {
        use async_imap::error::Error;
        match error {
            Error::No(text) | Error::Bad(text) => Self::Refused(text),
            other => Self::ConnectionLost(other.to_string()),
        }
    }
}

impl From<std::io::Error> for MailboxError {
    fn from(error: std::io::Error) -> Self {
        Self::ConnectionLost(error.to_string())
    }
}
