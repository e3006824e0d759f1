//! "Localizar Cliente" in the wizard's reducer: the search form's checks, the rows found and
//! the customer chosen. No DOM and no IPC.
use helpdesk_api::{CommandError, CustomerSearch, CustomerSummary};
use helpdesk_core::customer::{SearchCondition, SearchField, SearchForm};
use helpdesk_core::wizard::fields;

use super::context::{clear_field, StepContext};
use crate::fetched::{Direction, Fetched};

/// The search form's fields, in the errors its checks give.
pub mod search_fields {
    pub const TEXT: &str = "text";
    pub const LIMIT: &str = "limit";
}

/// One change to the "Localizar Cliente" form.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchEdit {
    Text(String),
    Limit(String),
    Field(SearchField),
    Condition(SearchCondition),
}

/// What the operator (or the shell's answer) does on "Localizar Cliente".
#[derive(Debug, Clone, PartialEq)]
pub enum FindCustomerAction {
    Edit(SearchEdit),
    /// The form broke the core's rules; the search was not sent.
    Rejected(Vec<CommandError>),
    /// A search sent to the shell (the form shows it).
    Started(CustomerSearch),
    Finished {
        search: CustomerSearch,
        result: Result<Vec<CustomerSummary>, CommandError>,
        /// Choose the customer when exactly one row answers.
        preselect: bool,
    },
    Select(usize),
    Move(Direction),
}

/// What "Localizar Cliente" shows besides the draft's form and choice.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FindCustomerState {
    /// Why the form could not be sent, each at its field.
    pub errors: Vec<CommandError>,
    pub customers: Fetched<CustomerSearch, Vec<CustomerSummary>>,
}

impl FindCustomerState {
    pub(super) fn apply(&mut self, action: FindCustomerAction, wizard: &mut StepContext) {
        match action {
            FindCustomerAction::Edit(edit) => self.edit(edit, wizard),
            FindCustomerAction::Rejected(errors) => self.errors = errors,
            FindCustomerAction::Started(search) => {
                let form = SearchForm::of(&search);
                if form != wizard.draft().search {
                    wizard.edit(|draft| draft.search = form);
                }
                self.customers.start(search);
                self.errors.clear();
            }
            FindCustomerAction::Finished {
                search,
                result,
                preselect,
            } => self.finish(&search, result, preselect, wizard),
            FindCustomerAction::Select(index) => self.select(index, wizard),
            FindCustomerAction::Move(direction) => self.customers.move_highlight(direction),
        }
    }

    fn edit(&mut self, edit: SearchEdit, wizard: &mut StepContext) {
        let field = match edit {
            SearchEdit::Text(text) => {
                wizard.edit(|draft| draft.search.text = text);
                search_fields::TEXT
            }
            SearchEdit::Limit(limit) => {
                wizard.edit(|draft| draft.search.limit = limit);
                search_fields::LIMIT
            }
            SearchEdit::Field(field) => {
                wizard.edit(|draft| draft.search.field = field);
                search_fields::TEXT
            }
            SearchEdit::Condition(condition) => {
                wizard.edit(|draft| draft.search.condition = condition);
                return;
            }
        };
        clear_field(&mut self.errors, field);
    }

    fn finish(
        &mut self,
        search: &CustomerSearch,
        result: Result<Vec<CustomerSummary>, CommandError>,
        preselect: bool,
        wizard: &mut StepContext,
    ) {
        if !self.customers.finish(search, result) {
            return;
        }
        let rows = self.customers.value.clone().unwrap_or_default();
        if preselect && rows.len() == 1 {
            self.select(0, wizard);
        }
        // The chosen customer stays chosen; the cursor follows it if it is listed.
        let chosen = wizard.draft().customer.as_ref().map(|customer| customer.id);
        self.customers.highlighted = rows.iter().position(|row| Some(row.id) == chosen);
    }

    fn select(&mut self, index: usize, wizard: &mut StepContext) {
        if let Some(customer) = self.customers.row(index).cloned() {
            self.customers.highlighted = Some(index);
            wizard.edit(|draft| draft.choose_customer(customer));
            wizard.clear(fields::CUSTOMER);
        }
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_core::wizard::Step;

    use super::*;
    use crate::wizard::state::fixtures::{customer, fields_of, run, search, with_customers};
    use crate::wizard::state::{WizardAction, WizardState};

    #[test]
    fn the_message_customer_is_chosen_when_only_one_matches() {
        let login = CustomerSearch {
            text: "maria".into(),
            field: SearchField::Login,
            condition: SearchCondition::Equals,
            limit: 50,
        };
        let state = run(
            WizardState::default(),
            [
                FindCustomerAction::Started(login.clone()).into(),
                FindCustomerAction::Finished {
                    search: login.clone(),
                    result: Ok(vec![customer(7, "Maria")]),
                    preselect: true,
                }
                .into(),
            ],
        );
        assert_eq!(
            state.draft.customer.as_ref().map(|c| c.code.as_str()),
            Some("7")
        );
        assert_eq!(
            state.draft.search.field,
            SearchField::Login,
            "the form shows the search"
        );
        assert_eq!(state.find_customer.customers.highlighted, Some(0));

        let state = run(
            WizardState::default(),
            [
                FindCustomerAction::Started(login.clone()).into(),
                FindCustomerAction::Finished {
                    search: login,
                    result: Ok(vec![customer(7, "Maria"), customer(8, "Maria B")]),
                    preselect: true,
                }
                .into(),
            ],
        );
        assert_eq!(state.draft.customer, None);
    }

    #[test]
    fn a_customer_is_required_and_chosen_with_arrows_and_enter() {
        let state = run(with_customers(), [WizardAction::Advance]);
        assert_eq!(fields_of(&state.advance_errors), [fields::CUSTOMER]);
        let state = run(
            state,
            [
                FindCustomerAction::Move(Direction::Down).into(),
                FindCustomerAction::Move(Direction::Down).into(),
                FindCustomerAction::Select(1).into(),
            ],
        );
        assert!(state.advance_errors.is_empty());
        assert_eq!(
            state.draft.customer.as_ref().map(|c| c.name.as_str()),
            Some("Bruno")
        );
        let state = run(state, [WizardAction::Advance]);
        assert_eq!(state.current(), Step::CustomerData);
    }

    #[test]
    fn a_failed_search_drops_the_rows_and_keeps_the_choice() {
        let state = run(
            with_customers(),
            [
                FindCustomerAction::Select(0).into(),
                FindCustomerAction::Started(search("b")).into(),
                FindCustomerAction::Finished {
                    search: search("b"),
                    result: Err(CommandError::internal()),
                    preselect: false,
                }
                .into(),
            ],
        );
        let customers = &state.find_customer.customers;
        assert!(!customers.loading);
        assert_eq!(customers.error, Some(CommandError::internal()));
        assert_eq!(customers.value, None);
        assert_eq!(
            state.draft.customer.as_ref().map(|c| c.name.as_str()),
            Some("Ana")
        );
    }
}
