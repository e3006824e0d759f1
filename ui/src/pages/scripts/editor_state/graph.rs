//! The script's questions and answers as the author edits them, the question shown in the
//! form, where the keyboard goes next, and the core's problems with the graph, found again
//! after every edit. No DOM.
use std::collections::HashSet;

use helpdesk_core::script::{Outcome, ScriptDefinition, ScriptProblem};

use super::answers::{Destination, Move};
use super::questions::NodeText;

/// The field the keyboard goes to after a change (raised with [`GraphState::focuses`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FocusTarget {
    /// The selected question's "Pergunta".
    Question,
    /// The label of the selected question's answer at this index.
    OptionLabel(usize),
}

/// A change to the questions and answers, named by index as rendered.
#[derive(Debug, Clone, PartialEq)]
pub enum GraphEdit {
    /// "Adicionar pergunta".
    AddNode,
    /// Removes a question; the answers that led to it are left "sem destino".
    RemoveNode(usize),
    /// "Primeira pergunta" checked or unchecked.
    SetStart(usize, bool),
    /// The id as typed: taken at once when it can be, the answers that led to the old id
    /// following it; otherwise kept as typed with the reason.
    EditId(usize, String),
    EditText(usize, NodeText, String),
    /// "Adicionar opção".
    AddOption(usize),
    RemoveOption(usize, usize),
    MoveOption(usize, usize, Move),
    EditLabel(usize, usize, String),
    SetDestination(usize, usize, Destination),
    /// How the script ends with this answer (only for an answer that ends it).
    SetOutcome(usize, usize, Outcome),
    /// "Tipo de atendimento sugerido".
    EditTicketType(usize, usize, String),
}

/// Another question shown in the form; the graph stays as it is.
#[derive(Debug, Clone, PartialEq)]
pub enum Navigation {
    /// Shows the question at this index.
    Select(usize),
    /// A problem clicked: shows its question, and marks its answer.
    Jump {
        node: Option<String>,
        option: Option<u32>,
    },
}

/// The questions and answers, and the author's place among them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GraphState {
    /// The questions and answers, and which question is the first.
    pub definition: ScriptDefinition,
    /// The question shown in the form, by index.
    pub selected: Option<usize>,
    /// An id typed for the question at this index that cannot be taken yet, and why.
    pub pending_id: Option<(usize, String, String)>,
    /// The answer of the selected question a problem pointed to.
    pub marked_option: Option<usize>,
    /// The core's problems with the graph as it is now.
    pub problems: Vec<ScriptProblem>,
    /// Where the keyboard goes next, raised with `focuses`.
    pub focus: Option<FocusTarget>,
    /// Raised on every request of the focus, so each one is carried out once.
    pub focuses: u32,
}

impl GraphState {
    /// `definition` with its start shown (else its first question), and its problems.
    pub fn of(definition: ScriptDefinition) -> Self {
        let selected = definition
            .nodes
            .iter()
            .position(|node| node.id == definition.start)
            .or((!definition.nodes.is_empty()).then_some(0));
        Self {
            problems: definition.problems(),
            definition,
            selected,
            ..Self::default()
        }
    }

    /// The questions replaced by `definition` (an import); the focus is left where it was.
    pub(super) fn replace(&mut self, definition: ScriptDefinition) {
        *self = Self {
            focus: self.focus,
            focuses: self.focuses,
            ..Self::of(definition)
        };
    }

    /// The id shown in the form for the question at `index`: as typed when pending.
    pub fn id_text(&self, index: usize) -> Option<&str> {
        match &self.pending_id {
            Some((at, text, _)) if *at == index => Some(text),
            _ => self
                .definition
                .nodes
                .get(index)
                .map(|node| node.id.as_str()),
        }
    }

    /// Why the id typed for the question at `index` is not taken.
    pub fn id_error(&self, index: usize) -> Option<&str> {
        match &self.pending_id {
            Some((at, _, reason)) if *at == index => Some(reason),
            _ => None,
        }
    }

    /// The ids of the questions with a problem.
    pub fn nodes_with_problems(&self) -> HashSet<&str> {
        self.problems
            .iter()
            .filter_map(|problem| problem.node.as_deref())
            .collect()
    }

    /// The answers of the question `node` that have a problem, by index.
    pub fn options_with_problems(&self, node: &str) -> HashSet<usize> {
        self.problems
            .iter()
            .filter(|problem| problem.node.as_deref() == Some(node))
            .filter_map(|problem| problem.option)
            .filter_map(|option| usize::try_from(option).ok())
            .collect()
    }

    /// Where the answer `option` of the question at `node` leads, as the form shows it.
    /// Shows another question; `false` when it is the one shown or there is none.
    pub(super) fn navigate(&mut self, navigation: Navigation) -> bool {
        match navigation {
            Navigation::Select(index) => {
                if index >= self.definition.nodes.len() || self.selected == Some(index) {
                    return false;
                }
                self.show(index);
            }
            Navigation::Jump { node, option } => {
                let Some(index) =
                    node.and_then(|id| self.definition.nodes.iter().position(|n| n.id == id))
                else {
                    return false;
                };
                self.show(index);
                let option = option.and_then(|option| usize::try_from(option).ok());
                self.marked_option = option;
                self.request_focus(option.map_or(FocusTarget::Question, FocusTarget::OptionLabel));
            }
        }
        true
    }

    /// Applies `edit`, then checks the graph again.
    pub(super) fn edit(&mut self, edit: GraphEdit) {
        match edit {
            GraphEdit::AddNode => {
                self.add_node();
            }
            GraphEdit::RemoveNode(index) => self.remove_node(index),
            GraphEdit::SetStart(index, start) => self.set_start(index, start),
            GraphEdit::EditId(index, text) => self.edit_id(index, text),
            GraphEdit::EditText(index, which, text) => self.edit_text(index, which, text),
            GraphEdit::AddOption(index) => self.add_option(index),
            GraphEdit::RemoveOption(index, option) => self.remove_option(index, option),
            GraphEdit::MoveOption(index, option, direction) => {
                self.move_option(index, option, direction);
            }
            GraphEdit::EditLabel(index, option, label) => self.edit_label(index, option, label),
            GraphEdit::SetDestination(index, option, destination) => {
                self.set_destination(index, option, destination);
            }
            GraphEdit::SetOutcome(index, option, outcome) => {
                self.set_outcome(index, option, outcome);
            }
            GraphEdit::EditTicketType(index, option, text) => {
                self.edit_ticket_type(index, option, text);
            }
        }
        self.problems = self.definition.problems();
    }

    /// Shows the question at `index`; leaving another drops what was pending on it.
    pub(super) fn show(&mut self, index: usize) {
        if self.selected != Some(index) {
            self.pending_id = None;
            self.marked_option = None;
        }
        self.selected = Some(index);
    }

    /// Asks for the keyboard to go to `target`.
    pub(super) fn request_focus(&mut self, target: FocusTarget) {
        self.focus = Some(target);
        self.focuses += 1;
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use helpdesk_core::script::Outcome;

    use super::super::test_support::*;

    #[test]
    fn questions_and_answers_build_a_sound_script() {
        let state = sound();
        assert_eq!(ids(&state), ["pergunta-1", "pergunta-2"]);
        assert_eq!(
            state.graph.definition.start, "pergunta-1",
            "the first question is the start"
        );
        assert!(
            state.graph.problems.is_empty(),
            "{:?}",
            state.graph.problems
        );
        let luzes = &state.graph.definition.nodes[0];
        assert_eq!(luzes.options[0].next.as_deref(), Some("pergunta-2"));
        assert_eq!(luzes.options[1].outcome, Some(Outcome::WorkOrder));
        assert_eq!(
            luzes.options[1].ticket_type.as_deref(),
            Some("Visita técnica")
        );
        assert_eq!(state.graph.destination(0, 0), Some(Destination::Node(1)));
        assert_eq!(state.graph.destination(0, 1), Some(Destination::End));
        assert!(state.has_changes());
        // "Nova pergunta…" showed the new question, ready to be written.
        assert_eq!(
            state.graph.selected,
            Some(0),
            "AddOption(0) showed the first again"
        );
    }

    #[test]
    fn a_problem_clicked_shows_its_question_and_marks_its_answer() {
        let state = apply(
            sound(),
            vec![
                Show(Select(0)),
                Graph(SetDestination(1, 0, Destination::Unset)),
            ],
        );
        let problem = state.graph.problems[0].clone();
        let state = reduce(
            state,
            Show(Jump {
                node: problem.node,
                option: problem.option,
            }),
        );
        assert_eq!(state.graph.selected, Some(1));
        assert_eq!(state.graph.marked_option, Some(0));
        assert_eq!(state.graph.focus, Some(FocusTarget::OptionLabel(0)));
        let same = reduce(
            state.clone(),
            Show(Jump {
                node: None,
                option: None,
            }),
        );
        assert!(Rc::ptr_eq(&state, &same));
    }
}
