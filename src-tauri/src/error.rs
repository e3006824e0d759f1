//! Turning store faults into the command error: logged in full, told to the operator plainly.
use helpdesk_api::CommandError;
use helpdesk_core::form::FieldError;
use helpdesk_store::StoreError;

/// Logs a store fault and returns the internal error the UI shows.
pub fn internal(error: StoreError) -> CommandError {
    log::error!("store error: {error}");
    CommandError::internal()
}

/// The first of a form's errors, at its field (the UI checks the whole form first and shows
/// every field; the shell checks again and answers the first). A refusal without any error
/// is a fault of the request, not of the operator: logged, and answered as internal.
pub fn first_error(errors: Vec<FieldError>) -> CommandError {
    errors.into_iter().next().map_or_else(
        || {
            log::error!("a request was refused without a reason at any field");
            CommandError::internal()
        },
        Into::into,
    )
}
