//! "Tarefa": an internal task created from a ticket, for a user or a role, with a due date.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::date::{end_of_day, parse_date};
use crate::form::{optional_text, required_text, FieldError, FieldErrors};
use crate::ticket_type::Assignee;

/// The longest task title.
pub const MAX_TITLE_CHARS: usize = 200;
/// The longest task description.
pub const MAX_DESCRIPTION_CHARS: usize = 4000;

/// Field names of the task's messages, shared with the UI.
pub mod fields {
    pub const TITLE: &str = "tarefa-titulo";
    pub const DESCRIPTION: &str = "tarefa-descricao";
    pub const ASSIGNEE: &str = "tarefa-destino";
    pub const DUE: &str = "tarefa-prazo";
}

/// The task as the operator fills it in, kept as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TaskForm {
    pub title: String,
    pub description: String,
    /// Who does it: a user or a role.
    pub assignee: Option<Assignee>,
    /// "Prazo", dd/mm/aaaa.
    pub due: String,
}

/// A task ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTask {
    pub title: String,
    pub description: String,
    pub assignee: Assignee,
    /// The end of the due day, local time, Unix ms UTC.
    pub due_at: i64,
}

impl TaskForm {
    /// The task, or every reason it is not one, at its field. `today` is the desktop's local
    /// date and `offset_minutes` its UTC offset: a task is due at the end of its day, and
    /// not before today.
    pub fn validate(
        &self,
        today: NaiveDate,
        offset_minutes: i32,
    ) -> Result<NewTask, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let title = required_text(
            &mut errors,
            fields::TITLE,
            "o título da tarefa",
            &self.title,
            MAX_TITLE_CHARS,
        );
        let description = optional_text(
            &mut errors,
            fields::DESCRIPTION,
            &self.description,
            MAX_DESCRIPTION_CHARS,
        );
        let assignee = match &self.assignee {
            None => {
                errors.add(fields::ASSIGNEE, "Escolha para quem é a tarefa.");
                None
            }
            Some(Assignee::User { active: false, .. }) => {
                errors.add(
                    fields::ASSIGNEE,
                    "Este usuário foi removido: escolha outro usuário ou um cargo.",
                );
                None
            }
            Some(assignee) => Some(assignee.clone()),
        };
        let due = if self.due.trim().is_empty() {
            errors.add(fields::DUE, "Preencha o prazo da tarefa (dd/mm/aaaa).");
            None
        } else {
            match parse_date(&self.due) {
                Ok(date) if date < today => {
                    errors.add(fields::DUE, "O prazo não pode ser antes de hoje.");
                    None
                }
                Ok(date) => Some(date),
                Err(error) => {
                    errors.add(fields::DUE, error.to_string());
                    None
                }
            }
        };
        errors.into_result(|| ())?;
        match (title, description, assignee, due) {
            (Some(title), Some(description), Some(assignee), Some(due)) => Ok(NewTask {
                title,
                description,
                assignee,
                due_at: end_of_day(due, offset_minutes),
            }),
            _ => Err(Vec::new()),
        }
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("date")
    }

    fn filled() -> TaskForm {
        TaskForm {
            title: " Trocar ONU ".into(),
            description: "Levar ONU nova.".into(),
            assignee: Some(Assignee::Role {
                id: Uuid::from_u128(7),
                name: "Técnico".into(),
            }),
            due: "28/11/2026".into(),
        }
    }

    #[test]
    fn a_filled_task_is_due_at_the_end_of_its_day() {
        let task = filled().validate(today(), -180).expect("valid");
        assert_eq!(task.title, "Trocar ONU");
        // 28/11/2026 23:59:59.999 at UTC-3 is 29/11/2026 02:59:59.999 UTC.
        assert_eq!(task.due_at, 1_795_921_199_999);
    }

    #[test]
    fn an_empty_task_says_every_field() {
        let errors = TaskForm::default().validate(today(), 0).expect_err("empty");
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, [fields::TITLE, fields::ASSIGNEE, fields::DUE]);
    }

    #[test]
    fn a_past_or_impossible_date_and_a_removed_user_are_refused() {
        let mut form = filled();
        form.due = "27/11/2026".into();
        form.assignee = Some(Assignee::User {
            id: Uuid::from_u128(1),
            name: "Carlos".into(),
            active: false,
        });
        let errors = form.validate(today(), 0).expect_err("past");
        assert_eq!(errors[0].field, fields::ASSIGNEE);
        assert_eq!(errors[1].message, "O prazo não pode ser antes de hoje.");
        form.due = "31/02/2027".into();
        let errors = form.validate(today(), 0).expect_err("no such date");
        assert_eq!(errors[1].message, "Esta data não existe no calendário.");
    }
}
