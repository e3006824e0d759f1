//! The questions of the script: added, removed, made the first, renamed (the answers that
//! led to the old id following it) and written. No DOM.
use std::collections::HashSet;

use helpdesk_core::script::{ScriptNode, ScriptOption, MAX_ID_CHARS};

use super::graph::{FocusTarget, GraphState};

/// A text of a question, besides its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeText {
    Question,
    CustomerExplanation,
    OperatorExplanation,
}

impl GraphState {
    /// Adds an empty question with one answer to write; the first becomes the start.
    pub(super) fn add_node(&mut self) -> usize {
        let id = self.fresh_id();
        if self.definition.nodes.is_empty() {
            self.definition.start = id.clone();
        }
        self.definition.nodes.push(ScriptNode {
            id,
            options: vec![ScriptOption::default()],
            ..ScriptNode::default()
        });
        let index = self.definition.nodes.len() - 1;
        self.show(index);
        self.request_focus(FocusTarget::Question);
        index
    }

    pub(super) fn remove_node(&mut self, index: usize) {
        if index >= self.definition.nodes.len() {
            return;
        }
        let removed = self.definition.nodes.remove(index);
        if self.count_id(&removed.id) == 0 {
            self.relink(&removed.id, None);
            if self.definition.start == removed.id {
                self.definition.start.clear();
            }
        }
        self.pending_id = None;
        self.marked_option = None;
        self.selected = match self.selected {
            _ if self.definition.nodes.is_empty() => None,
            Some(at) if at > index => Some(at - 1),
            Some(at) if at == index => Some(index.min(self.definition.nodes.len() - 1)),
            other => other,
        };
    }

    pub(super) fn set_start(&mut self, index: usize, start: bool) {
        let Some(id) = self.definition.nodes.get(index).map(|n| n.id.clone()) else {
            return;
        };
        if start {
            self.definition.start = id;
        } else if self.definition.start == id {
            self.definition.start.clear();
        }
    }

    /// Takes `text` as the id of the question at `index` when it can be.
    pub(super) fn edit_id(&mut self, index: usize, text: String) {
        let Some(old) = self.definition.nodes.get(index).map(|n| n.id.clone()) else {
            return;
        };
        let taken = self
            .definition
            .nodes
            .iter()
            .enumerate()
            .any(|(at, node)| at != index && node.id == text);
        let reason = if text.trim().is_empty() {
            Some("Informe o identificador da pergunta.".to_owned())
        } else if text.chars().count() > MAX_ID_CHARS {
            Some(format!("Use no máximo {MAX_ID_CHARS} caracteres."))
        } else if taken {
            Some(format!("Outra pergunta já usa o identificador “{text}”."))
        } else {
            None
        };
        if let Some(reason) = reason {
            self.pending_id = Some((index, text, reason));
            return;
        }
        self.pending_id = None;
        // Answers that led to an id two questions shared stay as they were.
        if self.count_id(&old) == 1 {
            self.relink(&old, Some(&text));
            if self.definition.start == old {
                self.definition.start = text.clone();
            }
        }
        self.definition.nodes[index].id = text;
    }

    pub(super) fn edit_text(&mut self, index: usize, which: NodeText, text: String) {
        if let Some(node) = self.definition.nodes.get_mut(index) {
            *match which {
                NodeText::Question => &mut node.question,
                NodeText::CustomerExplanation => &mut node.customer_explanation,
                NodeText::OperatorExplanation => &mut node.operator_explanation,
            } = text;
        }
    }

    /// An id no question uses: "pergunta-N".
    fn fresh_id(&self) -> String {
        let used: HashSet<&str> = self
            .definition
            .nodes
            .iter()
            .map(|n| n.id.as_str())
            .collect();
        (self.definition.nodes.len() + 1..)
            .map(|n| format!("pergunta-{n}"))
            .find(|id| !used.contains(id.as_str()))
            .unwrap_or_default()
    }

    fn count_id(&self, id: &str) -> usize {
        self.definition.nodes.iter().filter(|n| n.id == id).count()
    }

    /// Every answer that led to `old` leads to `new` instead (nowhere when `None`).
    fn relink(&mut self, old: &str, new: Option<&str>) {
        for option in self
            .definition
            .nodes
            .iter_mut()
            .flat_map(|n| &mut n.options)
        {
            if option.next.as_deref() == Some(old) {
                option.next = new.map(str::to_owned);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::super::test_support::*;

    #[test]
    fn removing_a_question_leaves_its_answers_without_destination() {
        let state = reduce(sound(), Graph(RemoveNode(1)));
        assert_eq!(ids(&state), ["pergunta-1"]);
        let answer = &state.graph.definition.nodes[0].options[0];
        assert_eq!((answer.next.as_deref(), answer.outcome), (None, None));
        assert_eq!(state.graph.problems.len(), 1);
        let problem = &state.graph.problems[0];
        assert_eq!(problem.node.as_deref(), Some("pergunta-1"));
        assert_eq!(problem.option, Some(0));
        assert!(problem.message.contains("não tem destino"));
        assert_eq!(
            state.graph.options_with_problems("pergunta-1"),
            HashSet::from([0])
        );
        assert!(state.graph.nodes_with_problems().contains("pergunta-1"));
        assert_eq!(state.graph.selected, Some(0));

        let state = reduce(state, Graph(RemoveNode(0)));
        assert_eq!(state.graph.selected, None);
        assert_eq!(state.graph.definition.start, "");
        assert_eq!(messages(&state), ["O script não tem nenhuma pergunta."]);
    }

    #[test]
    fn removing_the_selected_or_an_earlier_question_keeps_a_sensible_selection() {
        let state = apply(sound(), vec![Graph(AddNode), Show(Select(2))]);
        let state = reduce(state, Graph(RemoveNode(0)));
        assert_eq!(
            state.graph.selected,
            Some(1),
            "the same question, one place up"
        );
        assert_eq!(state.graph.definition.start, "", "the start was removed");
        assert!(messages(&state).contains(&"Escolha a primeira pergunta do script."));
        let state = reduce(state, Graph(RemoveNode(1)));
        assert_eq!(state.graph.selected, Some(0));
    }

    #[test]
    fn the_start_changes() {
        let state = reduce(sound(), Graph(SetStart(1, true)));
        assert_eq!(state.graph.definition.start, "pergunta-2");
        assert!(messages(&state).contains(&"Nenhuma resposta leva a esta pergunta."));
        let state = reduce(state, Graph(SetStart(0, false)));
        assert_eq!(
            state.graph.definition.start, "pergunta-2",
            "not the start: nothing to undo"
        );
        let state = reduce(state, Graph(SetStart(1, false)));
        assert_eq!(state.graph.definition.start, "");
        assert!(messages(&state).contains(&"Escolha a primeira pergunta do script."));
        let state = reduce(state, Graph(SetStart(0, true)));
        assert!(state.graph.problems.is_empty());
    }

    #[test]
    fn a_renamed_question_keeps_its_links_and_a_taken_id_waits() {
        let state = reduce(sound(), Graph(EditId(1, "cabo".into())));
        assert_eq!(ids(&state), ["pergunta-1", "cabo"]);
        assert_eq!(
            state.graph.definition.nodes[0].options[0].next.as_deref(),
            Some("cabo")
        );
        let state = reduce(state, Graph(EditId(0, "luzes".into())));
        assert_eq!(state.graph.definition.start, "luzes");
        assert!(state.graph.problems.is_empty());

        let state = reduce(state, Graph(EditId(0, "cabo".into())));
        assert_eq!(ids(&state), ["luzes", "cabo"], "not taken");
        assert_eq!(state.graph.id_text(0), Some("cabo"), "shown as typed");
        assert!(state
            .graph
            .id_error(0)
            .is_some_and(|e| e.contains("já usa")));
        assert!(state.graph.problems.is_empty(), "the graph is untouched");
        let state = reduce(state, Graph(EditId(0, "cabos".into())));
        assert_eq!(ids(&state), ["cabos", "cabo"]);
        assert_eq!(state.graph.id_error(0), None);
        assert_eq!(state.graph.definition.start, "cabos");

        let state = reduce(state, Graph(EditId(0, " ".into())));
        assert!(state.graph.id_error(0).is_some());
        let state = reduce(state, Show(Select(1)));
        assert_eq!(
            state.graph.id_text(0),
            Some("cabos"),
            "leaving drops what was not taken"
        );
    }
}
