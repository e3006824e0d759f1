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

/// What the watcher's `status` says.
pub fn describe(status: &MailboxStatus) -> StatusText {
    let (code, detail) = match status {
        MailboxStatus::Connecting => ("connecting", "Conectando ao servidor de e-mail.".into()),
        MailboxStatus::Connected { left } if left.is_empty() => (
            "connected",
            "Conectada: as mensagens novas são lidas assim que chegam.".into(),
        ),
        MailboxStatus::Connected { left } => (
            "connected",
            format!(
                "Conectada, mas mensagens ficaram sem ler (nova tentativa em breve):\n{}",
                left.join("\n")
            ),
        ),
        MailboxStatus::WrongPassword(error) => (
            "wrong_password",
            format!("Usuário ou senha recusados ({error}). Corrija-os na configuração da caixa; nova tentativa em breve."),
        ),
        MailboxStatus::Unreachable(error) => (
            "unreachable",
            format!("Servidor de e-mail inacessível ({error}). Confira o endereço, a porta e a segurança; nova tentativa em breve."),
        ),
        MailboxStatus::FolderMissing(error) => (
            "folder_missing",
            format!("Pasta inexistente ({error}). Confira o nome da pasta; nova tentativa em breve."),
        ),
        MailboxStatus::Disconnected(error) => (
            "disconnected",
            format!("Conexão perdida ({error}); reconectando."),
        ),
    };
    StatusText { code, detail }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_login_is_explained() {
        let status = describe(&MailboxStatus::WrongPassword(
            "o servidor recusou o usuário ou a senha: AUTHENTICATIONFAILED".into(),
        ));
        assert_eq!(status.code, "wrong_password");
        assert!(status.detail.contains("AUTHENTICATIONFAILED"), "{status:?}");
    }

    #[test]
    fn mail_left_unread_is_listed() {
        let status = describe(&MailboxStatus::Connected {
            left: vec!["a mensagem 3 não tem remetente".into()],
        });
        assert_eq!(status.code, "connected");
        assert!(status.detail.ends_with("a mensagem 3 não tem remetente"));
    }
}
