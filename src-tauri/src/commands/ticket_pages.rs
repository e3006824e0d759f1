//! Tickets after the wizard: the home screen's queue, the list of tickets, the ticket page
//! (its details and actions) and "Minhas Tarefas".
use helpdesk_api::{
    CompleteTask, ListTickets, LoadQueue, LoadTicketDetails, MyTasks, Protocol, Reply, Request,
    UpdateTicket,
};
use helpdesk_core::queue::QueueClock;
use helpdesk_core::task_list::DONE_TASKS_SHOWN;
use helpdesk_store::tasks;
use helpdesk_store::ticket_updates;
use helpdesk_store::{now_millis, queue, ticket_details, tickets};
use tauri::State;

use crate::error::{first_error, internal};
use crate::{local_time, outcomes, AppState};

/// `helpdesk_api::LoadQueue`: at the desktop's time, the day ending at its local midnight.
#[tauri::command]
#[specta::specta]
pub async fn load_queue(state: State<'_, AppState>) -> Reply<LoadQueue> {
    let operator = state.require_operator().await?;
    let now = now_millis();
    let clock = QueueClock::at(now, local_time::offset_at(now));
    queue::load(&state.store, operator.id, clock)
        .await
        .map_err(internal)
}

/// `helpdesk_api::ListTickets`: a protocol typed is one lookup in its unique index (and the
/// other filters are checked on that ticket); otherwise a page of the filtered list.
#[tauri::command]
#[specta::specta]
pub async fn list_tickets(
    request: Request<ListTickets>,
    state: State<'_, AppState>,
) -> Reply<ListTickets> {
    state.require_operator().await?;
    let mut request = request;
    request.filter.now = now_millis();
    if request.protocol.trim().is_empty() {
        return tickets::list(&state.store, &request.filter)
            .await
            .map_err(internal);
    }
    let protocol: Protocol = request.protocol.parse()?;
    let found = tickets::find_by_protocol(&state.store, &protocol)
        .await
        .map_err(internal)?;
    Ok(request.found_page(found))
}

/// `helpdesk_api::LoadTicketDetails`.
#[tauri::command]
#[specta::specta]
pub async fn load_ticket_details(
    request: Request<LoadTicketDetails>,
    state: State<'_, AppState>,
) -> Reply<LoadTicketDetails> {
    state.require_operator().await?;
    ticket_details::details(&state.store, request)
        .await
        .map_err(internal)
}

/// `helpdesk_api::UpdateTicket`: the action checked in the core, then applied against the
/// ticket as stored, in one transaction.
#[tauri::command]
#[specta::specta]
pub async fn update_ticket(
    request: Request<UpdateTicket>,
    state: State<'_, AppState>,
) -> Reply<UpdateTicket> {
    let operator = state.require_operator().await?;
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
    outcomes::updated(outcome)
}

/// `helpdesk_api::MyTasks`.
#[tauri::command]
#[specta::specta]
pub async fn my_tasks(state: State<'_, AppState>) -> Reply<MyTasks> {
    let operator = state.require_operator().await?;
    tasks::for_user(&state.store, operator.id, DONE_TASKS_SHOWN)
        .await
        .map_err(internal)
}

/// `helpdesk_api::CompleteTask`.
#[tauri::command]
#[specta::specta]
pub async fn complete_task(
    request: Request<CompleteTask>,
    state: State<'_, AppState>,
) -> Reply<CompleteTask> {
    let operator = state.require_operator().await?;
    let outcome = tasks::complete(&state.store, request, operator.id, now_millis())
        .await
        .map_err(internal)?;
    outcomes::completed(outcome)
}
