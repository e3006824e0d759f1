//! Desktops: registration with the enrollment token, and the administrator's list and
//! revocation.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use helpdesk_core::sync::{
    RegistrationRequest, RegistrationResponse, SyncErrorBody, MAX_BATCH_ROWS,
};
use uuid::Uuid;

use crate::auth::{Admin, Caller};
use crate::credential;
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::repo::devices::{self, DeviceSummary, FIRST_DESKTOP_NUMBER, LAST_DESKTOP_NUMBER};
use crate::repo::protocols;
use crate::state::AppState;

/// The longest desktop name accepted.
const MAX_NAME_CHARS: usize = 200;
/// The longest protocol accepted.
const MAX_PROTOCOL_CHARS: usize = 64;
/// The most protocols a desktop may bring when it registers.
/// (50,000 protocols of 16 characters fit in [`MAX_REGISTRATION_BYTES`].)
const MAX_ISSUED_PROTOCOLS: usize = 50 * MAX_BATCH_ROWS;
/// The largest registration body read, before the token in it is checked.
pub const MAX_REGISTRATION_BYTES: usize = 1024 * 1024;

/// `POST /v1/devices`: registers a desktop, assigns it the smallest free number, reserves
/// the protocols it gave before, and answers its credential (shown only this once).
///
/// At most [`MAX_REGISTRATION_BYTES`] of body are read (the router's limit); a wrong token
/// counts against the caller's address like a wrong `Authorization`.
#[utoipa::path(
    post,
    path = "/v1/devices",
    tag = "sync",
    operation_id = "register",
    request_body = RegistrationRequest,
    responses(
        (status = 201, description = "Registered: the desktop's number and its credential, answered only now.", body = RegistrationResponse),
        (status = 400, description = "`corrupted_request`: not JSON of this shape, an empty or too long name or protocol.", body = SyncErrorBody),
        (status = 401, description = "`enrollment_refused`: the enrollment token does not match.", body = SyncErrorBody),
        (status = 409, description = "`protocol_taken` (an issued protocol belongs to another desktop or ticket) or `desktop_numbers_exhausted`.", body = SyncErrorBody),
        (status = 413, description = "`batch_too_large` (more than 50,000 issued protocols) or `payload_too_large` (a body over 1 MiB).", body = SyncErrorBody),
    )
)]
pub async fn register(
    caller: Caller,
    State(state): State<AppState>,
    JsonBody(request): JsonBody<RegistrationRequest>,
) -> Result<(StatusCode, Json<RegistrationResponse>), ApiError> {
    if !state.is_enrollment_token(request.enrollment_token.trim()) {
        return Err(caller.failed(&state, ApiError::enrollment_refused()));
    }
    let name = request.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS || name.contains('\0') {
        return Err(ApiError::corrupted(format!(
            "o nome do computador deve ter de 1 a {MAX_NAME_CHARS} caracteres, sem o caractere nulo (U+0000)."
        )));
    }
    if request.issued_protocols.len() > MAX_ISSUED_PROTOCOLS {
        return Err(ApiError::batch_too_large(request.issued_protocols.len()));
    }
    if let Some(bad) = request.issued_protocols.iter().find(|protocol| {
        protocol.trim().is_empty()
            || protocol.chars().count() > MAX_PROTOCOL_CHARS
            || protocol.contains('\0')
    }) {
        return Err(ApiError::corrupted(format!("protocolo inválido: {bad:?}.")));
    }

    let id = Uuid::now_v7();
    let credential = credential::new_credential(id);
    let mut tx = state.pool().begin().await?;
    let number = devices::insert(
        &mut tx,
        id,
        name,
        request.profile,
        &credential.secret_digest,
        request.origin,
    )
    .await?
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::CONFLICT,
                "desktop_numbers_exhausted",
                format!(
                    "Todos os números de computador ({FIRST_DESKTOP_NUMBER} a {LAST_DESKTOP_NUMBER}) já foram usados. Nenhum computador novo pode ser cadastrado."
                ),
            )
        })?;
    if let Some(taken) = protocols::claim_issued(&mut tx, id, &request.issued_protocols).await? {
        return Err(ApiError::protocol_taken(&taken));
    }
    tx.commit().await?;
    tracing::info!(
        device_id = %id,
        desktop_number = number,
        name,
        profile = request.profile.code(),
        "desktop registered"
    );
    Ok((
        StatusCode::CREATED,
        Json(RegistrationResponse {
            device_id: id,
            desktop_number: number,
            profile: request.profile,
            credential: credential.credential,
        }),
    ))
}

/// `GET /v1/devices` (administrator): every desktop, by number.
#[utoipa::path(
    get,
    path = "/v1/devices",
    tag = "administration",
    operation_id = "list_devices",
    security(("administrator" = [])),
    responses(
        (status = 200, description = "Every desktop, by number.", body = Vec<DeviceSummary>),
        (status = 401, description = "`enrollment_refused`: not the administrator's enrollment token.", body = SyncErrorBody),
    )
)]
pub async fn list(
    _admin: Admin,
    State(state): State<AppState>,
) -> Result<Json<Vec<DeviceSummary>>, ApiError> {
    Ok(Json(devices::list(state.pool()).await?))
}

/// `POST /v1/devices/{id}/revoke` (administrator): the desktop stops syncing at once.
#[utoipa::path(
    post,
    path = "/v1/devices/{id}/revoke",
    tag = "administration",
    operation_id = "revoke_device",
    security(("administrator" = [])),
    params(("id" = Uuid, Path, description = "The desktop's id.")),
    responses(
        (status = 200, description = "Revoked (again: as it was).", body = DeviceSummary),
        (status = 400, description = "`corrupted_request`: the id is not a UUID.", body = SyncErrorBody),
        (status = 401, description = "`enrollment_refused`: not the administrator's enrollment token.", body = SyncErrorBody),
        (status = 404, description = "`device_missing`: no desktop has this id.", body = SyncErrorBody),
    )
)]
pub async fn revoke(
    _admin: Admin,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<DeviceSummary>, ApiError> {
    let id = Uuid::parse_str(&id).map_err(|_| {
        ApiError::corrupted(format!("identificador de computador inválido: {id:?}."))
    })?;
    let device = devices::revoke(state.pool(), id).await?.ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "device_missing",
            format!("Nenhum computador cadastrado tem o identificador {id}."),
        )
    })?;
    tracing::info!(device_id = %id, "desktop revoked");
    Ok(Json(device))
}
