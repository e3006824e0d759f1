//! What the ticket's page adds to a ticket after the wizard: a file with its notes, a task, a
//! work order, an e-mail. Each is checked by the rules the wizard's own step uses.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::attachment::{self, DraftAttachment};
use crate::email::{EmailContext, EmailDraft};
use crate::form::FieldError;
use crate::task::{NewTask, TaskForm};
use crate::work_order_form::{NewWorkOrder, WorkOrderForm};

/// One addition, as the page's form has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum TicketAddition {
    /// "Anexar arquivo": a file already stored (`pick_attachment`) with its notes.
    Attachment(DraftAttachment),
    /// "Nova tarefa".
    Task(TaskForm),
    /// "Pedir OS".
    WorkOrder(WorkOrderForm),
    /// "Enviar E-mail": the e-mail and what its placeholders are filled with as the page
    /// shows the ticket (the shell puts in the protocol, customer, problem and operator).
    Email {
        draft: Box<EmailDraft>,
        context: Box<EmailContext>,
    },
}

/// "Adicionar ao atendimento": which ticket, and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketAdd {
    pub ticket_id: Uuid,
    pub addition: TicketAddition,
}

/// An addition checked, ready to be written (the e-mail is filled and checked by the shell,
/// which knows the SMTP settings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckedAddition {
    Attachment(DraftAttachment),
    Task(NewTask),
    WorkOrder(NewWorkOrder),
    Email {
        draft: Box<EmailDraft>,
        context: Box<EmailContext>,
    },
}

impl TicketAddition {
    /// The addition, or every reason it is not one, at its field: the attachment's notes
    /// (at `anexo-observacoes-0`), the task's and the work order's fields as in the wizard.
    /// `today` and `offset_minutes` are the desktop's local date and UTC offset.
    pub fn validate(
        &self,
        today: NaiveDate,
        offset_minutes: i32,
    ) -> Result<CheckedAddition, Vec<FieldError>> {
        match self {
            TicketAddition::Attachment(file) => {
                let errors = attachment::check_notes(std::slice::from_ref(file));
                if !errors.is_empty() {
                    return Err(errors);
                }
                Ok(CheckedAddition::Attachment(DraftAttachment {
                    notes: file.notes.trim().to_owned(),
                    ..file.clone()
                }))
            }
            TicketAddition::Task(form) => form
                .validate(today, offset_minutes)
                .map(CheckedAddition::Task),
            TicketAddition::WorkOrder(form) => form
                .validate(today, offset_minutes)
                .map(CheckedAddition::WorkOrder),
            TicketAddition::Email { draft, context } => Ok(CheckedAddition::Email {
                draft: draft.clone(),
                context: context.clone(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::fields as task_fields;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("date")
    }

    #[test]
    fn each_addition_is_checked_by_its_wizard_rules() {
        let long = TicketAddition::Attachment(DraftAttachment {
            content_hash: "ab".repeat(32),
            file_name: "a.pdf".into(),
            size_bytes: 1,
            notes: "x".repeat(attachment::MAX_NOTES_CHARS + 1),
        });
        let errors = long.validate(today(), -180).expect_err("too long");
        assert_eq!(errors[0].field, attachment::notes_field(0));

        let empty = TicketAddition::Task(TaskForm::default());
        let errors = empty.validate(today(), -180).expect_err("empty");
        assert!(errors.iter().any(|error| error.field == task_fields::TITLE));

        let file = TicketAddition::Attachment(DraftAttachment {
            content_hash: "ab".repeat(32),
            file_name: "a.pdf".into(),
            size_bytes: 1,
            notes: "  Assinado ".into(),
        });
        let checked = file.validate(today(), -180);
        assert!(
            matches!(&checked, Ok(CheckedAddition::Attachment(file)) if file.notes == "Assinado"),
            "{checked:?}"
        );
    }
}
