//! The home page's header: the app's name, the operator, the buttons to the pages (those
//! of an administrator too) and "Sair", with why leaving failed under it.
use helpdesk_api::{ErrorCode, Logout, Operator};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::FormError;
use crate::pages::screen::{AdminScreen, Navigate, Screen};

/// Props of [`AppHeader`].
#[derive(Properties, PartialEq)]
pub struct AppHeaderProps {
    /// The logged-in operator.
    pub operator: Operator,
    /// The buttons to the pages are offered (not over the wizard nor an administrator's
    /// screen).
    pub navigation: bool,
    /// A page's button pressed.
    pub onnavigate: Callback<Navigate>,
    /// Called once the shell has ended the session.
    pub onlogout: Callback<()>,
}

/// `header.app-header` and the message of a failed "Sair".
#[function_component]
pub fn AppHeader(props: &AppHeaderProps) -> Html {
    let logout_error = use_state(|| None::<AttrValue>);
    let leaving = use_state(|| false);
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
    let button = |id: &'static str, label: &'static str, to: Navigate| {
        let onclick = props.onnavigate.reform(move |_: MouseEvent| to.clone());
        html! { <button {id} type="button" {onclick}>{ label }</button> }
    };
    let operator = &props.operator;
    html! {
        <>
            <header class="app-header">
                <span class="app-name">{ "Help Desk ISP" }</span>
                <span class="operator">
                    <span id="operator-name">{ operator.name.clone() }</span>
                    <span class="operator-role">{ operator.role.clone() }</span>
                </span>
                if props.navigation {
                    { button("atendimentos", "Atendimentos", Navigate::To(Screen::Tickets)) }
                    { button("minhas-tarefas", "Minhas Tarefas", Navigate::To(Screen::Tasks)) }
                    { button("agenda", "Agenda Técnica", Navigate::To(Screen::Agenda)) }
                }
                if operator.is_administrator() && props.navigation {
                    { button("scripts", "Scripts", Navigate::Admin(AdminScreen::Scripts)) }
                    { button("email-admin", "E-mail", Navigate::Admin(AdminScreen::Email)) }
                    { button("sincronizacao-admin", "Sincronização", Navigate::Admin(AdminScreen::Sync)) }
                }
                <button id="sair" type="button" onclick={onleave} disabled={*leaving}>
                    { "Sair" }
                </button>
            </header>
            <FormError message={(*logout_error).clone()} />
        </>
    }
}
