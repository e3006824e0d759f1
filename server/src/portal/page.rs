//! The public form's pages (askama templates in `server/templates`), answered with a strict
//! Content-Security-Policy: no script at all, styles from this server only, forms posted
//! back here only.
use askama::Template;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use helpdesk_core::attachment::describe_size;
use helpdesk_core::form::FieldError;
use helpdesk_core::portal::{fields, MAX_FILES};

use super::form::FormValues;

/// The pages' stylesheet, served at `/portal/estilo.css`.
pub const STYLESHEET: &str = include_str!("../../templates/portal.css");

/// The policy of every page of the form.
const POLICY: &str =
    "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; img-src 'self'";

/// One text field of the form as shown.
pub struct FieldView {
    name: &'static str,
    label: &'static str,
    input_type: &'static str,
    autocomplete: &'static str,
    required: bool,
    multiline: bool,
    value: String,
    error: Option<String>,
}

/// The form, empty or as sent back with its errors.
#[derive(Template)]
#[template(path = "portal_form.html")]
pub struct FormPage {
    submission: String,
    general: Option<String>,
    fields: Vec<FieldView>,
    files_error: Option<String>,
    files_again: bool,
    max_files: usize,
    max_file_size: String,
}

impl FormPage {
    /// The form with `values` kept and each error at its field; `submission` identifies
    /// this sending (a second post of it is the same message); `files_again` when files
    /// were chosen and must be chosen again.
    pub fn new(
        submission: String,
        values: &FormValues,
        errors: &[FieldError],
        files_again: bool,
        max_file_bytes: usize,
    ) -> FormPage {
        let error_at = |name: &str| {
            errors
                .iter()
                .find(|error| error.field == name)
                .map(|error| error.message.clone())
        };
        let field = |name: &'static str, label, input_type, autocomplete, value: &str| FieldView {
            name,
            label,
            input_type,
            autocomplete,
            required: matches!(name, fields::EMAIL | fields::SUBJECT | fields::TEXT),
            multiline: name == fields::TEXT,
            value: value.to_owned(),
            error: error_at(name),
        };
        FormPage {
            submission,
            general: None,
            fields: vec![
                field(fields::NAME, "Nome", "text", "name", &values.name),
                field(fields::EMAIL, "E-mail", "email", "email", &values.email),
                field(
                    fields::DOCUMENT,
                    "CPF ou CNPJ",
                    "text",
                    "off",
                    &values.document,
                ),
                field(
                    fields::LOGIN,
                    "Usuário da conexão (login)",
                    "text",
                    "off",
                    &values.login,
                ),
                field(fields::SUBJECT, "Assunto", "text", "off", &values.subject),
                field(fields::TEXT, "Mensagem", "text", "off", &values.text),
            ],
            files_error: error_at(fields::ATTACHMENTS),
            files_again,
            max_files: MAX_FILES,
            max_file_size: describe_size(max_file_bytes as u64),
        }
    }

    /// The same page with a message above the form.
    pub fn with_general(mut self, message: &str) -> FormPage {
        self.general = Some(message.to_owned());
        self
    }
}

/// The page after a message was taken.
#[derive(Template)]
#[template(path = "portal_received.html")]
pub struct ReceivedPage;

/// The page of an unknown or revoked integration's form.
#[derive(Template)]
#[template(path = "portal_unavailable.html")]
pub struct UnavailablePage;

/// A failure shown on a page of its own.
#[derive(Template)]
#[template(path = "portal_problem.html")]
pub struct ProblemPage {
    pub message: &'static str,
}

/// `page` rendered as an HTML answer with `status` and the form's policy.
pub fn html(status: StatusCode, page: &impl Template) -> Response {
    match page.render() {
        Ok(body) => with_policy(
            (
                status,
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                body,
            )
                .into_response(),
        ),
        Err(error) => {
            tracing::error!(%error, "a portal page does not render");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The stylesheet as a CSS answer.
pub fn stylesheet() -> Response {
    with_policy(
        (
            [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
            STYLESHEET,
        )
            .into_response(),
    )
}

fn with_policy(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
