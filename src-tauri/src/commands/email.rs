//! "Enviar E-mail": templates for the operator, the preview, and the administrator's
//! templates and SMTP settings. Sending is the outbox worker's (`helpdesk_mail`).
use helpdesk_api::{
    AdminListEmailTemplates, CommandError, DeleteEmailTemplate, ListEmailTemplates,
    LoadSmtpSettings, PreviewEmail, Reply, Request, SaveEmailTemplate, SaveSmtpSettings,
    SmtpSettingsView,
};
use helpdesk_store::email_templates;
use helpdesk_store::new_id;
use helpdesk_store::smtp_settings::{self, PasswordChange};
use tauri::State;

use crate::error::{first_error, internal};
use crate::{outcomes, AppState};

/// `helpdesk_api::ListEmailTemplates`.
#[tauri::command]
#[specta::specta]
pub async fn list_email_templates(state: State<'_, AppState>) -> Reply<ListEmailTemplates> {
    let operator = state.require_operator().await?;
    email_templates::list_for_user(&state.store, operator.id)
        .await
        .map_err(internal)
}

/// `helpdesk_api::PreviewEmail`: `{atendente}` is the logged-in operator.
#[tauri::command]
#[specta::specta]
pub async fn preview_email(
    request: Request<PreviewEmail>,
    state: State<'_, AppState>,
) -> Reply<PreviewEmail> {
    let operator = state.require_operator().await?;
    let settings = smtp_settings::load(&state.store).await.map_err(internal)?;
    let copy = settings.map(|settings| settings.copy_address);
    Ok(request.preview_by(operator.name, copy.as_deref()))
}

/// `helpdesk_api::AdminListEmailTemplates`.
#[tauri::command]
#[specta::specta]
pub async fn admin_list_email_templates(
    state: State<'_, AppState>,
) -> Reply<AdminListEmailTemplates> {
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
    request: Request<SaveEmailTemplate>,
    state: State<'_, AppState>,
) -> Reply<SaveEmailTemplate> {
    let operator = state
        .require_administrator("gerenciar modelos de e-mail")
        .await?;
    let template = request.validate(new_id()).map_err(first_error)?;
    if let Some(id) = request.id {
        email_templates::find(&state.store, id)
            .await
            .map_err(internal)?
            .ok_or_else(outcomes::template_not_found)?;
    }
    let outcome = email_templates::save(&state.store, &template)
        .await
        .map_err(internal)?;
    let template = outcomes::template_saved(outcome)?;
    log::info!("{} saved e-mail template {}", operator.login, template.id);
    Ok(template)
}

/// `helpdesk_api::DeleteEmailTemplate`.
#[tauri::command]
#[specta::specta]
pub async fn delete_email_template(
    request: Request<DeleteEmailTemplate>,
    state: State<'_, AppState>,
) -> Reply<DeleteEmailTemplate> {
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
        Err(outcomes::template_not_found())
    }
}

/// `helpdesk_api::LoadSmtpSettings`: never the password itself.
#[tauri::command]
#[specta::specta]
pub async fn load_smtp_settings(state: State<'_, AppState>) -> Reply<LoadSmtpSettings> {
    state.require_operator().await?;
    view(&state).await
}

/// `helpdesk_api::SaveSmtpSettings`: the password goes to the OS keyring, or is encrypted,
/// before it is stored; the
/// outbox worker tries the waiting messages at once.
#[tauri::command]
#[specta::specta]
pub async fn save_smtp_settings(
    request: Request<SaveSmtpSettings>,
    state: State<'_, AppState>,
) -> Reply<SaveSmtpSettings> {
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
