//! "Filtros" and "Localizar Reg.": the online support channel's messages.
use chrono::{Local, NaiveDate, NaiveTime, Offset, TimeZone};
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
    let (from, to) = request.period.bounds(now_millis(), local_offset_minutes);
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

/// The desktop's UTC offset on `date`, in minutes east, taken at noon (clear of the hour a
/// daylight-saving change skips or repeats).
fn local_offset_minutes(date: NaiveDate) -> i32 {
    let noon = date.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN));
    let offset = match Local.from_local_datetime(&noon).earliest() {
        Some(local) => local.offset().fix(),
        None => Local::now().offset().fix(),
    };
    offset.local_minus_utc() / 60
}
