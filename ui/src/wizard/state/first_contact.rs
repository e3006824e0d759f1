//! "Prim. Contato" in the wizard's reducer: the description and the "Tipo de Atendimento"
//! chosen from the list. No DOM and no IPC.
use helpdesk_api::{CommandError, TicketType, Uuid};
use helpdesk_core::wizard::fields;

use super::context::StepContext;
use crate::fetched::Fetched;

/// What the operator (or the shell's answer) does on "Prim. Contato".
#[derive(Debug, Clone, PartialEq)]
pub enum FirstContactAction {
    TicketTypesStarted,
    TicketTypesFinished(Result<Vec<TicketType>, CommandError>),
    /// The description typed.
    Describe(String),
    /// "Tipo de Atendimento": a type from the list, by id.
    ChooseTicketType(Uuid),
}

/// What "Prim. Contato" shows besides the draft's description and type.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FirstContactState {
    /// "Tipo de Atendimento" choices.
    pub ticket_types: Fetched<(), Vec<TicketType>>,
}

impl FirstContactState {
    pub(super) fn apply(&mut self, action: FirstContactAction, wizard: &mut StepContext) {
        match action {
            FirstContactAction::TicketTypesStarted => self.ticket_types.start(()),
            FirstContactAction::TicketTypesFinished(result) => {
                self.ticket_types.finish(&(), result);
            }
            FirstContactAction::Describe(text) => {
                wizard.edit(|draft| draft.first_contact = text);
                wizard.clear(fields::FIRST_CONTACT);
            }
            FirstContactAction::ChooseTicketType(id) => {
                let chosen = self
                    .ticket_types
                    .value
                    .as_ref()
                    .and_then(|types| types.iter().find(|kind| kind.id == id))
                    .cloned();
                if let Some(kind) = chosen {
                    wizard.edit(|draft| draft.ticket_type = Some(kind));
                    wizard.clear(fields::TICKET_TYPE);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wizard::state::fixtures::run;
    use crate::wizard::state::WizardState;

    #[test]
    fn the_ticket_type_is_chosen_from_the_list() {
        let kind = TicketType {
            id: Uuid::from_u128(30),
            name: "Sem conexão".into(),
            assignee: None,
            sla_hours: 24,
            sla_calendar: false,
        };
        let state = run(
            WizardState::default(),
            [
                FirstContactAction::ChooseTicketType(kind.id).into(),
                FirstContactAction::TicketTypesStarted.into(),
                FirstContactAction::TicketTypesFinished(Ok(vec![kind.clone()])).into(),
                FirstContactAction::Describe("Reiniciou a ONU.".into()).into(),
            ],
        );
        assert_eq!(
            state.draft.ticket_type, None,
            "not before the list is there"
        );
        let state = run(
            state,
            [FirstContactAction::ChooseTicketType(kind.id).into()],
        );
        assert_eq!(state.draft.ticket_type, Some(kind));
        assert_eq!(state.draft.first_contact, "Reiniciou a ONU.");
    }
}
