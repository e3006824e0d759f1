//! The help desk's user interface: a Yew app compiled to WebAssembly and shown by the Tauri
//! shell.
//!
//! The UI talks to the shell only through [`api::invoke`], with the typed commands of
//! `helpdesk-api`, and takes every business rule and label from `helpdesk-core`.
#![warn(clippy::unwrap_used, clippy::panic)]

mod agenda;
pub mod api;
mod app;
mod components;
mod dom;
mod error_log;
mod fetched;
mod hooks;
mod idle;
mod pages;
mod search;
mod session_lock;
mod stage;
mod theme;
mod wizard;

pub use app::App;

use wasm_bindgen::prelude::wasm_bindgen;

/// Renders the app into the page's body; runs when the wasm module is initialised.
#[wasm_bindgen(start)]
pub fn start() {
    theme::apply(helpdesk_core::theme::Theme::System);
    error_log::install();
    yew::Renderer::<App>::new().render();
}
