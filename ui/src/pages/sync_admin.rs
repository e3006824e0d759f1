//! "Sincronização" (administrators): where this desktop stands with the central server, and
//! "Registrar este computador" with an administrator's enrollment token.
use helpdesk_api::{CommandError, LoadSyncStatus, RegisterDesktop, RegistrationForm};
use helpdesk_core::sync::{registration_fields as fields, DesktopProfile};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::{
    errors_besides, message_at, unplaced_message, FieldError, FormError, TextField,
};
use crate::hooks::use_command;

/// Props of [`SyncAdminPage`].
#[derive(Properties, PartialEq)]
pub struct SyncAdminPageProps {
    /// "Voltar": back to the start panel.
    pub onclose: Callback<()>,
}

/// `section.sync-admin`.
#[function_component]
pub fn SyncAdminPage(props: &SyncAdminPageProps) -> Html {
    let status = use_command::<LoadSyncStatus>(());
    let form = use_state(|| RegistrationForm {
        server_url: String::new(),
        enrollment_token: String::new(),
        name: String::new(),
        profile: None,
    });
    let errors = use_state(Vec::<CommandError>::new);
    let sending = use_state(|| false);
    let text = |apply: fn(&mut RegistrationForm, String), field: &'static str| {
        let (form, errors) = (form.clone(), errors.clone());
        Callback::from(move |value: String| {
            let mut next = (*form).clone();
            apply(&mut next, value);
            form.set(next);
            errors.set(errors_besides(&errors, field));
        })
    };
    let onsubmit = {
        let (form, errors, sending, status) = (
            form.clone(),
            errors.clone(),
            sending.clone(),
            status.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *sending {
                return;
            }
            // The shell checks again; checking here shows every reason at once.
            if let Err(found) = form.validate() {
                errors.set(found.into_iter().map(CommandError::from).collect());
                return;
            }
            sending.set(true);
            let request = (*form).clone();
            let (errors, sending, status) = (errors.clone(), sending.clone(), status.clone());
            spawn_local(async move {
                match api::invoke::<RegisterDesktop>(&request).await {
                    Ok(now) => {
                        status.set(now);
                        errors.set(Vec::new());
                    }
                    Err(error) => errors.set(vec![error]),
                }
                sending.set(false);
            });
        })
    };
    let error = |field: &str| message_at(&errors, field);
    let invalid = |field: &str| error(field).is_some().then_some("true");
    let input = |field: &'static str,
                 label: &'static str,
                 kind: &'static str,
                 value: String,
                 oninput: Callback<String>| {
        html! {
            <TextField id={field} {label} {kind} {value} error={error(field)} {oninput}
                autocomplete="off" />
        }
    };
    let choose = |profile: DesktopProfile| {
        let (form, errors) = (form.clone(), errors.clone());
        Callback::from(move |_: Event| {
            form.set(RegistrationForm {
                profile: Some(profile),
                ..(*form).clone()
            });
            errors.set(errors_besides(&errors, fields::PROFILE));
        })
    };
    let profiles = DesktopProfile::ALL.map(|profile| {
        let id = format!("{}-{}", fields::PROFILE, profile.code());
        html! {
            <label class="choice" for={id.clone()}>
                <input id={id} type="radio" name={fields::PROFILE}
                    checked={form.profile == Some(profile)} onchange={choose(profile)} />
                <strong>{ profile.label() }</strong>
                <span class="muted">{ profile_hint(profile) }</span>
            </label>
        }
    });
    let all_fields = [fields::SERVER, fields::TOKEN, fields::NAME, fields::PROFILE];
    html! {
        <section class="sync-admin" aria-labelledby="sync-admin-titulo">
            <header class="sync-admin-header">
                <h1 id="sync-admin-titulo">{ "Sincronização" }</h1>
                <span class="spacer"></span>
                <button id="sync-admin-voltar" type="button"
                    onclick={props.onclose.reform(|_: MouseEvent| ())}>
                    { "Voltar" }
                </button>
            </header>
            if let Some(now) = status.value() {
                <dl id="sync-registro" class="sync-facts">
                    <dt>{ "Servidor" }</dt>
                    <dd id="sync-servidor-atual">
                        { now.server_url.clone().unwrap_or_else(|| "não registrado".into()) }
                    </dd>
                    <dt>{ "Número deste computador nos protocolos" }</dt>
                    <dd id="sync-numero">{ format!("{:03}", now.desktop_number) }</dd>
                    if let Some(profile) = now.profile {
                        <dt>{ "Perfil" }</dt>
                        <dd id="sync-perfil-atual">{ profile.label() }</dd>
                    }
                </dl>
            }
            <form id="sync-form" novalidate=true {onsubmit}>
                <h2>{ "Registrar este computador" }</h2>
                <p class="muted">
                    { "O administrador do servidor informa o endereço e o token de registro. \
                       Os protocolos já emitidos aqui continuam valendo." }
                </p>
                <FormError message={unplaced_message(&errors, &all_fields).or_else(|| status.error_message())} />
                { input(fields::SERVER, "Endereço do servidor", "url", form.server_url.clone(),
                    text(|f, v| f.server_url = v, fields::SERVER)) }
                { input(fields::TOKEN, "Token de registro", "password", form.enrollment_token.clone(),
                    text(|f, v| f.enrollment_token = v, fields::TOKEN)) }
                { input(fields::NAME, "Nome deste computador", "text", form.name.clone(),
                    text(|f, v| f.name = v, fields::NAME)) }
                <fieldset id={fields::PROFILE} class="field choices"
                    aria-invalid={invalid(fields::PROFILE)}>
                    <legend>{ "Perfil deste computador" }</legend>
                    { for profiles }
                    <FieldError field={fields::PROFILE} message={error(fields::PROFILE)} />
                </fieldset>
                <button id="sync-registrar" type="submit" class="primary" disabled={*sending}>
                    { if *sending { "Registrando…" } else { "Registrar" } }
                </button>
            </form>
        </section>
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
