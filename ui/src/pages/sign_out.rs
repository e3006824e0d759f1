//! "Sair", from the header, the forced password change or the lock: ends the session in
//! the shell, and says why when it could not.
use helpdesk_api::{ErrorCode, Logout};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;

/// What [`use_sign_out`] gives a "Sair" button.
pub struct SignOut {
    /// The button's `onclick`.
    pub onclick: Callback<MouseEvent>,
    /// The shell is ending the session: the button waits.
    pub leaving: bool,
    /// Why the last try failed.
    pub error: Option<AttrValue>,
}

/// A "Sair" that asks the shell to end the session, then calls `onlogout`.
#[hook]
pub fn use_sign_out(onlogout: Callback<()>) -> SignOut {
    let leaving = use_state(|| false);
    let error = use_state(|| None::<AttrValue>);
    let onclick = {
        let (leaving, error) = (leaving.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            error.set(None);
            leaving.set(true);
            let (leaving, error, onlogout) = (leaving.clone(), error.clone(), onlogout.clone());
            spawn_local(async move {
                match api::invoke::<Logout>(&()).await {
                    Ok(()) => onlogout.emit(()),
                    // The session had already ended: the operator is out either way.
                    Err(failure) if failure.code == ErrorCode::NotAuthenticated => {
                        onlogout.emit(())
                    }
                    Err(failure) => {
                        error.set(Some(failure.message.into()));
                        leaving.set(false);
                    }
                }
            });
        })
    };
    SignOut {
        onclick,
        leaving: *leaving,
        error: (*error).clone(),
    }
}
