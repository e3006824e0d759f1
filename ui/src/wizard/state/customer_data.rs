//! "Dados Cliente" in the wizard's reducer: the chosen customer's record (also read by "Dados
//! Atend.", "Ord. Serviço" and "Enviar E-mail") and the contacts added to it. No DOM and no
//! IPC.
use std::rc::Rc;

use helpdesk_api::{CommandError, Contact, CustomerRecord, Uuid};
use helpdesk_core::wizard::WizardDraft;

use crate::fetched::Fetched;

/// What the shell answers (or the operator adds) on "Dados Cliente".
#[derive(Debug, Clone, PartialEq)]
pub enum CustomerDataAction {
    RecordStarted(Uuid),
    RecordFinished(Uuid, Box<Result<CustomerRecord, CommandError>>),
    /// A contact stored through "Novo Contato".
    ContactAdded(Contact),
}

/// The customer's record as loaded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CustomerDataState {
    pub record: Fetched<Uuid, CustomerRecord>,
}

impl CustomerDataState {
    pub(super) fn apply(&mut self, action: CustomerDataAction) {
        match action {
            CustomerDataAction::RecordStarted(id) => self.record.start(id),
            CustomerDataAction::RecordFinished(id, result) => {
                self.record.finish(&id, *result);
            }
            CustomerDataAction::ContactAdded(contact) => {
                if let Some(record) = &mut self.record.value {
                    Rc::make_mut(record).contacts.push(contact);
                }
            }
        }
    }

    /// The record, if the one loaded is the chosen customer's.
    pub fn chosen(&self, draft: &WizardDraft) -> Option<Rc<CustomerRecord>> {
        let chosen = draft.customer.as_ref()?.id;
        self.record
            .value
            .clone()
            .filter(|record| record.id == chosen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wizard::state::find_customer::FindCustomerAction;
    use crate::wizard::state::fixtures::{record, run, with_customers};

    #[test]
    fn the_record_is_the_chosen_customers_and_takes_new_contacts() {
        let state = run(with_customers(), [FindCustomerAction::Select(0).into()]);
        let id = Uuid::from_u128(1);
        let record = record();
        let contact = Contact {
            id: Uuid::from_u128(50),
            name: "José".into(),
            phone: "(11) 3333-4444".into(),
            email: String::new(),
            relation: "Cônjuge".into(),
        };
        let state = run(
            state,
            [
                CustomerDataAction::RecordStarted(id).into(),
                CustomerDataAction::RecordFinished(id, Box::new(Ok(record))).into(),
                CustomerDataAction::ContactAdded(contact.clone()).into(),
            ],
        );
        assert_eq!(
            state.record().map(|r| r.contacts.clone()),
            Some(vec![contact])
        );
        let state = run(state, [FindCustomerAction::Select(1).into()]);
        assert_eq!(
            state.record(),
            None,
            "another customer's record is not shown"
        );
    }
}
