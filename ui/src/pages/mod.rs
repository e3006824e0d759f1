//! The app's top-level pages.
mod admin;
mod agenda;
mod app_header;
mod draft_panel;
mod home;
mod login;
mod protocol_lookup;
mod screen;
mod scripts;
mod start_panel;
mod sync_admin;
mod tasks;
mod tickets;

pub use home::Home;
pub use login::Login;
pub use scripts::ScriptsPage;
