//! Every error the server answers: an HTTP status and a [`SyncErrorBody`] with a stable
//! snake_case code (for the desktop) and a pt-BR message (for the operator).
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use helpdesk_core::sync::{SyncErrorBody, MAX_BATCH_ROWS};

/// An error answered to a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// Seconds to wait before trying again, sent as `Retry-After`.
    pub retry_after: Option<u64>,
}

/// The code of an error answer, kept in the response's extensions (for the metrics).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorCode(pub &'static str);

impl ApiError {
    /// An error with any status and code.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    /// 429 `too_many_attempts`: this address presented too many wrong credentials; it may
    /// try again in `wait`.
    pub fn too_many_attempts(wait: std::time::Duration) -> ApiError {
        let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
        ApiError {
            retry_after: Some(seconds.max(1)),
            ..ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_attempts",
                format!(
                    "Muitas tentativas com credenciais erradas a partir deste endereço. Tente de novo em {} segundos.",
                    seconds.max(1)
                ),
            )
        }
    }

    /// 503 `server_busy`: the instance serves as many requests as it may.
    pub fn server_busy() -> ApiError {
        ApiError {
            retry_after: Some(1),
            ..ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "server_busy",
                "O servidor de sincronização está ocupado. Tente de novo em instantes.",
            )
        }
    }

    /// 503 `request_timeout`: the request took longer than the server allows.
    pub fn request_timeout() -> ApiError {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "request_timeout",
            "O pedido demorou demais e foi interrompido pelo servidor. Tente de novo; se persistir, verifique a conexão.",
        )
    }

    /// 404 `not_found`: no such route.
    pub fn not_found() -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "Endereço desconhecido no servidor de sincronização.",
        )
    }

    /// 401 `metrics_refused`: the metrics token does not match.
    pub fn metrics_refused() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "metrics_refused",
            "O token das métricas não confere.",
        )
    }

    /// 400 `corrupted_request`: the request is not what the protocol says.
    pub fn corrupted(detail: impl std::fmt::Display) -> ApiError {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "corrupted_request",
            format!("Pedido corrompido: {detail}"),
        )
    }

    /// 413 `batch_too_large`: more than [`MAX_BATCH_ROWS`] items.
    pub fn batch_too_large(count: usize) -> ApiError {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "batch_too_large",
            format!(
                "O lote tem {count} itens; o máximo é {MAX_BATCH_ROWS}. Envie em partes menores."
            ),
        )
    }

    /// 413 `payload_too_large`: the body passed the size limit.
    pub fn payload_too_large() -> ApiError {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            "O pedido é grande demais para o servidor.",
        )
    }

    /// 401 `integration_refused`: no key, an unknown or revoked one.
    pub fn integration_refused() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "integration_refused",
            "Chave de integração ausente, desconhecida ou revogada. Peça uma chave ao administrador do provedor.",
        )
    }

    /// 401 `enrollment_refused`: the administrator's token does not match.
    pub fn enrollment_refused() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "enrollment_refused",
            "O token de registro não confere. Peça o token correto ao administrador do servidor.",
        )
    }

    /// 401 `device_unknown`: no credential, or one the server does not know.
    pub fn device_unknown() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "device_unknown",
            "Este computador não está cadastrado no servidor de sincronização (credencial ausente ou inválida). Cadastre-o novamente com o token do administrador.",
        )
    }

    /// 403 `device_revoked`: the administrator revoked this desktop.
    pub fn device_revoked() -> ApiError {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "device_revoked",
            "Este computador foi desautorizado pelo administrador e não sincroniza mais. Fale com o administrador para cadastrá-lo de novo.",
        )
    }

    /// 409 `protocol_taken`: a protocol a desktop registers with belongs to another desktop
    /// or ticket.
    pub fn protocol_taken(protocol: &str) -> ApiError {
        ApiError::new(
            StatusCode::CONFLICT,
            "protocol_taken",
            format!(
                "O protocolo {protocol} já pertence a outro computador ou chamado. Nada foi gravado; fale com o administrador."
            ),
        )
    }

    /// 503 `database_unavailable`: PostgreSQL does not answer.
    pub fn database_unavailable() -> ApiError {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "database_unavailable",
            "O banco de dados do servidor não responde. Tente de novo em alguns minutos.",
        )
    }

    /// 500 `internal_error`: a fault of the server (logged).
    pub fn internal() -> ApiError {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "Erro interno do servidor de sincronização. Tente de novo; se persistir, avise o administrador.",
        )
    }

    /// The body sent for this error.
    pub fn body(&self) -> SyncErrorBody {
        SyncErrorBody {
            code: self.code.to_owned(),
            message: self.message.clone(),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status.as_u16(),
            self.code,
            self.message
        )
    }
}

impl std::error::Error for ApiError {}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body())).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
        response.extensions_mut().insert(ErrorCode(self.code));
        response
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> ApiError {
        if is_unavailable(&error) {
            tracing::warn!(error = %error, "database unavailable");
            ApiError::database_unavailable()
        } else {
            tracing::error!(error = %error, "database error");
            ApiError::internal()
        }
    }
}

/// Whether the error means PostgreSQL cannot be reached (rather than a bad query).
pub(crate) fn is_unavailable(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Io(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed
        | sqlx::Error::Tls(_) => true,
        // 57P01..57P03: the server is shutting down or starting; 08xxx: connection errors.
        sqlx::Error::Database(database) => database
            .code()
            .is_some_and(|code| code.starts_with("57P") || code.starts_with("08")),
        _ => false,
    }
}

/// Whether retrying the whole transaction may succeed (deadlock, serialization failure).
pub(crate) fn is_retryable(error: &sqlx::Error) -> bool {
    matches!(
        error,
        sqlx::Error::Database(database)
            if matches!(database.code().as_deref(), Some("40P01" | "40001"))
    )
}
