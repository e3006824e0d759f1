//! "Filtros" and "Localizar Reg.": the online support channel's messages, and the one the
//! wizard takes.
use helpdesk_api::{FindSupportMessages, Reply, Request, SuggestSupportEmails, TakeSupportMessage};
use helpdesk_core::support::{suggestion_prefix, SUGGESTIONS};
use helpdesk_store::now_millis;
use helpdesk_store::support_messages::{self, MessageFilter};
use tauri::State;

use crate::error::internal;
use crate::AppState;
use crate::{local_time, outcomes};

/// `helpdesk_api::SuggestSupportEmails`.
#[tauri::command]
#[specta::specta]
pub async fn suggest_support_emails(
    request: Request<SuggestSupportEmails>,
    state: State<'_, AppState>,
) -> Reply<SuggestSupportEmails> {
    state.require_operator().await?;
    let Some(prefix) = suggestion_prefix(&request) else {
        return Ok(Vec::new());
    };
    support_messages::suggest_emails(&state.store, &prefix, SUGGESTIONS)
        .await
        .map_err(internal)
}

/// `helpdesk_api::FindSupportMessages`. Dates are the desktop's local days.
#[tauri::command]
#[specta::specta]
pub async fn find_support_messages(
    request: Request<FindSupportMessages>,
    state: State<'_, AppState>,
) -> Reply<FindSupportMessages> {
    let operator = state.require_operator().await?;
    request.validate()?;
    let (from, to) = request.period.bounds(now_millis(), local_time::offset_on);
    let email = request.folded_email();
    let filter = MessageFilter {
        email: email.as_deref(),
        from,
        to,
        limit: request.limit,
        mail_only: request.mail_only,
        operator: operator.id,
    };
    support_messages::list(&state.store, &filter)
        .await
        .map_err(internal)
}

/// `helpdesk_api::TakeSupportMessage`.
#[tauri::command]
#[specta::specta]
pub async fn take_support_message(
    request: Request<TakeSupportMessage>,
    state: State<'_, AppState>,
) -> Reply<TakeSupportMessage> {
    let operator = state.require_operator().await?;
    let taken = support_messages::take(&state.store, request, operator.id, now_millis())
        .await
        .map_err(internal)?;
    taken.then_some(()).ok_or_else(outcomes::message_not_found)
}
