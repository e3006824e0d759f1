//! The HTTP routes and the layers around them.
pub mod blobs;
pub mod devices;
pub mod health;
pub mod integrations;
pub mod mailboxes;
pub mod portal;
pub mod portal_form;
pub mod pull;
pub mod push;

use std::any::Any;
use std::time::Duration;

use axum::body::Body;
use axum::extract::DefaultBodyLimit;
use axum::http::{Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;
use tracing::Span;

use crate::error::ApiError;
use crate::state::AppState;

/// The largest JSON body (a push of [`helpdesk_core::sync::MAX_BATCH_ROWS`] long rows).
pub const MAX_JSON_BYTES: usize = 64 * 1024 * 1024;

/// Every route of the server over `state`, with request logging, body limits and JSON
/// errors for unknown routes and panics.
pub fn router(state: AppState) -> Router {
    let blob_limit = DefaultBodyLimit::max(state.max_blob_bytes());
    Router::new()
        .route("/health", get(health::health))
        .route("/v1/devices", post(devices::register).get(devices::list))
        .route("/v1/devices/{id}/revoke", post(devices::revoke))
        .route(
            "/v1/integrations",
            post(integrations::create).get(integrations::list),
        )
        .route("/v1/integrations/{id}/revoke", post(integrations::revoke))
        .route(
            "/v1/mailboxes",
            post(mailboxes::create).get(mailboxes::list),
        )
        .route("/v1/mailboxes/{id}", put(mailboxes::update))
        .route("/v1/mailboxes/{id}/disable", post(mailboxes::disable))
        .route("/v1/mailboxes/{id}/enable", post(mailboxes::enable))
        .route(
            "/v1/portal/messages",
            post(portal::post).layer(DefaultBodyLimit::max(portal::max_body_bytes(
                state.max_blob_bytes(),
            ))),
        )
        .route("/portal/estilo.css", get(portal_form::stylesheet))
        .route(
            "/portal/{integration}",
            get(portal_form::show)
                .post(portal_form::send)
                .layer(DefaultBodyLimit::max(portal_form::max_body_bytes(
                    state.max_blob_bytes(),
                ))),
        )
        .route("/v1/push", post(push::push))
        .route("/v1/pull", post(pull::pull))
        .route("/v1/blobs/missing", post(blobs::missing))
        .route(
            "/v1/blobs/{hash}",
            get(blobs::get).put(blobs::put).layer(blob_limit),
        )
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_JSON_BYTES))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_request(())
                .on_response(log_response)
                .on_failure(()),
        )
        .with_state(state)
}

/// The span of a request: its line in the log carries these fields, and the desktop's id
/// once authenticated ([`crate::auth::Device`] records it).
fn request_span(request: &Request<Body>) -> Span {
    tracing::info_span!(
        "request",
        method = %request.method(),
        path = %request.uri().path(),
        device_id = tracing::field::Empty,
    )
}

fn log_response(response: &Response, latency: Duration, _span: &Span) {
    tracing::info!(
        status = response.status().as_u16(),
        latency_ms = latency.as_micros() as f64 / 1000.0,
        "request"
    );
}

async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "Endereço desconhecido no servidor de sincronização.",
    )
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "Método não permitido neste endereço do servidor de sincronização.",
    )
}

fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    let detail = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    tracing::error!(panic = detail, "request handler panicked");
    ApiError::internal().into_response()
}
