//! The home page: the operator's header, and either the start panel or the open wizard.
use helpdesk_api::{ErrorCode, Logout, Operator};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::FormError;
use crate::wizard::Wizard;

/// Props of [`Home`].
#[derive(Properties, PartialEq)]
pub struct HomeProps {
    /// The logged-in operator.
    pub operator: Operator,
    /// Called once the shell has ended the session.
    pub onlogout: Callback<()>,
}

/// The page after login; "Novo Atendimento" opens the wizard, "Sair" logs out.
#[function_component]
pub fn Home(props: &HomeProps) -> Html {
    let wizard_open = use_state(|| false);
    let logout_error = use_state(|| None::<AttrValue>);
    let leaving = use_state(|| false);

    let onstart = {
        let wizard_open = wizard_open.clone();
        Callback::from(move |_: MouseEvent| wizard_open.set(true))
    };
    let oncancel = {
        let wizard_open = wizard_open.clone();
        Callback::from(move |()| wizard_open.set(false))
    };
    let onleave = {
        let (logout_error, leaving) = (logout_error.clone(), leaving.clone());
        let onlogout = props.onlogout.clone();
        Callback::from(move |_: MouseEvent| {
            logout_error.set(None);
            leaving.set(true);
            let (logout_error, leaving) = (logout_error.clone(), leaving.clone());
            let onlogout = onlogout.clone();
            spawn_local(async move {
                match api::invoke::<Logout>(&()).await {
                    Ok(()) => onlogout.emit(()),
                    // The session had already ended: the operator is out either way.
                    Err(error) if error.code == ErrorCode::NotAuthenticated => onlogout.emit(()),
                    Err(error) => {
                        logout_error.set(Some(error.message.into()));
                        leaving.set(false);
                    }
                }
            });
        })
    };

    let operator = &props.operator;
    html! {
        <div class="home">
            <header class="app-header">
                <span class="app-name">{ "Help Desk ISP" }</span>
                <span class="operator">
                    <span id="operator-name">{ operator.name.clone() }</span>
                    <span class="operator-role">{ operator.role.clone() }</span>
                </span>
                <button id="sair" type="button" onclick={onleave} disabled={*leaving}>
                    { "Sair" }
                </button>
            </header>
            <FormError message={(*logout_error).clone()} />
            if *wizard_open {
                <Wizard {oncancel} />
            } else {
                <main class="start-panel">
                    <h1>{ "Atendimentos" }</h1>
                    <p>{ "Registre o contato de um cliente passo a passo." }</p>
                    <button id="novo-atendimento" type="button" class="primary" onclick={onstart}>
                        { "Novo Atendimento" }
                    </button>
                </main>
            }
        </div>
    }
}
