//! "Filtros" and "Localizar Reg.": the online support channel's messages.
use helpdesk_api::{FindSupportMessages, Reply, Request, SuggestSupportEmails};
use helpdesk_core::support::{suggestion_prefix, SUGGESTIONS};
use helpdesk_store::{now_millis, support_messages};
use tauri::State;

use crate::error::internal;
use crate::local_time;
use crate::AppState;

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
    state.require_operator().await?;
    request.validate()?;
    let (from, to) = request.period.bounds(now_millis(), local_time::offset_on);
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
