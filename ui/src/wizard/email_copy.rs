//! "E-mail cópia": when checked, the copy address the administrator configured is shown
//! (the e-mail goes to it in Cc).
use helpdesk_api::LoadSmtpSettings;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api;

/// Props of [`EmailCopy`].
#[derive(Properties, PartialEq)]
pub struct EmailCopyProps {
    pub checked: bool,
    pub onchange: Callback<bool>,
}

/// What the shell said about the copy address.
#[derive(Debug, Clone, PartialEq)]
enum Address {
    Loading,
    /// The address; empty when none is configured.
    Configured(String),
    /// It could not be read (the operator still sees that a copy goes out).
    Unknown,
}

/// `input#email-copia` and `#email-copia-endereco`.
#[function_component]
pub fn EmailCopy(props: &EmailCopyProps) -> Html {
    let address = use_state(|| Address::Loading);
    {
        let address = address.clone();
        let needed = props.checked && *address == Address::Loading;
        use_effect_with(needed, move |needed| {
            if *needed {
                spawn_local(async move {
                    address.set(match api::invoke::<LoadSmtpSettings>(&()).await {
                        Ok(view) => Address::Configured(
                            view.settings
                                .map(|settings| settings.copy_address)
                                .unwrap_or_default(),
                        ),
                        Err(_) => Address::Unknown,
                    });
                });
            }
        });
    }
    let onchange = props
        .onchange
        .reform(|event: Event| event.target_unchecked_into::<HtmlInputElement>().checked());
    let shown = match &*address {
        Address::Loading => {
            html! { <p id="email-copia-endereco" class="muted" aria-busy="true">{ "Carregando o endereço de cópia…" }</p> }
        }
        Address::Configured(copy) if copy.is_empty() => html! {
            <p id="email-copia-endereco" class="field-error" data-field="email-copia" role="alert">
                { "Nenhum e-mail cópia configurado: peça a um administrador (Configurações de E-mail)." }
            </p>
        },
        Address::Configured(copy) => html! {
            <p id="email-copia-endereco" class="muted">{ format!("Cópia para: {copy}") }</p>
        },
        Address::Unknown => html! {
            <p id="email-copia-endereco" class="muted">{ "Uma cópia vai para o e-mail cópia configurado." }</p>
        },
    };
    html! {
        <div class="field email-copy">
            <label>
                <input id="email-copia" type="checkbox" checked={props.checked} {onchange} />
                { "E-mail cópia" }
            </label>
            if props.checked {
                { shown }
            }
        </div>
    }
}
