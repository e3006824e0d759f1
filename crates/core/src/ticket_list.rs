//! "Atendimentos": the list of tickets, filtered; a protocol typed in its filter finds that
//! one ticket at once.
use serde::{Deserialize, Serialize};
use specta::Type;

use chrono::NaiveDate;

use crate::date::{parse_date, start_of_day};
use crate::form::{FieldError, FieldErrors};
use crate::sla_state::SlaState;
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

/// "Período": the days typed (dd/mm/aaaa; blank leaves that end open) as the instants
/// `[from, until)` of the desktop's local days, `offset_on` giving each day's offset from
/// UTC; or why not, at the fields `periodo_inicio` and `periodo_fim`.
pub fn period(
    start: &str,
    end: &str,
    offset_on: impl Fn(NaiveDate) -> i32,
) -> Result<(Option<i64>, Option<i64>), Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let mut day = |field: &str, typed: &str| {
        if typed.trim().is_empty() {
            return None;
        }
        parse_date(typed)
            .map_err(|error| errors.add(field, error.to_string()))
            .ok()
    };
    let (first, last) = (day(PERIOD_START, start), day(PERIOD_END, end));
    if let (Some(first), Some(last)) = (first, last) {
        if last < first {
            errors.add(PERIOD_END, "O fim do período vem antes do início.");
        }
    }
    errors.into_result(|| {
        (
            first.map(|first| start_of_day(first, offset_on(first))),
            last.and_then(|last| {
                let next = last.succ_opt()?;
                Some(start_of_day(next, offset_on(next)))
            }),
        )
    })
}

/// The fields of [`period`].
pub const PERIOD_START: &str = "periodo_inicio";
pub const PERIOD_END: &str = "periodo_fim";

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
        && filter.origin.is_none_or(|origin| ticket.origin == origin)
        && filter.opened_by.is_none_or(|id| ticket.opened_by == id)
        && filter
            .opened_from
            .is_none_or(|from| ticket.opened_at >= from)
        && filter
            .opened_until
            .is_none_or(|until| ticket.opened_at < until)
        && filter.sla.is_none_or(|state| {
            SlaState::of(ticket.due_at, ticket.resolved_at, filter.now) == Some(state)
        })
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
            origin: crate::wizard::Origin::Phone,
            opened_by: Uuid::from_u128(5),
            opened_at: 0,
            due_at: None,
            resolved_at: None,
        }
    }

    #[test]
    fn a_period_is_whole_local_days() {
        let brasilia = |_| -180;
        assert_eq!(period("", "", brasilia), Ok((None, None)));
        // 01/12/2026 00:00 in Brasília is 03:00 UTC.
        let (from, until) = period("01/12/2026", "01/12/2026", brasilia).expect("period");
        assert_eq!(from, Some(1_796_094_000_000));
        assert_eq!(until, from.map(|from| from + 86_400_000));
        let fields = |result: Result<_, Vec<FieldError>>| -> Vec<String> {
            result
                .expect_err("refused")
                .into_iter()
                .map(|e| e.field)
                .collect()
        };
        assert_eq!(fields(period("31/02/2026", "", brasilia)), [PERIOD_START]);
        assert_eq!(
            fields(period("02/12/2026", "01/12/2026", brasilia)),
            [PERIOD_END]
        );
        assert_eq!(
            fields(period("x", "y", brasilia)),
            [PERIOD_START, PERIOD_END]
        );
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
            origin: Some(crate::wizard::Origin::Phone),
            opened_by: Some(Uuid::from_u128(5)),
            opened_from: Some(0),
            opened_until: Some(1),
            ..TicketFilter::default()
        };
        assert!(matches(&all, &ticket));
        let overdue = TicketSummary {
            due_at: Some(10),
            ..ticket.clone()
        };
        let judged_at = |now: i64, state: SlaState| TicketFilter {
            sla: Some(state),
            now,
            ..all.clone()
        };
        assert!(matches(&judged_at(10, SlaState::Overdue), &overdue));
        assert!(!matches(&judged_at(9, SlaState::Overdue), &overdue));
        assert!(matches(&judged_at(9, SlaState::DueSoon), &overdue));
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
            TicketFilter {
                origin: Some(crate::wizard::Origin::Chat),
                ..all.clone()
            },
            TicketFilter {
                opened_by: other,
                ..all.clone()
            },
            TicketFilter {
                opened_from: Some(1),
                ..all.clone()
            },
            TicketFilter {
                opened_until: Some(0),
                ..all.clone()
            },
            TicketFilter {
                sla: Some(SlaState::OnTime),
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
