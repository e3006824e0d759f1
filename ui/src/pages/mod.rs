//! The app's top-level pages.
mod draft_panel;
mod home;
mod login;

pub use home::Home;
pub use login::Login;
