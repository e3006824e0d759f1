//! What a step's reducer may change besides its own state: the draft (every change raises
//! its revision, so it is saved), the messages shown at the fields, and whether the system's
//! file picker is open (one picker serves the whole wizard).
use helpdesk_api::CommandError;
use helpdesk_core::wizard::{fields, Step, WizardDraft};

/// The wizard's shared ground, lent to one step's reducer for one action.
pub struct StepContext<'a> {
    draft: &'a mut WizardDraft,
    errors: &'a mut Vec<CommandError>,
    attaching: &'a mut bool,
}

impl<'a> StepContext<'a> {
    pub(crate) fn new(
        draft: &'a mut WizardDraft,
        errors: &'a mut Vec<CommandError>,
        attaching: &'a mut bool,
    ) -> Self {
        Self {
            draft,
            errors,
            attaching,
        }
    }

    /// The draft as it is.
    pub fn draft(&self) -> &WizardDraft {
        self.draft
    }

    /// Changes the draft and marks it for saving.
    pub fn edit(&mut self, change: impl FnOnce(&mut WizardDraft)) {
        change(self.draft);
        self.draft.revision += 1;
    }

    /// What "Avançar" or the save said at the fields.
    pub fn errors_mut(&mut self) -> &mut Vec<CommandError> {
        self.errors
    }

    /// Drops what was said about `field`: it no longer applies to what is now in it.
    pub fn clear(&mut self, field: &str) {
        clear_field(self.errors, field);
    }

    /// Drops what was said at the fields of `step`.
    pub fn clear_step(&mut self, step: Step) {
        self.errors
            .retain(|error| error.field.as_deref().and_then(fields::step_of) != Some(step));
    }

    /// Whether the file picker is open, or the picked file being stored.
    pub fn set_attaching(&mut self, attaching: bool) {
        *self.attaching = attaching;
    }
}

/// Drops what was said about `field` from `errors`.
pub fn clear_field(errors: &mut Vec<CommandError>, field: &str) {
    errors.retain(|error| error.field.as_deref() != Some(field));
}

#[cfg(test)]
mod tests {
    use helpdesk_core::task;

    use super::*;
    use crate::wizard::state::fixtures::fields_of;

    #[test]
    fn edits_raise_the_revision_and_messages_go_by_field_or_by_step() {
        let mut draft = WizardDraft::default();
        let mut errors = vec![
            CommandError::at_field(fields::PLAN, "Escolha o plano."),
            CommandError::at_field(task::fields::TITLE, "Preencha o título."),
            CommandError::at_field(task::fields::DUE, "Preencha o prazo."),
            CommandError::internal(),
        ];
        let mut attaching = false;
        let mut wizard = StepContext::new(&mut draft, &mut errors, &mut attaching);
        wizard.edit(|draft| draft.problem = "Sem internet".into());
        wizard.clear(fields::PLAN);
        wizard.clear_step(Step::Task);
        wizard.set_attaching(true);
        assert_eq!(wizard.draft().revision, 1);
        assert!(
            fields_of(&errors).is_empty(),
            "only the unplaced one is left"
        );
        assert_eq!(errors, [CommandError::internal()]);
        assert!(attaching);
        assert_eq!(draft.problem, "Sem internet");
    }
}
