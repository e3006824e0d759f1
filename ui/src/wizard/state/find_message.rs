//! "Localizar Reg." in the wizard's reducer: the chosen sender's messages and the one the
//! ticket is about. No DOM and no IPC.
use helpdesk_api::CommandError;
use helpdesk_core::support::{MessageQuery, SupportMessage};
use helpdesk_core::wizard::fields;

use super::context::StepContext;
use crate::fetched::{Direction, Fetched};

/// What the operator (or the shell's answer) does on "Localizar Reg.".
#[derive(Debug, Clone, PartialEq)]
pub enum FindMessageAction {
    Started(MessageQuery),
    Finished(MessageQuery, Result<Vec<SupportMessage>, CommandError>),
    Select(usize),
    /// The arrow keys: the message moved to is chosen.
    Move(Direction),
}

/// What "Localizar Reg." shows besides the draft's choice.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FindMessageState {
    pub messages: Fetched<MessageQuery, Vec<SupportMessage>>,
}

impl FindMessageState {
    pub(super) fn apply(&mut self, action: FindMessageAction, wizard: &mut StepContext) {
        match action {
            FindMessageAction::Started(query) => self.messages.start(query),
            FindMessageAction::Finished(query, result) => {
                if self.messages.finish(&query, result) {
                    let chosen = wizard.draft().message.as_ref().map(|message| message.id);
                    self.messages.highlighted = self
                        .messages
                        .value
                        .as_ref()
                        .and_then(|rows| rows.iter().position(|row| Some(row.id) == chosen));
                }
            }
            FindMessageAction::Select(index) => self.select(index, wizard),
            FindMessageAction::Move(direction) => {
                self.messages.move_highlight(direction);
                if let Some(index) = self.messages.highlighted {
                    self.select(index, wizard);
                }
            }
        }
    }

    fn select(&mut self, index: usize, wizard: &mut StepContext) {
        if let Some(message) = self.messages.row(index).cloned() {
            self.messages.highlighted = Some(index);
            wizard.edit(|draft| draft.choose_message(message));
            wizard.clear(fields::MESSAGE);
        }
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_api::Uuid;
    use helpdesk_core::support::MessagePeriod;

    use super::*;
    use crate::wizard::state::fixtures::run;
    use crate::wizard::state::WizardState;

    fn message(n: u128) -> SupportMessage {
        SupportMessage {
            id: Uuid::from_u128(n),
            email: "maria@example.com".into(),
            subject: format!("Assunto {n}"),
            login: "maria".into(),
            body: format!("Relato {n}"),
            received_at: 0,
        }
    }

    fn query() -> MessageQuery {
        MessageQuery {
            email: "maria@example.com".into(),
            period: MessagePeriod::LastDays(30),
            limit: 50,
        }
    }

    #[test]
    fn moving_in_the_messages_chooses_them_and_fills_the_problem() {
        let state = run(
            WizardState::default(),
            [
                FindMessageAction::Started(query()).into(),
                FindMessageAction::Finished(query(), Ok(vec![message(1), message(2)])).into(),
                FindMessageAction::Move(Direction::Down).into(),
                FindMessageAction::Move(Direction::Down).into(),
            ],
        );
        assert_eq!(
            state.draft.message.as_ref().map(|m| m.id),
            Some(Uuid::from_u128(2))
        );
        assert_eq!(state.draft.problem, "Relato 2");
        let state = run(
            state,
            [
                FindMessageAction::Started(query()).into(),
                FindMessageAction::Finished(query(), Ok(vec![message(3), message(2)])).into(),
            ],
        );
        assert_eq!(
            state.find_message.messages.highlighted,
            Some(1),
            "the choice is found again"
        );
    }
}
