//! A visit's change of status ("Em execução", "Concluída", "Cancelada"...): checked by the
//! core against the visit and the status as stored, written with its history entry and,
//! when asked, the ticket resolved, all in one transaction.
use helpdesk_core::form::FieldError;
use helpdesk_core::ticket::TicketStatus;
use helpdesk_core::ticket_update::TicketAction;
use helpdesk_core::work_order_life::{fields, StatusForm, StatusTarget, VisitLife};
use helpdesk_core::work_order_list::WorkOrderLine;
use serde_json::json;
use sqlx::SqliteConnection;
use uuid::Uuid;

use super::list::line_in;
use super::{stage_of, undecodable};
use crate::ticket_events::{self, NewEvent};
use crate::ticket_updates::{self, UpdateOutcome};
use crate::{Result, Store};

/// What became of a change of status.
#[derive(Debug, Clone, PartialEq)]
pub enum StatusOutcome {
    /// Written: the work order as it is now.
    Saved(Box<WorkOrderLine>),
    /// Someone else changed the visit since the operator saw it: the work order as it is
    /// now, not changed.
    Changed(Box<WorkOrderLine>),
    /// Refused by a rule, each reason at its field; nothing written.
    Refused(Vec<FieldError>),
    /// No such work order (or a deleted one).
    NotFound,
}

/// The work order `id` as the list shows it, unless it does not exist or was deleted.
pub async fn line(store: &Store, id: Uuid) -> Result<Option<WorkOrderLine>> {
    let mut conn = store.pool().acquire().await?;
    line_in(&mut conn, id).await
}

/// Changes the status of the visit `form.work_order_id` as [`StatusForm::check`] allows
/// (times typed at `offset_minutes` from UTC), done by `user_id` at `now` (Unix ms), in one
/// `BEGIN IMMEDIATE` transaction: checked against the visit (with its `changed_at`) and the
/// status as stored; then the work order's row, a `work_order_status` entry in its ticket's
/// history (status names, actual times, outcome, report) and, with "Resolver o
/// atendimento", the ticket resolved by [`ticket_updates::apply_in`]'s rules; all or
/// nothing.
pub async fn change_status(
    store: &Store,
    form: &StatusForm,
    offset_minutes: i32,
    user_id: Uuid,
    now: i64,
) -> Result<StatusOutcome> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let Some(current) = line_in(&mut tx, form.work_order_id).await? else {
        return Ok(StatusOutcome::NotFound);
    };
    if current.visit.changed_at != form.changed_at {
        return Ok(StatusOutcome::Changed(Box::new(current)));
    }
    let life = VisitLife {
        status_id: current.visit.status_id,
        status_name: current.visit.status_name.clone(),
        stage: current.visit.stage,
        started_at: current.started_at,
    };
    let target = match form.status_id {
        Some(id) => status_target(&mut tx, id).await?,
        None => None,
    };
    let change = match form.check(&life, target.as_ref(), now, offset_minutes) {
        Ok(change) => change,
        Err(errors) => return Ok(StatusOutcome::Refused(errors)),
    };
    sqlx::query(
        "UPDATE work_orders SET status_id = ?2, started_at = ?3, finished_at = ?4, report = ?5,
                                outcome = ?6, changed_at = ?7
         WHERE id = ?1",
    )
    .bind(current.visit.id)
    .bind(change.status_id)
    .bind(change.started_at)
    .bind(change.finished_at)
    .bind(&change.report)
    .bind(change.outcome.map(|outcome| outcome.code()))
    .bind(store.stamp())
    .execute(&mut *tx)
    .await?;
    let payload = json!({
        "work_order": current.visit.id.to_string(),
        "from": life.status_name,
        "to": target.as_ref().map(|target| target.name.as_str()).unwrap_or_default(),
        "stage": change.stage.code(),
        "started_at": change.started_at,
        "finished_at": change.finished_at,
        "outcome": change.outcome.map(|outcome| outcome.label()),
        "report": change.report,
    });
    let event = NewEvent {
        ticket_id: current.visit.ticket_id,
        kind: "work_order_status",
        payload: &payload,
        user_id,
        at: now,
    };
    ticket_events::append(&mut tx, store, &event).await?;
    if change.resolve_ticket {
        let resolve = TicketAction::ChangeStatus {
            status: TicketStatus::Resolved,
        };
        let ticket_id = current.visit.ticket_id;
        match ticket_updates::apply_in(&mut tx, store, ticket_id, &resolve, user_id, now).await? {
            UpdateOutcome::Done(_) => {}
            UpdateOutcome::Refused(refusal) => {
                return Ok(StatusOutcome::Refused(vec![FieldError::new(
                    fields::RESOLVE,
                    refusal.message,
                )]))
            }
            UpdateOutcome::NotFound => {
                return Ok(StatusOutcome::Refused(vec![FieldError::new(
                    fields::RESOLVE,
                    "O atendimento desta visita não existe mais.",
                )]))
            }
        }
    }
    let saved = line_in(&mut tx, current.visit.id).await?.ok_or_else(|| {
        undecodable(format!(
            "work order {} vanished while its status changed",
            current.visit.id
        ))
    })?;
    tx.commit().await?;
    Ok(StatusOutcome::Saved(Box::new(saved)))
}

/// The status `id` as stored (active or not), unless it does not exist or was deleted.
async fn status_target(conn: &mut SqliteConnection, id: Uuid) -> Result<Option<StatusTarget>> {
    let row = sqlx::query_as::<_, (String, String, bool)>(
        "SELECT name, stage, active = 1 FROM work_order_statuses WHERE id = ?1 AND deleted = 0",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(name, stage, active)| StatusTarget {
        id,
        name,
        stage: stage_of(&stage),
        active,
    }))
}
