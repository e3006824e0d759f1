//! The operator's choices that change others: a new origin or script changes the route, a
//! new message the problem, a new customer the plan; and the searches the chosen message
//! suggests.
use uuid::Uuid;

use super::{ScriptProgress, WizardDraft};
use crate::customer::{
    CustomerSearch, CustomerSummary, SearchCondition, SearchField, DEFAULT_LIMIT,
};
use crate::support::SupportMessage;
use crate::wizard::Origin;

impl WizardDraft {
    /// "Origem".
    pub fn choose_origin(&mut self, origin: Origin) {
        self.origin = Some(origin);
        self.reroute();
    }

    /// A message chosen in "Localizar Reg.". The problem is taken from it unless the
    /// operator has written one of their own.
    pub fn choose_message(&mut self, message: SupportMessage) {
        let problem_is_from_message = self.problem.trim().is_empty()
            || self
                .message
                .as_ref()
                .is_some_and(|previous| previous.body == self.problem);
        if problem_is_from_message {
            self.problem = message.body.clone();
        }
        self.message = Some(message);
    }

    /// The customer chosen in "Localizar Cliente"; another customer's plan no longer applies.
    pub fn choose_customer(&mut self, customer: CustomerSummary) {
        if self.customer.as_ref().map(|c| c.id) != Some(customer.id) {
            self.plan = None;
            self.new_plan = None;
        }
        self.customer = Some(customer);
    }

    /// "Plano": one of the customer's contracts (its id); no new plan then.
    pub fn choose_contract(&mut self, contract: Uuid) {
        self.plan = Some(contract);
        self.new_plan = None;
    }

    /// "Novo plano": an active plan (its id) instead of a contract.
    pub fn choose_new_plan(&mut self, plan: Uuid) {
        self.new_plan = Some(plan);
        self.plan = None;
    }

    /// The searches that find the customer who sent the chosen message: by its login, then
    /// by its sender's address, each matching exactly.
    pub fn searches_for_message(&self) -> Vec<CustomerSearch> {
        let Some(message) = &self.message else {
            return Vec::new();
        };
        [
            (SearchField::Login, message.login.trim()),
            (SearchField::Email, message.email.trim()),
        ]
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .map(|(field, text)| CustomerSearch {
            text: text.to_owned(),
            field,
            condition: SearchCondition::Equals,
            limit: DEFAULT_LIMIT,
        })
        .filter(|search| search.validate().is_ok())
        .collect()
    }

    /// Sets where the script stands; ending or skipping it decides the step after it.
    pub fn set_script(&mut self, script: ScriptProgress) {
        self.script = script;
        self.reroute();
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::wizard::draft::test_support::{at_ticket_data, customer, message};
    use crate::wizard::Step;

    #[test]
    fn a_new_origin_forgets_a_route_it_no_longer_takes() {
        let mut draft = at_ticket_data();
        draft.go_to(Step::Origin);
        draft.choose_origin(Origin::Support);
        assert_eq!(draft.visited().len(), 6);
        draft.choose_origin(Origin::Email);
        assert_eq!(draft.visited(), [Step::Origin]);
        draft.go_to(Step::FindCustomer);
        assert_eq!(draft.current(), Step::Origin);
        assert_eq!(draft.advance(), Ok(Step::FindCustomer));
        assert!(draft.customer.is_some(), "the choice itself is kept");
    }

    #[test]
    fn the_problem_follows_the_message_until_the_operator_writes_one() {
        let mut draft = WizardDraft::default();
        draft.choose_message(message(1, "Primeira"));
        assert_eq!(draft.problem, "Primeira");
        draft.choose_message(message(2, "Segunda"));
        assert_eq!(draft.problem, "Segunda");
        draft.problem = "Do operador".into();
        draft.choose_message(message(3, "Terceira"));
        assert_eq!(draft.problem, "Do operador");
    }

    #[test]
    fn a_contract_and_a_new_plan_exclude_each_other() {
        let mut draft = WizardDraft::default();
        draft.choose_contract(Uuid::from_u128(5));
        draft.choose_new_plan(Uuid::from_u128(6));
        assert_eq!(
            (draft.plan, draft.new_plan),
            (None, Some(Uuid::from_u128(6)))
        );
        draft.choose_contract(Uuid::from_u128(5));
        assert_eq!(
            (draft.plan, draft.new_plan),
            (Some(Uuid::from_u128(5)), None)
        );
    }

    #[test]
    fn another_customer_drops_the_plan() {
        let mut draft = at_ticket_data();
        draft.plan = Some(Uuid::from_u128(5));
        draft.choose_customer(customer(1));
        assert_eq!(draft.plan, Some(Uuid::from_u128(5)));
        draft.choose_customer(customer(2));
        assert_eq!(draft.plan, None);
        draft.choose_new_plan(Uuid::from_u128(6));
        draft.choose_customer(customer(1));
        assert_eq!(
            draft.new_plan, None,
            "nor a new plan chosen for another customer"
        );
    }

    #[test]
    fn the_message_finds_its_customer_by_login_then_email() {
        let mut draft = WizardDraft::default();
        assert!(draft.searches_for_message().is_empty());
        draft.choose_message(message(1, "x"));
        let searches = draft.searches_for_message();
        let fields: Vec<_> = searches.iter().map(|s| s.field).collect();
        assert_eq!(fields, [SearchField::Login, SearchField::Email]);
        assert!(searches
            .iter()
            .all(|s| s.condition == SearchCondition::Equals));
        draft.message = Some(SupportMessage {
            login: " ".into(),
            ..message(2, "x")
        });
        assert_eq!(draft.searches_for_message().len(), 1);
    }
}
