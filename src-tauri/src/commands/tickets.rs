//! Tickets: saving the wizard's ticket.
use helpdesk_api::{CommandError, ErrorCode, SavedTicket, TicketSubmission};
use helpdesk_store::{now_millis, tickets};
use tauri::State;

use crate::error::internal;
use crate::AppState;

/// `helpdesk_api::SaveTicket`: checked whole again, then written in one transaction.
#[tauri::command]
#[specta::specta]
pub async fn save_ticket(
    request: TicketSubmission,
    state: State<'_, AppState>,
) -> Result<SavedTicket, CommandError> {
    let operator = state.require_operator()?;
    let ticket = request.to_ticket().map_err(|errors| {
        errors
            .into_iter()
            .next()
            .map_or_else(CommandError::internal, Into::into)
    })?;
    tickets::save(&state.store, &ticket, operator.id, now_millis())
        .await
        .map_err(internal)?
        .ok_or_else(|| {
            CommandError::new(
                ErrorCode::InvalidInput,
                "Este protocolo já pertence a outro atendimento salvo.",
            )
        })
}
