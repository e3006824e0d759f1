//! "Tipo de Atendimento": pre-registered ticket types, each possibly destined to a user or a
//! role, with the hours its tickets have to be solved in.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// Who a ticket of a type goes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum Assignee {
    /// A user, by id and name; `active` is false once the user was removed or deactivated.
    User {
        id: Uuid,
        name: String,
        active: bool,
    },
    /// A role ("Cargo"), by id and name.
    Role { id: Uuid, name: String },
}

impl Assignee {
    /// The (user id, role id) pair the tables store, one of them set.
    pub fn ids(&self) -> (Option<Uuid>, Option<Uuid>) {
        match self {
            Assignee::User { id, .. } => (Some(*id), None),
            Assignee::Role { id, .. } => (None, Some(*id)),
        }
    }

    /// [`Assignee::ids`] of an optional assignee: both `None` for nobody.
    pub fn ids_of(assignee: Option<&Assignee>) -> (Option<Uuid>, Option<Uuid>) {
        assignee.map_or((None, None), Assignee::ids)
    }

    /// How the operator reads it, e.g. "Carlos Lima (usuário)".
    pub fn describe(&self) -> String {
        match self {
            Assignee::User {
                name, active: true, ..
            } => format!("{name} (usuário)"),
            Assignee::User {
                name,
                active: false,
                ..
            } => {
                format!("{name} (usuário removido: escolha outro tipo ou avise o administrador)")
            }
            Assignee::Role { name, .. } => format!("{name} (cargo)"),
        }
    }
}

/// A ticket type as "Prim. Contato" offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketType {
    pub id: Uuid,
    pub name: String,
    /// Who its tickets go to; `None` leaves them with the operator's queue.
    pub assignee: Option<Assignee>,
    /// Hours a ticket of this type has to be solved in.
    pub sla_hours: u32,
    /// The SLA counts calendar hours ("Prazo em horas corridas"), not the provider's
    /// business hours (see [`crate::business_hours`]).
    #[serde(default)]
    pub sla_calendar: bool,
}

impl TicketType {
    /// Whether a ticket can be given this type: not when it goes to a removed user.
    pub fn is_assignable(&self) -> bool {
        !matches!(self.assignee, Some(Assignee::User { active: false, .. }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(assignee: Option<Assignee>) -> TicketType {
        TicketType {
            id: Uuid::from_u128(1),
            name: "Sem conexão".into(),
            assignee,
            sla_hours: 24,
            sla_calendar: false,
        }
    }

    #[test]
    fn assignees() {
        let role = Assignee::Role {
            id: Uuid::from_u128(2),
            name: "Suporte N2".into(),
        };
        assert_eq!(role.describe(), "Suporte N2 (cargo)");
        let removed = Assignee::User {
            id: Uuid::from_u128(3),
            name: "Carlos".into(),
            active: false,
        };
        assert!(removed.describe().contains("usuário removido"));
        assert!(!kind(Some(removed)).is_assignable());
        assert!(kind(Some(role)).is_assignable());
    }
}
