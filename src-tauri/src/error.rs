//! Turning store faults into the command error: logged in full, told to the operator plainly.
use helpdesk_api::CommandError;
use helpdesk_store::StoreError;

/// Logs a store fault and returns the internal error the UI shows.
pub fn internal(error: StoreError) -> CommandError {
    log::error!("store error: {error}");
    CommandError::internal()
}
