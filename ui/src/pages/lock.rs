//! "Sessão bloqueada": drawn over the window after the idle time (or when a command finds
//! the session locked), without closing what is under it; the operator's password unlocks
//! it, "Sair" ends the session.
use helpdesk_api::{Operator, UnlockSession};
use yew::prelude::*;

use crate::components::{Dialog, FormError, TextField};
use crate::hooks::use_submit;
use crate::pages::sign_out::use_sign_out;

/// The password field's name (its `data-field`).
const PASSWORD: &str = "bloqueio-senha";
/// Where the shell says a wrong password is.
const SHELL_PASSWORD: &str = "password";

/// Props of [`LockOverlay`].
#[derive(Properties, PartialEq)]
pub struct LockOverlayProps {
    /// Who is signed in.
    pub operator: Operator,
    /// Called with the operator once the password unlocked the session.
    pub onunlock: Callback<Operator>,
    /// Called once the session has ended ("Sair").
    pub onlogout: Callback<()>,
}

/// `div.lock-screen` over the window, with the dialog `#bloqueio`.
#[function_component]
pub fn LockOverlay(props: &LockOverlayProps) -> Html {
    let password = use_state(String::new);
    let submit = use_submit::<UnlockSession>();
    let leave = use_sign_out(props.onlogout.clone());
    let oninput = {
        let (password, submit) = (password.clone(), submit.clone());
        Callback::from(move |value: String| {
            password.set(value);
            submit.edited(PASSWORD);
        })
    };
    let onsubmit = {
        let (password, submit) = (password.clone(), submit.clone());
        let onunlock = props.onunlock.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let unlocked = {
                let (password, onunlock) = (password.clone(), onunlock.clone());
                Callback::from(move |operator| {
                    password.set(String::new());
                    onunlock.emit(operator);
                })
            };
            submit.send((*password).clone(), Vec::new(), unlocked);
        })
    };
    html! {
        <div class="lock-screen">
            // Esc does not close it: only the password or "Sair" do.
            <Dialog id="bloqueio" title="Sessão bloqueada" onclose={Callback::noop()}>
                <form class="dialog-form" novalidate=true {onsubmit}>
                    <div class="dialog-body">
                        <p id="bloqueio-operador">{ props.operator.name.clone() }</p>
                        <p class="hint">{ "A janela foi bloqueada por inatividade. O que estava na tela continua aqui." }</p>
                        <FormError message={submit.unplaced(&[PASSWORD, SHELL_PASSWORD]).or_else(|| leave.error.clone())} />
                        <TextField id={PASSWORD} label="Senha" kind="password"
                            autocomplete="current-password" value={(*password).clone()}
                            error={submit.error(PASSWORD).or_else(|| submit.error(SHELL_PASSWORD))}
                            {oninput} />
                    </div>
                    <div class="dialog-footer">
                        <button id="bloqueio-sair" type="button" onclick={leave.onclick}
                            disabled={leave.leaving}>{ "Sair" }</button>
                        <button id="desbloquear" type="submit" class="primary" disabled={submit.sending()}>
                            { "Desbloquear" }
                        </button>
                    </div>
                </form>
            </Dialog>
        </div>
    }
}
