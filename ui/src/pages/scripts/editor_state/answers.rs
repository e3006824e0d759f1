//! The answers of a question: added, removed, moved, written, and where each leads (another
//! question, a new one, or the end with an outcome). No DOM.
use helpdesk_core::script::{Outcome, ScriptOption};

use super::graph::{FocusTarget, GraphState};

/// Where an answer leads, as the author picks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    /// Not chosen yet ("sem destino").
    Unset,
    /// The question at this index.
    Node(usize),
    /// "Encerrar o script".
    End,
    /// "Nova pergunta…": a new question, linked to this answer.
    NewNode,
}

/// A move of an answer among its question's answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
}

impl GraphState {
    /// Where the answer `option` of the question at `node` leads, as the form shows it.
    pub fn destination(&self, node: usize, option: usize) -> Option<Destination> {
        let option = self.definition.nodes.get(node)?.options.get(option)?;
        Some(match (&option.next, option.outcome) {
            (Some(next), _) => self
                .definition
                .nodes
                .iter()
                .position(|node| &node.id == next)
                .map_or(Destination::Unset, Destination::Node),
            (None, Some(_)) => Destination::End,
            (None, None) => Destination::Unset,
        })
    }

    pub(super) fn add_option(&mut self, index: usize) {
        if let Some(node) = self.definition.nodes.get_mut(index) {
            node.options.push(ScriptOption::default());
            let added = node.options.len() - 1;
            self.show(index);
            self.marked_option = None;
            self.request_focus(FocusTarget::OptionLabel(added));
        }
    }

    pub(super) fn remove_option(&mut self, index: usize, option: usize) {
        if let Some(node) = self.definition.nodes.get_mut(index) {
            if option < node.options.len() {
                node.options.remove(option);
                self.marked_option = None;
            }
        }
    }

    pub(super) fn move_option(&mut self, index: usize, option: usize, direction: Move) {
        if let Some(node) = self.definition.nodes.get_mut(index) {
            let other = match direction {
                Move::Up => option.checked_sub(1),
                Move::Down => Some(option + 1).filter(|&o| o < node.options.len()),
            };
            if let Some(other) = other.filter(|_| option < node.options.len()) {
                node.options.swap(option, other);
                self.marked_option = None;
                self.request_focus(FocusTarget::OptionLabel(other));
            }
        }
    }

    pub(super) fn set_destination(&mut self, node: usize, option: usize, destination: Destination) {
        let target = match destination {
            Destination::Node(target) => match self.definition.nodes.get(target) {
                Some(target) => Some(target.id.clone()),
                None => return,
            },
            Destination::NewNode => {
                if self.option_mut(node, option).is_none() {
                    return;
                }
                let created = self.add_node();
                Some(self.definition.nodes[created].id.clone())
            }
            Destination::Unset | Destination::End => None,
        };
        let Some(answer) = self.option_mut(node, option) else {
            return;
        };
        match destination {
            Destination::Unset => {
                answer.next = None;
                answer.outcome = None;
            }
            Destination::End => {
                answer.next = None;
                answer.outcome = Some(answer.outcome.unwrap_or(Outcome::None));
            }
            Destination::Node(_) | Destination::NewNode => {
                answer.next = target;
                answer.outcome = None;
                answer.ticket_type = None;
            }
        }
    }

    pub(super) fn edit_label(&mut self, index: usize, option: usize, label: String) {
        if let Some(answer) = self.option_mut(index, option) {
            answer.label = label;
        }
    }

    /// How the script ends with the answer; only for an answer that leads nowhere.
    pub(super) fn set_outcome(&mut self, index: usize, option: usize, outcome: Outcome) {
        if let Some(answer) = self.option_mut(index, option) {
            if answer.next.is_none() {
                answer.outcome = Some(outcome);
            }
        }
    }

    pub(super) fn edit_ticket_type(&mut self, index: usize, option: usize, text: String) {
        if let Some(answer) = self.option_mut(index, option) {
            answer.ticket_type = (!text.is_empty()).then_some(text);
        }
    }

    fn option_mut(&mut self, node: usize, option: usize) -> Option<&mut ScriptOption> {
        self.definition.nodes.get_mut(node)?.options.get_mut(option)
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_core::script::Outcome;

    use std::rc::Rc;

    use super::super::test_support::*;

    #[test]
    fn a_new_question_from_an_answer_is_linked_and_shown() {
        let state = apply(
            Rc::new(EditorState::new()),
            vec![
                Graph(AddNode),
                Graph(SetDestination(0, 0, Destination::NewNode)),
            ],
        );
        assert_eq!(state.graph.selected, Some(1));
        assert_eq!(state.graph.focus, Some(FocusTarget::Question));
        assert_eq!(
            state.graph.definition.nodes[0].options[0].next.as_deref(),
            Some("pergunta-2")
        );
        assert_eq!(
            state.graph.definition.start, "pergunta-1",
            "the start stays"
        );
    }

    #[test]
    fn answers_are_added_removed_and_reordered() {
        let state = apply(
            sound(),
            vec![
                Graph(AddOption(0)),
                Graph(EditLabel(0, 2, "Piscando".into())),
            ],
        );
        assert_eq!(state.graph.focus, Some(FocusTarget::OptionLabel(2)));
        assert!(messages(&state)
            .iter()
            .any(|m| m.contains("não tem destino")));
        let labels = |state: &EditorState| -> Vec<String> {
            state.graph.definition.nodes[0]
                .options
                .iter()
                .map(|o| o.label.clone())
                .collect()
        };
        let state = reduce(state, Graph(MoveOption(0, 2, Move::Up)));
        assert_eq!(labels(&state), ["Acesas", "Piscando", "Apagadas"]);
        let same = reduce(state.clone(), Graph(MoveOption(0, 0, Move::Up)));
        assert_eq!(labels(&same), labels(&state), "the first cannot go up");
        let same = reduce(state.clone(), Graph(MoveOption(0, 2, Move::Down)));
        assert_eq!(labels(&same), labels(&state), "the last cannot go down");
        let state = reduce(state, Graph(MoveOption(0, 0, Move::Down)));
        assert_eq!(labels(&state), ["Piscando", "Acesas", "Apagadas"]);
        let state = reduce(state, Graph(RemoveOption(0, 0)));
        assert_eq!(labels(&state), ["Acesas", "Apagadas"]);
        assert!(
            state.graph.problems.is_empty(),
            "{:?}",
            state.graph.problems
        );
    }

    #[test]
    fn an_answer_relinked_to_another_question_or_to_the_end() {
        let state = reduce(sound(), Graph(SetDestination(1, 0, Destination::Node(0))));
        let answer = &state.graph.definition.nodes[1].options[0];
        assert_eq!(
            (answer.next.as_deref(), answer.outcome),
            (Some("pergunta-1"), None)
        );
        assert!(
            state.graph.problems.is_empty(),
            "a loop with an exit is fine"
        );

        let state = reduce(state, Graph(SetDestination(0, 1, Destination::Node(1))));
        let answer = &state.graph.definition.nodes[0].options[1];
        assert_eq!(
            answer.ticket_type, None,
            "only an end suggests a ticket type"
        );
        assert!(messages(&state)[0].contains("Nenhuma resposta encerra"));

        let state = reduce(state, Graph(SetDestination(0, 1, Destination::End)));
        assert_eq!(
            state.graph.definition.nodes[0].options[1].outcome,
            Some(Outcome::None)
        );
        assert!(state.graph.problems.is_empty());
        let state = reduce(state, Graph(SetDestination(0, 1, Destination::Unset)));
        assert_eq!(state.graph.destination(0, 1), Some(Destination::Unset));
        assert!(messages(&state)[0].contains("não tem destino"));
    }
}
