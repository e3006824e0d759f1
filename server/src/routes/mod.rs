//! The HTTP routes and the layers around them.
pub mod blobs;
pub mod devices;
pub mod health;
pub mod integrations;
pub mod mailboxes;
pub mod metrics;
pub mod portal;
pub mod portal_form;
pub mod pull;
pub mod push;
pub mod snapshot;

use std::any::Any;
use std::time::Duration;

use axum::body::Body;
use axum::error_handling::HandleErrorLayer;
use axum::extract::DefaultBodyLimit;
use axum::http::{Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{middleware, BoxError, Router};
use tower::limit::GlobalConcurrencyLimitLayer;
use tower::load_shed::error::Overloaded;
use tower::load_shed::LoadShedLayer;
use tower::timeout::error::Elapsed;
use tower::timeout::TimeoutLayer;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;
use tracing::Span;

use crate::error::ApiError;
use crate::state::AppState;

/// The largest push body ([`helpdesk_core::sync::MAX_BATCH_ROWS`] long rows).
pub const MAX_PUSH_BYTES: usize = 64 * 1024 * 1024;
/// The largest body of every other JSON route (a registration with its issued protocols,
/// a list of 1,000 blob hashes, the administrator's requests; `/v1/pull` takes a cursor).
/// Blobs and the portal's routes have limits of their own, from the blob limit.
pub const MAX_JSON_BYTES: usize = devices::MAX_REGISTRATION_BYTES;

/// Every route of the server over `state`, with request logging, metrics, body limits, a
/// timeout and a limit of concurrent requests per instance (`limits`), and JSON errors for
/// unknown routes, panics, timeouts and overload.
pub fn router(state: AppState, limits: Limits) -> Router {
    let blob_limit = DefaultBodyLimit::max(state.max_blob_bytes());
    let overload = ServiceBuilder::new()
        .layer(HandleErrorLayer::new(overload_response))
        .layer(LoadShedLayer::new())
        .layer(GlobalConcurrencyLimitLayer::new(
            limits.max_concurrent_requests,
        ))
        .layer(TimeoutLayer::new(limits.request_timeout));
    Router::new()
        .route("/health", get(health::health))
        .route("/metrics", get(metrics::metrics))
        .route("/v1/openapi.json", get(crate::openapi::document_route))
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
        .route(
            "/v1/push",
            post(push::push)
                .layer(DefaultBodyLimit::max(MAX_PUSH_BYTES))
                .layer(middleware::from_fn_with_state(
                    state.clone(),
                    crate::metrics::count_push_rows,
                )),
        )
        .route("/v1/pull", post(pull::pull))
        .route("/v1/snapshot", get(snapshot::latest))
        .route("/v1/snapshot/{id}/{number}", get(snapshot::chunk))
        .route("/v1/blobs/missing", post(blobs::missing))
        .route(
            "/v1/blobs/{hash}",
            get(blobs::get).put(blobs::put).layer(blob_limit),
        )
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_JSON_BYTES))
        .layer(overload)
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::metrics::count_requests,
        ))
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

/// The limits of [`router`] (from [`crate::Config`]).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The longest a request may take, reading its body included.
    pub request_timeout: Duration,
    /// Requests served at once; more are answered 503 `server_busy` at once.
    pub max_concurrent_requests: usize,
}

impl From<&crate::Config> for Limits {
    fn from(config: &crate::Config) -> Limits {
        Limits {
            request_timeout: config.request_timeout,
            max_concurrent_requests: config.max_concurrent_requests,
        }
    }
}

/// A request that timed out or found the instance full.
async fn overload_response(error: BoxError) -> ApiError {
    if error.is::<Overloaded>() {
        tracing::warn!("too many requests at once: one refused");
        ApiError::server_busy()
    } else if error.is::<Elapsed>() {
        tracing::warn!("a request timed out");
        ApiError::request_timeout()
    } else {
        tracing::error!(error = %error, "request failed in a layer");
        ApiError::internal()
    }
}

async fn not_found() -> ApiError {
    ApiError::not_found()
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
