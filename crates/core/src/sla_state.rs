//! Where a ticket stands against its SLA: the one definition the lists, the queue, the
//! filters (in SQL, through [`SlaState::due_bounds`]) and the reports share.
use serde::{Deserialize, Serialize};
use specta::Type;

/// How long before its due time an open ticket is "due soon": two hours.
pub const DUE_SOON_MS: i64 = 2 * 60 * 60 * 1000;

/// A ticket's state against its due time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub enum SlaState {
    /// Open, due later than [`DUE_SOON_MS`] from now.
    OnTime,
    /// Open, due within [`DUE_SOON_MS`].
    DueSoon,
    /// Open, past its due time.
    Overdue,
    /// Resolved (or closed) by its due time.
    Met,
    /// Resolved (or closed) after its due time.
    Missed,
}

impl SlaState {
    /// Every state, in the order the filters offer them.
    pub const ALL: [SlaState; 5] = [
        SlaState::Overdue,
        SlaState::DueSoon,
        SlaState::OnTime,
        SlaState::Met,
        SlaState::Missed,
    ];

    /// The state of a ticket due at `due_at` and resolved at `resolved_at` (both Unix ms),
    /// at `now`; `None` when it has no due time.
    pub fn of(due_at: Option<i64>, resolved_at: Option<i64>, now: i64) -> Option<SlaState> {
        let due = due_at?;
        Some(match resolved_at {
            Some(resolved) if resolved <= due => SlaState::Met,
            Some(_) => SlaState::Missed,
            None if now >= due => SlaState::Overdue,
            None if due - now <= DUE_SOON_MS => SlaState::DueSoon,
            None => SlaState::OnTime,
        })
    }

    /// The pt-BR label ("Atrasado", "Vence em breve", ...).
    pub fn label(self) -> &'static str {
        match self {
            SlaState::OnTime => "No prazo",
            SlaState::DueSoon => "Vence em breve",
            SlaState::Overdue => "Atrasado",
            SlaState::Met => "Prazo cumprido",
            SlaState::Missed => "Prazo perdido",
        }
    }

    /// For an open state, the range of due times `[from, to)` that has it at `now` (`None`
    /// for no bound): what a query on the open tickets' `due_at` asks. `None` for
    /// [`SlaState::Met`] and [`SlaState::Missed`], which compare `resolved_at` with `due_at`.
    pub fn due_bounds(self, now: i64) -> Option<(Option<i64>, Option<i64>)> {
        let soon = now.saturating_add(DUE_SOON_MS);
        match self {
            SlaState::Overdue => Some((None, Some(now.saturating_add(1)))),
            SlaState::DueSoon => Some((Some(now.saturating_add(1)), Some(soon.saturating_add(1)))),
            SlaState::OnTime => Some((Some(soon.saturating_add(1)), None)),
            SlaState::Met | SlaState::Missed => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000_000;

    #[test]
    fn open_tickets_by_their_due_time() {
        assert_eq!(SlaState::of(None, None, NOW), None);
        assert_eq!(SlaState::of(Some(NOW), None, NOW), Some(SlaState::Overdue));
        assert_eq!(
            SlaState::of(Some(NOW - 1), None, NOW),
            Some(SlaState::Overdue)
        );
        assert_eq!(
            SlaState::of(Some(NOW + 1), None, NOW),
            Some(SlaState::DueSoon)
        );
        assert_eq!(
            SlaState::of(Some(NOW + DUE_SOON_MS), None, NOW),
            Some(SlaState::DueSoon)
        );
        assert_eq!(
            SlaState::of(Some(NOW + DUE_SOON_MS + 1), None, NOW),
            Some(SlaState::OnTime)
        );
    }

    #[test]
    fn resolved_tickets_met_or_missed_whatever_now_is() {
        assert_eq!(SlaState::of(Some(NOW), Some(NOW), 0), Some(SlaState::Met));
        assert_eq!(
            SlaState::of(Some(NOW), Some(NOW + 1), 0),
            Some(SlaState::Missed)
        );
    }

    #[test]
    fn due_bounds_agree_with_of() {
        for due in [
            NOW - 5,
            NOW,
            NOW + 1,
            NOW + DUE_SOON_MS,
            NOW + DUE_SOON_MS + 1,
        ] {
            let state = SlaState::of(Some(due), None, NOW).expect("a due time");
            for candidate in [SlaState::Overdue, SlaState::DueSoon, SlaState::OnTime] {
                let (from, to) = candidate.due_bounds(NOW).expect("open");
                let inside = from.is_none_or(|f| due >= f) && to.is_none_or(|t| due < t);
                assert_eq!(inside, candidate == state, "{due} {candidate:?}");
            }
        }
        assert_eq!(SlaState::Met.due_bounds(NOW), None);
    }
}
