//! The app's top-level pages.
mod home;
mod login;

pub use home::Home;
pub use login::Login;
