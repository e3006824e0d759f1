//! The assignee read back from a row that joins `users` and `roles` (a ticket, a task, a
//! ticket type): a user wins over a role, as writes never set both.
use helpdesk_core::ticket_type::Assignee;
use uuid::Uuid;

/// The assignee's columns of a row, `#[sqlx(flatten)]`ed into it: the query names them
/// `user_id`, `user_name`, `user_active`, `role_id` and `role_name`.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct AssigneeColumns {
    /// The user's id, name and whether they are still active (all `None` when the row has
    /// no user); a missing name reads as empty and a missing flag as removed.
    user_id: Option<Uuid>,
    user_name: Option<String>,
    user_active: Option<bool>,
    role_id: Option<Uuid>,
    role_name: Option<String>,
}

impl AssigneeColumns {
    /// The assignee of the row, or `None` when it has neither a user nor a role.
    pub(crate) fn assignee(self) -> Option<Assignee> {
        match (self.user_id, self.role_id) {
            (Some(id), _) => Some(Assignee::User {
                id,
                name: self.user_name.unwrap_or_default(),
                active: self.user_active.unwrap_or(false),
            }),
            (None, Some(id)) => Some(Assignee::Role {
                id,
                name: self.role_name.unwrap_or_default(),
            }),
            (None, None) => None,
        }
    }
}
