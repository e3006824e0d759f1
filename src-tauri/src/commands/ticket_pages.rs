//! Tickets after the wizard: the list of tickets, the ticket page (its details and actions)
//! and "Minhas Tarefas".
use helpdesk_api::{
    CommandError, ErrorCode, Protocol, TaskSummary, TicketDetails, TicketListQuery, TicketState,
    TicketSummary, TicketUpdate, Uuid,
};
use helpdesk_core::task_list::DONE_TASKS_SHOWN;
use helpdesk_core::ticket_list::matches;
use helpdesk_store::tasks::{self, CompleteOutcome};
use helpdesk_store::ticket_updates::{self, UpdateOutcome};
use helpdesk_store::{now_millis, ticket_details, tickets};
use tauri::State;

use crate::error::{first_error, internal};
use crate::AppState;

/// `helpdesk_api::ListTickets`: a protocol typed is one lookup in its unique index (and the
/// other filters are checked on that ticket); otherwise a page of the filtered list.
#[tauri::command]
#[specta::specta]
pub async fn list_tickets(
    request: TicketListQuery,
    state: State<'_, AppState>,
) -> Result<Vec<TicketSummary>, CommandError> {
    state.require_operator()?;
    if request.protocol.trim().is_empty() {
        return tickets::list(&state.store, &request.filter)
            .await
            .map_err(internal);
    }
    let protocol: Protocol = request.protocol.parse()?;
    let found = tickets::find_by_protocol(&state.store, &protocol)
        .await
        .map_err(internal)?;
    // One ticket is one page: the next page (a cursor) is empty.
    Ok(found
        .filter(|ticket| request.filter.before.is_none() && matches(&request.filter, ticket))
        .into_iter()
        .collect())
}

/// `helpdesk_api::LoadTicketDetails`.
#[tauri::command]
#[specta::specta]
pub async fn load_ticket_details(
    request: Uuid,
    state: State<'_, AppState>,
) -> Result<TicketDetails, CommandError> {
    state.require_operator()?;
    ticket_details::details(&state.store, request)
        .await
        .map_err(internal)
}

/// `helpdesk_api::UpdateTicket`: the action checked in the core, then applied against the
/// ticket as stored, in one transaction.
#[tauri::command]
#[specta::specta]
pub async fn update_ticket(
    request: TicketUpdate,
    state: State<'_, AppState>,
) -> Result<TicketState, CommandError> {
    let operator = state.require_operator()?;
    let action = request.action.validate().map_err(first_error)?;
    let outcome = ticket_updates::apply(
        &state.store,
        request.ticket_id,
        &action,
        operator.id,
        now_millis(),
    )
    .await
    .map_err(internal)?;
    match outcome {
        UpdateOutcome::Done(ticket) => Ok(ticket),
        UpdateOutcome::Refused(error) => Err(error.into()),
        UpdateOutcome::NotFound => Err(ticket_not_found()),
    }
}

/// `helpdesk_api::MyTasks`.
#[tauri::command]
#[specta::specta]
pub async fn my_tasks(state: State<'_, AppState>) -> Result<Vec<TaskSummary>, CommandError> {
    let operator = state.require_operator()?;
    tasks::for_user(&state.store, operator.id, DONE_TASKS_SHOWN)
        .await
        .map_err(internal)
}

/// `helpdesk_api::CompleteTask`.
#[tauri::command]
#[specta::specta]
pub async fn complete_task(
    request: Uuid,
    state: State<'_, AppState>,
) -> Result<TaskSummary, CommandError> {
    let operator = state.require_operator()?;
    match tasks::complete(&state.store, request, operator.id, now_millis())
        .await
        .map_err(internal)?
    {
        CompleteOutcome::Done(task) => Ok(*task),
        CompleteOutcome::Refused(refusal) => Err(CommandError::new(
            ErrorCode::InvalidInput,
            refusal.to_string(),
        )),
        CompleteOutcome::NotFound => Err(CommandError::new(
            ErrorCode::NotFound,
            "Esta tarefa não existe mais.",
        )),
    }
}

fn ticket_not_found() -> CommandError {
    CommandError::new(ErrorCode::NotFound, "Este atendimento não existe mais.")
}
