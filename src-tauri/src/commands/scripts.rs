//! "Script de Atendimento": the published scripts every operator runs, and publishing a new
//! script or version (administrators only).
use helpdesk_api::{ListScripts, LoadScript, PublishScript, Reply, Request};
use helpdesk_store::scripts;
use tauri::State;

use crate::error::{first_error, internal};
use crate::{outcomes, AppState};

/// `helpdesk_api::ListScripts`.
#[tauri::command]
#[specta::specta]
pub async fn list_scripts(state: State<'_, AppState>) -> Reply<ListScripts> {
    state.require_operator().await?;
    scripts::list(&state.store).await.map_err(internal)
}

/// `helpdesk_api::LoadScript`.
#[tauri::command]
#[specta::specta]
pub async fn load_script(
    request: Request<LoadScript>,
    state: State<'_, AppState>,
) -> Reply<LoadScript> {
    state.require_operator().await?;
    scripts::load(&state.store, request)
        .await
        .map_err(internal)?
        .ok_or_else(outcomes::script_not_found)
}

/// `helpdesk_api::PublishScript`: the draft's first problem is answered at its field.
#[tauri::command]
#[specta::specta]
pub async fn publish_script(
    request: Request<PublishScript>,
    state: State<'_, AppState>,
) -> Reply<PublishScript> {
    let operator = state.require_administrator("publicar scripts").await?;
    let draft = request.validate().map_err(first_error)?;
    let outcome = scripts::publish(&state.store, &draft)
        .await
        .map_err(internal)?;
    let script = outcomes::published(outcome)?;
    log::info!(
        "{} published script {} version {}",
        operator.login,
        script.id,
        script.version
    );
    Ok(script)
}
