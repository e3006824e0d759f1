//! Small widgets shared by the pages and the wizard's steps.
mod dialog;
mod field_error;
mod form_error;

pub use dialog::Dialog;
pub use field_error::{message_at, FieldError};
pub use form_error::{unplaced_message, FormError};
