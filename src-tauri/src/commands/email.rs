//! "Enviar E-mail": templates for the operator, the preview, and the administrator's
//! templates and SMTP settings. Sending is the outbox worker's (`helpdesk_mail`).
use helpdesk_api::{
    CommandError, EmailPreview, EmailPreviewRequest, EmailTemplate, EmailTemplateDraft, ErrorCode,
    SmtpSettingsForm, SmtpSettingsView, Uuid,
};
use helpdesk_core::email::{preview, template_fields, MAX_ATTACHMENT_BYTES, NAME_TAKEN};
use helpdesk_store::email_templates::{self, SaveOutcome};
use helpdesk_store::new_id;
use helpdesk_store::smtp_settings::{self, PasswordChange};
use tauri::State;

use crate::error::{first_error, internal};
use crate::AppState;

/// `helpdesk_api::ListEmailTemplates`.
#[tauri::command]
#[specta::specta]
pub async fn list_email_templates(
    state: State<'_, AppState>,
) -> Result<Vec<EmailTemplate>, CommandError> {
    let operator = state.require_operator()?;
    email_templates::list_for_user(&state.store, operator.id)
        .await
        .map_err(internal)
}

/// `helpdesk_api::PreviewEmail`: `{atendente}` is the logged-in operator.
#[tauri::command]
#[specta::specta]
pub async fn preview_email(
    request: EmailPreviewRequest,
    state: State<'_, AppState>,
) -> Result<EmailPreview, CommandError> {
    let operator = state.require_operator()?;
    let settings = smtp_settings::load(&state.store).await.map_err(internal)?;
    let copy = settings.map(|settings| settings.copy_address);
    let mut context = request.context;
    context.operator = operator.name;
    Ok(preview(
        &request.draft,
        &context,
        copy.as_deref(),
        MAX_ATTACHMENT_BYTES,
    ))
}

/// `helpdesk_api::AdminListEmailTemplates`.
#[tauri::command]
#[specta::specta]
pub async fn admin_list_email_templates(
    state: State<'_, AppState>,
) -> Result<Vec<EmailTemplate>, CommandError> {
    state
        .require_administrator("gerenciar modelos de e-mail")
        .await?;
    email_templates::list_all(&state.store)
        .await
        .map_err(internal)
}

/// `helpdesk_api::SaveEmailTemplate`: the form's first problem is answered at its field.
#[tauri::command]
#[specta::specta]
pub async fn save_email_template(
    request: EmailTemplateDraft,
    state: State<'_, AppState>,
) -> Result<EmailTemplate, CommandError> {
    let operator = state
        .require_administrator("gerenciar modelos de e-mail")
        .await?;
    let template = request.validate(new_id()).map_err(first_error)?;
    if let Some(id) = request.id {
        email_templates::find(&state.store, id)
            .await
            .map_err(internal)?
            .ok_or_else(template_not_found)?;
    }
    match email_templates::save(&state.store, &template)
        .await
        .map_err(internal)?
    {
        SaveOutcome::Saved(template) => {
            log::info!("{} saved e-mail template {}", operator.login, template.id);
            Ok(template)
        }
        SaveOutcome::NameTaken => Err(CommandError::at_field(template_fields::NAME, NAME_TAKEN)),
        SaveOutcome::UnknownRole => Err(CommandError::at_field(
            template_fields::ROLES,
            "Um dos cargos escolhidos não existe mais. Recarregue a lista de cargos.",
        )),
    }
}

/// `helpdesk_api::DeleteEmailTemplate`.
#[tauri::command]
#[specta::specta]
pub async fn delete_email_template(
    request: Uuid,
    state: State<'_, AppState>,
) -> Result<(), CommandError> {
    let operator = state
        .require_administrator("gerenciar modelos de e-mail")
        .await?;
    if email_templates::delete(&state.store, request)
        .await
        .map_err(internal)?
    {
        log::info!("{} deleted e-mail template {request}", operator.login);
        Ok(())
    } else {
        Err(template_not_found())
    }
}

/// `helpdesk_api::LoadSmtpSettings`: never the password itself.
#[tauri::command]
#[specta::specta]
pub async fn load_smtp_settings(
    state: State<'_, AppState>,
) -> Result<SmtpSettingsView, CommandError> {
    state.require_operator()?;
    view(&state).await
}

/// `helpdesk_api::SaveSmtpSettings`: the password goes to the OS keyring, or is encrypted,
/// before it is stored; the
/// outbox worker tries the waiting messages at once.
#[tauri::command]
#[specta::specta]
pub async fn save_smtp_settings(
    request: SmtpSettingsForm,
    state: State<'_, AppState>,
) -> Result<SmtpSettingsView, CommandError> {
    let operator = state
        .require_administrator("alterar as configurações de e-mail")
        .await?;
    let settings = request.settings.validate().map_err(first_error)?;
    let Some(email) = &state.email else {
        log::error!("save_smtp_settings: this app has no secret vault");
        return Err(CommandError::internal());
    };
    let password = PasswordChange::from_form(request.password.as_deref(), &email.vault);
    smtp_settings::save(&state.store, &settings, password)
        .await
        .map_err(internal)?;
    log::info!("{} saved the SMTP settings", operator.login);
    email.waker.wake();
    view(&state).await
}

async fn view(state: &AppState) -> Result<SmtpSettingsView, CommandError> {
    Ok(SmtpSettingsView {
        settings: smtp_settings::load(&state.store).await.map_err(internal)?,
        password: smtp_settings::password_place(&state.store)
            .await
            .map_err(internal)?,
    })
}

fn template_not_found() -> CommandError {
    CommandError::new(
        ErrorCode::NotFound,
        "Modelo de e-mail não encontrado: ele pode ter sido removido. Recarregue a lista.",
    )
}
