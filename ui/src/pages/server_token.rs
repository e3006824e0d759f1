//! "Token do administrador do servidor": asked once when "Caixas de correio" or
//! "Integrações" opens, kept only in that screen's state, and sent with each command.
use helpdesk_api::{CommandError, ServerToken};
use helpdesk_core::server_admin::fields;
use yew::prelude::*;

use crate::components::{FormError, TextField};

/// The message of `error` when it is the token's (the server refused it).
pub fn token_refusal(error: Option<&CommandError>) -> Option<AttrValue> {
    error
        .filter(|error| error.field.as_deref() == Some(fields::TOKEN))
        .map(|error| AttrValue::from(error.message.clone()))
}

/// Props of [`ServerTokenForm`].
#[derive(Properties, PartialEq)]
pub struct ServerTokenFormProps {
    /// Why the last try failed: at the token field when the server refused the token.
    pub error: Option<CommandError>,
    /// The token is being tried.
    pub checking: bool,
    /// A token that passed the core's check.
    pub onsubmit: Callback<ServerToken>,
}

/// `form#servidor-token-form`: the token typed (never stored) and "Entrar".
#[function_component]
pub fn ServerTokenForm(props: &ServerTokenFormProps) -> Html {
    let typed = use_state(String::new);
    let mistake = use_state(|| None::<AttrValue>);
    let oninput = {
        let (typed, mistake) = (typed.clone(), mistake.clone());
        Callback::from(move |value: String| {
            typed.set(value);
            mistake.set(None);
        })
    };
    let onsubmit = {
        let (typed, mistake, onsubmit) = (typed.clone(), mistake.clone(), props.onsubmit.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let token = ServerToken::new(&typed);
            match token.check() {
                Ok(()) => onsubmit.emit(token),
                Err(error) => mistake.set(Some(error.message.into())),
            }
        })
    };
    let refused = token_refusal(props.error.as_ref());
    let other = props
        .error
        .as_ref()
        .filter(|_| refused.is_none())
        .map(|error| AttrValue::from(error.message.clone()));
    html! {
        <form id="servidor-token-form" class="admin-form" novalidate=true {onsubmit}>
            <p class="muted">
                { "Estas configurações ficam no servidor de sincronização. Informe o token do \
                   administrador do servidor (o mesmo usado para registrar computadores): ele \
                   vale só enquanto esta tela estiver aberta e não é guardado." }
            </p>
            <FormError message={other} />
            <TextField id={fields::TOKEN} label="Token do administrador do servidor" kind="password"
                required=true autocomplete="off" value={(*typed).clone()}
                error={(*mistake).clone().or(refused)} {oninput} />
            <div class="form-actions">
                <button id="servidor-token-entrar" type="submit" class="primary" disabled={props.checking}>
                    { if props.checking { "Conferindo…" } else { "Entrar" } }
                </button>
            </div>
        </form>
    }
}
