//! "Anexo": the system's file picker, and the picked file stored by its content hash.
use helpdesk_api::{CommandError, PickAttachment, Reply};
use helpdesk_store::attachment_files::AttachError;
use tauri::State;

use crate::AppState;

/// `helpdesk_api::PickAttachment`: the picker opens over the window; the path it answers
/// never reaches the window, only the stored attachment does.
#[tauri::command]
#[specta::specta]
pub async fn pick_attachment(state: State<'_, AppState>) -> Reply<PickAttachment> {
    state.require_operator().await?;
    let Some(picker) = &state.file_picker else {
        log::error!("pick_attachment: this app has no file picker");
        return Err(CommandError::internal());
    };
    let Some(path) = picker.pick().await else {
        return Ok(None);
    };
    let attachments = state.attachments.clone();
    let stored =
        tokio::task::spawn_blocking(move || attachments.files.store(&path, attachments.max_bytes))
            .await
            .map_err(|error| {
                log::error!("storing an attachment stopped: {error}");
                CommandError::internal()
            })?;
    match stored {
        Ok(attachment) => Ok(Some(attachment)),
        Err(AttachError::Refused(error)) => Err(error.into()),
        Err(AttachError::Io(error)) => {
            log::error!("attachments folder: {error}");
            Err(CommandError::internal())
        }
    }
}
