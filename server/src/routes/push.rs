//! `POST /v1/push`: a desktop's changed rows, merged into the server's in one transaction.
use axum::extract::State;
use axum::Json;
use helpdesk_core::sync::{FieldValue, PushRequest, PushResponse, SyncRow, SyncTable};
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
pub async fn push(
    device: Device,
    State(state): State<AppState>,
    JsonBody(request): JsonBody<PushRequest>,
) -> Result<Json<PushResponse>, ApiError> {
    validate::batch(&request.rows)?;
    let forbidden = request
        .rows
        .iter()
        .filter(|row| !device.profile.may_write(&row.table))
        .find_map(|row| SyncTable::named(&row.table));
    if let Some(table) = forbidden {
        return Err(ApiError::table_forbidden(device.profile, table));
    }
    let mut attempt = 1;
    loop {
        match apply(&state, device.id, &request.rows).await {
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

async fn apply(state: &AppState, device: Uuid, batch: &[SyncRow]) -> Result<(u32, u32), Failure> {
    let mut tx = state.pool().begin().await?;
    let merged = rows::merge_batch(&mut tx, batch).await?;
    claim_protocols(&mut tx, device, &merged.rows).await?;
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
