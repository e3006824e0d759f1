//! Hooks shared by the pages and the wizard.
mod command_state;
mod use_command;
mod use_idle;
mod use_submit;

pub use use_command::{use_command, use_command_when};
pub use use_idle::use_idle;
pub use use_submit::{use_submit, SubmitHandle};
