//! Sync in the window: its status, "Sincronizar agora", and registering the desktop (by an
//! administrator, or at the first run: [`enroll`]).
use helpdesk_api::{
    CommandError, ErrorCode, LoadSetAside, LoadSyncStatus, Operator, RegisterDesktop,
    RegistrationForm, Reply, Request, RetrySetAside, SetAsideEntry, SyncNow, SyncStatus,
};
use helpdesk_core::sync::SetAsideDirection;
use helpdesk_store::{people, protocols, setup, sync};
use helpdesk_sync::Enrollment;
use tauri::State;

use crate::error::{first_error, internal};
use crate::state::SyncHandle;
use crate::{outcomes, AppState};

/// `helpdesk_api::LoadSyncStatus`.
#[tauri::command]
#[specta::specta]
pub async fn load_sync_status(state: State<'_, AppState>) -> Reply<LoadSyncStatus> {
    let operator = state.require_operator().await?;
    status(&state, Some(&operator)).await
}

/// `helpdesk_api::SyncNow`: the worker starts an exchange; the status answered may still
/// show the previous one.
#[tauri::command]
#[specta::specta]
pub async fn sync_now(state: State<'_, AppState>) -> Reply<SyncNow> {
    let operator = state.require_operator().await?;
    handle(&state)?.waker.wake();
    status(&state, Some(&operator)).await
}

/// `helpdesk_api::LoadSetAside` (administrators only).
#[tauri::command]
#[specta::specta]
pub async fn load_set_aside(state: State<'_, AppState>) -> Reply<LoadSetAside> {
    state
        .require_administrator("ver as pendências da sincronização")
        .await?;
    set_aside(&state).await
}

/// `helpdesk_api::RetrySetAside` (administrators only): a pulled row is tried now; a refused
/// change is queued again and the worker woken.
#[tauri::command]
#[specta::specta]
pub async fn retry_set_aside(
    request: Request<RetrySetAside>,
    state: State<'_, AppState>,
) -> Reply<RetrySetAside> {
    let operator = state
        .require_administrator("tentar de novo as pendências da sincronização")
        .await?;
    let key = &request;
    match key.direction {
        SetAsideDirection::Pull => {
            let report = sync::retry_set_aside(&state.store, Some(key))
                .await
                .map_err(internal)?;
            log::info!(
                "{} retried {} {}: {} applied",
                operator.login,
                key.table,
                key.id,
                report.changed
            );
        }
        SetAsideDirection::Push => {
            let queued = sync::requeue(&state.store, key).await.map_err(internal)?;
            log::info!(
                "{} queued {} {} again ({queued})",
                operator.login,
                key.table,
                key.id
            );
            handle(&state)?.waker.wake();
        }
    }
    set_aside(&state).await
}

async fn set_aside(state: &AppState) -> Result<Vec<SetAsideEntry>, CommandError> {
    sync::set_aside_list(&state.store).await.map_err(internal)
}

/// `helpdesk_api::RegisterDesktop` (administrators only).
#[tauri::command]
#[specta::specta]
pub async fn register_desktop(
    request: Request<RegisterDesktop>,
    state: State<'_, AppState>,
) -> Reply<RegisterDesktop> {
    let operator = state
        .require_administrator("registrar este computador")
        .await?;
    enroll(&state, &request, Some(&operator)).await
}

/// Registers this desktop with the server of `request` and wakes the worker: by an
/// `administrator`, or with none at the first run (`join_server`), which only a database
/// with no user may do. A demonstration database is never registered: its accounts and
/// passwords are public.
pub(crate) async fn enroll(
    state: &AppState,
    request: &RegistrationForm,
    administrator: Option<&Operator>,
) -> Result<SyncStatus, CommandError> {
    if setup::is_demo(&state.store).await.map_err(internal)? {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            "Dados de demonstração não podem ser registrados em um servidor: os usuários e \
             senhas da demonstração são públicos. Para sincronizar, comece um banco de dados \
             novo, sem --demo.",
        ));
    }
    if administrator.is_none() && people::has_users(&state.store).await.map_err(internal)? {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            "Este computador já tem usuários: para registrá-lo em um servidor, entre como \
             administrador e use \"Sincronização\".",
        ));
    }
    let form = request.validate().map_err(first_error)?;
    let profile = form.profile.ok_or_else(CommandError::internal)?;
    let sync_handle = handle(state)?;
    let enrollment = Enrollment {
        server_url: &form.server_url,
        token: &form.enrollment_token,
        name: &form.name,
        profile,
    };
    let registration = helpdesk_sync::register(
        &state.store,
        &sync_handle.vault,
        enrollment,
        &sync_handle.client,
    )
    .await
    .map_err(|error| outcomes::registration_refused(&form, error))?;
    log::info!(
        "{} registered this desktop with {} as number {} ({})",
        administrator.map_or("the first run", |operator| operator.login.as_str()),
        form.server_url,
        registration.desktop_number,
        profile.code()
    );
    sync_handle.waker.wake();
    status(state, administrator).await
}

fn handle(state: &AppState) -> Result<&SyncHandle, CommandError> {
    state.sync.as_ref().ok_or_else(|| {
        log::error!("this app runs no sync worker");
        CommandError::internal()
    })
}

/// The status, with the count of set-aside rows when `operator` administers.
pub(crate) async fn status(
    state: &AppState,
    operator: Option<&Operator>,
) -> Result<SyncStatus, CommandError> {
    let store = &state.store;
    let current = sync::load_state(store).await.map_err(internal)?;
    let waiting = sync::waiting(store).await.map_err(internal)?;
    let set_aside = match operator.filter(|operator| operator.is_administrator()) {
        Some(_) => {
            let count = sync::set_aside_count(store).await.map_err(internal)?;
            Some(u32::try_from(count).unwrap_or(u32::MAX))
        }
        None => None,
    };
    Ok(SyncStatus {
        profile: current.profile(),
        server_url: current.server_url,
        desktop_number: protocols::desktop_number(store).await.map_err(internal)?,
        last_sync_at: current.last_sync_at,
        waiting: u32::try_from(waiting).unwrap_or(u32::MAX),
        running: state
            .sync
            .as_ref()
            .is_some_and(|sync| sync.waker.is_running()),
        error: current.last_error,
        set_aside,
    })
}
