//! "Entrar em um servidor existente": registers this empty desktop with a central server;
//! the enrollment token is the proof, and the users then arrive by sync.
use helpdesk_api::JoinServer;
use yew::prelude::*;

use crate::components::FormError;
use crate::pages::registration_fields::{
    use_registration, Registration, RegistrationFields, ALL_FIELDS,
};

/// Props of [`JoinServerForm`].
#[derive(Properties, PartialEq)]
pub struct JoinServerFormProps {
    /// Called once the server took the desktop.
    pub onjoined: Callback<()>,
    /// "Voltar": back to the two ways.
    pub oncancel: Callback<()>,
}

/// `form#entrar-form`.
#[function_component]
pub fn JoinServerForm(props: &JoinServerFormProps) -> Html {
    let Registration {
        form,
        submit,
        onchange,
    } = use_registration::<JoinServer>();
    let onsubmit = {
        let (form, submit, onjoined) = (form.clone(), submit.clone(), props.onjoined.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let found = form.validate().err().unwrap_or_default();
            submit.send((*form).clone(), found, onjoined.reform(|_| ()));
        })
    };
    html! {
        <form id="entrar-form" class="admin-form" novalidate=true {onsubmit}>
            <h2>{ "Entrar em um servidor existente" }</h2>
            <p class="muted">
                { "O administrador do servidor informa o endereço e o token de registro." }
            </p>
            <FormError message={submit.unplaced(&ALL_FIELDS)} />
            <RegistrationFields prefix="entrar" form={(*form).clone()}
                errors={submit.errors().to_vec()} {onchange} />
            <div class="form-actions">
                <button id="entrar-voltar" type="button"
                    onclick={props.oncancel.reform(|_: MouseEvent| ())}>{ "Voltar" }</button>
                <button id="entrar-registrar" type="submit" class="primary" disabled={submit.sending()}>
                    { if submit.sending() { "Registrando…" } else { "Entrar no servidor" } }
                </button>
            </div>
        </form>
    }
}
