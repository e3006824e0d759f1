//! "Nova integração": its name (the site or app that will use it).
use helpdesk_api::{CreateIntegration, CreatedIntegration, NewIntegration, ServerToken};
use helpdesk_core::server_admin::fields;
use yew::prelude::*;

use crate::components::{FormError, TextField};
use crate::hooks::use_submit;

/// Props of [`NewIntegrationForm`].
#[derive(Properties, PartialEq)]
pub struct NewIntegrationFormProps {
    pub token: ServerToken,
    pub oncreated: Callback<CreatedIntegration>,
    pub oncancel: Callback<()>,
}

/// `form#integracao-form`.
#[function_component]
pub fn NewIntegrationForm(props: &NewIntegrationFormProps) -> Html {
    let name = use_state(String::new);
    let submit = use_submit::<CreateIntegration>();
    let oninput = {
        let (name, submit) = (name.clone(), submit.clone());
        Callback::from(move |typed: String| {
            name.set(typed);
            submit.edited(fields::INTEGRATION_NAME);
        })
    };
    let onsubmit = {
        let (name, submit, token, oncreated) = (
            name.clone(),
            submit.clone(),
            props.token.clone(),
            props.oncreated.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let request = NewIntegration {
                token: token.clone(),
                name: (*name).clone(),
            };
            let found = request.validate().err().unwrap_or_default();
            submit.send(request, found, oncreated.clone());
        })
    };
    html! {
        <form id="integracao-form" class="admin-form" novalidate=true {onsubmit}>
            <h2>{ "Nova integração" }</h2>
            <FormError message={submit.unplaced(&[fields::INTEGRATION_NAME])} />
            <TextField id={fields::INTEGRATION_NAME} label="Nome (o site ou aplicativo que vai usá-la)"
                required=true autocomplete="off" value={(*name).clone()}
                error={submit.error(fields::INTEGRATION_NAME)} {oninput} />
            <div class="form-actions">
                <button id="integracao-cancelar" type="button"
                    onclick={props.oncancel.reform(|_: MouseEvent| ())}>{ "Cancelar" }</button>
                <button id="integracao-criar" type="submit" class="primary" disabled={submit.sending()}>
                    { if submit.sending() { "Criando…" } else { "Criar" } }
                </button>
            </div>
        </form>
    }
}
