//! "Script de Atendimento": the published scripts every operator runs, and publishing a new
//! script or version (administrators only).
use helpdesk_api::{
    CommandError, ErrorCode, PublishedScript, ScriptDraft, ScriptSummary, ScriptVersionRef,
};
use helpdesk_core::script::fields;
use helpdesk_store::scripts::{self, PublishOutcome};
use tauri::State;

use crate::error::internal;
use crate::AppState;

/// `helpdesk_api::ListScripts`.
#[tauri::command]
#[specta::specta]
pub async fn list_scripts(state: State<'_, AppState>) -> Result<Vec<ScriptSummary>, CommandError> {
    state.require_operator()?;
    scripts::list(&state.store).await.map_err(internal)
}

/// `helpdesk_api::LoadScript`.
#[tauri::command]
#[specta::specta]
pub async fn load_script(
    request: ScriptVersionRef,
    state: State<'_, AppState>,
) -> Result<PublishedScript, CommandError> {
    state.require_operator()?;
    scripts::load(&state.store, request)
        .await
        .map_err(internal)?
        .ok_or_else(script_not_found)
}

/// `helpdesk_api::PublishScript`: the draft's first problem is answered at its field.
#[tauri::command]
#[specta::specta]
pub async fn publish_script(
    request: ScriptDraft,
    state: State<'_, AppState>,
) -> Result<PublishedScript, CommandError> {
    let operator = state.require_administrator("publicar scripts").await?;
    let draft = request.validate().map_err(|errors| {
        errors
            .into_iter()
            .next()
            .map_or_else(CommandError::internal, Into::into)
    })?;
    match scripts::publish(&state.store, &draft)
        .await
        .map_err(internal)?
    {
        PublishOutcome::Published(script) => {
            log::info!(
                "{} published script {} version {}",
                operator.login,
                script.id,
                script.version
            );
            Ok(script)
        }
        PublishOutcome::NameTaken => Err(CommandError::at_field(
            fields::NAME,
            "Já existe um script com este nome.",
        )),
        PublishOutcome::UnknownScript => Err(script_not_found()),
    }
}

fn script_not_found() -> CommandError {
    CommandError::new(
        ErrorCode::NotFound,
        "Script não encontrado: ele pode ter sido removido. Escolha-o de novo na lista.",
    )
}
