//! The app's top-level pages.
mod admin;
mod agenda;
mod draft_panel;
mod home;
mod login;
mod protocol_lookup;
mod scripts;
mod sync_admin;
mod tasks;
mod tickets;

pub use home::Home;
pub use login::Login;
pub use scripts::ScriptsPage;
