//! "Sair", from the header or from the lock: ends the session in the shell.
use helpdesk_api::{ErrorCode, Logout};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;

/// Asks the shell to end the session; then `onlogout`, or `onerror` with why it failed.
pub fn sign_out(onlogout: Callback<()>, onerror: Callback<AttrValue>) {
    spawn_local(async move {
        match api::invoke::<Logout>(&()).await {
            Ok(()) => onlogout.emit(()),
            // The session had already ended: the operator is out either way.
            Err(error) if error.code == ErrorCode::NotAuthenticated => onlogout.emit(()),
            Err(error) => onerror.emit(error.message.into()),
        }
    });
}
