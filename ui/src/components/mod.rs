//! Small widgets shared by the pages and the wizard's steps.
mod dialog;
mod field_error;
mod form_error;
mod script_runner;
mod sync_indicator;

pub use dialog::Dialog;
pub use field_error::{errors_besides, message_at, FieldError};
pub use form_error::{unplaced_message, FormError};
pub use script_runner::ScriptRunner;
pub use sync_indicator::SyncIndicator;
