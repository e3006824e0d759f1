//! "Filtros" and "Localizar Reg.": the online support channel's messages.
use chrono::{Local, Offset};
use helpdesk_api::{CommandError, MessageQuery, SupportMessage};
use helpdesk_core::support::{suggestion_prefix, SUGGESTIONS};
use helpdesk_store::{now_millis, support_messages};
use tauri::State;

use crate::error::internal;
use crate::AppState;

/// `helpdesk_api::SuggestSupportEmails`.
#[tauri::command]
#[specta::specta]
pub async fn suggest_support_emails(
    request: String,
    state: State<'_, AppState>,
) -> Result<Vec<String>, CommandError> {
    state.require_operator()?;
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
    request: MessageQuery,
    state: State<'_, AppState>,
) -> Result<Vec<SupportMessage>, CommandError> {
    state.require_operator()?;
    request.validate()?;
    let offset_minutes = Local::now().offset().fix().local_minus_utc() / 60;
    let (from, to) = request.period.bounds(now_millis(), offset_minutes);
    support_messages::from_sender(
        &state.store,
        &request.folded_email(),
        from,
        to,
        request.limit,
    )
    .await
    .map_err(internal)
}
