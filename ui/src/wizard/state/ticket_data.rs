//! "Dados Atend." in the wizard's reducer: the plan the ticket is about (one of the
//! customer's contracts, or a new plan from the active ones) and the problem as the customer
//! described it. Both live in the draft; the step keeps only the plans on offer.
use helpdesk_api::{CommandError, PlanChoices, PlanOption, Uuid};
use helpdesk_core::wizard::{fields, WizardDraft};

use super::context::StepContext;
use crate::fetched::Fetched;

/// What the operator (or the shell's answer) does on "Dados Atend.".
#[derive(Debug, Clone, PartialEq)]
pub enum TicketDataAction {
    /// One of the customer's contracts, by id.
    ChoosePlan(Uuid),
    /// "Novo plano": an active plan, by id.
    ChooseNewPlan(Uuid),
    EditProblem(String),
    PlanChoicesStarted,
    PlanChoicesFinished(Result<PlanChoices, CommandError>),
}

/// What "Dados Atend." shows besides the draft's plan and problem.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TicketDataState {
    /// The active plans, for "escolher um novo plano".
    pub plan_choices: Fetched<(), PlanChoices>,
}

impl TicketDataState {
    pub(super) fn apply(&mut self, action: TicketDataAction, wizard: &mut StepContext) {
        match action {
            TicketDataAction::ChoosePlan(contract) => {
                wizard.edit(|draft| draft.choose_contract(contract));
                wizard.clear(fields::PLAN);
            }
            TicketDataAction::ChooseNewPlan(plan) => {
                wizard.edit(|draft| draft.choose_new_plan(plan));
                wizard.clear(fields::PLAN);
            }
            TicketDataAction::EditProblem(problem) => {
                wizard.edit(|draft| draft.problem = problem);
                wizard.clear(fields::PROBLEM);
            }
            TicketDataAction::PlanChoicesStarted => self.plan_choices.start(()),
            TicketDataAction::PlanChoicesFinished(result) => {
                self.plan_choices.finish(&(), result);
            }
        }
    }

    /// The new plan the draft chose, once the plans on offer are loaded.
    pub fn new_plan(&self, draft: &WizardDraft) -> Option<PlanOption> {
        let chosen = draft.new_plan?;
        self.plan_choices
            .value
            .as_ref()?
            .plans
            .iter()
            .find(|plan| plan.id == chosen)
            .cloned()
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_core::wizard::Step;

    use super::*;
    use crate::wizard::state::find_customer::FindCustomerAction;
    use crate::wizard::state::fixtures::{fibra_500, fields_of, run, with_customers};
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

    #[test]
    fn a_new_plan_replaces_the_contract_and_is_named_once_the_plans_are_loaded() {
        let fibra = fibra_500();
        let state = run(
            with_customers(),
            [
                FindCustomerAction::Select(0).into(),
                TicketDataAction::ChoosePlan(Uuid::from_u128(9)).into(),
                TicketDataAction::ChooseNewPlan(fibra.id).into(),
            ],
        );
        assert_eq!(state.draft.plan, None);
        assert_eq!(state.draft.new_plan, Some(fibra.id));
        assert_eq!(state.ticket_data.new_plan(&state.draft), None, "not loaded");
        let state = run(
            state,
            [
                TicketDataAction::PlanChoicesStarted.into(),
                TicketDataAction::PlanChoicesFinished(Ok(PlanChoices {
                    plans: vec![fibra.clone()],
                    routing_points: Vec::new(),
                }))
                .into(),
            ],
        );
        assert_eq!(state.ticket_data.new_plan(&state.draft), Some(fibra));
        let state = run(
            state,
            [TicketDataAction::ChoosePlan(Uuid::from_u128(9)).into()],
        );
        assert_eq!(state.draft.new_plan, None);
        assert_eq!(state.draft.plan, Some(Uuid::from_u128(9)));
    }
}
