//! The support mailboxes the server reads, for the administrator: create one, list them
//! with the watcher's status, change one, disable and enable one. The password is sent,
//! stored and used by the server, but never answered.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use helpdesk_core::sync::SyncErrorBody;
use uuid::Uuid;

use crate::auth::Admin;
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::mailboxes::settings::MailboxRequest;
use crate::repo::mailboxes::{self, MailboxSummary};
use crate::state::AppState;

/// `POST /v1/mailboxes` (administrator): a new enabled mailbox; 422 naming each wrong field.
#[utoipa::path(
    post,
    path = "/v1/mailboxes",
    tag = "administration",
    operation_id = "create_mailbox",
    security(("administrator" = [])),
    request_body = MailboxRequest,
    responses(
        (status = 201, description = "Created and enabled.", body = MailboxSummary),
        (status = 400, description = "`corrupted_request`: the id is not a UUID, or the body not JSON of this shape.", body = SyncErrorBody),
        (status = 401, description = "`enrollment_refused`: not the administrator's enrollment token.", body = SyncErrorBody),
        (status = 422, description = "`invalid_mailbox`: each wrong field named.", body = SyncErrorBody),
    )
)]
pub async fn create(
    _admin: Admin,
    State(state): State<AppState>,
    JsonBody(request): JsonBody<MailboxRequest>,
) -> Result<(StatusCode, Json<MailboxSummary>), ApiError> {
    let checked = request.check(false).map_err(invalid)?;
    let mailbox = mailboxes::insert(state.pool(), Uuid::now_v7(), &checked).await?;
    tracing::info!(mailbox_id = %mailbox.id, host = %mailbox.host, "mailbox created");
    Ok((StatusCode::CREATED, Json(mailbox)))
}

/// `GET /v1/mailboxes` (administrator): every mailbox and its status, the oldest first.
#[utoipa::path(
    get,
    path = "/v1/mailboxes",
    tag = "administration",
    operation_id = "list_mailboxes",
    security(("administrator" = [])),
    responses(
        (status = 200, description = "Every mailbox and its reader's status, the oldest first (never their passwords).", body = Vec<MailboxSummary>),
        (status = 401, description = "`enrollment_refused`: not the administrator's enrollment token.", body = SyncErrorBody),
    )
)]
pub async fn list(
    _admin: Admin,
    State(state): State<AppState>,
) -> Result<Json<Vec<MailboxSummary>>, ApiError> {
    Ok(Json(mailboxes::list(state.pool()).await?))
}

/// `PUT /v1/mailboxes/{id}` (administrator): new settings (an empty password keeps the
/// stored one); its watcher restarts with them.
#[utoipa::path(
    put,
    path = "/v1/mailboxes/{id}",
    tag = "administration",
    operation_id = "update_mailbox",
    security(("administrator" = [])),
    params(("id" = Uuid, Path, description = "The mailbox's id.")),
    request_body = MailboxRequest,
    responses(
        (status = 200, description = "Changed; its reader restarts with the new settings.", body = MailboxSummary),
        (status = 400, description = "`corrupted_request`: the id is not a UUID, or the body not JSON of this shape.", body = SyncErrorBody),
        (status = 401, description = "`enrollment_refused`: not the administrator's enrollment token.", body = SyncErrorBody),
        (status = 404, description = "`mailbox_missing`: no mailbox has this id.", body = SyncErrorBody),
        (status = 422, description = "`invalid_mailbox`: each wrong field named.", body = SyncErrorBody),
    )
)]
pub async fn update(
    _admin: Admin,
    State(state): State<AppState>,
    Path(id): Path<String>,
    JsonBody(request): JsonBody<MailboxRequest>,
) -> Result<Json<MailboxSummary>, ApiError> {
    let id = mailbox_id(&id)?;
    let checked = request.check(true).map_err(invalid)?;
    let mailbox = mailboxes::update(state.pool(), id, &checked)
        .await?
        .ok_or_else(|| missing(id))?;
    tracing::info!(mailbox_id = %id, "mailbox changed");
    Ok(Json(mailbox))
}

/// `POST /v1/mailboxes/{id}/disable` (administrator): its mail is no longer read.
#[utoipa::path(
    post,
    path = "/v1/mailboxes/{id}/disable",
    tag = "administration",
    operation_id = "disable_mailbox",
    security(("administrator" = [])),
    params(("id" = Uuid, Path, description = "The mailbox's id.")),
    responses(
        (status = 200, description = "Disabled: its mail is no longer read.", body = MailboxSummary),
        (status = 400, description = "`corrupted_request`: the id is not a UUID.", body = SyncErrorBody),
        (status = 401, description = "`enrollment_refused`: not the administrator's enrollment token.", body = SyncErrorBody),
        (status = 404, description = "`mailbox_missing`: no mailbox has this id.", body = SyncErrorBody),
    )
)]
pub async fn disable(
    _admin: Admin,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<MailboxSummary>, ApiError> {
    set_enabled(&state, &id, false).await
}

/// `POST /v1/mailboxes/{id}/enable` (administrator): its mail is read again.
#[utoipa::path(
    post,
    path = "/v1/mailboxes/{id}/enable",
    tag = "administration",
    operation_id = "enable_mailbox",
    security(("administrator" = [])),
    params(("id" = Uuid, Path, description = "The mailbox's id.")),
    responses(
        (status = 200, description = "Enabled: its mail is read again.", body = MailboxSummary),
        (status = 400, description = "`corrupted_request`: the id is not a UUID.", body = SyncErrorBody),
        (status = 401, description = "`enrollment_refused`: not the administrator's enrollment token.", body = SyncErrorBody),
        (status = 404, description = "`mailbox_missing`: no mailbox has this id.", body = SyncErrorBody),
    )
)]
pub async fn enable(
    _admin: Admin,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<MailboxSummary>, ApiError> {
    set_enabled(&state, &id, true).await
}

async fn set_enabled(
    state: &AppState,
    id: &str,
    enabled: bool,
) -> Result<Json<MailboxSummary>, ApiError> {
    let id = mailbox_id(id)?;
    let mailbox = mailboxes::set_enabled(state.pool(), id, enabled)
        .await?
        .ok_or_else(|| missing(id))?;
    tracing::info!(mailbox_id = %id, enabled, "mailbox enabled or disabled");
    Ok(Json(mailbox))
}

fn mailbox_id(id: &str) -> Result<Uuid, ApiError> {
    Uuid::parse_str(id)
        .map_err(|_| ApiError::corrupted(format!("identificador de caixa inválido: {id:?}.")))
}

/// 404 `mailbox_missing`.
fn missing(id: Uuid) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "mailbox_missing",
        format!("Nenhuma caixa de correio tem o identificador {id}."),
    )
}

/// 422 `invalid_mailbox`, naming each wrong field.
fn invalid(named: Vec<String>) -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_mailbox",
        format!("Caixa de correio recusada. {}", named.join(" ")),
    )
}
