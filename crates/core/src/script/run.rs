//! Running a script with a customer: one question at a time; "Próximo" follows the answer
//! chosen, "Anterior" goes back to change one. Answering a question again the same way keeps
//! the answers after it; answering differently drops them, and only them.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use super::{Outcome, ScriptDefinition, ScriptNode, ScriptOption};

/// A question asked and the answer given, as the report shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Answer {
    /// The question's node id.
    pub node: String,
    pub question: String,
    /// The answer's index among the node's options.
    pub option: u32,
    pub label: String,
    /// When it was given, Unix ms UTC.
    #[specta(type = f64)]
    pub at: i64,
}

/// One run of a script's published version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ScriptRun {
    pub script_id: Uuid,
    pub script_name: String,
    /// The published version run; the ticket keeps it.
    pub version: u32,
    /// The answers given, in order; those past `position` wait to be confirmed again.
    answers: Vec<Answer>,
    /// How many of `answers` are on the current path (the current question's index).
    #[specta(type = f64)]
    position: usize,
}

impl ScriptRun {
    /// A run at the script's first question.
    pub fn new(script_id: Uuid, script_name: impl Into<String>, version: u32) -> Self {
        Self {
            script_id,
            script_name: script_name.into(),
            version,
            answers: Vec::new(),
            position: 0,
        }
    }

    /// The question on screen; `None` once an answer has ended the script (or when the run
    /// does not fit `script`).
    pub fn current<'a>(&self, script: &'a ScriptDefinition) -> Option<&'a ScriptNode> {
        let Some(last) = self.position().checked_sub(1) else {
            return script.node(&script.start);
        };
        let next = self
            .option_of(script, self.answers.get(last)?)?
            .next
            .as_deref()?;
        script.node(next)
    }

    /// The answer given before to the question on screen, which "Próximo" would repeat.
    pub fn chosen(&self) -> Option<u32> {
        self.answers
            .get(self.position())
            .map(|answer| answer.option)
    }

    /// Answers the question on screen with its option `option` at time `at` and goes on;
    /// `false` when there is no such question or option.
    pub fn answer(&mut self, script: &ScriptDefinition, option: u32, at: i64) -> bool {
        let Some(node) = self.current(script) else {
            return false;
        };
        let Some(chosen) = usize::try_from(option)
            .ok()
            .and_then(|index| node.options.get(index))
        else {
            return false;
        };
        self.position = self.position();
        let same = self
            .answers
            .get(self.position)
            .is_some_and(|given| given.node == node.id && given.option == option);
        if !same {
            self.answers.truncate(self.position);
            self.answers.push(Answer {
                node: node.id.clone(),
                question: node.question.clone(),
                option,
                label: chosen.label.clone(),
                at,
            });
        }
        self.position += 1;
        true
    }

    /// "Anterior": back to the previous question, keeping the answers given.
    pub fn back(&mut self) {
        self.position = self.position().saturating_sub(1);
    }

    /// Whether "Anterior" has somewhere to go.
    pub fn can_go_back(&self) -> bool {
        self.position() > 0
    }

    /// Whether an answer has ended the script.
    pub fn is_finished(&self, script: &ScriptDefinition) -> bool {
        self.end(script).is_some()
    }

    /// How the script ended, and the ticket type it suggests, once it has.
    pub fn outcome(&self, script: &ScriptDefinition) -> Option<(Outcome, Option<String>)> {
        self.end(script)
            .and_then(|option| option.outcome.map(|o| (o, option.ticket_type.clone())))
    }

    /// "Rel. Script": the questions asked and the answers given, in order.
    pub fn report(&self) -> &[Answer] {
        &self.answers[..self.position()]
    }

    /// `position`, within the answers even when a stored run says otherwise.
    fn position(&self) -> usize {
        self.position.min(self.answers.len())
    }

    fn end<'a>(&self, script: &'a ScriptDefinition) -> Option<&'a ScriptOption> {
        let last = self.answers.get(self.position().checked_sub(1)?)?;
        self.option_of(script, last).filter(|option| option.ends())
    }

    fn option_of<'a>(
        &self,
        script: &'a ScriptDefinition,
        answer: &Answer,
    ) -> Option<&'a ScriptOption> {
        let index = usize::try_from(answer.option).ok()?;
        script.node(&answer.node)?.options.get(index)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::script::ScriptNode;

    /// Questions `q0`..`q{depth-1}` in a chain, each with a way on and a way out, the last
    /// with a loop back to the first too.
    fn chain(depth: usize) -> ScriptDefinition {
        let nodes = (0..depth)
            .map(|i| {
                let next = if i + 1 < depth { i + 1 } else { 0 };
                ScriptNode {
                    id: format!("q{i}"),
                    question: format!("Pergunta {i}?"),
                    options: vec![
                        ScriptOption {
                            label: "Segue".into(),
                            next: Some(format!("q{next}")),
                            ..ScriptOption::default()
                        },
                        ScriptOption {
                            label: "Resolveu".into(),
                            outcome: Some(Outcome::Resolved),
                            ..ScriptOption::default()
                        },
                        ScriptOption {
                            label: "Visita".into(),
                            outcome: Some(Outcome::WorkOrder),
                            ticket_type: Some("Visita técnica".into()),
                            ..ScriptOption::default()
                        },
                    ],
                    ..ScriptNode::default()
                }
            })
            .collect();
        ScriptDefinition {
            start: "q0".into(),
            nodes,
        }
    }

    fn run() -> ScriptRun {
        ScriptRun::new(Uuid::from_u128(1), "Teste", 3)
    }

    fn is_a_path(script: &ScriptDefinition, run: &ScriptRun) -> bool {
        let mut expected = Some(script.start.clone());
        for answer in run.report() {
            if expected.as_deref() != Some(answer.node.as_str()) {
                return false;
            }
            expected = script
                .node(&answer.node)
                .and_then(|node| node.options[answer.option as usize].next.clone());
        }
        true
    }

    #[test]
    fn next_back_and_a_different_answer() {
        let script = chain(4);
        let mut run = run();
        assert_eq!(run.current(&script).map(|n| n.id.as_str()), Some("q0"));
        assert!(run.answer(&script, 0, 10));
        assert!(run.answer(&script, 0, 20));
        assert!(run.answer(&script, 0, 30));
        assert_eq!(run.current(&script).map(|n| n.id.as_str()), Some("q3"));

        // Back two questions; the same answer keeps the answers after it.
        run.back();
        run.back();
        assert_eq!(run.chosen(), Some(0));
        assert!(run.answer(&script, 0, 99));
        assert_eq!(run.report().len(), 2);
        assert_eq!(run.report()[1].at, 20, "the answer given before is kept");
        assert_eq!(
            run.chosen(),
            Some(0),
            "the next answer waits to be confirmed"
        );

        // A different answer drops what no longer applies, and ends here.
        run.back();
        assert!(run.answer(&script, 2, 40));
        assert!(run.is_finished(&script));
        assert_eq!(run.current(&script), None);
        assert_eq!(
            run.outcome(&script),
            Some((Outcome::WorkOrder, Some("Visita técnica".into())))
        );
        let labels: Vec<_> = run.report().iter().map(|a| a.label.as_str()).collect();
        assert_eq!(labels, ["Segue", "Visita"]);
        assert!(
            !run.answer(&script, 0, 50),
            "nothing to answer after the end"
        );
        let mut fresh = ScriptRun::new(Uuid::from_u128(1), "Teste", 3);
        assert!(!fresh.answer(&script, 7, 0), "no such answer");
        assert!(fresh.report().is_empty());
    }

    #[test]
    fn a_damaged_stored_run_does_not_break() {
        let json = r#"{"script_id":"00000000-0000-0000-0000-000000000001",
            "script_name":"x","version":1,"answers":[],"position":3}"#;
        let mut run: ScriptRun = serde_json::from_str(json).expect("parses");
        assert!(run.report().is_empty());
        assert!(!run.can_go_back());
        assert!(run.answer(&chain(2), 0, 1));
        assert_eq!(run.report().len(), 1);
    }

    #[test]
    fn a_run_that_no_longer_fits_its_script_stops() {
        let mut run = run();
        run.answer(&chain(3), 0, 1);
        let other = ScriptDefinition {
            start: "x".into(),
            nodes: Vec::new(),
        };
        assert_eq!(run.current(&other), None);
        assert!(!run.is_finished(&other));
        assert!(!run.answer(&other, 0, 2));
    }

    proptest! {
        /// Any mix of answers and "Anterior" keeps the report a path from the start, and
        /// answering differently keeps everything before that question.
        #[test]
        fn the_report_is_always_a_path(
            depth in 1usize..6,
            moves in proptest::collection::vec(proptest::option::of(0u32..3), 0..40),
        ) {
            let script = chain(depth);
            let mut run = run();
            for (time, step) in moves.into_iter().enumerate() {
                match step {
                    Some(option) => {
                        let before = run.report().to_vec();
                        let changed = run.chosen().is_some_and(|given| given != option);
                        if run.answer(&script, option, time as i64) {
                            prop_assert_eq!(&run.report()[..before.len()], &before[..]);
                            if changed {
                                prop_assert_eq!(run.report().len(), before.len() + 1);
                                prop_assert_eq!(run.chosen(), None);
                            }
                        }
                    }
                    None => run.back(),
                }
                prop_assert!(is_a_path(&script, &run));
                prop_assert_eq!(run.is_finished(&script), run.current(&script).is_none());
            }
        }
    }
}
