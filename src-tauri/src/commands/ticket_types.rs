//! "Tipo de Atendimento": the ticket types "Prim. Contato" offers.
use helpdesk_api::{CommandError, TicketType};
use helpdesk_store::ticket_types;
use tauri::State;

use crate::error::internal;
use crate::AppState;

/// `helpdesk_api::ListTicketTypes`.
#[tauri::command]
#[specta::specta]
pub async fn list_ticket_types(
    state: State<'_, AppState>,
) -> Result<Vec<TicketType>, CommandError> {
    state.require_operator()?;
    ticket_types::list(&state.store).await.map_err(internal)
}
