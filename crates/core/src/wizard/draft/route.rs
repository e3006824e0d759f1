//! The draft's route: the step on screen, the steps reached, and moving between them with
//! "Avançar", "Voltar", the side bar and the optional steps of "Prim. Contato".
use super::{ScriptProgress, WizardDraft};
use crate::form::FieldError;
use crate::wizard::Step;

impl WizardDraft {
    /// The step on screen.
    pub fn current(&self) -> Step {
        self.path.get(self.at).copied().unwrap_or(Step::Origin)
    }

    /// The steps reached so far (the current one included), which the side bar lets the
    /// operator jump to.
    pub fn visited(&self) -> &[Step] {
        &self.path
    }

    /// Whether "Voltar" has somewhere to go.
    pub fn can_go_back(&self) -> bool {
        self.at > 0
    }

    /// A draft read back from storage, with a route that holds together (a draft written by
    /// another version, or edited by hand, starts over at "Origem" rather than break).
    pub fn restored(self) -> Self {
        let route_holds = !self.path.is_empty()
            && self.at < self.path.len()
            && self.path[0] == Step::Origin
            && self
                .path
                .windows(2)
                .all(|pair| self.leads_to(pair[0], pair[1]));
        if route_holds {
            self
        } else {
            Self {
                path: vec![Step::Origin],
                at: 0,
                ..self
            }
        }
    }

    /// "Avançar": moves on when the current step has what it needs, else says what is
    /// missing, at each field. An empty list means the step leads nowhere yet.
    pub fn advance(&mut self) -> Result<Step, Vec<FieldError>> {
        let current = self.current();
        self.requirements(current)?;
        let next = self.next_of(current).ok_or_else(Vec::new)?;
        if self.path.get(self.at + 1) != Some(&next) {
            self.path.truncate(self.at + 1);
            self.path.push(next);
        }
        self.at += 1;
        Ok(next)
    }

    /// "Voltar": from an optional step, back to "Prim. Contato" where it was asked for.
    pub fn back(&mut self) {
        if self.current().is_optional() {
            if let Some(index) = self.path.iter().position(|s| *s == Step::FirstContact) {
                self.at = index;
                return;
            }
        }
        self.at = self.at.saturating_sub(1);
    }

    /// One of the optional steps, asked for from "Prim. Contato" (or another optional
    /// step): it joins the route after them, once, and the operator is taken there. Ignored
    /// before "Prim. Contato" is reached.
    pub fn open_optional(&mut self, step: Step) {
        if !step.is_optional() || !self.path.contains(&Step::FirstContact) {
            return;
        }
        if !self.path.contains(&step) {
            self.path.push(step);
        }
        self.go_to(step);
    }

    /// A click on a visited step in the side bar; steps not reached are ignored.
    pub fn go_to(&mut self, step: Step) {
        if let Some(index) = self.path.iter().position(|visited| *visited == step) {
            self.at = index;
        }
    }

    /// The step "Avançar" leads to from `step`, given what was chosen.
    fn next_of(&self, step: Step) -> Option<Step> {
        match (step, &self.script) {
            (Step::Script, ScriptProgress::Skipped) => Some(Step::FirstContact),
            (Step::Script, _) => Some(Step::ScriptReport),
            _ => self.origin.and_then(|origin| step.next(origin)),
        }
    }

    /// Whether a saved route may go from `from` to `to`: the next step, or an optional step
    /// opened from "Prim. Contato" or after another one.
    fn leads_to(&self, from: Step, to: Step) -> bool {
        self.next_of(from) == Some(to)
            || (to.is_optional() && (from == Step::FirstContact || from.is_optional()))
    }

    /// Forgets the steps ahead when a choice here no longer leads to them.
    pub(super) fn reroute(&mut self) {
        let next = self.next_of(self.current());
        if self.path.get(self.at + 1).copied() != next {
            self.path.truncate(self.at + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::script::ScriptRun;
    use crate::ticket_type::TicketType;
    use crate::wizard::draft::test_support::{at_ticket_data, fields_of};
    use crate::wizard::{fields, Origin};

    #[test]
    fn support_walks_through_its_messages_and_others_skip_them() {
        let draft = at_ticket_data();
        assert_eq!(
            draft.visited(),
            [
                Step::Origin,
                Step::Filters,
                Step::FindMessage,
                Step::FindCustomer,
                Step::CustomerData,
                Step::TicketData
            ]
        );
        let mut draft = WizardDraft::default();
        draft.choose_origin(Origin::Phone);
        assert_eq!(draft.advance(), Ok(Step::FindCustomer));
    }

    #[test]
    fn ending_the_script_shows_its_report_and_skipping_goes_past_it() {
        let mut draft = at_ticket_data();
        draft.plan = Some(Uuid::from_u128(9));
        draft.advance().expect("ticket data");
        let run = ScriptRun::new(Uuid::from_u128(3), "Sem conexão", 1);
        draft.set_script(ScriptProgress::Running(run.clone()));
        assert_eq!(fields_of(draft.advance()), [fields::SCRIPT]);
        draft.set_script(ScriptProgress::Ended(run.clone()));
        assert_eq!(draft.advance(), Ok(Step::ScriptReport));
        assert_eq!(draft.advance(), Ok(Step::FirstContact));

        assert_eq!(
            fields_of(draft.advance()),
            [fields::FIRST_CONTACT, fields::TICKET_TYPE]
        );
        draft.first_contact = "Reiniciou a ONU; voltou.".into();
        draft.ticket_type = Some(TicketType {
            id: Uuid::from_u128(4),
            name: "Sem conexão".into(),
            assignee: None,
            sla_hours: 24,
            sla_calendar: false,
        });
        assert_eq!(
            draft.advance(),
            Err(Vec::new()),
            "the finish is built by a later step"
        );

        draft.go_to(Step::Script);
        draft.set_script(ScriptProgress::Skipped);
        assert_eq!(
            draft.visited().last(),
            Some(&Step::Script),
            "the report no longer applies"
        );
        assert_eq!(draft.advance(), Ok(Step::FirstContact));
        let json = serde_json::to_string(&draft).expect("serializes");
        let back: WizardDraft = serde_json::from_str(&json).expect("parses");
        assert_eq!(back.restored(), draft);
    }

    #[test]
    fn optional_steps_open_from_the_first_contact_and_go_back_to_it() {
        let mut draft = at_ticket_data();
        draft.open_optional(Step::Attachment);
        assert_eq!(
            draft.current(),
            Step::TicketData,
            "not before Prim. Contato"
        );
        draft.plan = Some(Uuid::from_u128(9));
        draft.advance().expect("ticket data");
        draft.set_script(ScriptProgress::Skipped);
        assert_eq!(draft.advance(), Ok(Step::FirstContact));

        draft.open_optional(Step::Attachment);
        assert_eq!(draft.current(), Step::Attachment);
        draft.open_optional(Step::Task);
        draft.open_optional(Step::Attachment);
        draft.open_optional(Step::FindCustomer);
        assert_eq!(
            draft.current(),
            Step::Attachment,
            "each step once, in order"
        );
        assert_eq!(
            &draft.visited()[draft.visited().len() - 3..],
            [Step::FirstContact, Step::Attachment, Step::Task]
        );
        draft.go_to(Step::Task);
        draft.back();
        assert_eq!(draft.current(), Step::FirstContact);

        let json = serde_json::to_string(&draft).expect("serializes");
        let back: WizardDraft = serde_json::from_str(&json).expect("parses");
        assert_eq!(back.restored(), draft, "an opened optional step is a route");
    }

    #[test]
    fn going_back_keeps_everything_and_the_route() {
        let mut draft = at_ticket_data();
        draft.problem = "Escrito pelo operador".into();
        draft.go_to(Step::Origin);
        assert_eq!(draft.current(), Step::Origin);
        assert_eq!(draft.origin, Some(Origin::Support));
        assert_eq!(draft.visited().len(), 6);
        draft.go_to(Step::TicketData);
        assert_eq!(draft.problem, "Escrito pelo operador");
        draft.back();
        draft.back();
        assert_eq!(draft.current(), Step::FindCustomer);
        assert!(draft.customer.is_some());
    }

    #[test]
    fn a_draft_survives_a_round_trip_and_a_broken_route_starts_over() {
        let draft = at_ticket_data();
        let json = serde_json::to_string(&draft).expect("serializes");
        let back: WizardDraft = serde_json::from_str(&json).expect("parses");
        assert_eq!(back.clone().restored(), draft);

        let mut broken = draft.clone();
        broken.at = 42;
        let restored = broken.restored();
        assert_eq!(restored.current(), Step::Origin);
        assert_eq!(restored.customer, draft.customer);

        let mut broken = draft;
        broken.origin = Some(Origin::Chat);
        assert_eq!(broken.restored().visited(), [Step::Origin]);
    }
}
