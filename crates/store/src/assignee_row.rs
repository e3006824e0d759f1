//! The assignee read back from a row that joins `users` and `roles` (a ticket, a task, a
//! ticket type): a user wins over a role, as writes never set both.
use helpdesk_core::ticket_type::Assignee;
use uuid::Uuid;

/// A user's id, name and whether they are still active (all `None` when the row has no
/// user); a missing name reads as empty and a missing flag as removed.
pub(crate) type UserColumns = (Option<Uuid>, Option<String>, Option<bool>);
/// A role's id and name.
pub(crate) type RoleColumns = (Option<Uuid>, Option<String>);

/// The assignee of the row, or `None` when it has neither a user nor a role.
pub(crate) fn assignee(
    (user_id, user_name, user_active): UserColumns,
    (role_id, role_name): RoleColumns,
) -> Option<Assignee> {
    match (user_id, role_id) {
        (Some(id), _) => Some(Assignee::User {
            id,
            name: user_name.unwrap_or_default(),
            active: user_active.unwrap_or(false),
        }),
        (None, Some(id)) => Some(Assignee::Role {
            id,
            name: role_name.unwrap_or_default(),
        }),
        (None, None) => None,
    }
}
