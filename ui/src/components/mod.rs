//! Small widgets shared by the pages and the wizard's steps.
mod attachment_row;
mod confirm;
mod customer_filter;
mod date_picker;
mod dialog;
mod field_error;
mod form_error;
mod labelled;
mod script_answers;
mod script_runner;
mod select_field;
mod sla_mark;
mod sync_indicator;
mod text_field;

pub use attachment_row::AttachmentRow;
pub use confirm::Confirm;
pub use customer_filter::CustomerFilter;
pub use date_picker::DatePicker;
pub use dialog::Dialog;
pub use field_error::{errors_besides, message_at, FieldError};
pub use form_error::{unplaced_message, FormError};
pub use script_answers::ScriptAnswers;
pub use script_runner::ScriptRunner;
pub use select_field::SelectField;
pub use sla_mark::SlaMark;
pub use sync_indicator::SyncIndicator;
pub use text_field::{apply_mask, TextField};
