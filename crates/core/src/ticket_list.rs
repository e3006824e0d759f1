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

impl TicketListQuery {
    /// The list when a protocol was typed, given the ticket `found` by it: that ticket if
    /// it passes the other filters, on the first page only (one ticket is one page: the
    /// next one, asked with a cursor, is empty).
    pub fn found_page(&self, found: Option<TicketSummary>) -> Vec<TicketSummary> {
        found
            .filter(|ticket| self.filter.before.is_none() && matches(&self.filter, ticket))
            .into_iter()
            .collect()
    }
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

    #[test]
    fn a_ticket_found_by_protocol_is_the_first_page_if_it_passes_the_filters() {
        let mut query = TicketListQuery {
            protocol: "261128-001-00001".into(),
            ..TicketListQuery::default()
        };
        assert_eq!(query.found_page(Some(ticket())), [ticket()]);
        assert_eq!(query.found_page(None), []);
        query.filter.status = Some(TicketStatus::Closed);
        assert_eq!(query.found_page(Some(ticket())), []);
        query.filter.status = None;
        query.filter.before = Some(crate::ticket::TicketCursor {
            opened_at: 0,
            id: Uuid::from_u128(1),
        });
        assert_eq!(
            query.found_page(Some(ticket())),
            [],
            "the next page is empty"
        );
    }
}
