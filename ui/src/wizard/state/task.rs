//! "Tarefa" in the wizard's reducer: the internal task created with the ticket, kept in the
//! draft as typed. No DOM and no IPC.
use helpdesk_api::{Assignee, CommandError};
use helpdesk_core::task::fields;
use helpdesk_core::wizard::Step;

use super::context::StepContext;
use crate::fetched::Fetched;

/// One change to the "Tarefa" form.
#[derive(Debug, Clone, PartialEq)]
pub enum TaskEdit {
    Title(String),
    Description(String),
    /// One of the assignees listed, by its place in the list.
    Assignee(usize),
    Due(String),
}

/// What the operator (or the shell's answer) does on "Tarefa".
#[derive(Debug, Clone, PartialEq)]
pub enum TaskAction {
    AssigneesStarted,
    AssigneesFinished(Result<Vec<Assignee>, CommandError>),
    Edit(TaskEdit),
    /// "Remover tarefa": no task is created; back to "Prim. Contato".
    Remove,
}

/// What "Tarefa" shows besides the draft's form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TaskState {
    /// Who a task can be given to.
    pub assignees: Fetched<(), Vec<Assignee>>,
}

impl TaskState {
    pub(super) fn apply(&mut self, action: TaskAction, wizard: &mut StepContext) {
        match action {
            TaskAction::AssigneesStarted => self.assignees.start(()),
            TaskAction::AssigneesFinished(result) => {
                self.assignees.finish(&(), result);
            }
            TaskAction::Edit(edit) => self.edit(edit, wizard),
            TaskAction::Remove => {
                wizard.edit(|draft| {
                    draft.task = None;
                    draft.back();
                });
                wizard.clear_step(Step::Task);
            }
        }
    }

    fn edit(&self, edit: TaskEdit, wizard: &mut StepContext) {
        let assignee = match &edit {
            TaskEdit::Assignee(index) => match self.assignees.row(*index) {
                Some(assignee) => Some(assignee.clone()),
                None => return,
            },
            _ => None,
        };
        let field = match edit {
            TaskEdit::Title(_) => fields::TITLE,
            TaskEdit::Description(_) => fields::DESCRIPTION,
            TaskEdit::Assignee(_) => fields::ASSIGNEE,
            TaskEdit::Due(_) => fields::DUE,
        };
        wizard.edit(|draft| {
            let task = draft.task.get_or_insert_with(Default::default);
            match edit {
                TaskEdit::Title(text) => task.title = text,
                TaskEdit::Description(text) => task.description = text,
                TaskEdit::Assignee(_) => task.assignee = assignee,
                TaskEdit::Due(text) => task.due = text,
            }
        });
        wizard.clear(field);
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_api::Uuid;
    use helpdesk_core::task::TaskForm;

    use super::*;
    use crate::wizard::state::first_contact::FirstContactAction;
    use crate::wizard::state::fixtures::{at_first_contact, run};
    use crate::wizard::state::WizardAction;

    fn edit(edit: TaskEdit) -> WizardAction {
        TaskAction::Edit(edit).into()
    }

    #[test]
    fn a_task_is_filled_in_checked_on_its_step_and_removable() {
        let role = Assignee::Role {
            id: Uuid::from_u128(40),
            name: "Técnico".into(),
        };
        let state = run(
            at_first_contact(),
            [
                FirstContactAction::Describe("Reiniciou a ONU.".into()).into(),
                WizardAction::OpenStep(Step::Task),
                TaskAction::AssigneesStarted.into(),
                TaskAction::AssigneesFinished(Ok(vec![role.clone()])).into(),
                edit(TaskEdit::Title("Retornar".into())),
                edit(TaskEdit::Assignee(3)),
                edit(TaskEdit::Assignee(0)),
                edit(TaskEdit::Due("31/02/2026".into())),
                WizardAction::GoTo(Step::FirstContact),
            ],
        );
        let task = state.draft.task.clone().expect("a task");
        assert_eq!(task.title, "Retornar");
        assert_eq!(task.assignee, Some(role));

        // Saving refused because of the task: the wizard goes to the task, errors in place.
        let due = CommandError::at_field(fields::DUE, "Esta data não existe no calendário.");
        let state = run(state, [WizardAction::SaveRejected(vec![due.clone()])]);
        assert_eq!(state.current(), Step::Task);
        assert_eq!(state.advance_errors, [due]);
        let state = run(state, [edit(TaskEdit::Due("30/11/2026".into()))]);
        assert!(state.advance_errors.is_empty(), "the field was edited");

        let state = run(state, [TaskAction::Remove.into()]);
        assert_eq!(state.draft.task, None);
        assert_eq!(state.current(), Step::FirstContact);
        let state = run(state, [WizardAction::OpenStep(Step::Task)]);
        assert_eq!(
            state.draft.task,
            Some(TaskForm::default()),
            "opened anew, empty"
        );
    }
}
