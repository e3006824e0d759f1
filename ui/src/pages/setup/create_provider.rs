//! "Criar provedor": the provider's name and its first administrator, who is signed in
//! once it is created.
use helpdesk_api::{CreateProvider, Operator, ProviderSetup};
use helpdesk_core::form::FieldError;
use helpdesk_core::setup::fields;
use yew::prelude::*;

use crate::components::{FormError, TextField};
use crate::hooks::use_submit;
use crate::pages::password::POLICY;

/// Every field's name, as the errors give it.
const ALL_FIELDS: [&str; 6] = [
    fields::PROVIDER_NAME,
    fields::ADMIN_NAME,
    fields::ADMIN_LOGIN,
    fields::ADMIN_EMAIL,
    fields::ADMIN_PASSWORD,
    fields::ADMIN_CONFIRMATION,
];

/// What is wrong with the form before it is sent; the shell checks it again.
fn check(setup: &ProviderSetup) -> Vec<FieldError> {
    setup.validate().err().unwrap_or_default()
}

/// Props of [`CreateProviderForm`].
#[derive(Properties, PartialEq)]
pub struct CreateProviderFormProps {
    /// Called with the administrator, signed in.
    pub oncreated: Callback<Operator>,
    /// "Voltar": back to the two ways.
    pub oncancel: Callback<()>,
}

/// `form#criar-provedor`.
#[function_component]
pub fn CreateProviderForm(props: &CreateProviderFormProps) -> Html {
    let setup = use_state(|| ProviderSetup {
        provider_name: String::new(),
        admin_name: String::new(),
        login: String::new(),
        email: String::new(),
        password: String::new(),
        confirmation: String::new(),
    });
    let submit = use_submit::<CreateProvider>();
    let onsubmit = {
        let (setup, submit, oncreated) = (setup.clone(), submit.clone(), props.oncreated.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            submit.send((*setup).clone(), check(&setup), oncreated.clone());
        })
    };
    let input = |field: &'static str,
                 label: &'static str,
                 kind: &'static str,
                 apply: fn(&mut ProviderSetup, String),
                 value: &str| {
        let oninput = {
            let (setup, submit) = (setup.clone(), submit.clone());
            Callback::from(move |typed: String| {
                let mut next = (*setup).clone();
                apply(&mut next, typed);
                setup.set(next);
                submit.edited(field);
            })
        };
        // The e-mail may stay empty: no "required" mark on it.
        html! {
            <TextField id={field} {label} {kind} required={field != fields::ADMIN_EMAIL}
                value={value.to_owned()}
                error={submit.error(field)} {oninput} autocomplete="off" />
        }
    };
    html! {
        <form id="criar-provedor" class="admin-form" novalidate=true {onsubmit}>
            <h2>{ "Criar provedor" }</h2>
            <FormError message={submit.unplaced(&ALL_FIELDS)} />
            { input(fields::PROVIDER_NAME, "Nome do provedor", "text",
                |s, v| s.provider_name = v, &setup.provider_name) }
            <h3>{ "Administrador" }</h3>
            { input(fields::ADMIN_NAME, "Nome", "text", |s, v| s.admin_name = v, &setup.admin_name) }
            { input(fields::ADMIN_LOGIN, "Login", "text", |s, v| s.login = v, &setup.login) }
            { input(fields::ADMIN_EMAIL, "E-mail", "email", |s, v| s.email = v, &setup.email) }
            { input(fields::ADMIN_PASSWORD, "Senha", "password", |s, v| s.password = v, &setup.password) }
            <p class="hint">{ POLICY }</p>
            { input(fields::ADMIN_CONFIRMATION, "Confirmar senha", "password",
                |s, v| s.confirmation = v, &setup.confirmation) }
            <div class="form-actions">
                <button id="criar-provedor-voltar" type="button"
                    onclick={props.oncancel.reform(|_: MouseEvent| ())}>{ "Voltar" }</button>
                <button id="criar-provedor-salvar" type="submit" class="primary" disabled={submit.sending()}>
                    { if submit.sending() { "Criando…" } else { "Criar provedor" } }
                </button>
            </div>
        </form>
    }
}
