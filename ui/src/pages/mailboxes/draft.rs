//! The mailbox form as typed, and what it sends. No DOM.
use helpdesk_api::{MailboxSave, MailboxSummary, ServerToken, Uuid};
use helpdesk_core::form::FieldError;
use helpdesk_core::mailbox::{MailboxSettings, Tls, DEFAULT_FOLDER};

/// The form as typed. Not `Debug`: it holds the password.
#[derive(Clone, PartialEq)]
pub struct MailboxDraft {
    /// `None` for "Nova caixa".
    pub id: Option<Uuid>,
    pub host: String,
    pub port: String,
    pub tls: Tls,
    pub login: String,
    /// A new password; empty on a change keeps the stored one.
    pub password: String,
    pub folder: String,
    /// Empty: handled mail is only marked as read.
    pub move_handled_to: String,
}

impl MailboxDraft {
    /// "Nova caixa": TLS on port 993, the inbox.
    pub fn new() -> Self {
        Self {
            id: None,
            host: String::new(),
            port: "993".into(),
            tls: Tls::Implicit,
            login: String::new(),
            password: String::new(),
            folder: DEFAULT_FOLDER.into(),
            move_handled_to: String::new(),
        }
    }

    /// A listed mailbox, to change (its password left empty: kept).
    pub fn of(mailbox: &MailboxSummary) -> Self {
        let settings = &mailbox.settings;
        Self {
            id: Some(mailbox.id),
            host: settings.host.clone(),
            port: settings.port.to_string(),
            tls: settings.tls,
            login: settings.login.clone(),
            password: String::new(),
            folder: settings.folder.clone(),
            move_handled_to: settings.move_handled_to.clone().unwrap_or_default(),
        }
    }

    /// Another protection; the port follows when it was the other one's usual port.
    pub fn choose_tls(&mut self, tls: Tls) {
        let usual = |tls: Tls| match tls {
            Tls::Implicit => "993",
            Tls::StartTls | Tls::None => "143",
        };
        if self.port.trim() == usual(self.tls) {
            self.port = usual(tls).into();
        }
        self.tls = tls;
    }

    /// What is sent with `token`, and every reason the core refuses it at its field (a
    /// port that is not a number is refused as port 0 is).
    pub fn request(&self, token: &ServerToken) -> (MailboxSave, Vec<FieldError>) {
        let save = MailboxSave {
            token: token.clone(),
            id: self.id,
            settings: MailboxSettings {
                host: self.host.clone(),
                port: self.port.trim().parse().unwrap_or(0),
                tls: self.tls,
                login: self.login.clone(),
                folder: self.folder.clone(),
                move_handled_to: Some(self.move_handled_to.clone()),
            },
            password: self.password.clone(),
        };
        let found = save.validate().err().unwrap_or_default();
        (save, found)
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_api::WatcherStatus;
    use helpdesk_core::mailbox::fields;

    use super::*;

    fn token() -> ServerToken {
        ServerToken::new("token-do-administrador")
    }

    fn fields_of(found: &[FieldError]) -> Vec<&str> {
        found.iter().map(|error| error.field.as_str()).collect()
    }

    #[test]
    fn a_new_mailbox_needs_its_server_login_and_password() {
        let mut draft = MailboxDraft::new();
        draft.port = "noventa".into();
        let (_, found) = draft.request(&token());
        assert_eq!(
            fields_of(&found),
            [fields::HOST, fields::PORT, fields::LOGIN, fields::PASSWORD]
        );
    }

    #[test]
    fn a_change_keeps_the_password_when_it_is_left_empty() {
        let listed = MailboxSummary {
            id: Uuid::from_u128(7),
            settings: MailboxSettings {
                host: "imap.provedor.com.br".into(),
                port: 993,
                tls: Tls::Implicit,
                login: "suporte".into(),
                folder: "INBOX".into(),
                move_handled_to: None,
            },
            enabled: true,
            status: WatcherStatus::Connected,
            status_detail: String::new(),
            status_at: None,
        };
        let (save, found) = MailboxDraft::of(&listed).request(&token());
        assert!(found.is_empty(), "{found:?}");
        assert_eq!((save.id, save.password.as_str()), (Some(listed.id), ""));
    }

    #[test]
    fn the_usual_port_follows_the_protection() {
        let mut draft = MailboxDraft::new();
        draft.choose_tls(Tls::StartTls);
        assert_eq!(draft.port, "143");
        draft.port = "1143".into();
        draft.choose_tls(Tls::Implicit);
        assert_eq!(draft.port, "1143", "a port typed is kept");
    }
}
