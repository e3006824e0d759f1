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
    pub(super) fn new(
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
