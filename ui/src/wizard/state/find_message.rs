//! "Localizar Reg." in the wizard's reducer: the period's messages with where each stands,
//! and the one the ticket is about. A message already handled (or taken by another operator)
//! is chosen only once the operator confirms it. No DOM and no IPC.
use helpdesk_api::CommandError;
use helpdesk_core::support::{ListedMessage, MessageQuery};
use helpdesk_core::wizard::fields;

use super::context::StepContext;
use crate::fetched::{Direction, Fetched};

/// What the operator (or the shell's answer) does on "Localizar Reg.".
#[derive(Debug, Clone, PartialEq)]
pub enum FindMessageAction {
    Started(MessageQuery),
    Finished(MessageQuery, Result<Vec<ListedMessage>, CommandError>),
    Select(usize),
    /// The arrow keys: the message moved to is chosen (or warned about).
    Move(Direction),
    /// "Atender mesmo assim": the message warned about is chosen.
    Confirm,
}

/// What "Localizar Reg." shows besides the draft's choice.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FindMessageState {
    pub messages: Fetched<MessageQuery, Vec<ListedMessage>>,
    /// The row selected whose message is already handled or taken: its warning is shown,
    /// and it is not chosen until confirmed.
    pub warned: Option<usize>,
}

impl FindMessageState {
    pub(super) fn apply(&mut self, action: FindMessageAction, wizard: &mut StepContext) {
        match action {
            FindMessageAction::Started(query) => {
                self.messages.start(query);
                self.warned = None;
            }
            FindMessageAction::Finished(query, result) => {
                if self.messages.finish(&query, result) {
                    let chosen = wizard.draft().message.as_ref().map(|message| message.id);
                    self.messages.highlighted = self.messages.value.as_ref().and_then(|rows| {
                        rows.iter().position(|row| Some(row.message.id) == chosen)
                    });
                }
            }
            FindMessageAction::Select(index) => self.select(index, wizard),
            FindMessageAction::Move(direction) => {
                self.messages.move_highlight(direction);
                if let Some(index) = self.messages.highlighted {
                    self.select(index, wizard);
                }
            }
            FindMessageAction::Confirm => {
                if let Some(index) = self.warned.take() {
                    self.choose(index, wizard);
                }
            }
        }
    }

    /// The warned row, with its message and state.
    pub fn warned_row(&self) -> Option<&ListedMessage> {
        self.warned.and_then(|index| self.messages.row(index))
    }

    fn select(&mut self, index: usize, wizard: &mut StepContext) {
        let Some(row) = self.messages.row(index) else {
            return;
        };
        let chosen = wizard.draft().message.as_ref().map(|message| message.id);
        let warns = row.state.warning().is_some() && chosen != Some(row.message.id);
        self.messages.highlighted = Some(index);
        if warns {
            self.warned = Some(index);
        } else {
            self.choose(index, wizard);
        }
    }

    fn choose(&mut self, index: usize, wizard: &mut StepContext) {
        if let Some(row) = self.messages.row(index).cloned() {
            self.messages.highlighted = Some(index);
            self.warned = None;
            wizard.edit(|draft| draft.choose_message(row.message));
            wizard.clear(fields::MESSAGE);
        }
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_api::Uuid;
    use helpdesk_core::support::{MessagePeriod, MessageState, SupportMessage};

    use super::*;
    use crate::wizard::state::fixtures::run;
    use crate::wizard::state::WizardState;

    fn message(n: u128, state: MessageState) -> ListedMessage {
        ListedMessage {
            message: SupportMessage {
                id: Uuid::from_u128(n),
                email: "maria@example.com".into(),
                subject: format!("Assunto {n}"),
                login: "maria".into(),
                body: format!("Relato {n}"),
                received_at: 0,
                sender_name: String::new(),
                document: String::new(),
                quoted: String::new(),
                attachments: Vec::new(),
            },
            state,
        }
    }

    fn new(n: u128) -> ListedMessage {
        message(n, MessageState::New)
    }

    fn query() -> MessageQuery {
        MessageQuery {
            email: None,
            period: MessagePeriod::LastDays(30),
            limit: 50,
            mail_only: false,
        }
    }

    #[test]
    fn moving_in_the_messages_chooses_them_and_fills_the_problem() {
        let state = run(
            WizardState::default(),
            [
                FindMessageAction::Started(query()).into(),
                FindMessageAction::Finished(query(), Ok(vec![new(1), new(2)])).into(),
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
                FindMessageAction::Finished(query(), Ok(vec![new(3), new(2)])).into(),
            ],
        );
        assert_eq!(
            state.find_message.messages.highlighted,
            Some(1),
            "the choice is found again"
        );
    }

    #[test]
    fn a_handled_message_is_chosen_only_once_confirmed() {
        let handled = message(
            2,
            MessageState::Handled(vec!["26112800100001".parse().expect("protocol")]),
        );
        let mine = message(
            3,
            MessageState::Taken {
                by: "Ana".into(),
                mine: true,
                at: 0,
            },
        );
        let rows = vec![new(1), handled, mine];
        let state = run(
            WizardState::default(),
            [
                FindMessageAction::Started(query()).into(),
                FindMessageAction::Finished(query(), Ok(rows)).into(),
                FindMessageAction::Select(1).into(),
            ],
        );
        assert_eq!(state.draft.message, None);
        assert_eq!(state.find_message.warned, Some(1));
        assert_eq!(
            state.find_message.warned_row().map(|row| row.message.id),
            Some(Uuid::from_u128(2))
        );
        let state = run(state, [FindMessageAction::Confirm.into()]);
        assert_eq!(
            state.draft.message.as_ref().map(|m| m.id),
            Some(Uuid::from_u128(2))
        );
        assert_eq!(state.find_message.warned, None);

        let state = run(state, [FindMessageAction::Select(2).into()]);
        assert_eq!(
            state.draft.message.as_ref().map(|m| m.id),
            Some(Uuid::from_u128(3)),
            "the operator's own take needs no confirmation"
        );
    }
}
