//! "Aguardando os usuários do servidor…": asks the setup every two seconds until the
//! server's users have arrived, then hands over to the sign-in.
use gloo_timers::callback::Interval;
use helpdesk_api::{LoadSetupState, SetupState};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::FormError;

/// How often the setup is asked, in milliseconds.
const POLL_EVERY_MS: u32 = 2_000;

/// Props of [`AwaitingUsers`].
#[derive(Properties, PartialEq)]
pub struct AwaitingUsersProps {
    /// Called with the setup once the users are there.
    pub onready: Callback<SetupState>,
}

/// `main#aguardando-usuarios`.
#[function_component]
pub fn AwaitingUsers(props: &AwaitingUsersProps) -> Html {
    let error = use_state(|| None::<AttrValue>);
    {
        let (onready, error) = (props.onready.clone(), error.clone());
        use_effect_with((), move |_| {
            let timer = Interval::new(POLL_EVERY_MS, move || {
                let (onready, error) = (onready.clone(), error.clone());
                spawn_local(async move {
                    match api::invoke::<LoadSetupState>(&()).await {
                        Ok(setup) if !setup.awaiting_users => onready.emit(setup),
                        Ok(setup) => error.set(setup.sync_error.map(|why| {
                            format!("A última tentativa de sincronizar falhou: {why}").into()
                        })),
                        Err(failure) => error.set(Some(failure.message.into())),
                    }
                });
            });
            move || drop(timer)
        });
    }
    html! {
        <main id="aguardando-usuarios" class="login-page">
            <div class="login-card" aria-busy="true">
                <h1>{ "Primeira configuração" }</h1>
                <p class="subtitle">{ "Aguardando os usuários do servidor…" }</p>
                <p class="muted">{ "Assim que chegarem, a tela de entrada se abre." }</p>
                <FormError message={(*error).clone()} />
            </div>
        </main>
    }
}
