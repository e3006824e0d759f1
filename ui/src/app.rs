//! The root component: asks the shell who is logged in, then shows the login or the home page.
use helpdesk_api::{CurrentOperator, Operator};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::pages::{Home, Login};

/// Where the operator's session stands.
#[derive(Clone, PartialEq)]
enum Session {
    /// Waiting for the shell's answer at start-up.
    Checking,
    LoggedOut,
    LoggedIn(Operator),
}

/// The whole app.
#[function_component]
pub fn App() -> Html {
    let session = use_state(|| Session::Checking);

    {
        let session = session.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                // A failure to ask leaves the operator at the login, which asks again.
                session.set(match api::invoke::<CurrentOperator>(&()).await {
                    Ok(Some(operator)) => Session::LoggedIn(operator),
                    Ok(None) | Err(_) => Session::LoggedOut,
                });
            });
        });
    }

    let onlogin = {
        let session = session.clone();
        Callback::from(move |operator| session.set(Session::LoggedIn(operator)))
    };
    let onlogout = {
        let session = session.clone();
        Callback::from(move |()| session.set(Session::LoggedOut))
    };

    match &*session {
        Session::Checking => html! {
            <main class="splash" aria-busy="true">{ "Carregando…" }</main>
        },
        Session::LoggedOut => html! { <Login {onlogin} /> },
        Session::LoggedIn(operator) => html! {
            <Home operator={operator.clone()} {onlogout} />
        },
    }
}
