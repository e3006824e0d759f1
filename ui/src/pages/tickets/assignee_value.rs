//! An assignee as the value of a `<select>` option: "u:<id>" for a user, "r:<id>" for a role.
use helpdesk_api::Assignee;

/// The option value of `assignee`.
pub fn value_of(assignee: &Assignee) -> String {
    match assignee {
        Assignee::User { id, .. } => format!("u:{id}"),
        Assignee::Role { id, .. } => format!("r:{id}"),
    }
}

/// The assignee among `all` whose option value is `value`.
pub fn assignee_of(all: &[Assignee], value: &str) -> Option<Assignee> {
    all.iter()
        .find(|assignee| value_of(assignee) == value)
        .cloned()
}

#[cfg(test)]
mod tests {
    use helpdesk_api::Uuid;

    use super::*;

    #[test]
    fn users_and_roles_round_trip() {
        let all = [
            Assignee::User {
                id: Uuid::from_u128(1),
                name: "Ana".into(),
                active: true,
            },
            Assignee::Role {
                id: Uuid::from_u128(1),
                name: "N2".into(),
            },
        ];
        for assignee in &all {
            assert_eq!(
                assignee_of(&all, &value_of(assignee)).as_ref(),
                Some(assignee)
            );
        }
        assert_eq!(assignee_of(&all, ""), None);
    }
}
