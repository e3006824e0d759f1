//! "Clientes"'s search as the page keeps it: the form as typed and the rows found, moved by
//! the actions of the wizard's "Localizar Cliente" form (the same component). No DOM and no
//! IPC.
use std::rc::Rc;

use helpdesk_core::customer::SearchForm;
use yew::Reducible;

use crate::wizard::{FindCustomerAction, FindCustomerState, SearchEdit};

/// The search's fields, in the errors of its checks.
const TEXT: &str = "text";
const LIMIT: &str = "limit";

/// The search form and what it found; kept by the home page while a customer is open.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeptSearch {
    pub form: SearchForm,
    pub found: FindCustomerState,
}

impl Reducible for KeptSearch {
    type Action = FindCustomerAction;

    fn reduce(self: Rc<Self>, action: FindCustomerAction) -> Rc<Self> {
        let mut next = (*self).clone();
        let found = &mut next.found;
        match action {
            FindCustomerAction::Edit(edit) => {
                let cleared = match edit {
                    SearchEdit::Text(text) => {
                        next.form.text = text;
                        Some(TEXT)
                    }
                    SearchEdit::Limit(limit) => {
                        next.form.limit = limit;
                        Some(LIMIT)
                    }
                    SearchEdit::Field(field) => {
                        next.form.field = field;
                        Some(TEXT)
                    }
                    SearchEdit::Condition(condition) => {
                        next.form.condition = condition;
                        None
                    }
                };
                if let Some(field) = cleared {
                    found
                        .errors
                        .retain(|error| error.field.as_deref() != Some(field));
                }
            }
            FindCustomerAction::Rejected(errors) => found.errors = errors,
            FindCustomerAction::Started(search) => {
                next.form = SearchForm::of(&search);
                found.customers.start(search);
                found.errors.clear();
            }
            FindCustomerAction::Finished { search, result, .. } => {
                found.customers.finish(&search, result);
            }
            FindCustomerAction::Select(index) => found.customers.highlighted = Some(index),
            FindCustomerAction::Move(direction) => found.customers.move_highlight(direction),
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_api::{CommandError, CustomerSearch, CustomerSummary, Uuid};
    use helpdesk_core::customer::{SearchCondition, SearchField};

    use super::*;
    use crate::fetched::Direction;

    fn customer(n: u128, name: &str) -> CustomerSummary {
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

    fn run(actions: Vec<FindCustomerAction>) -> KeptSearch {
        let end = actions
            .into_iter()
            .fold(Rc::new(KeptSearch::default()), |kept, action| {
                kept.reduce(action)
            });
        (*end).clone()
    }

    #[test]
    fn a_search_keeps_its_form_and_rows_and_the_arrows_move_in_them() {
        let search = CustomerSearch {
            text: "ana".into(),
            field: SearchField::Name,
            condition: SearchCondition::Contains,
            limit: 20,
        };
        let kept = run(vec![
            FindCustomerAction::Edit(SearchEdit::Text("an".into())),
            FindCustomerAction::Started(search.clone()),
            FindCustomerAction::Finished {
                search,
                result: Ok(vec![customer(1, "Ana"), customer(2, "Mariana")]),
                preselect: false,
            },
            FindCustomerAction::Move(Direction::Down),
            FindCustomerAction::Move(Direction::Down),
        ]);
        assert_eq!(kept.form.text, "ana");
        assert_eq!(kept.form.limit, "20");
        assert_eq!(kept.form.condition, SearchCondition::Contains);
        assert_eq!(kept.found.customers.highlighted, Some(1));
        assert_eq!(
            kept.found.customers.row(1).map(|c| c.code.as_str()),
            Some("2")
        );
    }

    #[test]
    fn editing_a_refused_field_clears_its_message_only() {
        let kept = run(vec![
            FindCustomerAction::Rejected(vec![
                CommandError::at_field(TEXT, "Informe o que procurar."),
                CommandError::at_field(LIMIT, "A quantidade deve ser um número inteiro."),
            ]),
            FindCustomerAction::Edit(SearchEdit::Text("jo".into())),
        ]);
        let fields: Vec<_> = kept
            .found
            .errors
            .iter()
            .filter_map(|error| error.field.as_deref())
            .collect();
        assert_eq!(fields, [LIMIT]);
    }
}
