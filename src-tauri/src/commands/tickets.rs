//! Tickets: saving the wizard's ticket, finding one by its protocol, and its history.
use chrono::Local;
use helpdesk_api::{
    CommandError, ErrorCode, Protocol, SavedTicket, TicketEvent, TicketSubmission, TicketSummary,
    Uuid,
};
use helpdesk_core::attachment;
use helpdesk_core::work_order::clash_message;
use helpdesk_core::work_order_form::fields as work_order_fields;
use helpdesk_store::tickets::SaveOutcome;
use helpdesk_store::{now_millis, tickets};
use tauri::State;

use crate::error::internal;
use crate::AppState;

/// `helpdesk_api::SaveTicket`: checked whole again (with this desktop's local date for the
/// task's due date, and every attachment still in its folder), then written in one
/// transaction; a work order whose time was taken meanwhile is refused as a conflict at its
/// start, naming the visit it clashes with.
#[tauri::command]
#[specta::specta]
pub async fn save_ticket(
    request: TicketSubmission,
    state: State<'_, AppState>,
) -> Result<SavedTicket, CommandError> {
    let operator = state.require_operator()?;
    let now = Local::now();
    let offset_minutes = now.offset().local_minus_utc() / 60;
    let ticket = request
        .to_ticket(now.date_naive(), offset_minutes)
        .map_err(|errors| {
            errors
                .into_iter()
                .next()
                .map_or_else(CommandError::internal, Into::into)
        })?;
    // The files were stored when picked; one removed from the folder since cannot be saved.
    if let Some(missing) = ticket
        .attachments
        .iter()
        .find(|attachment| !state.attachments.files.contains(&attachment.content_hash))
    {
        return Err(CommandError::at_field(
            attachment::FIELD,
            format!(
                "O arquivo \"{}\" não está mais na pasta de anexos: remova-o e anexe-o de novo.",
                missing.file_name
            ),
        ));
    }
    match tickets::save(&state.store, &ticket, operator.id, now_millis())
        .await
        .map_err(internal)?
    {
        SaveOutcome::Saved(saved) => Ok(saved),
        SaveOutcome::ProtocolTaken => Err(CommandError::new(
            ErrorCode::InvalidInput,
            "Este protocolo já pertence a outro atendimento salvo.",
        )),
        SaveOutcome::TechnicianRemoved => Err(CommandError::at_field(
            work_order_fields::TECHNICIAN,
            "Este técnico foi removido ou desativado: escolha outro.",
        )),
        SaveOutcome::Clash(visits) => Err(CommandError::at_field(
            work_order_fields::START,
            clash_message(&visits, offset_minutes),
        )
        .with_code(ErrorCode::Conflict)),
    }
}

/// `helpdesk_api::FindTicket`.
#[tauri::command]
#[specta::specta]
pub async fn find_ticket(
    request: String,
    state: State<'_, AppState>,
) -> Result<Option<TicketSummary>, CommandError> {
    state.require_operator()?;
    let protocol: Protocol = request.parse()?;
    tickets::find_by_protocol(&state.store, &protocol)
        .await
        .map_err(internal)
}

/// `helpdesk_api::TicketHistory`.
#[tauri::command]
#[specta::specta]
pub async fn ticket_history(
    request: Uuid,
    state: State<'_, AppState>,
) -> Result<Vec<TicketEvent>, CommandError> {
    state.require_operator()?;
    tickets::history(&state.store, request)
        .await
        .map_err(internal)
}
