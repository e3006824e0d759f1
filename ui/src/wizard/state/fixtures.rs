//! Wizards walked to a point, shared by the reducers' tests.
use std::rc::Rc;

use helpdesk_api::{
    CommandError, Contact, CustomerRecord, CustomerSearch, CustomerSummary, DraftAttachment,
    PlanOption, Uuid,
};
use helpdesk_core::customer::{SearchCondition, SearchField};
use helpdesk_core::customer_form::PersonKind;
use helpdesk_core::wizard::Origin;
use yew::Reducible;

use super::find_customer::FindCustomerAction;
use super::script::ScriptAction;
use super::ticket_data::TicketDataAction;
use super::{WizardAction, WizardState};

/// `state` after `actions`, in order.
pub fn run(state: WizardState, actions: impl IntoIterator<Item = WizardAction>) -> WizardState {
    let state = actions
        .into_iter()
        .fold(Rc::new(state), |state, action| state.reduce(action));
    Rc::unwrap_or_clone(state)
}

pub fn customer(n: u128, name: &str) -> CustomerSummary {
    CustomerSummary {
        id: Uuid::from_u128(n),
        code: n.to_string(),
        name: name.into(),
        document: String::new(),
        logins: Vec::new(),
        emails: Vec::new(),
        phones: Vec::new(),
        city: String::new(),
    }
}

/// An active plan, "FIBRA 500M" (500/250 Mb/s).
pub fn fibra_500() -> PlanOption {
    PlanOption {
        id: Uuid::from_u128(40),
        name: "FIBRA 500M".into(),
        technology: "FTTH".into(),
        download_mbps: 500,
        upload_mbps: 250,
    }
}

pub fn search(text: &str) -> CustomerSearch {
    CustomerSearch {
        text: text.into(),
        field: SearchField::Name,
        condition: SearchCondition::StartsWith,
        limit: 50,
    }
}

/// A phone call at "Localizar Cliente", three customers found for "ana".
pub fn with_customers() -> WizardState {
    run(
        WizardState::default(),
        [
            WizardAction::ChooseOrigin(Origin::Phone),
            WizardAction::Advance,
            FindCustomerAction::Started(search("ana")).into(),
            FindCustomerAction::Finished {
                search: search("ana"),
                result: Ok(vec![
                    customer(1, "Ana"),
                    customer(2, "Bruno"),
                    customer(3, "Carla"),
                ]),
                preselect: false,
            }
            .into(),
        ],
    )
}

/// A phone call about "Ana" walked to "Script", no script chosen yet.
pub fn at_script() -> WizardState {
    run(
        with_customers(),
        [
            FindCustomerAction::Select(0).into(),
            WizardAction::Advance,
            WizardAction::Advance,
            TicketDataAction::ChoosePlan(Uuid::from_u128(9)).into(),
            TicketDataAction::EditProblem("Sem internet".into()).into(),
            WizardAction::Advance,
        ],
    )
}

/// A phone call walked to "Prim. Contato" with the script skipped.
pub fn at_first_contact() -> WizardState {
    run(
        at_script(),
        [ScriptAction::Skip.into(), WizardAction::Advance],
    )
}

/// The record of "Ana" (customer 1), with nothing but its code and name.
pub fn record() -> CustomerRecord {
    CustomerRecord {
        id: Uuid::from_u128(1),
        kind: PersonKind::Person,
        code: "1".into(),
        name: "Ana".into(),
        trade_name: String::new(),
        document: String::new(),
        street: String::new(),
        number: String::new(),
        complement: String::new(),
        district: String::new(),
        city: String::new(),
        state: String::new(),
        postal_code: String::new(),
        created_at: 0,
        emails: Vec::new(),
        phones: Vec::new(),
        notes: String::new(),
        contacts: Vec::new(),
        plans: Vec::new(),
    }
}

pub fn file(hash: char, name: &str) -> DraftAttachment {
    DraftAttachment {
        content_hash: hash.to_string().repeat(64),
        file_name: name.into(),
        size_bytes: 10,
        notes: String::new(),
    }
}

/// The fields `errors` are at, in order.
pub fn fields_of(errors: &[CommandError]) -> Vec<&str> {
    errors.iter().filter_map(|e| e.field.as_deref()).collect()
}

/// The record of "Ana" with two addresses and three contacts (one without an e-mail, one
/// with her own address in capitals).
pub fn record_with_contacts() -> CustomerRecord {
    let contact = |n: u128, name: &str, email: &str| Contact {
        id: Uuid::from_u128(n),
        name: name.into(),
        phone: String::new(),
        email: email.into(),
        relation: "Cônjuge".into(),
    };
    CustomerRecord {
        emails: vec!["ana@example.com".into(), "ana@trabalho.com.br".into()],
        contacts: vec![
            contact(50, "José", "jose@example.com"),
            contact(51, "Sem e-mail", ""),
            contact(52, "Ana (de novo)", "ANA@example.com"),
        ],
        ..record()
    }
}
