//! The watcher's status as the administrator reads it: a stable code and a pt-BR detail,
//! the same on the server's mailboxes and on a desktop reading its own.
use crate::watch::MailboxStatus;

impl MailboxStatus {
    /// Stable: `connecting`, `connected`, `wrong_password`, `unreachable`,
    /// `folder_missing`, `disconnected`.
    pub fn code(&self) -> &'static str {
        match self {
            MailboxStatus::Connecting => "connecting",
            MailboxStatus::Connected { .. } => "connected",
            MailboxStatus::WrongPassword(_) => "wrong_password",
            MailboxStatus::Unreachable(_) => "unreachable",
            MailboxStatus::FolderMissing(_) => "folder_missing",
            MailboxStatus::Disconnected(_) => "disconnected",
        }
    }

    /// What it means and what to do, in pt-BR.
    pub fn detail(&self) -> String {
        match self {
            MailboxStatus::Connecting => "Conectando ao servidor de e-mail.".into(),
            MailboxStatus::Connected { left } if left.is_empty() => {
                "Conectada: as mensagens novas são lidas assim que chegam.".into()
            }
            MailboxStatus::Connected { left } => format!(
                "Conectada, mas mensagens ficaram sem ler (nova tentativa em breve):\n{}",
                left.join("\n")
            ),
            MailboxStatus::WrongPassword(error) => format!(
                "Usuário ou senha recusados ({error}). Corrija-os na configuração da caixa; nova tentativa em breve."
            ),
            MailboxStatus::Unreachable(error) => format!(
                "Servidor de e-mail inacessível ({error}). Confira o endereço, a porta e a segurança; nova tentativa em breve."
            ),
            MailboxStatus::FolderMissing(error) => format!(
                "Pasta inexistente ({error}). Confira o nome da pasta; nova tentativa em breve."
            ),
            MailboxStatus::Disconnected(error) => {
                format!("Conexão perdida ({error}); reconectando.")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_login_is_explained() {
        let status = MailboxStatus::WrongPassword(
            "o servidor recusou o usuário ou a senha: AUTHENTICATIONFAILED".into(),
        );
        assert_eq!(status.code(), "wrong_password");
        assert!(status.detail().contains("AUTHENTICATIONFAILED"));
    }

    #[test]
    fn mail_left_unread_is_listed() {
        let status = MailboxStatus::Connected {
            left: vec!["a mensagem 3 não tem remetente".into()],
        };
        assert_eq!(status.code(), "connected");
        assert!(status.detail().ends_with("a mensagem 3 não tem remetente"));
    }
}
