//! A mailbox's settings as typed, in either form (the sync server's mailboxes, this
//! desktop's own). No DOM.
use helpdesk_core::mailbox::{MailboxSettings, Tls, DEFAULT_FOLDER};

/// The settings as typed. Not `Debug`: it holds the password.
#[derive(Clone, PartialEq)]
pub struct SettingsDraft {
    pub host: String,
    /// As typed: a port that is not a number is refused at its field.
    pub port: String,
    pub tls: Tls,
    pub login: String,
    /// A new password; empty keeps the stored one.
    pub password: String,
    pub folder: String,
    /// Empty: handled mail is only marked as read.
    pub move_handled_to: String,
}

impl SettingsDraft {
    /// A mailbox not set yet: TLS on port 993, the inbox.
    pub fn new() -> Self {
        Self {
            host: String::new(),
            port: usual_port(Tls::Implicit).into(),
            tls: Tls::Implicit,
            login: String::new(),
            password: String::new(),
            folder: DEFAULT_FOLDER.into(),
            move_handled_to: String::new(),
        }
    }

    /// Settings stored, to change (the password left empty: kept).
    pub fn of(settings: &MailboxSettings) -> Self {
        Self {
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
        if self.port.trim() == usual_port(self.tls) {
            self.port = usual_port(tls).into();
        }
        self.tls = tls;
    }

    /// The settings to send, without the password; a port that is not a number is sent as
    /// 0, which the core refuses at its field.
    pub fn settings(&self) -> MailboxSettings {
        MailboxSettings {
            host: self.host.clone(),
            port: self.port.trim().parse().unwrap_or(0),
            tls: self.tls,
            login: self.login.clone(),
            folder: self.folder.clone(),
            move_handled_to: Some(self.move_handled_to.clone()),
        }
    }
}

/// The port a protection is usually served on.
fn usual_port(tls: Tls) -> &'static str {
    match tls {
        Tls::Implicit => "993",
        Tls::StartTls | Tls::None => "143",
    }
}

/// Settings as stored, for the forms' tests.
#[cfg(test)]
pub fn stored() -> MailboxSettings {
    MailboxSettings {
        host: "imap.provedor.com.br".into(),
        port: 143,
        tls: Tls::StartTls,
        login: "suporte".into(),
        folder: "INBOX".into(),
        move_handled_to: None,
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_core::mailbox::fields;

    use super::*;

    #[test]
    fn the_usual_port_follows_the_protection() {
        let mut draft = SettingsDraft::new();
        draft.choose_tls(Tls::StartTls);
        assert_eq!(draft.port, "143");
        draft.port = "1143".into();
        draft.choose_tls(Tls::Implicit);
        assert_eq!(draft.port, "1143", "a port typed is kept");
    }

    #[test]
    fn a_port_that_is_not_a_number_is_refused_at_its_field() {
        let mut draft = SettingsDraft::new();
        draft.port = "porta".into();
        let errors = draft.settings().validate().expect_err("refused");
        assert!(errors.iter().any(|error| error.field == fields::PORT));
    }

    #[test]
    fn saved_settings_fill_the_draft_without_the_password() {
        let settings = stored();
        let draft = SettingsDraft::of(&settings);
        assert_eq!((draft.port.as_str(), draft.password.as_str()), ("143", ""));
        assert_eq!(draft.settings().validate(), Ok(settings));
    }
}
