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
        let Some(last) = self.position.checked_sub(1) else {
            return script.node(&script.start);
        };
        let next = self.option_of(script, self.answers.get(last)?)?.next.as_deref()?;
        script.node(next)
    }

    /// The answer given before to the question on screen, which "Próximo" would repeat.
    pub fn chosen(&self) -> Option<u32> {
        self.answers.get(self.position).map(|answer| answer.option)
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
        self.position = self.position.saturating_sub(1);
    }

    /// Whether "Anterior" has somewhere to go.
    pub fn can_go_back(&self) -> bool {
        self.position > 0
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
        &self.answers[..self.position]
    }

    fn end<'a>(&self, script: &'a ScriptDefinition) -> Option<&'a ScriptOption> {
        let last = self.answers.get(self.position.checked_sub(1)?)?;
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
