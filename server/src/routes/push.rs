//! `POST /v1/push`: a desktop's changed rows, merged into the server's in one transaction.
use std::collections::HashSet;

use axum::extract::State;
use axum::Json;
use helpdesk_core::sync::{FieldValue, PushRequest, PushResponse, SyncRow};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::auth::Device;
use crate::error::{is_retryable, ApiError};
use crate::extract::JsonBody;
use crate::repo::{protocols, rows};
use crate::state::AppState;
use crate::validate;

/// How often a push is tried again when PostgreSQL aborts it for a deadlock or a
/// serialization failure (the merge is idempotent, so trying again is safe).
const ATTEMPTS: usize = 5;

/// Validates the whole batch, then merges it; all of it or nothing is applied.
///
/// Each row is merged as the desktop's profile may write it ([`DesktopProfile::writable`]):
/// a service desktop's `users` rows only by their password fields; any row it may not write
/// refuses the batch.
///
/// [`DesktopProfile::writable`]: helpdesk_core::sync::DesktopProfile::writable
pub async fn push(
    device: Device,
    State(state): State<AppState>,
    JsonBody(request): JsonBody<PushRequest>,
) -> Result<Json<PushResponse>, ApiError> {
    validate::batch(&request.rows)?;
    let mut attempt = 1;
    loop {
        match apply(&state, device, &request.rows).await {
            Err(Failure::Db(error)) if is_retryable(&error) && attempt < ATTEMPTS => {
                tracing::info!(error = %error, attempt, "push aborted by PostgreSQL, trying again");
                attempt += 1;
            }
            Err(Failure::Db(error)) => return Err(error.into()),
            Err(Failure::Api(error)) => return Err(error),
            Ok((changed, unchanged)) => {
                return Ok(Json(PushResponse {
                    changed,
                    unchanged,
                    refused: Vec::new(),
                    server_time_ms: crate::now_ms(),
                }))
            }
        }
    }
}

enum Failure {
    Db(sqlx::Error),
    Api(ApiError),
}

impl From<sqlx::Error> for Failure {
    fn from(error: sqlx::Error) -> Failure {
        Failure::Db(error)
    }
}

async fn apply(state: &AppState, device: Device, batch: &[SyncRow]) -> Result<(u32, u32), Failure> {
    let mut tx = state.pool().begin().await?;
    // Whether a user administers is decided by the roles as the server holds them.
    let administrator_roles =
        if !device.profile.may_write("users") && batch.iter().any(|row| row.table == "users") {
            rows::administrator_roles(&mut *tx).await?
        } else {
            HashSet::new()
        };
    let merged = rows::merge_batch(&mut tx, batch, |row, stored| {
        device
            .profile
            .writable(row, Some(stored), &administrator_roles)
            .map_err(|refusal| Failure::Api(ApiError::refused(device.profile, &refusal)))
    })
    .await?;
    claim_protocols(&mut tx, device.id, &merged.rows).await?;
    tx.commit().await?;
    Ok((merged.changed, merged.unchanged))
}

/// Every ticket of the batch keeps its protocol for itself: claimed for it if free,
/// refused if another ticket (or desktop) holds it.
async fn claim_protocols(
    conn: &mut PgConnection,
    device: Uuid,
    merged: &[SyncRow],
) -> Result<(), Failure> {
    let claims: Vec<(String, Uuid)> = merged
        .iter()
        .filter(|row| row.table == "tickets")
        .filter_map(|row| match row.value("protocol") {
            Some(FieldValue::Text(protocol)) if !protocol.is_empty() => {
                Some((protocol.clone(), row.id))
            }
            _ => None,
        })
        .collect();
    match protocols::claim_for_tickets(conn, device, &claims).await? {
        Some(taken) => Err(Failure::Api(ApiError::protocol_taken(&taken))),
        None => Ok(()),
    }
}
