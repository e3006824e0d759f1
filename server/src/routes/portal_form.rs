//! The public form page the provider links to from its site: `GET /portal/{integration}`
//! shows it, `POST /portal/{integration}` takes the message. It needs no key (its address
//! names the integration; a revoked one's form is unavailable); a robot that fills the
//! hidden field is thanked and ignored, and each address may send a few forms an hour.
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use helpdesk_core::form::FieldError;
use helpdesk_core::portal::check_file_count;
use uuid::Uuid;

use crate::client_address::ClientAddress;
use crate::intake::Taken;
use crate::portal::form::{self, FormValues, PostedForm};
use crate::portal::page::{self, FormPage, ProblemPage, ReceivedPage, UnavailablePage};
use crate::portal::{self, files};
use crate::repo::integrations;
use crate::state::AppState;

/// The largest form accepted: its text and files of the server's blob limit in all.
pub fn max_body_bytes(max_blob_bytes: usize) -> usize {
    max_blob_bytes + 1024 * 1024
}

/// `GET /portal/estilo.css`.
pub async fn stylesheet() -> Response {
    page::stylesheet()
}

/// `GET /portal/{integration}`: the empty form, or why it is unavailable.
pub async fn show(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match open_integration(&state, &id).await {
        Ok(Some(_)) => page::html(
            StatusCode::OK,
            &FormPage::new(
                Uuid::now_v7().to_string(),
                &FormValues::default(),
                &[],
                false,
                state.max_blob_bytes(),
            ),
        ),
        Ok(None) => page::html(StatusCode::NOT_FOUND, &UnavailablePage),
        Err(status) => status_page(status),
    }
}

/// `POST /portal/{integration}`: takes the message, or shows the form again with what was
/// typed and each error at its field.
pub async fn send(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    Path(id): Path<String>,
    multipart: Multipart,
) -> Response {
    let integration = match open_integration(&state, &id).await {
        Ok(Some(integration)) => integration,
        Ok(None) => return page::html(StatusCode::NOT_FOUND, &UnavailablePage),
        Err(status) => return status_page(status),
    };
    let posted = match form::read(multipart).await {
        Ok(posted) => posted,
        Err(error) => {
            tracing::info!(%error, "a portal form could not be read");
            return status_page(error.status());
        }
    };
    // One sending keeps its id through every showing of the form, so it is one message.
    let submission = valid_submission(&posted.submission).unwrap_or_else(Uuid::now_v7);
    let max_file_bytes = state.max_blob_bytes();
    let form_again = |values: &FormValues, errors: &[FieldError], files_again: bool| {
        FormPage::new(
            submission.to_string(),
            values,
            errors,
            files_again,
            max_file_bytes,
        )
    };
    if address.is_some_and(|address| !state.form_limiter().allows(address)) {
        let form = form_again(&posted.values, &[], !posted.files.is_empty()).with_general(
            "Muitas mensagens enviadas deste endereço. Aguarde alguns minutos e envie de novo: o que você escreveu continua aqui.",
        );
        return page::html(StatusCode::TOO_MANY_REQUESTS, &form);
    }
    if posted.robot {
        tracing::info!(integration_id = %integration, "a portal form filled the hidden field");
        return received();
    }
    let checked = posted.values.message().validate();
    let mut errors = checked.clone().err().unwrap_or_default();
    errors.extend(check_file_count(posted.files.len()).err());
    let message = match checked {
        Ok(message) if errors.is_empty() => message,
        _ => {
            let form = form_again(&posted.values, &errors, !posted.files.is_empty());
            return page::html(StatusCode::UNPROCESSABLE_ENTITY, &form);
        }
    };
    let dedupe_key = format!("portal-form:{integration}:{submission}");
    let PostedForm { values, files, .. } = posted;
    let attachments = match files::attachments(files, max_file_bytes) {
        Ok(attachments) => attachments,
        Err(error) => {
            let form = form_again(&values, &[error], true);
            return page::html(StatusCode::UNPROCESSABLE_ENTITY, &form);
        }
    };
    let new = portal::new_message(message, attachments, dedupe_key);
    match portal::take(&state, &new).await {
        Ok(Taken::New(id)) => {
            tracing::info!(integration_id = %integration, message_id = %id, "portal form message taken");
            received()
        }
        Ok(Taken::Again(_)) => received(),
        Err(error) => status_page(error.status),
    }
}

/// The integration `id` names if it exists and is not revoked; `None` otherwise; the
/// status of a database failure.
async fn open_integration(state: &AppState, id: &str) -> Result<Option<Uuid>, StatusCode> {
    let Ok(id) = Uuid::parse_str(id) else {
        return Ok(None);
    };
    match integrations::key(state.pool(), id).await {
        Ok(Some(key)) if !key.revoked => Ok(Some(id)),
        Ok(_) => Ok(None),
        Err(error) => {
            tracing::error!(%error, "integration lookup failed");
            Err(StatusCode::SERVICE_UNAVAILABLE)
        }
    }
}

/// The submission id sent, if it is one this server draws.
fn valid_submission(sent: &str) -> Option<Uuid> {
    Uuid::parse_str(sent.trim()).ok()
}

/// "Mensagem recebida".
fn received() -> Response {
    page::html(StatusCode::OK, &ReceivedPage)
}

/// A failure the form cannot explain at a field, as a page of its own: the browser's
/// "Voltar" returns to the form with what was typed.
fn status_page(status: StatusCode) -> Response {
    let message = match status {
        StatusCode::PAYLOAD_TOO_LARGE => {
            "A mensagem com os anexos passou do tamanho aceito. Volte, retire ou reduza os arquivos e envie de novo."
        }
        _ => "O suporte não pôde receber a mensagem agora. Volte e tente de novo em alguns minutos.",
    };
    page::html(status, &ProblemPage { message })
}
