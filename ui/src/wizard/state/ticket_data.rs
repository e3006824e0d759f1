//! "Dados Atend." in the wizard's reducer: the plan the ticket is about and the problem as
//! the customer described it. Both live in the draft; the step has no state of its own.
use helpdesk_api::Uuid;
use helpdesk_core::wizard::fields;

use super::context::StepContext;

/// What the operator does on "Dados Atend.".
#[derive(Debug, Clone, PartialEq)]
pub enum TicketDataAction {
    ChoosePlan(Uuid),
    EditProblem(String),
}

pub(super) fn apply(action: TicketDataAction, wizard: &mut StepContext) {
    match action {
        TicketDataAction::ChoosePlan(plan) => {
            wizard.edit(|draft| draft.plan = Some(plan));
            wizard.clear(fields::PLAN);
        }
        TicketDataAction::EditProblem(problem) => {
            wizard.edit(|draft| draft.problem = problem);
            wizard.clear(fields::PROBLEM);
        }
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_core::wizard::Step;

    use super::*;
    use crate::wizard::state::find_customer::FindCustomerAction;
    use crate::wizard::state::fixtures::{fields_of, run, with_customers};
    use crate::wizard::state::WizardAction;

    #[test]
    fn the_ticket_data_needs_a_plan_and_a_problem() {
        let state = run(
            with_customers(),
            [
                FindCustomerAction::Select(0).into(),
                WizardAction::Advance,
                WizardAction::Advance,
                WizardAction::Advance,
            ],
        );
        assert_eq!(state.current(), Step::TicketData);
        assert_eq!(
            fields_of(&state.advance_errors),
            [fields::PLAN, fields::PROBLEM]
        );
        let state = run(
            state,
            [
                TicketDataAction::ChoosePlan(Uuid::from_u128(9)).into(),
                TicketDataAction::EditProblem("<script>alert(1)</script>".into()).into(),
            ],
        );
        assert!(state.advance_errors.is_empty());
        let state = run(state, [WizardAction::Back, WizardAction::Back]);
        assert_eq!(state.draft.problem, "<script>alert(1)</script>");
        let state = run(
            state,
            [WizardAction::GoTo(Step::TicketData), WizardAction::Advance],
        );
        assert_eq!(state.current(), Step::Script);
    }
}
