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
/// The most answers one question may offer.
pub const MAX_OPTIONS: usize = 20;

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
        let before_targets = problems.len();
        self.check_targets(&ids, &mut problems);
        // Texts aside, the graph holds together: its flow can be checked too.
        let graph_whole = problems.len() == before_targets
            && ids.len() == self.nodes.len()
            && ids.contains(self.start.as_str());
        if graph_whole {
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
            } else if node.options.len() > MAX_OPTIONS {
                problems.push(ScriptProblem::node(
                    &node.id,
                    format!("A pergunta tem mais de {MAX_OPTIONS} opções de resposta."),
                ));
            }
            for (index, option) in node.options.iter().enumerate() {
                if option.label.trim().is_empty() {
                    problems.push(ScriptProblem::option(
                        &node.id,
                        index,
                        "Escreva a resposta.",
                    ));
                } else if too_long(&option.label, MAX_LABEL_CHARS) {
                    problems.push(ScriptProblem::option(
                        &node.id,
                        index,
                        format!("A resposta tem mais de {MAX_LABEL_CHARS} caracteres."),
                    ));
                }
                match &option.ticket_type {
                    Some(kind) if kind.trim().is_empty() || too_long(kind, MAX_LABEL_CHARS) => {
                        problems.push(ScriptProblem::option(
                            &node.id,
                            index,
                            format!(
                                "O tipo de atendimento sugerido deve ter de 1 a {MAX_LABEL_CHARS} caracteres."
                            ),
                        ));
                    }
                    Some(_) if option.next.is_some() => problems.push(ScriptProblem::option(
                        &node.id,
                        index,
                        "Só uma resposta que encerra o script sugere um tipo de atendimento.",
                    )),
                    _ => {}
                }
            }
        }
    }

    fn check_ids<'a>(&'a self, problems: &mut Vec<ScriptProblem>) -> HashSet<&'a str> {
        let mut ids = HashSet::new();
        for node in &self.nodes {
            if node.id.trim().is_empty() {
                problems.push(ScriptProblem::script(
                    "Uma pergunta está sem identificador.",
                ));
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

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use proptest::prelude::*;

    use super::*;
    use crate::script::{Outcome, ScriptNode, ScriptOption};

    fn go(label: &str, next: &str) -> ScriptOption {
        ScriptOption {
            label: label.into(),
            next: Some(next.into()),
            ..ScriptOption::default()
        }
    }

    fn end(label: &str, outcome: Outcome) -> ScriptOption {
        ScriptOption {
            label: label.into(),
            outcome: Some(outcome),
            ..ScriptOption::default()
        }
    }

    fn node(id: &str, options: Vec<ScriptOption>) -> ScriptNode {
        ScriptNode {
            id: id.into(),
            question: format!("Pergunta {id}?"),
            options,
            ..ScriptNode::default()
        }
    }

    fn script(start: &str, nodes: Vec<ScriptNode>) -> ScriptDefinition {
        ScriptDefinition {
            start: start.into(),
            nodes,
        }
    }

    fn messages(script: &ScriptDefinition) -> Vec<String> {
        script.problems().into_iter().map(|p| p.message).collect()
    }

    #[test]
    fn a_sound_script_with_a_loop_that_has_an_exit_passes() {
        let sound = script(
            "a",
            vec![
                node(
                    "a",
                    vec![go("Sim", "b"), end("Resolvido", Outcome::Resolved)],
                ),
                node(
                    "b",
                    vec![go("De novo", "a"), end("Visita", Outcome::WorkOrder)],
                ),
            ],
        );
        assert_eq!(sound.validate(), Ok(()));
    }

    #[test]
    fn broken_scripts_say_where() {
        let dangling = script(
            "a",
            vec![node(
                "a",
                vec![go("Sim", "nada"), end("Fim", Outcome::None)],
            )],
        );
        let problems = dangling.problems();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].node.as_deref(), Some("a"));
        assert_eq!(problems[0].option, Some(0));
        assert!(problems[0].message.contains("não existe"));

        let no_target = script(
            "a",
            vec![node(
                "a",
                vec![ScriptOption {
                    label: "Talvez".into(),
                    ..ScriptOption::default()
                }],
            )],
        );
        assert!(messages(&no_target)[0].contains("não tem destino"));

        let trap = script(
            "a",
            vec![
                node("a", vec![go("Ciclo", "b"), end("Fim", Outcome::Resolved)]),
                node("b", vec![go("Volta", "c")]),
                node("c", vec![go("Volta", "b")]),
            ],
        );
        let trapped: HashSet<_> = trap.problems().into_iter().filter_map(|p| p.node).collect();
        assert_eq!(trapped, HashSet::from(["b".to_owned(), "c".to_owned()]));

        let unreachable = script(
            "a",
            vec![
                node("a", vec![end("Fim", Outcome::Resolved)]),
                node("solta", vec![end("Fim", Outcome::Resolved)]),
            ],
        );
        assert_eq!(
            messages(&unreachable),
            ["Nenhuma resposta leva a esta pergunta."]
        );

        let mut blank_and_trapped = trap.clone();
        blank_and_trapped.nodes[0].question.clear();
        let found = messages(&blank_and_trapped);
        assert!(found.contains(&"Escreva a pergunta.".to_owned()));
        assert!(
            found.iter().any(|m| m.contains("ciclo sem saída")),
            "{found:?}"
        );

        let endless = script("a", vec![node("a", vec![go("De novo", "a")])]);
        assert!(messages(&endless)[0].contains("Nenhuma resposta encerra"));

        let long = script(
            "a",
            vec![ScriptNode {
                question: "x".repeat(10_000),
                ..node("a", vec![end("<b>Fim</b>", Outcome::Resolved)])
            }],
        );
        assert_eq!(
            messages(&long),
            [format!(
                "A pergunta tem mais de {MAX_TEXT_CHARS} caracteres."
            )]
        );

        let doubled = script(
            "a",
            vec![
                node("a", vec![end("Fim", Outcome::Resolved)]),
                node("a", vec![end("Fim", Outcome::Resolved)]),
            ],
        );
        assert!(messages(&doubled)[0].contains("se repete"));
        assert!(
            messages(&script("z", vec![node("a", vec![end("F", Outcome::None)])]))[0]
                .contains("primeira pergunta")
        );
        assert!(messages(&ScriptDefinition::default())[0].contains("nenhuma pergunta"));
    }

    #[test]
    fn suggestions_and_option_counts_are_bounded() {
        let mut suggesting = end("Fim", Outcome::WorkOrder);
        suggesting.ticket_type = Some(" ".into());
        let going_on = ScriptOption {
            ticket_type: Some("Visita".into()),
            ..go("Segue", "b")
        };
        let broken = script(
            "a",
            vec![
                node("a", vec![suggesting, going_on]),
                node(
                    "b",
                    (0..=MAX_OPTIONS)
                        .map(|_| end("Fim", Outcome::None))
                        .collect(),
                ),
            ],
        );
        let found = messages(&broken);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[2].contains("mais de 20 opções"));
    }

    #[test]
    fn malformed_json_is_explained() {
        let error =
            ScriptDefinition::from_json("{\"start\": \"a\", \"nodes\": [").expect_err("bad");
        assert!(
            error.starts_with("O arquivo não é um script válido"),
            "{error}"
        );
        let error = ScriptDefinition::from_json("{\"nodes\": []}").expect_err("bad");
        assert!(error.contains("um campo falta"), "{error}");
        let misspelled = r#"{"start": "a", "nodes": [{"id": "a", "question": "Q?",
            "options": [{"label": "b", "nxet": "b", "outcome": "resolved"}]}]}"#;
        assert!(ScriptDefinition::from_json(misspelled).is_err());
        let sound = script(
            "a",
            vec![node("a", vec![end("<i>Fim</i>", Outcome::Resolved)])],
        );
        assert_eq!(ScriptDefinition::from_json(&sound.to_json()), Ok(sound));
    }

    /// A random graph: `n` nodes, each option going to some node (possibly one that does
    /// not exist) or ending.
    fn graphs() -> impl Strategy<Value = ScriptDefinition> {
        (1usize..9).prop_flat_map(|n| {
            let option = (0..n + 1, any::<bool>()).prop_map(move |(target, ends)| {
                if ends {
                    ScriptOption {
                        label: "fim".into(),
                        outcome: Some(Outcome::Resolved),
                        ..ScriptOption::default()
                    }
                } else {
                    // `n` names a node that does not exist.
                    ScriptOption {
                        label: format!("para {target}"),
                        next: Some(format!("n{target}")),
                        ..ScriptOption::default()
                    }
                }
            });
            proptest::collection::vec(proptest::collection::vec(option, 1..4), n).prop_map(
                |options| ScriptDefinition {
                    start: "n0".into(),
                    nodes: options
                        .into_iter()
                        .enumerate()
                        .map(|(i, options)| node(&format!("n{i}"), options))
                        .collect(),
                },
            )
        })
    }

    /// Whether an end can be reached from `id`, by trying every path (no shortcut shared
    /// with the validator).
    fn can_end(script: &ScriptDefinition, id: &str, seen: &mut Vec<String>) -> bool {
        if seen.iter().any(|s| s == id) {
            return false;
        }
        let Some(node) = script.node(id) else {
            return false;
        };
        seen.push(id.to_owned());
        let found = node.options.iter().any(|option| match &option.next {
            None => option.outcome.is_some(),
            Some(next) => can_end(script, next, seen),
        });
        seen.pop();
        found
    }

    proptest! {
        #[test]
        fn the_validator_agrees_with_brute_force(script in graphs()) {
            let dangling = script.nodes.iter().flat_map(|n| &n.options).any(|o| {
                o.next.as_ref().is_some_and(|next| script.node(next).is_none())
            });
            let mut reachable = HashSet::new();
            let mut stack = vec![script.start.clone()];
            while let Some(id) = stack.pop() {
                if reachable.insert(id.clone()) {
                    if let Some(node) = script.node(&id) {
                        stack.extend(node.options.iter().filter_map(|o| o.next.clone()));
                    }
                }
            }
            let all_reachable = script.nodes.iter().all(|n| reachable.contains(&n.id));
            let all_can_end = script
                .nodes
                .iter()
                .all(|n| can_end(&script, &n.id, &mut Vec::new()));
            let sound = !dangling && all_reachable && all_can_end;
            prop_assert_eq!(script.validate().is_ok(), sound, "{:?}", script.problems());
        }
    }
}
