//! What the draft's tests share: a customer, a message, the fields "Avançar" refused, and a
//! draft walked up to "Dados Atend.".
use uuid::Uuid;

use super::WizardDraft;
use crate::customer::CustomerSummary;
use crate::form::FieldError;
use crate::support::SupportMessage;
use crate::wizard::{Origin, Step};

pub(super) fn customer(n: u128) -> CustomerSummary {
    CustomerSummary {
        id: Uuid::from_u128(n),
        code: n.to_string(),
        name: format!("Cliente {n}"),
        document: String::new(),
        logins: Vec::new(),
        emails: Vec::new(),
        phones: Vec::new(),
        city: String::new(),
    }
}

pub(super) fn message(n: u128, body: &str) -> SupportMessage {
    SupportMessage {
        id: Uuid::from_u128(n),
        email: "maria@example.com".into(),
        subject: "Sem internet".into(),
        login: "maria.silva".into(),
        body: body.into(),
        received_at: 0,
        sender_name: "Maria Silva".into(),
        document: String::new(),
        quoted: String::new(),
        attachments: Vec::new(),
    }
}

pub(super) fn fields_of(result: Result<Step, Vec<FieldError>>) -> Vec<String> {
    result
        .expect_err("blocked")
        .into_iter()
        .map(|e| e.field)
        .collect()
}

/// A "Suporte" draft walked up to "Dados Atend.".
pub(super) fn at_ticket_data() -> WizardDraft {
    let mut draft = WizardDraft::default();
    draft.choose_origin(Origin::Support);
    draft.advance().expect("origin");
    draft.filters.email = "maria@example.com".into();
    draft.advance().expect("filters");
    draft.choose_message(message(1, "Caiu tudo"));
    draft.advance().expect("message");
    draft.choose_customer(customer(1));
    draft.advance().expect("customer");
    draft.advance().expect("customer data");
    draft
}
