//! "Minhas Tarefas": the tasks an operator has to do, given to them or to their role,
//! usually from a ticket's "Tarefa" step.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::protocol::Protocol;
use crate::ticket_type::Assignee;

/// How many done tasks "Minhas Tarefas" shows after the open ones (the latest done).
pub const DONE_TASKS_SHOWN: u32 = 20;

/// Why a task cannot be marked done ("Concluir").
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CompletionError {
    /// Given to another user or to a role the operator does not have.
    #[error("Esta tarefa não é sua nem do seu cargo.")]
    NotYours,
    #[error("Esta tarefa já foi concluída.")]
    AlreadyDone,
}

/// Whether a task can be marked done by an operator: it must be theirs (`mine`: given to
/// them or to their role) and still open.
pub fn check_completion(mine: bool, done: bool) -> Result<(), CompletionError> {
    if !mine {
        Err(CompletionError::NotYours)
    } else if done {
        Err(CompletionError::AlreadyDone)
    } else {
        Ok(())
    }
}

/// A task as the lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TaskSummary {
    pub id: Uuid,
    /// The ticket it belongs to, if any, with its protocol and customer.
    pub ticket_id: Option<Uuid>,
    pub protocol: Option<Protocol>,
    pub customer_name: Option<String>,
    pub title: String,
    pub description: String,
    /// Who has to do it: a user or a role.
    pub assignee: Option<Assignee>,
    /// When it is due, Unix ms UTC.
    #[specta(type = Option<f64>)]
    pub due_at: Option<i64>,
    /// When it was done, Unix ms UTC; `None` while open.
    #[specta(type = Option<f64>)]
    pub done_at: Option<i64>,
    /// Who created it.
    pub created_by_name: String,
}

impl TaskSummary {
    /// Whether it is open past its due time at `now` (Unix ms).
    pub fn is_overdue(&self, now: i64) -> bool {
        self.done_at.is_none() && self.due_at.is_some_and(|due| due < now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_operators_open_tasks_can_be_done() {
        assert_eq!(check_completion(true, false), Ok(()));
        assert_eq!(
            check_completion(false, false),
            Err(CompletionError::NotYours)
        );
        assert_eq!(
            check_completion(true, true),
            Err(CompletionError::AlreadyDone)
        );
        assert_eq!(
            CompletionError::AlreadyDone.to_string(),
            "Esta tarefa já foi concluída."
        );
    }

    #[test]
    fn only_open_tasks_past_their_due_time_are_overdue() {
        let mut task = TaskSummary {
            id: Uuid::from_u128(1),
            ticket_id: None,
            protocol: None,
            customer_name: None,
            title: "Ligar para o cliente".into(),
            description: String::new(),
            assignee: None,
            due_at: Some(100),
            done_at: None,
            created_by_name: "Ana".into(),
        };
        assert!(task.is_overdue(101));
        assert!(!task.is_overdue(100));
        task.done_at = Some(150);
        assert!(!task.is_overdue(200));
        task.done_at = None;
        task.due_at = None;
        assert!(!task.is_overdue(i64::MAX));
    }
}
