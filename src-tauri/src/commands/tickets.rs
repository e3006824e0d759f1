//! Tickets: saving the wizard's ticket, finding one by its protocol, and its history.
use chrono::Local;
use helpdesk_api::{
    CommandError, EmailDraft, ErrorCode, Operator, Protocol, SavedTicket, TicketEvent,
    TicketSubmission, TicketSummary, Uuid,
};
use helpdesk_core::attachment;
use helpdesk_core::email::{fields as email_fields, MAX_ATTACHMENT_BYTES};
use helpdesk_core::ticket::TicketEmail;
use helpdesk_core::work_order::clash_message;
use helpdesk_core::work_order_form::fields as work_order_fields;
use helpdesk_store::tickets::SaveOutcome;
use helpdesk_store::{now_millis, smtp_settings, tickets};
use tauri::State;

use crate::error::internal;
use crate::AppState;

/// `helpdesk_api::SaveTicket`: checked whole again (with this desktop's local date for the
/// task's due date, the e-mail filled and checked, and every attachment still in its
/// folder), then written in one transaction, the e-mail queued in the outbox with it; a work order whose time was taken meanwhile is refused as a conflict at its
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
    let mut ticket = request
        .to_ticket(now.date_naive(), offset_minutes)
        .map_err(|errors| {
            errors
                .into_iter()
                .next()
                .map_or_else(CommandError::internal, Into::into)
        })?;
    if let Some(draft) = &request.draft.email {
        ticket.email = Some(ticket_email(&state, draft, &request, &operator).await?);
    }
    // The files were stored when picked; one removed from the folder since cannot be saved.
    let email_files = ticket.email.iter().flat_map(|queued| {
        queued
            .email
            .attachments
            .iter()
            .map(|file| (&file.hash, &file.name))
    });
    let ticket_files = ticket
        .attachments
        .iter()
        .map(|file| (&file.content_hash, &file.file_name));
    if let Some((_, missing)) = ticket_files
        .chain(email_files)
        .find(|(hash, _)| !state.attachments.files.contains(hash))
    {
        return Err(CommandError::at_field(
            attachment::FIELD,
            format!(
                "O arquivo \"{}\" não está mais na pasta de anexos: remova-o e anexe-o de novo.",
                missing
            ),
        ));
    }
    match tickets::save(&state.store, &ticket, operator.id, now_millis())
        .await
        .map_err(internal)?
    {
        SaveOutcome::Saved(saved) => {
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

/// The wizard's e-mail filled and checked for sending from the configured sender: the
/// placeholders from the wizard's view of the ticket, with the protocol, customer, problem
/// and operator taken from the draft and the session.
async fn ticket_email(
    state: &AppState,
    draft: &EmailDraft,
    request: &TicketSubmission,
    operator: &Operator,
) -> Result<TicketEmail, CommandError> {
    let settings = smtp_settings::load(&state.store)
        .await
        .map_err(internal)?
        .ok_or_else(|| {
            CommandError::at_field(
                email_fields::RECIPIENTS,
                "O envio de e-mail não está configurado: peça a um administrador para \
                 preencher as Configurações de E-mail, ou remova o e-mail.",
            )
        })?;
    let mut context = request.email_context.clone().ok_or_else(|| {
        log::error!("save_ticket: an e-mail without its context");
        CommandError::internal()
    })?;
    let wizard = &request.draft;
    context.operator.clone_from(&operator.name);
    context.protocol = wizard.protocol.map(|p| p.to_string()).unwrap_or_default();
    if let Some(customer) = &wizard.customer {
        context.customer.clone_from(&customer.name);
    }
    context.problem = wizard.problem.trim().to_owned();
    let email = draft
        .validate(Some(&settings.copy_address), &context, MAX_ATTACHMENT_BYTES)
        .map_err(|errors| {
            errors
                .into_iter()
                .next()
                .map_or_else(CommandError::internal, Into::into)
        })?;
    Ok(TicketEmail {
        from_address: settings.from_address,
        email,
    })
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
