//! "Sincronização" (administrators): where this desktop stands with the central server,
//! "Registrar este computador" with an administrator's enrollment token, and the rows sync
//! set aside ("Pendências", [`SyncPending`]).
use helpdesk_api::{LoadSyncStatus, RegisterDesktop};
use yew::prelude::*;

use crate::components::FormError;
use crate::hooks::use_command;
use crate::pages::registration_fields::{
    use_registration, Registration, RegistrationFields, ALL_FIELDS,
};
use crate::pages::sync_pending::SyncPending;

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
    let Registration {
        form,
        submit,
        onchange,
    } = use_registration::<RegisterDesktop>();
    let onsubmit = {
        let (form, submit, status) = (form.clone(), submit.clone(), status.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            // The shell checks again; checking here shows every reason at once.
            let found = form.validate().err().unwrap_or_default();
            let status = status.clone();
            submit.send(
                (*form).clone(),
                found,
                Callback::from(move |now| status.set(now)),
            );
        })
    };
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
            <SyncPending />
            <form id="sync-form" novalidate=true {onsubmit}>
                <h2>{ "Registrar este computador" }</h2>
                <p class="muted">
                    { "O administrador do servidor informa o endereço e o token de registro. \
                       Os protocolos já emitidos aqui continuam valendo." }
                </p>
                <FormError message={submit.unplaced(&ALL_FIELDS).or_else(|| status.error_message())} />
                <RegistrationFields prefix="sync" form={(*form).clone()}
                    errors={submit.errors().to_vec()} {onchange} />
                <button id="sync-registrar" type="submit" class="primary" disabled={submit.sending()}>
                    { if submit.sending() { "Registrando…" } else { "Registrar" } }
                </button>
            </form>
        </section>
    }
}
