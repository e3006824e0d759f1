//! What the ticket's page does beyond the ticket's own actions: adds a file, a task, a work
//! order or an e-mail; sends a failed e-mail again or cancels it; opens an attached file or
//! saves it where the operator chooses.
use std::path::{Path, PathBuf};

use helpdesk_api::{
    AddToTicket, CancelEmail, CommandError, ErrorCode, OpenAttachment, Protocol, Reply, Request,
    ResendEmail, SaveAttachmentAs,
};
use helpdesk_core::attachment_copy::{self, safe_file_name};
use helpdesk_core::form::FieldError;
use helpdesk_core::ticket::ticket_email;
use helpdesk_core::ticket_addition::CheckedAddition;
use helpdesk_store::attachment_files::CopyOut;
use helpdesk_store::ticket_additions::{self as additions};
use helpdesk_store::{attachments, email_outbox, now_millis, smtp_settings};
use tauri::State;

use crate::error::{first_error, internal};
use crate::{file_picker, local_time, outcomes, AppState};

/// `helpdesk_api::AddToTicket`: checked by the wizard's rules (the e-mail filled from the
/// ticket as stored, with the operator's name), the attachment still in its folder, then
/// written with its history entry in one transaction. An e-mail wakes the outbox's worker.
#[tauri::command]
#[specta::specta]
pub async fn add_to_ticket(
    request: Request<AddToTicket>,
    state: State<'_, AppState>,
) -> Reply<AddToTicket> {
    let operator = state.require_operator().await?;
    let (today, offset_minutes) = local_time::today();
    let checked = request
        .addition
        .validate(today, offset_minutes)
        .map_err(first_error)?;
    let (store, ticket_id, now) = (&state.store, request.ticket_id, now_millis());
    let outcome = match checked {
        CheckedAddition::Attachment(file) => {
            if !state.attachments.files.contains(&file.content_hash) {
                let error = helpdesk_core::attachment::no_longer_stored(&file.file_name);
                return Err(error.into());
            }
            additions::add_attachment(store, ticket_id, &file, operator.id, now).await
        }
        CheckedAddition::Task(task) => {
            additions::add_task(store, ticket_id, &task, operator.id, now).await
        }
        CheckedAddition::WorkOrder(order) => {
            additions::add_work_order(store, ticket_id, &order, operator.id, now).await
        }
        CheckedAddition::Email { draft, mut context } => {
            let Some((protocol, customer, problem)) = additions::email_facts(store, ticket_id)
                .await
                .map_err(internal)?
            else {
                return Err(outcomes::ticket_not_found());
            };
            context.protocol = protocol
                .parse::<Protocol>()
                .map_or(protocol, |protocol| protocol.to_string());
            context.customer = customer;
            context.problem = problem;
            context.operator = operator.name.clone();
            let settings = smtp_settings::load(store).await.map_err(internal)?;
            let email = ticket_email(&draft, &context, settings).map_err(first_error)?;
            let files = &state.attachments.files;
            if let Some(missing) = email
                .email
                .attachments
                .iter()
                .find(|f| !files.contains(&f.hash))
            {
                return Err(helpdesk_core::attachment::no_longer_stored(&missing.name).into());
            }
            let outcome = additions::add_email(store, ticket_id, &email, operator.id, now).await;
            if let (Ok(additions::AddOutcome::Added), Some(worker)) = (&outcome, &state.email) {
                worker.waker.wake();
            }
            outcome
        }
    };
    outcomes::added(outcome.map_err(internal)?, offset_minutes)?;
    if let Some(sync) = &state.sync {
        sync.waker.wake();
    }
    Ok(())
}

/// `helpdesk_api::ResendEmail`: queued again, and the outbox's worker woken.
#[tauri::command]
#[specta::specta]
pub async fn resend_email(
    request: Request<ResendEmail>,
    state: State<'_, AppState>,
) -> Reply<ResendEmail> {
    let operator = state.require_operator().await?;
    let outcome = email_outbox::resend(&state.store, request, operator.id, now_millis())
        .await
        .map_err(internal)?;
    outcomes::email_line(outcome)?;
    if let Some(worker) = &state.email {
        worker.waker.wake();
    }
    Ok(())
}

/// `helpdesk_api::CancelEmail`.
#[tauri::command]
#[specta::specta]
pub async fn cancel_email(
    request: Request<CancelEmail>,
    state: State<'_, AppState>,
) -> Reply<CancelEmail> {
    let operator = state.require_operator().await?;
    let outcome = email_outbox::cancel(&state.store, request, operator.id, now_millis())
        .await
        .map_err(internal)?;
    outcomes::email_line(outcome)
}

/// `helpdesk_api::OpenAttachment`: the stored file copied, checked against its hash, into
/// this session's folder under its display name made safe, and that copy handed to the
/// system's viewer.
#[tauri::command]
#[specta::specta]
pub async fn open_attachment(
    request: Request<OpenAttachment>,
    state: State<'_, AppState>,
) -> Reply<OpenAttachment> {
    state.require_operator().await?;
    let (name, hash) = attachment(&state, request).await?;
    let Some(opener) = &state.opener else {
        log::error!("open_attachment: this app has no opener");
        return Err(CommandError::internal());
    };
    let target = opener.place_for(request, &safe_file_name(&name));
    copy_checked(&state, &name, hash, target.clone(), true).await?;
    opener.open(&target).map_err(|error| {
        log::warn!("the system did not open {}: {error}", target.display());
        CommandError::from(attachment_copy::no_viewer(&name))
    })
}

/// `helpdesk_api::SaveAttachmentAs`: the save dialog suggesting the display name made safe,
/// then the stored file copied there, checked against its hash.
#[tauri::command]
#[specta::specta]
pub async fn save_attachment_as(
    request: Request<SaveAttachmentAs>,
    state: State<'_, AppState>,
) -> Reply<SaveAttachmentAs> {
    state.require_operator().await?;
    let (name, hash) = attachment(&state, request).await?;
    let Some(picker) = &state.file_picker else {
        log::error!("save_attachment_as: this app has no file dialog");
        return Err(CommandError::internal());
    };
    let Some(path) = picker.save(&safe_file_name(&name)).await else {
        return Ok(None);
    };
    copy_checked(&state, &name, hash, path.clone(), false).await?;
    Ok(Some(path.display().to_string()))
}

/// The display name and hash of the attachment `id`.
async fn attachment(
    state: &AppState,
    id: helpdesk_api::Uuid,
) -> Result<(String, String), CommandError> {
    attachments::file_of(&state.store, id)
        .await
        .map_err(internal)?
        .ok_or_else(|| CommandError::new(ErrorCode::NotFound, "Este anexo não existe mais."))
}

/// Copies the content of `hash` (the file `name`) to `target`, checked, off the async
/// runtime's threads; `make_folder` creates the target's folder first (the session's own).
async fn copy_checked(
    state: &AppState,
    name: &str,
    hash: String,
    target: PathBuf,
    make_folder: bool,
) -> Result<(), CommandError> {
    let files = state.attachments.files.clone();
    let to = target.clone();
    let copied = tokio::task::spawn_blocking(move || {
        if make_folder {
            if let Some(folder) = to.parent() {
                std::fs::create_dir_all(folder)?;
            }
        }
        files.copy_out(&hash, &to)
    })
    .await
    .map_err(|error| {
        log::error!("copying an attachment stopped: {error}");
        CommandError::internal()
    })?;
    match copied {
        Ok(CopyOut::Copied) => Ok(()),
        Ok(CopyOut::Missing) => Err(attachment_copy::not_here(name).into()),
        Ok(CopyOut::Changed) => {
            log::warn!("the attachment {name:?} no longer matches its hash");
            Err(attachment_copy::content_changed(name).into())
        }
        Err(error) => {
            log::warn!(
                "the attachment could not be written to {}: {error}",
                target.display()
            );
            Err(write_failed(&target).into())
        }
    }
}

/// Why a copy could not be written where asked.
fn write_failed(path: &Path) -> FieldError {
    FieldError::new(attachment_copy::FIELD, file_picker::cannot_write(path))
}
