//! A ticket's history (`ticket_events`), append-only: the one module that writes it. Every
//! entry is appended on the caller's connection, inside the transaction that makes the
//! change it tells of (the ticket's save, a task done, an e-mail sent ...).
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use uuid::Uuid;

use crate::{new_id, Result, Store};

/// Entries per INSERT statement of [`insert_many_in`]: full chunks share one prepared
/// statement.
const ROWS_PER_INSERT: usize = 500;

/// An entry to append to a ticket's history.
#[derive(Debug, Clone, Copy)]
pub struct NewEvent<'a> {
    pub ticket_id: Uuid,
    /// What happened ("opened", "task_done", "email_sent" ...).
    pub kind: &'a str,
    /// Its details; their shape depends on `kind`.
    pub payload: &'a serde_json::Value,
    /// Who did it.
    pub user_id: Uuid,
    /// When (Unix ms).
    pub at: i64,
}

/// A history entry as stored, for loading many at once ([`insert_many_in`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow<'a> {
    pub id: Uuid,
    pub ticket_id: Uuid,
    pub kind: &'a str,
    /// The details, as JSON text.
    pub payload: String,
    pub user_id: Uuid,
    pub at: i64,
    /// Its change stamp.
    pub changed_at: i64,
}

/// Appends `event` on `conn` (the caller's transaction) with a new id and change stamp, so
/// entries appended one after another keep that order in [`crate::tickets::history`].
pub async fn append(
    conn: &mut SqliteConnection,
    store: &Store,
    event: &NewEvent<'_>,
) -> Result<()> {
    let row = EventRow {
        id: new_id(),
        ticket_id: event.ticket_id,
        kind: event.kind,
        payload: event.payload.to_string(),
        user_id: event.user_id,
        at: event.at,
        changed_at: store.stamp(),
    };
    insert_many_in(conn, std::slice::from_ref(&row)).await
}

/// Writes `rows` as they are (ids and stamps included) on `conn`, the caller's transaction,
/// [`ROWS_PER_INSERT`] a statement: bulk loading (the benchmarks' data sets).
pub async fn insert_many_in(conn: &mut SqliteConnection, rows: &[EventRow<'_>]) -> Result<()> {
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        let mut query = QueryBuilder::<Sqlite>::new(
            "INSERT INTO ticket_events (id, ticket_id, kind, payload, user_id, at, changed_at) ",
        );
        query.push_values(chunk, |mut row, event| {
            row.push_bind(event.id)
                .push_bind(event.ticket_id)
                .push_bind(event.kind)
                .push_bind(&event.payload)
                .push_bind(event.user_id)
                .push_bind(event.at)
                .push_bind(event.changed_at);
        });
        query.build().execute(&mut *conn).await?;
    }
    Ok(())
}
