//! Hooks shared by the pages and the wizard.
mod command_state;
mod use_command;

pub use use_command::{use_command, use_command_when};
