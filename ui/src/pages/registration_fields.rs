//! The fields of a desktop's registration with a central server: the server's address, the
//! enrollment token, the desktop's name and profile. Shared by "Sincronização" and the
//! first run's "Entrar em um servidor existente".
use helpdesk_api::{Command, CommandError, RegistrationForm};
use helpdesk_core::sync::{registration_fields as fields, DesktopProfile};
use yew::prelude::*;

use crate::components::{message_at, FieldError, TextField};
use crate::hooks::{use_submit, SubmitHandle};

/// Every field's name, as the errors give it.
pub const ALL_FIELDS: [&str; 4] = [fields::SERVER, fields::TOKEN, fields::NAME, fields::PROFILE];

/// A registration being typed: the form, the command `C` that sends it, and the
/// [`RegistrationFields`]' `onchange` (which drops the message of the field changed).
pub struct Registration<C: Command> {
    pub form: UseStateHandle<RegistrationForm>,
    pub submit: SubmitHandle<C>,
    pub onchange: Callback<(RegistrationForm, &'static str)>,
}

/// A [`Registration`] with nothing typed.
#[hook]
pub fn use_registration<C>() -> Registration<C>
where
    C: Command<Request = RegistrationForm> + 'static,
{
    let form = use_state(|| RegistrationForm {
        server_url: String::new(),
        enrollment_token: String::new(),
        name: String::new(),
        profile: None,
    });
    let submit = use_submit::<C>();
    let onchange = {
        let (form, submit) = (form.clone(), submit.clone());
        Callback::from(move |(next, field): (RegistrationForm, &'static str)| {
            form.set(next);
            submit.edited(field);
        })
    };
    Registration {
        form,
        submit,
        onchange,
    }
}

/// Props of [`RegistrationFields`].
#[derive(Properties, PartialEq)]
pub struct RegistrationFieldsProps {
    /// The start of the controls' ids (`sync`: `sync-servidor`, `sync-perfil-service`…).
    pub prefix: AttrValue,
    pub form: RegistrationForm,
    /// What is wrong, each shown at its field.
    pub errors: Vec<CommandError>,
    /// Called with the form changed and the name of the field changed.
    pub onchange: Callback<(RegistrationForm, &'static str)>,
}

/// The three text fields and the `fieldset` of the profile.
#[function_component]
pub fn RegistrationFields(props: &RegistrationFieldsProps) -> Html {
    let error = |field: &str| message_at(&props.errors, field);
    let input = |field: &'static str,
                 suffix: &str,
                 label: &'static str,
                 kind: &'static str,
                 apply: fn(&mut RegistrationForm, String)| {
        let (form, onchange) = (props.form.clone(), props.onchange.clone());
        let value = match field {
            fields::SERVER => &props.form.server_url,
            fields::TOKEN => &props.form.enrollment_token,
            _ => &props.form.name,
        };
        let oninput = Callback::from(move |value: String| {
            let mut next = form.clone();
            apply(&mut next, value);
            onchange.emit((next, field));
        });
        html! {
            <TextField id={format!("{}-{suffix}", props.prefix)} {field} {label} {kind}
                value={value.clone()} error={error(field)} {oninput} autocomplete="off" />
        }
    };
    let group = format!("{}-perfil", props.prefix);
    let profiles = DesktopProfile::ALL.map(|profile| {
        let id = format!("{group}-{}", profile.code());
        let (form, onchange) = (props.form.clone(), props.onchange.clone());
        let onchange = Callback::from(move |_: Event| {
            let next = RegistrationForm {
                profile: Some(profile),
                ..form.clone()
            };
            onchange.emit((next, fields::PROFILE));
        });
        html! {
            <label class="choice" for={id.clone()}>
                <input {id} type="radio" name={group.clone()}
                    checked={props.form.profile == Some(profile)} {onchange} />
                <strong>{ profile.label() }</strong>
                <span class="muted">{ profile_hint(profile) }</span>
            </label>
        }
    });
    html! {
        <>
            { input(fields::SERVER, "servidor", "Endereço do servidor", "url", |f, v| f.server_url = v) }
            { input(fields::TOKEN, "token", "Token de registro", "password", |f, v| f.enrollment_token = v) }
            { input(fields::NAME, "nome", "Nome deste computador", "text", |f, v| f.name = v) }
            <fieldset id={group.clone()} class="field choices"
                aria-invalid={error(fields::PROFILE).is_some().then_some("true")}>
                <legend>{ "Perfil deste computador" }</legend>
                { for profiles }
                <FieldError field={fields::PROFILE} message={error(fields::PROFILE)} />
            </fieldset>
        </>
    }
}

/// What choosing `profile` means, for the administrator.
fn profile_hint(profile: DesktopProfile) -> &'static str {
    match profile {
        DesktopProfile::Service => {
            "Atendimentos, clientes e agenda. Administradores não entram neste computador."
        }
        DesktopProfile::Administration => {
            "Tudo, inclusive usuários, cargos, catálogo, scripts e modelos de e-mail."
        }
    }
}
