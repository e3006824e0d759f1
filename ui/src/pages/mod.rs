//! The app's top-level pages.
mod admin;
mod agenda;
mod app_header;
mod business_hours;
mod catalogs;
mod customers;
mod draft_panel;
mod home;
mod imports;
mod integrations;
mod lock;
mod login;
mod mailboxes;
mod password;
mod protocol_lookup;
mod provider;
mod registration_fields;
mod screen;
mod scripts;
mod server_token;
mod setup;
mod sign_out;
mod start_panel;
mod sync_admin;
mod tasks;
mod tickets;
mod users;

pub use home::Home;
pub use lock::LockOverlay;
pub use login::Login;
pub use password::ForcedPasswordPage;
pub use scripts::ScriptsPage;
pub use setup::{AwaitingUsers, FirstRun};
// The wizard opens the ticket of a message already handled over its step.
pub(crate) use tickets::TicketPage;
