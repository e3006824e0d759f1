//! What the app holds while it runs: the store and the logged-in operator.
use std::sync::Mutex;

use helpdesk_api::{CommandError, Operator};
use helpdesk_store::Store;

/// The state every command can read.
#[derive(Debug)]
pub struct AppState {
    pub store: Store,
    operator: Mutex<Option<Operator>>,
}

impl AppState {
    pub fn new(store: Store) -> Self {
        Self {
            store,
            operator: Mutex::new(None),
        }
    }

    /// The logged-in operator, if any.
    pub fn operator(&self) -> Option<Operator> {
        self.lock().clone()
    }

    /// The logged-in operator, or the error that sends the UI back to the login screen.
    pub fn require_operator(&self) -> Result<Operator, CommandError> {
        self.operator().ok_or_else(CommandError::not_authenticated)
    }

    /// Starts (`Some`) or ends (`None`) the operator's session.
    pub fn set_operator(&self, operator: Option<Operator>) {
        *self.lock() = operator;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Operator>> {
        self.operator
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
