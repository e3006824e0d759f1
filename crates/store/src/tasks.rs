//! Tasks: created with their ticket, an operator's list ("Minhas Tarefas": given to them or
//! to their role), a ticket's tasks, and marking a task done ("Concluir").
//!
//! A list walks `tasks_assignee_user` and `tasks_assignee_role` (both start with the
//! assignee, then `done_at`), a ticket's tasks `tasks_ticket`.
use helpdesk_core::protocol::Protocol;
use helpdesk_core::task::NewTask;
use helpdesk_core::task_list::{check_completion, CompletionError, TaskSummary};
use serde_json::json;
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::assignee_row::AssigneeColumns;
use crate::ticket_events::{self, NewEvent};
use crate::{new_id, Result, Store, StoreError};

/// The columns of a [`TaskSummary`], from `tasks k` and its joins.
const SUMMARY: &str = "SELECT k.id, k.ticket_id, t.protocol, c.name AS customer_name, k.title,
        k.description, k.assignee_user_id AS user_id, u.name AS user_name,
        u.active = 1 AND u.deleted = 0 AS user_active, k.assignee_role_id AS role_id,
        r.name AS role_name, k.due_at, k.done_at, b.name AS created_by_name
     FROM tasks k
     LEFT JOIN tickets t ON t.id = k.ticket_id
     LEFT JOIN customers c ON c.id = t.customer_id
     LEFT JOIN users u ON u.id = k.assignee_user_id
     LEFT JOIN roles r ON r.id = k.assignee_role_id
     LEFT JOIN users b ON b.id = k.created_by";

/// One row of [`SUMMARY`].
#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: Uuid,
    ticket_id: Option<Uuid>,
    protocol: Option<String>,
    customer_name: Option<String>,
    title: String,
    description: String,
    #[sqlx(flatten)]
    assignee: AssigneeColumns,
    due_at: Option<i64>,
    done_at: Option<i64>,
    created_by_name: Option<String>,
}

/// Whose tasks: given to the user `?1` or to the user's role.
const MINE: &str = " WHERE k.deleted = 0
       AND (k.assignee_user_id = ?1
            OR k.assignee_role_id = (SELECT role_id FROM users WHERE id = ?1))";

/// The open tasks of [`MINE`], by due date (undated last).
const OPEN: &str = " AND k.done_at IS NULL ORDER BY k.due_at IS NULL, k.due_at, k.id";
/// The done tasks of [`MINE`], latest first, at most `?2`.
const DONE: &str = " AND k.done_at IS NOT NULL ORDER BY k.done_at DESC, k.id DESC LIMIT ?2";

/// "Minhas Tarefas" of the user `user_id`: every open task given to them or to their role,
/// by due date (undated last), then the `done_shown` they did (or their role did) last,
/// latest first. Deleted tasks are left out.
pub async fn for_user(store: &Store, user_id: Uuid, done_shown: u32) -> Result<Vec<TaskSummary>> {
    let open = format!("{SUMMARY}{MINE}{OPEN}");
    let done = format!("{SUMMARY}{MINE}{DONE}");
    let mut rows = sqlx::query_as::<_, SummaryRow>(&open)
        .bind(user_id)
        .fetch_all(store.pool())
        .await?;
    rows.extend(
        sqlx::query_as::<_, SummaryRow>(&done)
            .bind(user_id)
            .bind(done_shown)
            .fetch_all(store.pool())
            .await?,
    );
    rows.into_iter().map(SummaryRow::into_summary).collect()
}

/// The tasks of the ticket `ticket_id`: open ones by due date, then the done ones.
pub async fn of_ticket(store: &Store, ticket_id: Uuid) -> Result<Vec<TaskSummary>> {
    let sql = format!(
        "{SUMMARY} WHERE k.ticket_id = ?1 AND k.deleted = 0
         ORDER BY k.done_at IS NOT NULL, k.due_at IS NULL, k.due_at, k.done_at, k.id"
    );
    let rows = sqlx::query_as::<_, SummaryRow>(&sql)
        .bind(ticket_id)
        .fetch_all(store.pool())
        .await?;
    rows.into_iter().map(SummaryRow::into_summary).collect()
}

/// Creates `task` for the ticket `ticket_id`, by `created_by`, on `conn` (the caller's
/// transaction: the ticket's save).
pub async fn insert_in(
    conn: &mut SqliteConnection,
    store: &Store,
    ticket_id: Uuid,
    task: &NewTask,
    created_by: Uuid,
) -> Result<()> {
    let (assignee_user, assignee_role) = task.assignee.ids();
    sqlx::query(
        "INSERT INTO tasks (id, ticket_id, title, description, assignee_user_id,
                            assignee_role_id, due_at, created_by, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )
    .bind(new_id())
    .bind(ticket_id)
    .bind(&task.title)
    .bind(&task.description)
    .bind(assignee_user)
    .bind(assignee_role)
    .bind(task.due_at)
    .bind(created_by)
    .bind(store.stamp())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// What became of "Concluir".
#[derive(Debug, Clone, PartialEq)]
pub enum CompleteOutcome {
    /// Marked done: the task as it is now.
    Done(Box<TaskSummary>),
    /// Refused by the rules ([`check_completion`]); nothing written.
    Refused(CompletionError),
    /// No such task (or a deleted one).
    NotFound,
}

/// Marks the task `task_id` done by the user `user_id` at `now` (Unix ms), if it is theirs
/// (given to them or to their role) and open, and writes "task_done" into its ticket's
/// history, all in one transaction.
pub async fn complete(
    store: &Store,
    task_id: Uuid,
    user_id: Uuid,
    now: i64,
) -> Result<CompleteOutcome> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let task = sqlx::query_as::<_, (Option<Uuid>, String, bool, bool)>(
        "SELECT k.ticket_id, k.title, k.done_at IS NOT NULL,
                k.assignee_user_id = ?2
                OR k.assignee_role_id = (SELECT role_id FROM users WHERE id = ?2)
         FROM tasks k WHERE k.id = ?1 AND k.deleted = 0",
    )
    .bind(task_id)
    .bind(user_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((ticket_id, title, done, mine)) = task else {
        return Ok(CompleteOutcome::NotFound);
    };
    if let Err(refusal) = check_completion(mine, done) {
        return Ok(CompleteOutcome::Refused(refusal));
    }
    sqlx::query("UPDATE tasks SET done_at = ?2, changed_at = ?3 WHERE id = ?1")
        .bind(task_id)
        .bind(now)
        .bind(store.stamp())
        .execute(&mut *tx)
        .await?;
    if let Some(ticket_id) = ticket_id {
        let event = NewEvent {
            ticket_id,
            kind: "task_done",
            payload: &json!({ "title": title }),
            user_id,
            at: now,
        };
        ticket_events::append(&mut tx, store, &event).await?;
    }
    let sql = format!("{SUMMARY} WHERE k.id = ?1");
    let row = sqlx::query_as::<_, SummaryRow>(&sql)
        .bind(task_id)
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(CompleteOutcome::Done(Box::new(row.into_summary()?)))
}

impl SummaryRow {
    fn into_summary(self) -> Result<TaskSummary> {
        let id = self.id;
        let protocol = self
            .protocol
            .map(|digits| {
                digits.parse::<Protocol>().map_err(|error| {
                    StoreError::from(sqlx::Error::Decode(
                        format!("task {id}: protocol {digits:?}: {error}").into(),
                    ))
                })
            })
            .transpose()?;
        Ok(TaskSummary {
            id,
            ticket_id: self.ticket_id,
            protocol,
            customer_name: self.customer_name,
            title: self.title,
            description: self.description,
            assignee: self.assignee.assignee(),
            due_at: self.due_at,
            done_at: self.done_at,
            created_by_name: self.created_by_name.unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both halves of "Minhas Tarefas" read the tasks through the assignee indexes (one per
    /// side of the OR), never by scanning every task.
    #[tokio::test]
    async fn a_task_list_walks_the_assignee_indexes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("plans.db"))
            .await
            .expect("open");
        for tail in [OPEN, DONE] {
            // Unbound parameters plan as NULLs.
            let query = format!("EXPLAIN QUERY PLAN {SUMMARY}{MINE}{tail}");
            let plan = crate::query_plan(&store, sqlx::QueryBuilder::new(query)).await;
            assert!(
                plan.iter()
                    .any(|step| step.starts_with("SEARCH k USING INDEX tasks_assignee_user"))
                    && plan
                        .iter()
                        .any(|step| step.starts_with("SEARCH k USING INDEX tasks_assignee_role")),
                "{plan:?}"
            );
            assert!(
                !plan.iter().any(|step| step.starts_with("SCAN k")),
                "{plan:?}"
            );
        }
    }
}
