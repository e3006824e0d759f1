//! The checks a script must pass before it can be published: every answer leads somewhere
//! that exists, every question can be reached, and from every question the operator can
//! reach an end.
use std::collections::{HashMap, HashSet, VecDeque};

use serde::{Deserialize, Serialize};
use specta::Type;

use super::ScriptDefinition;

/// The longest question or explanation.
pub const MAX_TEXT_CHARS: usize = 2000;
/// The longest answer label.
pub const MAX_LABEL_CHARS: usize = 200;
/// The longest node id.
pub const MAX_ID_CHARS: usize = 64;
/// The most questions in one script.
pub const MAX_NODES: usize = 2000;

/// Why a script cannot be published, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ScriptProblem {
    /// The question concerned, by id, if any.
    pub node: Option<String>,
    /// The answer concerned (its index among the node's options), if any.
    pub option: Option<u32>,
    /// For the author, in pt-BR.
    pub message: String,
}

impl ScriptProblem {
    fn script(message: impl Into<String>) -> Self {
        Self {
            node: None,
            option: None,
            message: message.into(),
        }
    }

    fn node(node: &str, message: impl Into<String>) -> Self {
        Self {
            node: Some(node.to_owned()),
            option: None,
            message: message.into(),
        }
    }

    fn option(node: &str, option: usize, message: impl Into<String>) -> Self {
        Self {
            node: Some(node.to_owned()),
            option: u32::try_from(option).ok(),
            message: message.into(),
        }
    }
}

impl ScriptDefinition {
    /// Every problem that keeps the script from being published; empty when it can be.
    pub fn problems(&self) -> Vec<ScriptProblem> {
        let mut problems = Vec::new();
        if self.nodes.is_empty() {
            problems.push(ScriptProblem::script("O script não tem nenhuma pergunta."));
            return problems;
        }
        if self.nodes.len() > MAX_NODES {
            problems.push(ScriptProblem::script(format!(
                "O script tem {} perguntas; o máximo é {MAX_NODES}.",
                self.nodes.len()
            )));
            return problems;
        }
        self.check_texts(&mut problems);
        let ids = self.check_ids(&mut problems);
        if !ids.contains(self.start.as_str()) {
            problems.push(ScriptProblem::script(
                "Escolha a primeira pergunta do script.",
            ));
        }
        self.check_targets(&ids, &mut problems);
        if problems.is_empty() {
            self.check_flow(&mut problems);
        }
        problems
    }

    /// `Ok` when the script can be published, else every problem.
    pub fn validate(&self) -> Result<(), Vec<ScriptProblem>> {
        let problems = self.problems();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    fn check_texts(&self, problems: &mut Vec<ScriptProblem>) {
        let too_long = |text: &str, max: usize| text.chars().count() > max;
        for node in &self.nodes {
            if node.question.trim().is_empty() {
                problems.push(ScriptProblem::node(&node.id, "Escreva a pergunta."));
            }
            for (what, text) in [
                ("A pergunta", &node.question),
                ("A explicação para o cliente", &node.customer_explanation),
                ("A explicação para o operador", &node.operator_explanation),
            ] {
                if too_long(text, MAX_TEXT_CHARS) {
                    problems.push(ScriptProblem::node(
                        &node.id,
                        format!("{what} tem mais de {MAX_TEXT_CHARS} caracteres."),
                    ));
                }
            }
            if node.options.is_empty() {
                problems.push(ScriptProblem::node(
                    &node.id,
                    "A pergunta precisa de ao menos uma opção de resposta.",
                ));
            }
            for (index, option) in node.options.iter().enumerate() {
                if option.label.trim().is_empty() {
                    problems.push(ScriptProblem::option(&node.id, index, "Escreva a resposta."));
                } else if too_long(&option.label, MAX_LABEL_CHARS) {
                    problems.push(ScriptProblem::option(
                        &node.id,
                        index,
                        format!("A resposta tem mais de {MAX_LABEL_CHARS} caracteres."),
                    ));
                }
            }
        }
    }

    fn check_ids<'a>(&'a self, problems: &mut Vec<ScriptProblem>) -> HashSet<&'a str> {
        let mut ids = HashSet::new();
        for node in &self.nodes {
            if node.id.trim().is_empty() {
                problems.push(ScriptProblem::script("Uma pergunta está sem identificador."));
            } else if node.id.chars().count() > MAX_ID_CHARS {
                problems.push(ScriptProblem::node(
                    &node.id,
                    format!("O identificador tem mais de {MAX_ID_CHARS} caracteres."),
                ));
            } else if !ids.insert(node.id.as_str()) {
                problems.push(ScriptProblem::node(
                    &node.id,
                    format!("O identificador “{}” se repete.", node.id),
                ));
            }
        }
        ids
    }

    fn check_targets(&self, ids: &HashSet<&str>, problems: &mut Vec<ScriptProblem>) {
        for node in &self.nodes {
            for (index, option) in node.options.iter().enumerate() {
                match (&option.next, option.outcome) {
                    (Some(next), _) if !ids.contains(next.as_str()) => {
                        problems.push(ScriptProblem::option(
                            &node.id,
                            index,
                            format!("A resposta leva a uma pergunta que não existe (“{next}”)."),
                        ));
                    }
                    (Some(_), Some(_)) => problems.push(ScriptProblem::option(
                        &node.id,
                        index,
                        "A resposta leva a outra pergunta e também encerra o script: escolha um.",
                    )),
                    (None, None) => problems.push(ScriptProblem::option(
                        &node.id,
                        index,
                        "A resposta não tem destino: escolha a próxima pergunta ou como o script termina.",
                    )),
                    _ => {}
                }
            }
        }
    }

    /// With every target valid: every question reachable from the start, and from each an
    /// end the operator can reach.
    fn check_flow(&self, problems: &mut Vec<ScriptProblem>) {
        let index: HashMap<&str, usize> = self
            .nodes
            .iter()
            .enumerate()
            .map(|(position, node)| (node.id.as_str(), position))
            .collect();
        let successors: Vec<Vec<usize>> = self
            .nodes
            .iter()
            .map(|node| {
                node.options
                    .iter()
                    .filter_map(|option| option.next.as_deref())
                    .filter_map(|next| index.get(next).copied())
                    .collect()
            })
            .collect();
        let reachable = reach(&[index[self.start.as_str()]], &successors);
        for (position, node) in self.nodes.iter().enumerate() {
            if !reachable[position] {
                problems.push(ScriptProblem::node(
                    &node.id,
                    "Nenhuma resposta leva a esta pergunta.",
                ));
            }
        }
        let ends: Vec<usize> = (0..self.nodes.len())
            .filter(|&position| self.nodes[position].options.iter().any(|o| o.ends()))
            .collect();
        if ends.is_empty() {
            problems.push(ScriptProblem::script(
                "Nenhuma resposta encerra o script: marque ao menos uma como final.",
            ));
            return;
        }
        let mut predecessors = vec![Vec::new(); self.nodes.len()];
        for (from, targets) in successors.iter().enumerate() {
            for &to in targets {
                predecessors[to].push(from);
            }
        }
        let can_end = reach(&ends, &predecessors);
        for (position, node) in self.nodes.iter().enumerate() {
            if reachable[position] && !can_end[position] {
                problems.push(ScriptProblem::node(
                    &node.id,
                    "Daqui o operador entra num ciclo sem saída: nenhum caminho chega ao fim do script.",
                ));
            }
        }
    }
}

/// Which nodes can be reached from `from` along `edges`.
fn reach(from: &[usize], edges: &[Vec<usize>]) -> Vec<bool> {
    let mut seen = vec![false; edges.len()];
    let mut queue: VecDeque<usize> = from.iter().copied().collect();
    for &node in from {
        seen[node] = true;
    }
    while let Some(node) = queue.pop_front() {
        for &next in &edges[node] {
            if !seen[next] {
                seen[next] = true;
                queue.push_back(next);
            }
        }
    }
    seen
}
