//! The server's API as an OpenAPI document, generated from the routes' annotations
//! (utoipa) and served at `GET /v1/openapi.json`. The repository keeps a copy
//! (`server/openapi.json`); a test fails when it is stale.
use std::sync::LazyLock;

use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use utoipa::openapi::header::Header;
use utoipa::openapi::path::Operation;
use utoipa::openapi::response::Response as ResponseDoc;
use utoipa::openapi::schema::{KnownFormat, SchemaFormat};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::{Content, Object, Ref, RefOr, Schema, Type};
use utoipa::{Modify, OpenApi};

use crate::routes;

/// The document's operations and schemas (see [`document`]).
#[derive(OpenApi)]
#[openapi(
    info(
        title = "helpdesk-server",
        description = "The central sync server of the help desk: desktops register, push and pull their rows and attachments; administrators manage desktops, integrations and support mailboxes; the provider's portal posts support messages. Every error is a `SyncErrorBody` (a stable snake_case code and a pt-BR message)."
    ),
    paths(
        routes::health::health,
        routes::metrics::metrics,
        document_route,
        routes::devices::register,
        routes::devices::list,
        routes::devices::revoke,
        routes::push::push,
        routes::pull::pull,
        routes::snapshot::latest,
        routes::snapshot::chunk,
        routes::blobs::missing,
        routes::blobs::put,
        routes::blobs::get,
        routes::integrations::create,
        routes::integrations::list,
        routes::integrations::revoke,
        routes::mailboxes::create,
        routes::mailboxes::list,
        routes::mailboxes::update,
        routes::mailboxes::disable,
        routes::mailboxes::enable,
        routes::portal::post,
    ),
    modifiers(&SecuritySchemes, &CommonResponses),
    tags(
        (name = "sync", description = "What a desktop uses: registration, push, pull, attachments."),
        (name = "administration", description = "The administrator's (the enrollment token): desktops, integrations, support mailboxes."),
        (name = "portal", description = "The provider's site or app (an integration's key)."),
        (name = "operation", description = "Load balancers, monitoring, this document."),
    )
)]
struct ApiDoc;

/// The security scheme of a desktop's credential (`<device id>.<secret>`).
pub const DESKTOP: &str = "desktop";
/// The security scheme of the administrator's enrollment token.
pub const ADMINISTRATOR: &str = "administrator";
/// The security scheme of an integration's key (`<integration id>.<secret>`).
pub const INTEGRATION: &str = "integration";
/// The security scheme of the metrics token.
pub const METRICS: &str = "metrics";

/// The OpenAPI document of every JSON route (the portal's HTML form pages are left out).
pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// [`document`] as pretty JSON with a final newline: what `server/openapi.json` holds.
pub fn document_json() -> String {
    static JSON: LazyLock<String> = LazyLock::new(|| match document().to_pretty_json() {
        Ok(json) => json + "\n",
        Err(error) => {
            tracing::error!(error = %error, "the OpenAPI document could not be written");
            String::from("{}\n")
        }
    });
    JSON.clone()
}

/// `GET /v1/openapi.json`: this server's OpenAPI document.
#[utoipa::path(
    get,
    path = "/v1/openapi.json",
    tag = "operation",
    operation_id = "openapi",
    responses((status = 200, description = "The OpenAPI document.", body = Object))
)]
pub async fn document_route() -> Response {
    ([(CONTENT_TYPE, "application/json")], document_json()).into_response()
}

/// An attachment's bytes, the body of `PUT` and `GET /v1/blobs/{hash}`.
pub struct Binary;

impl utoipa::PartialSchema for Binary {
    fn schema() -> RefOr<Schema> {
        let mut object = Object::with_type(Type::String);
        object.format = Some(SchemaFormat::KnownFormat(KnownFormat::Binary));
        object.content_media_type = "application/octet-stream".to_owned();
        RefOr::T(Schema::Object(object))
    }
}

impl utoipa::ToSchema for Binary {}

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        for (name, description) in [
            (DESKTOP, "A registered desktop's credential, `<device id>.<secret>`, answered once by `POST /v1/devices`."),
            (ADMINISTRATOR, "The administrator's enrollment token (`HELPDESK_SERVER_ENROLLMENT_TOKEN`)."),
            (INTEGRATION, "An integration's key, `<integration id>.<secret>`, answered once by `POST /v1/integrations`."),
            (METRICS, "The metrics token (`HELPDESK_SERVER_METRICS_TOKEN`)."),
        ] {
            let mut http = Http::new(HttpAuthScheme::Bearer);
            http.description = Some(description.to_owned());
            components.add_security_scheme(name, SecurityScheme::Http(http));
        }
    }
}

/// The answers any operation may give, added to each so no annotation can forget them:
/// 503 (`database_unavailable`, `server_busy` with `Retry-After`, `request_timeout`) to
/// every one; 413 `payload_too_large` to each with a body; 429 `too_many_attempts` (with
/// `Retry-After`) to each that checks a credential (a bearer one, or registration's token).
struct CommonResponses;

impl Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            for operation in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                add_common(operation);
            }
        }
    }
}

fn add_common(operation: &mut Operation) {
    let checks_credential = operation
        .security
        .as_ref()
        .is_some_and(|requirements| !requirements.is_empty())
        || operation.operation_id.as_deref() == Some("register");
    let responses = &mut operation.responses.responses;
    if operation.request_body.is_some() {
        responses.entry("413".to_owned()).or_insert_with(|| {
            error_response(
                "`payload_too_large`: the body passed the route's size limit.",
                false,
            )
        });
    }
    if checks_credential {
        responses.entry("429".to_owned()).or_insert_with(|| {
            error_response(
                "`too_many_attempts`: this address presented too many wrong credentials; try again after `Retry-After` seconds.",
                true,
            )
        });
    }
    responses.entry("503".to_owned()).or_insert_with(|| {
        error_response(
            "`database_unavailable` (PostgreSQL does not answer), `server_busy` (the instance serves as many requests as it may; `Retry-After`) or `request_timeout`.",
            true,
        )
    });
}

/// An error answer: a `SyncErrorBody`, with a `Retry-After` header when `retry_after`.
fn error_response(description: &str, retry_after: bool) -> RefOr<ResponseDoc> {
    let mut response = ResponseDoc::new(description);
    response.content.insert(
        "application/json".to_owned(),
        RefOr::T(Content::new(Some(Ref::from_schema_name("SyncErrorBody")))),
    );
    if retry_after {
        let mut header = Header::new(Object::with_type(Type::Integer));
        header.description = Some("Seconds to wait before trying again (when sent).".to_owned());
        response
            .headers
            .insert("Retry-After".to_owned(), header.into());
    }
    RefOr::T(response)
}
