//! "Tipo de Atendimento": the ticket types "Prim. Contato" offers, and who tickets and tasks
//! can be given to.
use helpdesk_api::{ListAssignees, ListTicketTypes, Reply};
use helpdesk_store::{people, ticket_types};
use tauri::State;

use crate::error::internal;
use crate::AppState;

/// `helpdesk_api::ListTicketTypes`.
#[tauri::command]
#[specta::specta]
pub async fn list_ticket_types(state: State<'_, AppState>) -> Reply<ListTicketTypes> {
    state.require_operator().await?;
    ticket_types::list(&state.store).await.map_err(internal)
}

/// `helpdesk_api::ListAssignees`.
#[tauri::command]
#[specta::specta]
pub async fn list_assignees(state: State<'_, AppState>) -> Reply<ListAssignees> {
    state.require_operator().await?;
    people::assignees(&state.store).await.map_err(internal)
}
