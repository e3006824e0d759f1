//! The open tickets of one group of the operator's queue ([`helpdesk_core::queue`]): the
//! first ones, soonest due first, and the group's counts.
//!
//! Each group walks its partial index of open tickets (`migrations/20261208000050_queue.sql`:
//! `tickets_open_user`, `tickets_open_role`, `tickets_open_unassigned`, each ordered by
//! `due_at`), so the entries cost their number and each count at most
//! [`helpdesk_core::queue::COUNT_CAP`] index entries, whatever the number of tickets. The
//! open status is written into the SQL as the literal the indexes name: SQLite uses a
//! partial index only when the query repeats its condition, which a bound value does not.
use helpdesk_core::queue::{QueueClock, QueueCount, COUNT_CAP, QUEUE_ENTRIES};
use helpdesk_core::ticket::TicketSummary;
use sqlx::{QueryBuilder, Sqlite};
use uuid::Uuid;

use super::queries::{SummaryRow, SUMMARY_COLUMNS, SUMMARY_JOINS};
use crate::{Result, Store};

/// Whose open tickets a group holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destined {
    /// Destined to this user.
    User(Uuid),
    /// Destined to this role.
    Role(Uuid),
    /// Destined to no one.
    NoOne,
}

impl Destined {
    /// The partial index of the group's open tickets.
    fn index(self) -> &'static str {
        match self {
            Destined::User(_) => "tickets_open_user",
            Destined::Role(_) => "tickets_open_role",
            Destined::NoOne => "tickets_open_unassigned",
        }
    }

    /// `FROM tickets t` through the group's index: without statistics SQLite may prefer
    /// `tickets_status` for the tickets with no due time.
    fn from(self, rest: &str) -> String {
        format!(" FROM tickets t INDEXED BY {}{rest}", self.index())
    }
}

/// The condition of open tickets (the partial indexes' own), then the group's.
fn push_group<'a>(query: &mut QueryBuilder<'a, Sqlite>, destined: Destined) {
    query.push(" WHERE t.status = 'Aberto' AND t.deleted = 0 AND ");
    match destined {
        Destined::User(id) => {
            query.push("t.assigned_user_id = ").push_bind(id);
        }
        Destined::Role(id) => {
            query.push("t.assigned_role_id = ").push_bind(id);
        }
        Destined::NoOne => {
            query.push("t.assigned_user_id IS NULL AND t.assigned_role_id IS NULL");
        }
    }
}

/// The group's first [`QUEUE_ENTRIES`] tickets: those with a due time, soonest first, then
/// those without one (in the order they were written). Two ordered walks of the group's index under one limit.
pub async fn queue_tickets(store: &Store, destined: Destined) -> Result<Vec<TicketSummary>> {
    let rows = entries_query("", destined)
        .build_query_as::<SummaryRow>()
        .fetch_all(store.pool())
        .await?;
    rows.into_iter().map(SummaryRow::into_summary).collect()
}

fn entries_query<'a>(prefix: &str, destined: Destined) -> QueryBuilder<'a, Sqlite> {
    let mut query = QueryBuilder::<Sqlite>::new(prefix);
    query.push("SELECT * FROM (SELECT * FROM (");
    query
        .push(SUMMARY_COLUMNS)
        .push(destined.from(SUMMARY_JOINS));
    push_group(&mut query, destined);
    query.push(" AND t.due_at IS NOT NULL ORDER BY t.due_at LIMIT ");
    query.push_bind(QUEUE_ENTRIES);
    query.push(") UNION ALL SELECT * FROM (");
    query
        .push(SUMMARY_COLUMNS)
        .push(destined.from(SUMMARY_JOINS));
    push_group(&mut query, destined);
    query.push(" AND t.due_at IS NULL LIMIT ");
    query.push_bind(QUEUE_ENTRIES);
    query.push(")) LIMIT ").push_bind(QUEUE_ENTRIES);
    query
}

/// The group's counts, each capped at [`COUNT_CAP`]: all its tickets, the overdue ones and
/// those due later today.
pub async fn queue_count(
    store: &Store,
    destined: Destined,
    clock: QueueClock,
) -> Result<QueueCount> {
    let (total, overdue, due_today) = count_query("", destined, clock)
        .build_query_as::<(i64, i64, i64)>()
        .fetch_one(store.pool())
        .await?;
    let count = |value: i64| u32::try_from(value).unwrap_or(COUNT_CAP);
    Ok(QueueCount {
        total: count(total),
        overdue: count(overdue),
        due_today: count(due_today),
    })
}

fn count_query<'a>(
    prefix: &str,
    destined: Destined,
    clock: QueueClock,
) -> QueryBuilder<'a, Sqlite> {
    let mut query = QueryBuilder::<Sqlite>::new(prefix);
    let capped = |query: &mut QueryBuilder<'a, Sqlite>, range: Option<(Option<i64>, i64)>| {
        query
            .push("(SELECT count(*) FROM (SELECT 1")
            .push(destined.from(""));
        push_group(query, destined);
        if let Some((from, to)) = range {
            match from {
                Some(from) => query.push(" AND t.due_at >= ").push_bind(from),
                None => query.push(" AND t.due_at IS NOT NULL"),
            };
            query.push(" AND t.due_at < ").push_bind(to);
        }
        query.push(" LIMIT ").push_bind(COUNT_CAP).push("))");
    };
    query.push("SELECT ");
    capped(&mut query, None);
    query.push(", ");
    capped(&mut query, Some((None, clock.now)));
    query.push(", ");
    capped(&mut query, Some((Some(clock.now), clock.day_end)));
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every group's entries and counts walk its partial index, never the tickets.
    #[tokio::test]
    async fn each_group_walks_its_partial_index() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("plans.db"))
            .await
            .expect("open");
        let clock = QueueClock {
            now: 10,
            day_end: 20,
        };
        let id = Uuid::from_u128(7);
        for (destined, index) in [
            (Destined::User(id), "tickets_open_user"),
            (Destined::Role(id), "tickets_open_role"),
            (Destined::NoOne, "tickets_open_unassigned"),
        ] {
            for plan in [
                crate::query_plan(&store, entries_query("EXPLAIN QUERY PLAN ", destined)).await,
                crate::query_plan(&store, count_query("EXPLAIN QUERY PLAN ", destined, clock))
                    .await,
            ] {
                let walks: Vec<_> = plan
                    .iter()
                    .filter(|step| step.contains(" t USING") || step.starts_with("SCAN t"))
                    .collect();
                assert!(!walks.is_empty(), "{destined:?}: {plan:?}");
                assert!(
                    walks.iter().all(|step| step.contains(index)),
                    "{destined:?}: {plan:?}"
                );
                assert!(
                    plan.iter().all(|step| !step.contains("TEMP B-TREE")),
                    "{destined:?}: {plan:?}"
                );
            }
        }
    }
}
