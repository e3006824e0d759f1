//! What each step of the draft needs before "Avançar", said at each field.
use super::{fields, ScriptProgress, WizardDraft, MAX_PROBLEM_CHARS};
use crate::form::{required_text, FieldError, FieldErrors};
use crate::wizard::Step;

impl WizardDraft {
    /// What `step` needs before "Avançar", at each field.
    pub fn requirements(&self, step: Step) -> Result<(), Vec<FieldError>> {
        let missing = |field: &str, message: &str| Err(vec![FieldError::new(field, message)]);
        match step {
            Step::Origin if self.origin.is_none() => {
                missing(fields::ORIGIN, "Escolha a origem do atendimento.")
            }
            Step::Filters => self.message_query().map(|_| ()),
            Step::FindMessage if self.message.is_none() => {
                missing(fields::MESSAGE, "Selecione uma mensagem para avançar.")
            }
            Step::FindCustomer if self.customer.is_none() => {
                missing(fields::CUSTOMER, "Selecione um cliente para avançar.")
            }
            Step::Script
                if matches!(
                    self.script,
                    ScriptProgress::NotStarted | ScriptProgress::Running(_)
                ) =>
            {
                missing(fields::SCRIPT, "Encerre o script ou pule-o para avançar.")
            }
            Step::FirstContact => {
                let mut errors = FieldErrors::default();
                required_text(
                    &mut errors,
                    fields::FIRST_CONTACT,
                    "a descrição do primeiro contato",
                    &self.first_contact,
                    MAX_PROBLEM_CHARS,
                );
                match &self.ticket_type {
                    None => errors.add(fields::TICKET_TYPE, "Escolha o tipo de atendimento."),
                    Some(kind) if !kind.is_assignable() => errors.add(
                        fields::TICKET_TYPE,
                        "Este tipo é destinado a um usuário removido: escolha outro tipo.",
                    ),
                    Some(_) => {}
                }
                errors.into_result(|| ())
            }
            Step::TicketData => {
                let mut errors = FieldErrors::default();
                match (self.plan, self.new_plan) {
                    (None, None) => errors.add(fields::PLAN, "Escolha o plano do atendimento."),
                    (Some(_), Some(_)) => errors.add(
                        fields::PLAN,
                        "Escolha um contrato do cliente ou um novo plano, não os dois.",
                    ),
                    _ => {}
                }
                required_text(
                    &mut errors,
                    fields::PROBLEM,
                    "o problema descrito pelo cliente",
                    &self.problem,
                    MAX_PROBLEM_CHARS,
                );
                errors.into_result(|| ())
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::wizard::draft::test_support::{at_ticket_data, fields_of, message};
    use crate::wizard::Origin;

    #[test]
    fn each_step_says_what_it_needs() {
        let mut draft = WizardDraft::default();
        assert_eq!(fields_of(draft.advance()), [fields::ORIGIN]);
        draft.choose_origin(Origin::Support);
        draft.advance().expect("origin");
        draft.filters.email = "maria".into();
        assert_eq!(fields_of(draft.advance()), [crate::support::fields::EMAIL]);
        draft.filters.email = "maria@example.com".into();
        draft.advance().expect("filters");
        assert_eq!(fields_of(draft.advance()), [fields::MESSAGE]);
        draft.choose_message(message(1, "Caiu"));
        draft.advance().expect("message");
        assert_eq!(fields_of(draft.advance()), [fields::CUSTOMER]);
        assert_eq!(draft.current(), Step::FindCustomer);

        let mut draft = at_ticket_data();
        draft.problem = " ".into();
        assert_eq!(fields_of(draft.advance()), [fields::PLAN, fields::PROBLEM]);
        draft.problem = "x".repeat(MAX_PROBLEM_CHARS + 1);
        draft.plan = Some(Uuid::from_u128(9));
        assert_eq!(fields_of(draft.advance()), [fields::PROBLEM]);
        draft.problem = "Sem conexão desde ontem".into();
        draft.new_plan = Some(Uuid::from_u128(10));
        assert_eq!(
            fields_of(draft.advance()),
            [fields::PLAN],
            "a contract or a new plan"
        );
        draft.plan = None;
        assert_eq!(
            draft.advance(),
            Ok(Step::Script),
            "a new plan alone will do"
        );
        assert_eq!(fields_of(draft.advance()), [fields::SCRIPT]);
    }
}
