//! The managed [`AppState`]'s store reached through the app, for background workers that
//! start before the state is managed and live as long as the app.
use std::ops::Deref;

use helpdesk_store::Store;
use tauri::{AppHandle, Manager, Runtime};

use crate::AppState;

/// The store of the [`AppState`] managed by the app (managed before any worker starts).
pub struct AppStore<R: Runtime>(pub AppHandle<R>);

impl<R: Runtime> Deref for AppStore<R> {
    type Target = Store;

    fn deref(&self) -> &Store {
        &self.0.state::<AppState>().inner().store
    }
}
