//! "Anexo" in the wizard's reducer: the files picked join the draft once each, with the
//! operator's "Observações". No DOM and no IPC.
use helpdesk_api::{CommandError, DraftAttachment};
use helpdesk_core::attachment;

use super::context::StepContext;

/// What the operator (or the shell's answer) does on "Anexo".
#[derive(Debug, Clone, PartialEq)]
pub enum AttachmentAction {
    /// "Pesquisar ou Criar": the file picker opened.
    PickStarted,
    /// The picked file stored, the picker closed (`None`), or why the file was refused.
    PickFinished(Result<Option<DraftAttachment>, CommandError>),
    /// "Observações" of the attachment at this place.
    EditNotes(usize, String),
    Remove(usize),
}

/// What "Anexo" shows besides the draft's files.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AttachmentState {
    /// Why the last file could not be attached.
    pub error: Option<CommandError>,
}

impl AttachmentState {
    pub(super) fn apply(&mut self, action: AttachmentAction, wizard: &mut StepContext) {
        match action {
            AttachmentAction::PickStarted => {
                wizard.set_attaching(true);
                self.error = None;
            }
            AttachmentAction::PickFinished(result) => {
                wizard.set_attaching(false);
                match result {
                    Ok(Some(file)) => self.attach(file, wizard),
                    Ok(None) => {}
                    Err(error) => self.error = Some(error),
                }
            }
            AttachmentAction::EditNotes(index, text) => {
                if index < wizard.draft().attachments.len() {
                    wizard.edit(|draft| draft.attachments[index].notes = text);
                    wizard.clear(&attachment::notes_field(index));
                }
            }
            AttachmentAction::Remove(index) => {
                if index < wizard.draft().attachments.len() {
                    wizard.edit(|draft| {
                        draft.attachments.remove(index);
                    });
                    // Places after it moved: what was said at them no longer fits.
                    wizard.errors_mut().retain(|error| {
                        !error
                            .field
                            .as_deref()
                            .is_some_and(|f| f.starts_with("anexo"))
                    });
                    self.error = None;
                }
            }
        }
    }

    /// A stored file joins the attachments, unless the same content is attached already.
    fn attach(&mut self, file: DraftAttachment, wizard: &mut StepContext) {
        let same = wizard
            .draft()
            .attachments
            .iter()
            .find(|attached| attached.content_hash == file.content_hash);
        if let Some(same) = same {
            self.error = Some(CommandError::at_field(
                attachment::FIELD,
                format!("Este arquivo já está anexado, como \"{}\".", same.file_name),
            ));
        } else {
            wizard.edit(|draft| draft.attachments.push(file));
        }
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_core::wizard::Step;

    use super::*;
    use crate::wizard::state::fixtures::{at_first_contact, file, run};
    use crate::wizard::state::WizardAction;

    fn picked(file: Option<DraftAttachment>) -> WizardAction {
        AttachmentAction::PickFinished(Ok(file)).into()
    }

    #[test]
    fn files_are_attached_once_with_their_notes_and_removed() {
        let state = run(
            at_first_contact(),
            [
                WizardAction::OpenStep(Step::Attachment),
                AttachmentAction::PickStarted.into(),
            ],
        );
        assert_eq!(state.current(), Step::Attachment);
        assert!(state.attaching);
        let state = run(
            state,
            [
                picked(Some(file('a', "foto.jpg"))),
                AttachmentAction::PickStarted.into(),
                picked(Some(file('a', "copia.jpg"))),
            ],
        );
        assert_eq!(state.draft.attachments.len(), 1);
        assert!(state
            .attachment
            .error
            .as_ref()
            .is_some_and(|error| error.message.contains("\"foto.jpg\"")));
        let refused = CommandError::at_field(attachment::FIELD, "O arquivo tem 30,0 MB");
        let state = run(
            state,
            [
                AttachmentAction::PickStarted.into(),
                AttachmentAction::PickFinished(Err(refused.clone())).into(),
            ],
        );
        assert_eq!(state.attachment.error, Some(refused), "said at the field");
        assert!(!state.attaching);
        let state = run(
            state,
            [
                AttachmentAction::PickStarted.into(),
                picked(None),
                AttachmentAction::PickStarted.into(),
                picked(Some(file('b', "laudo.pdf"))),
                AttachmentAction::EditNotes(1, "Laudo".into()).into(),
                AttachmentAction::EditNotes(7, "nowhere".into()).into(),
                AttachmentAction::Remove(0).into(),
                WizardAction::Back,
            ],
        );
        assert_eq!(
            state.draft.attachments,
            [DraftAttachment {
                notes: "Laudo".into(),
                ..file('b', "laudo.pdf")
            }]
        );
        assert_eq!(state.current(), Step::FirstContact);
    }
}
