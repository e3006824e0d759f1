//! The watcher's status as the administrator reads it in `GET /v1/mailboxes`: a stable
//! code and a pt-BR detail.
use helpdesk_intake::MailboxStatus;

/// A stored status: its code and detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusText {
    pub code: &'static str,
    pub detail: String,
}

/// An enabled mailbox no watcher reported on yet (new, changed or enabled again).
pub fn waiting() -> StatusText {
    StatusText {
        code: "waiting",
        detail: "Aguardando o leitor de e-mails do servidor.".into(),
    }
}

/// A mailbox the administrator disabled.
pub fn disabled() -> StatusText {
    StatusText {
        code: "disabled",
        detail: "Desativada pelo administrador: as mensagens não são lidas.".into(),
    }
}

/// What the watcher's `status` says: its [`MailboxStatus::code`] and
/// [`MailboxStatus::detail`].
pub fn describe(status: &MailboxStatus) -> StatusText {
    StatusText {
        code: status.code(),
        detail: status.detail(),
    }
}
