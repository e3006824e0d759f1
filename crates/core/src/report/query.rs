//! What the operator asks a report for: its period, as typed local dates, and its filters.
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use super::kind::{FilterKind, ReportKind};
use crate::date::{format_date, parse_date, start_of_day};
use crate::form::{FieldError, FieldErrors};
use crate::wizard::Origin;

/// The longest period a report covers, in days (a leap year).
pub const MAX_PERIOD_DAYS: u64 = 366;

/// The form's field names (the UI's `data-field`).
pub mod fields {
    /// The period's first day.
    pub const FROM: &str = "de";
    /// The period's last day.
    pub const TO: &str = "ate";
}

/// The filters of a report; each report uses those of [`ReportKind::filters`] and ignores
/// the others.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ReportFilters {
    pub origin: Option<Origin>,
    pub ticket_type_id: Option<Uuid>,
    /// Who opened the ticket, or was given the protocol.
    pub operator_id: Option<Uuid>,
    pub assigned_user_id: Option<Uuid>,
    pub assigned_role_id: Option<Uuid>,
    pub technician_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
}

impl ReportFilters {
    /// Only the filters `kind` takes.
    pub fn for_kind(&self, kind: ReportKind) -> ReportFilters {
        let takes = |filter| kind.filters().contains(&filter);
        ReportFilters {
            origin: self.origin.filter(|_| takes(FilterKind::Origin)),
            ticket_type_id: self
                .ticket_type_id
                .filter(|_| takes(FilterKind::TicketType)),
            operator_id: self.operator_id.filter(|_| takes(FilterKind::Operator)),
            assigned_user_id: self
                .assigned_user_id
                .filter(|_| takes(FilterKind::AssignedUser)),
            assigned_role_id: self
                .assigned_role_id
                .filter(|_| takes(FilterKind::AssignedRole)),
            technician_id: self.technician_id.filter(|_| takes(FilterKind::Technician)),
            team_id: self.team_id.filter(|_| takes(FilterKind::Team)),
        }
    }
}

/// A report as asked: the kind, the period's first and last day as typed ("dd/mm/aaaa",
/// both included), and the filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ReportRequest {
    pub kind: ReportKind,
    pub from: String,
    pub to: String,
    pub filters: ReportFilters,
}

/// A checked period: local days `from..=to`, and the instants `[start, end)` they span at
/// the desktop's UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportPeriod {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The first instant of `from`, Unix ms.
    pub start: i64,
    /// The first instant after `to`, Unix ms.
    pub end: i64,
    /// The UTC offset the days are taken at, minutes east.
    pub offset_minutes: i32,
}

impl ReportPeriod {
    /// "01/12/2026 a 31/12/2026".
    pub fn text(&self) -> String {
        format!("{} a {}", format_date(self.from), format_date(self.to))
    }

    /// Every day of the period, in order.
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.from.iter_days().take_while(|day| *day <= self.to)
    }
}

impl ReportRequest {
    /// The period checked, at the UTC offset `offset_minutes` (minutes east): both dates
    /// real, the last not before the first, at most [`MAX_PERIOD_DAYS`] days. Each message
    /// is at its field.
    pub fn period(&self, offset_minutes: i32) -> Result<ReportPeriod, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let from = parse_date(&self.from)
            .map_err(|error| errors.add(fields::FROM, error.to_string()))
            .ok();
        let to = parse_date(&self.to)
            .map_err(|error| errors.add(fields::TO, error.to_string()))
            .ok();
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                errors.add(
                    fields::TO,
                    "A data final deve ser igual ou posterior à inicial.",
                );
            } else if from.checked_add_days(Days::new(MAX_PERIOD_DAYS)) <= Some(to) {
                errors.add(
                    fields::TO,
                    format!("O período pode ter no máximo {MAX_PERIOD_DAYS} dias."),
                );
            }
        }
        errors.into_result(|| {
            let (from, to) = (from.unwrap_or_default(), to.unwrap_or_default());
            let next = to.succ_opt().unwrap_or(to);
            ReportPeriod {
                from,
                to,
                start: start_of_day(from, offset_minutes),
                end: start_of_day(next, offset_minutes),
                offset_minutes,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(from: &str, to: &str) -> ReportRequest {
        ReportRequest {
            kind: ReportKind::TicketsByOrigin,
            from: from.into(),
            to: to.into(),
            filters: ReportFilters::default(),
        }
    }

    #[test]
    fn a_month_in_brasilia_time() {
        let period = request("01/12/2026", "31/12/2026")
            .period(-180)
            .expect("valid");
        // 2026-12-01T03:00Z and 2027-01-01T03:00Z.
        assert_eq!(period.start, 1_796_094_000_000);
        assert_eq!(period.end, 1_798_772_400_000);
        assert_eq!(period.days().count(), 31);
        assert_eq!(period.text(), "01/12/2026 a 31/12/2026");
    }

    #[test]
    fn bad_periods_are_refused_at_their_field() {
        let at = |from, to| {
            request(from, to)
                .period(0)
                .expect_err("refused")
                .into_iter()
                .map(|error| (error.field, error.message))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            at("1/13/2026", "x"),
            [
                ("de".into(), "Esta data não existe no calendário.".into()),
                ("ate".into(), "Use o formato dd/mm/aaaa.".into())
            ]
        );
        assert_eq!(
            at("02/12/2026", "01/12/2026"),
            [(
                "ate".into(),
                "A data final deve ser igual ou posterior à inicial.".into()
            )]
        );
        assert_eq!(
            at("01/01/2025", "02/01/2026"),
            [(
                "ate".into(),
                "O período pode ter no máximo 366 dias.".into()
            )]
        );
        assert!(request("01/01/2024", "31/12/2024").period(0).is_ok());
        assert!(request("01/01/2025", "01/01/2026").period(0).is_ok());
        assert!(request("05/03/2026", "05/03/2026").period(0).is_ok());
    }

    #[test]
    fn filters_a_report_does_not_take_are_dropped() {
        let filters = ReportFilters {
            origin: Some(Origin::Phone),
            technician_id: Some(Uuid::nil()),
            operator_id: Some(Uuid::nil()),
            ..ReportFilters::default()
        };
        let kept = filters.for_kind(ReportKind::ProtocolsPerDay);
        assert_eq!(kept.origin, None);
        assert_eq!(kept.technician_id, None);
        assert_eq!(kept.operator_id, Some(Uuid::nil()));
    }
}
