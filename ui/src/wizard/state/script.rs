//! "Script" in the wizard's reducer: the scripts to choose from, the published version being
//! run, and the run itself (kept in the draft). Ending the script moves on to its report, so
//! "Encerrar Script" is the wizard's own action ([`super::WizardAction::EndScript`]). No DOM
//! and no IPC.
use std::rc::Rc;

use helpdesk_api::{CommandError, PublishedScript, ScriptSummary, ScriptVersionRef};
use helpdesk_core::script::ScriptRun;
use helpdesk_core::wizard::{fields, ScriptProgress, WizardDraft};

use super::context::StepContext;
use crate::fetched::Fetched;

/// What the operator (or the shell's answer) does on "Script".
#[derive(Debug, Clone, PartialEq)]
pub enum ScriptAction {
    ListStarted,
    ListFinished(Result<Vec<ScriptSummary>, CommandError>),
    LoadStarted(ScriptVersionRef),
    /// A script's version loaded; `start` runs it from its first question.
    LoadFinished {
        version: ScriptVersionRef,
        result: Box<Result<PublishedScript, CommandError>>,
        start: bool,
    },
    /// "Próximo" or "Anterior" in the script.
    RunChanged(ScriptRun),
    /// "Pular script".
    Skip,
    /// Back to choosing a script ("Trocar script", "Executar um script").
    ChooseAnother,
}

/// What "Script" shows besides the draft's run.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScriptState {
    /// The scripts to choose from.
    pub scripts: Fetched<(), Vec<ScriptSummary>>,
    /// The published version of the script being run.
    pub published: Fetched<ScriptVersionRef, PublishedScript>,
}

impl ScriptState {
    pub(super) fn apply(&mut self, action: ScriptAction, wizard: &mut StepContext) {
        match action {
            ScriptAction::ListStarted => self.scripts.start(()),
            ScriptAction::ListFinished(result) => {
                self.scripts.finish(&(), result);
            }
            ScriptAction::LoadStarted(version) => self.published.start(version),
            ScriptAction::LoadFinished {
                version,
                result,
                start,
            } => {
                if self.published.finish(&version, *result) && start {
                    if let Some(script) = self.published.value.clone() {
                        let run = ScriptRun::new(script.id, script.name.clone(), script.version);
                        wizard.edit(|draft| draft.set_script(ScriptProgress::Running(run)));
                        wizard.clear(fields::SCRIPT);
                    }
                }
            }
            ScriptAction::RunChanged(run) => {
                wizard.edit(|draft| draft.set_script(ScriptProgress::Running(run)));
            }
            ScriptAction::Skip => {
                wizard.edit(|draft| draft.set_script(ScriptProgress::Skipped));
                wizard.clear(fields::SCRIPT);
            }
            ScriptAction::ChooseAnother => {
                wizard.edit(|draft| draft.set_script(ScriptProgress::NotStarted));
            }
        }
    }

    /// The script's definition, if the one loaded is the version `progress` runs.
    pub fn definition(&self, progress: &ScriptProgress) -> Option<Rc<PublishedScript>> {
        let run = match progress {
            ScriptProgress::Running(run) | ScriptProgress::Ended(run) => run,
            _ => return None,
        };
        self.published
            .value
            .clone()
            .filter(|script| script.id == run.script_id && script.version == run.version)
    }
}

/// What the ticket is about so far (the message's subject and the problem), to suggest the
/// scripts whose keywords match it.
pub fn topic(draft: &WizardDraft) -> String {
    format!(
        "{} {}",
        draft
            .message
            .as_ref()
            .map_or("", |message| message.subject.as_str()),
        draft.problem
    )
}

#[cfg(test)]
mod tests {
    use helpdesk_api::Uuid;
    use helpdesk_core::wizard::Step;

    use super::*;
    use crate::wizard::state::fixtures::{at_script, fields_of, run};
    use crate::wizard::state::WizardAction;

    fn published() -> PublishedScript {
        use helpdesk_core::script::{Outcome, ScriptDefinition, ScriptNode, ScriptOption};
        PublishedScript {
            id: Uuid::from_u128(70),
            name: "Sem conexão".into(),
            keywords: "internet".into(),
            version: 2,
            published_at: 0,
            definition: ScriptDefinition {
                start: "luzes".into(),
                nodes: vec![ScriptNode {
                    id: "luzes".into(),
                    question: "Como estão as luzes?".into(),
                    options: vec![ScriptOption {
                        label: "Normais".into(),
                        outcome: Some(Outcome::Resolved),
                        ..ScriptOption::default()
                    }],
                    ..ScriptNode::default()
                }],
            },
        }
    }

    #[test]
    fn a_script_is_loaded_run_ended_and_reported() {
        let state = run(at_script(), [WizardAction::Advance]);
        assert_eq!(state.current(), Step::Script);
        assert_eq!(fields_of(&state.advance_errors), [fields::SCRIPT]);

        let version = ScriptVersionRef {
            script_id: Uuid::from_u128(70),
            version: None,
        };
        let state = run(
            state,
            [
                ScriptAction::LoadStarted(version).into(),
                ScriptAction::LoadFinished {
                    version,
                    result: Box::new(Ok(published())),
                    start: true,
                }
                .into(),
            ],
        );
        assert!(state.advance_errors.is_empty());
        let ScriptProgress::Running(script_run) = &state.draft.script else {
            unreachable!("the script runs: {:?}", state.draft.script);
        };
        assert_eq!(script_run.version, 2);
        assert!(state.script_definition().is_some());

        let mut answered = script_run.clone();
        assert!(answered.answer(&published().definition, 0, 5));
        let state = run(
            state,
            [
                ScriptAction::RunChanged(answered).into(),
                WizardAction::EndScript,
            ],
        );
        assert_eq!(
            state.current(),
            Step::ScriptReport,
            "ending shows the report"
        );
        let ScriptProgress::Ended(ended) = &state.draft.script else {
            unreachable!("the script ended: {:?}", state.draft.script);
        };
        assert_eq!(ended.report().len(), 1);

        let state = run(
            state,
            [
                WizardAction::GoTo(Step::Script),
                ScriptAction::Skip.into(),
                WizardAction::Advance,
            ],
        );
        assert_eq!(state.current(), Step::FirstContact);
        assert!(!state.draft.visited().contains(&Step::ScriptReport));
    }

    #[test]
    fn the_topic_is_the_messages_subject_and_the_problem() {
        let mut draft = WizardDraft::default();
        draft.problem = "Sem internet".into();
        assert_eq!(topic(&draft), " Sem internet", "no message chosen");
    }
}
