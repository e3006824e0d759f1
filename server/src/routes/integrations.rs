//! The provider's integrations (its site or app posting support messages), for the
//! administrator: create one (its key is answered only then), list them, revoke one.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use helpdesk_core::server_admin::MAX_INTEGRATION_NAME_CHARS;
use helpdesk_core::sync::SyncErrorBody;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::Admin;
use crate::credential;
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::repo::integrations::{self, IntegrationSummary};
use crate::state::AppState;

/// `POST /v1/integrations`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct NewIntegration {
    pub name: String,
}

/// What creating an integration answers: the key appears here only. Its `Debug` hides the
/// key.
#[derive(Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CreatedIntegration {
    pub integration: IntegrationSummary,
    /// `<integration_id>.<secret>`, sent as `Authorization: Bearer <key>`.
    pub key: String,
}

impl std::fmt::Debug for CreatedIntegration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreatedIntegration")
            .field("integration", &self.integration)
            .field("key", &"<hidden>")
            .finish()
    }
}

/// `POST /v1/integrations` (administrator): a new integration and its key.
#[utoipa::path(
    post,
    path = "/v1/integrations",
    tag = "administration",
    operation_id = "create_integration",
    security(("administrator" = [])),
    request_body = NewIntegration,
    responses(
        (status = 201, description = "Created: the integration and its key, answered only now.", body = CreatedIntegration),
        (status = 400, description = "`corrupted_request`: not JSON of this shape, an empty or too long name.", body = SyncErrorBody),
        (status = 401, description = "`enrollment_refused`: not the administrator's enrollment token.", body = SyncErrorBody),
    )
)]
pub async fn create(
    _admin: Admin,
    State(state): State<AppState>,
    JsonBody(request): JsonBody<NewIntegration>,
) -> Result<(StatusCode, Json<CreatedIntegration>), ApiError> {
    let name = request.name.trim();
    if name.is_empty() || name.chars().count() > MAX_INTEGRATION_NAME_CHARS || name.contains('\0') {
        return Err(ApiError::corrupted(format!(
            "o nome da integração deve ter de 1 a {MAX_INTEGRATION_NAME_CHARS} caracteres, sem o caractere nulo (U+0000)."
        )));
    }
    let id = Uuid::now_v7();
    let key = credential::new_credential(id);
    let integration = integrations::insert(state.pool(), id, name, &key.secret_digest).await?;
    tracing::info!(integration_id = %id, name, "integration created");
    Ok((
        StatusCode::CREATED,
        Json(CreatedIntegration {
            integration,
            key: key.credential,
        }),
    ))
}

/// `GET /v1/integrations` (administrator): every integration, the newest first.
#[utoipa::path(
    get,
    path = "/v1/integrations",
    tag = "administration",
    operation_id = "list_integrations",
    security(("administrator" = [])),
    responses(
        (status = 200, description = "Every integration, the newest first (never their keys).", body = Vec<IntegrationSummary>),
        (status = 401, description = "`enrollment_refused`: not the administrator's enrollment token.", body = SyncErrorBody),
    )
)]
pub async fn list(
    _admin: Admin,
    State(state): State<AppState>,
) -> Result<Json<Vec<IntegrationSummary>>, ApiError> {
    Ok(Json(integrations::list(state.pool()).await?))
}

/// `POST /v1/integrations/{id}/revoke` (administrator): its key is refused at once.
#[utoipa::path(
    post,
    path = "/v1/integrations/{id}/revoke",
    tag = "administration",
    operation_id = "revoke_integration",
    security(("administrator" = [])),
    params(("id" = Uuid, Path, description = "The integration's id.")),
    responses(
        (status = 200, description = "Revoked (again: as it was).", body = IntegrationSummary),
        (status = 400, description = "`corrupted_request`: the id is not a UUID.", body = SyncErrorBody),
        (status = 401, description = "`enrollment_refused`: not the administrator's enrollment token.", body = SyncErrorBody),
        (status = 404, description = "`integration_missing`: no integration has this id.", body = SyncErrorBody),
    )
)]
pub async fn revoke(
    _admin: Admin,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<IntegrationSummary>, ApiError> {
    let id = Uuid::parse_str(&id).map_err(|_| {
        ApiError::corrupted(format!("identificador de integração inválido: {id:?}."))
    })?;
    let integration = integrations::revoke(state.pool(), id)
        .await?
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "integration_missing",
                format!("Nenhuma integração tem o identificador {id}."),
            )
        })?;
    tracing::info!(integration_id = %id, "integration revoked");
    Ok(Json(integration))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_key() {
        let created = CreatedIntegration {
            integration: IntegrationSummary {
                id: Uuid::nil(),
                name: "Site".into(),
                created_at: chrono::Utc::now(),
                revoked_at: None,
                last_used_at: None,
                form_path: "/portal/x".into(),
            },
            key: "00000000-0000-0000-0000-000000000000.s3cret-key".into(),
        };
        let shown = format!("{created:?}");
        assert!(!shown.contains("s3cret-key"), "{shown}");
        assert!(shown.contains("Site"), "{shown}");
    }
}
