//! Tickets: saving the wizard's ticket, finding one by its protocol, and its history.
use helpdesk_api::{FindTicket, Protocol, Reply, Request, SaveTicket, TicketHistory};
use helpdesk_store::{now_millis, smtp_settings, tickets};
use tauri::State;

use crate::error::{first_error, internal};
use crate::{local_time, outcomes, AppState};

/// `helpdesk_api::SaveTicket`: checked whole again (with this desktop's local date for the
/// task's due date, the e-mail filled and checked, and every attachment still in its
/// folder), then written in one transaction, the e-mail queued in the outbox with it; a work
/// order whose time was taken meanwhile is refused as a conflict at its start, naming the
/// visit it clashes with. The workers are woken: the e-mail's, and sync's.
#[tauri::command]
#[specta::specta]
pub async fn save_ticket(
    request: Request<SaveTicket>,
    state: State<'_, AppState>,
) -> Reply<SaveTicket> {
    let operator = state.require_operator().await?;
    let (today, offset_minutes) = local_time::today();
    let mut ticket = request
        .to_ticket(today, offset_minutes)
        .map_err(first_error)?;
    if let Some(draft) = &request.draft.email {
        let settings = smtp_settings::load(&state.store).await.map_err(internal)?;
        let email = request.email(draft, &operator.name, settings);
        ticket.email = Some(email.map_err(first_error)?);
    }
    if let Some(missing) = state.attachments.files.first_missing(&ticket) {
        return Err(missing.into());
    }
    let outcome = tickets::save(&state.store, &ticket, operator.id, now_millis())
        .await
        .map_err(internal)?;
    let saved = outcomes::saved_ticket(outcome, offset_minutes)?;
    // The e-mail goes now rather than at the worker's next check.
    if ticket.email.is_some() {
        if let Some(email) = &state.email {
            email.waker.wake();
        }
    }
    // The other desktops see it at the next exchange, started now.
    if let Some(sync) = &state.sync {
        sync.waker.wake();
    }
    Ok(saved)
}

/// `helpdesk_api::FindTicket`.
#[tauri::command]
#[specta::specta]
pub async fn find_ticket(
    request: Request<FindTicket>,
    state: State<'_, AppState>,
) -> Reply<FindTicket> {
    state.require_operator().await?;
    let protocol: Protocol = request.parse()?;
    tickets::find_by_protocol(&state.store, &protocol)
        .await
        .map_err(internal)
}

/// `helpdesk_api::TicketHistory`.
#[tauri::command]
#[specta::specta]
pub async fn ticket_history(
    request: Request<TicketHistory>,
    state: State<'_, AppState>,
) -> Reply<TicketHistory> {
    state.require_operator().await?;
    tickets::history(&state.store, request)
        .await
        .map_err(internal)
}
