//! The operator's queue, the home screen: what waits for the signed-in operator. New
//! online-support messages, and the open tickets destined to the operator, to the
//! operator's role and to no one, each group soonest due first (so the overdue ones, then
//! those due today, lead), with its counts.
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::support::SupportMessage;
use crate::ticket::TicketSummary;

/// How many entries each group shows; the counts say how many there are in all.
pub const QUEUE_ENTRIES: u32 = 25;
/// Counts stop here: the UI shows "999+" beyond it, and no count walks more index entries.
pub const COUNT_CAP: u32 = 1_000;
/// New messages are those of the last this many days: an older message nobody took is no
/// longer waiting at the desk ("Localizar Reg." still finds it).
pub const NEW_MESSAGE_DAYS: i64 = 7;

/// A group of the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub enum QueueGroup {
    /// Online-support messages nobody took and no ticket answers.
    NewMessages,
    /// Open tickets destined to the operator.
    Mine,
    /// Open tickets destined to the operator's role.
    MyRole,
    /// Open tickets destined to no one.
    Unassigned,
}

impl QueueGroup {
    /// Every group, in the order the queue shows them.
    pub const ALL: [QueueGroup; 4] = [
        QueueGroup::NewMessages,
        QueueGroup::Mine,
        QueueGroup::MyRole,
        QueueGroup::Unassigned,
    ];

    /// The pt-BR heading.
    pub fn label(self) -> &'static str {
        match self {
            QueueGroup::NewMessages => "Mensagens novas",
            QueueGroup::Mine => "Para mim",
            QueueGroup::MyRole => "Para meu cargo",
            QueueGroup::Unassigned => "Sem responsável",
        }
    }

    /// A stable id for the page's elements (`fila-<id>`).
    pub fn id(self) -> &'static str {
        match self {
            QueueGroup::NewMessages => "mensagens",
            QueueGroup::Mine => "meus",
            QueueGroup::MyRole => "cargo",
            QueueGroup::Unassigned => "sem-responsavel",
        }
    }
}

/// How many entries a group has, each at most [`COUNT_CAP`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct QueueCount {
    pub total: u32,
    /// Of them, past their due time (tickets only).
    pub overdue: u32,
    /// Of them, due before the end of the operator's day and not yet overdue.
    pub due_today: u32,
}

impl QueueCount {
    /// A count as the page shows it: "999+" once capped.
    pub fn shown(count: u32) -> String {
        if count >= COUNT_CAP {
            format!("{}+", COUNT_CAP - 1)
        } else {
            count.to_string()
        }
    }
}

/// One group's counts and first entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketGroup {
    pub group: QueueGroup,
    pub count: QueueCount,
    /// At most [`QUEUE_ENTRIES`], soonest due first (tickets with no due time last).
    pub tickets: Vec<TicketSummary>,
}

/// What the home screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Queue {
    /// The new messages' count (`overdue` and `due_today` are 0).
    pub messages_count: QueueCount,
    /// At most [`QUEUE_ENTRIES`], oldest first: the longest waiting leads.
    pub messages: Vec<SupportMessage>,
    /// "Para mim", "Para meu cargo", "Sem responsável", in that order.
    pub ticket_groups: Vec<TicketGroup>,
}

impl Queue {
    /// Whether nothing waits at all.
    pub fn is_empty(&self) -> bool {
        self.messages_count.total == 0
            && self
                .ticket_groups
                .iter()
                .all(|group| group.count.total == 0)
    }
}

/// The moments that split the queue's counts, given `now` and the end of the operator's
/// local day (both Unix ms): overdue before `now`, due today before `day_end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct QueueClock {
    #[specta(type = f64)]
    pub now: i64,
    #[specta(type = f64)]
    pub day_end: i64,
}

impl QueueClock {
    /// The clock at `now` for a desktop `offset_minutes` east of UTC: the day ends at the
    /// next local midnight.
    pub fn at(now: i64, offset_minutes: i32) -> Self {
        const DAY: i64 = 86_400_000;
        let offset = i64::from(offset_minutes) * 60_000;
        let local = now + offset;
        let day_end = local - local.rem_euclid(DAY) + DAY - offset;
        Self { now, day_end }
    }

    /// Since when messages count as new.
    pub fn messages_since(&self) -> i64 {
        self.now - NEW_MESSAGE_DAYS * 86_400_000
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_ends_at_the_next_local_midnight() {
        // 2026-12-05 02:30 UTC is 23:30 on the 4th in Brasília (UTC−03:00).
        let now = 1_796_437_800_000;
        let clock = QueueClock::at(now, -180);
        assert_eq!(clock.day_end - now, 30 * 60_000);
        // In UTC the day ends 21:30 later.
        assert_eq!(
            QueueClock::at(now, 0).day_end - now,
            21 * 3_600_000 + 30 * 60_000
        );
        // Exactly at midnight, the day has just begun.
        let midnight = clock.day_end;
        assert_eq!(
            QueueClock::at(midnight, -180).day_end - midnight,
            86_400_000
        );
    }

    #[test]
    fn counts_are_capped_as_shown() {
        assert_eq!(QueueCount::shown(0), "0");
        assert_eq!(QueueCount::shown(999), "999");
        assert_eq!(QueueCount::shown(COUNT_CAP), "999+");
    }
}
