//! What can stop an exchange, and how the operator is told.
use helpdesk_core::sync::{DesktopProfile, SyncTable};
use helpdesk_store::StoreError;

/// Why an exchange with the sync server did not complete. Nothing local is lost either way:
/// what was not acknowledged is pushed again, what was not applied is pulled again.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The server could not be reached (offline, refused, name unknown, TLS, timeout).
    #[error("the sync server is unreachable: {0}")]
    Unreachable(String),
    /// The server refused the request and said why.
    #[error("the sync server refused ({status} {code}): {message}")]
    Refused {
        status: u16,
        code: String,
        /// pt-BR, for the operator.
        message: String,
    },
    /// The server answered something this desktop cannot read.
    #[error("the sync server's answer does not read: {0}")]
    BadAnswer(String),
    /// The desktop holds unsent changes to `tables`, which `profile` may not write.
    #[error("a {profile:?} desktop cannot send its waiting changes to {tables:?}")]
    ProfileTooNarrow {
        profile: DesktopProfile,
        tables: Vec<String>,
    },
    /// This desktop has not joined a server yet.
    #[error("this desktop is not registered with a sync server")]
    NotRegistered,
    /// The local database or attachments folder failed.
    #[error("local storage: {0}")]
    Store(#[from] StoreError),
    #[error("attachments folder: {0}")]
    Files(#[from] std::io::Error),
}

impl SyncError {
    /// Whether the server said it has no such snapshot (none prepared, or replaced).
    pub(crate) fn is_no_snapshot(&self) -> bool {
        matches!(self, Self::Refused { status: 404, code, .. } if code == "no_snapshot")
    }

    /// What the window shows (pt-BR).
    pub fn operator_message(&self) -> String {
        match self {
            Self::Unreachable(_) => "Sem conexão com o servidor de sincronização; as alterações \
                 ficam guardadas neste computador e serão enviadas quando ele responder."
                .into(),
            Self::Refused { message, .. } => message.clone(),
            Self::BadAnswer(_) => "O servidor de sincronização respondeu algo inesperado; \
                 tente de novo mais tarde ou avise o administrador."
                .into(),
            Self::NotRegistered => "Este computador ainda não foi registrado no servidor de \
                 sincronização: um administrador deve registrá-lo."
                .into(),
            Self::ProfileTooNarrow { profile, tables } => {
                let labels: Vec<&str> = tables
                    .iter()
                    .map(|name| SyncTable::named(name).map_or(name.as_str(), |table| table.label))
                    .collect();
                format!(
                    "Este computador tem alterações ainda não enviadas em cadastros de \
                     administração ({}), que um computador de {} não pode enviar. Registre-o \
                     como Administração.",
                    labels.join(", "),
                    profile.label()
                )
            }
            Self::Store(_) | Self::Files(_) => "Falha ao gravar neste computador durante a \
                 sincronização; nada foi perdido e ela será tentada de novo."
                .into(),
        }
    }

    /// Whether trying again later may succeed without anyone acting.
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Unreachable(_) | Self::BadAnswer(_) | Self::Store(_) | Self::Files(_) => true,
            Self::Refused { status, .. } => *status >= 500 || *status == 429,
            Self::NotRegistered | Self::ProfileTooNarrow { .. } => false,
        }
    }
}
