//! "Atendimentos": the list of tickets, filtered; a protocol typed in its filter finds that
//! one ticket at once.
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::ticket::{TicketFilter, TicketSummary};
use crate::ticket_type::Assignee;

/// The list's filters as the operator set them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketListQuery {
    pub filter: TicketFilter,
    /// A protocol number as typed (any separators); blank for none. When given, the list is
    /// that ticket, if it matches the other filters too.
    pub protocol: String,
}

/// Whether `ticket` passes every filter of `filter` but its page (limit and cursor).
pub fn matches(filter: &TicketFilter, ticket: &TicketSummary) -> bool {
    let assigned_user = match &ticket.assignee {
        Some(Assignee::User { id, .. }) => Some(*id),
        _ => None,
    };
    let assigned_role = match &ticket.assignee {
        Some(Assignee::Role { id, .. }) => Some(*id),
        _ => None,
    };
    filter.status.is_none_or(|status| status == ticket.status)
        && filter
            .ticket_type_id
            .is_none_or(|id| ticket.ticket_type_id == Some(id))
        && filter
            .assigned_user_id
            .is_none_or(|id| assigned_user == Some(id))
        && filter
            .assigned_role_id
            .is_none_or(|id| assigned_role == Some(id))
        && filter.customer_id.is_none_or(|id| ticket.customer_id == id)
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::ticket::TicketStatus;

    fn ticket() -> TicketSummary {
        TicketSummary {
            id: Uuid::from_u128(1),
            protocol: "26112800100001".parse().expect("protocol"),
            status: TicketStatus::Open,
            customer_id: Uuid::from_u128(2),
            customer_code: "1001".into(),
            customer_name: "Ana".into(),
            ticket_type_id: Some(Uuid::from_u128(3)),
            ticket_type_name: Some("Sem conexão".into()),
            assignee: Some(Assignee::Role {
                id: Uuid::from_u128(4),
                name: "Atendente N2".into(),
            }),
            opened_at: 0,
            due_at: None,
            resolved_at: None,
        }
    }

    #[test]
    fn every_filter_given_must_match() {
        let ticket = ticket();
        let other = Some(Uuid::from_u128(99));
        assert!(matches(&TicketFilter::default(), &ticket));
        let all = TicketFilter {
            status: Some(TicketStatus::Open),
            ticket_type_id: Some(Uuid::from_u128(3)),
            assigned_role_id: Some(Uuid::from_u128(4)),
            customer_id: Some(Uuid::from_u128(2)),
            ..TicketFilter::default()
        };
        assert!(matches(&all, &ticket));
        for wrong in [
            TicketFilter {
                status: Some(TicketStatus::Resolved),
                ..all.clone()
            },
            TicketFilter {
                ticket_type_id: other,
                ..all.clone()
            },
            TicketFilter {
                assigned_role_id: other,
                ..all.clone()
            },
            TicketFilter {
                assigned_user_id: Some(Uuid::from_u128(4)),
                ..all.clone()
            },
            TicketFilter {
                customer_id: other,
                ..all.clone()
            },
        ] {
            assert!(!matches(&wrong, &ticket), "{wrong:?}");
        }
    }
}
