//! "Integrações" (administrators): the keys the provider's site or app posts its customers'
//! messages to the sync server with, managed with the server administrator's token.
mod create;
mod key;
mod list;
mod server;

use helpdesk_api::LoadSyncStatus;
use yew::prelude::*;

use crate::components::FormError;
use crate::hooks::use_command;
use server::ServerIntegrations;

/// Props of [`IntegrationsPage`].
#[derive(Properties, PartialEq)]
pub struct IntegrationsPageProps {
    /// "Voltar".
    pub onclose: Callback<()>,
}

/// `section#integracoes`.
#[function_component]
pub fn IntegrationsPage(props: &IntegrationsPageProps) -> Html {
    let sync = use_command::<LoadSyncStatus>(());
    let shown = match sync.value() {
        None => html! {
            <>
                <FormError message={sync.error_message()} />
                <p aria-busy="true">{ "Carregando…" }</p>
            </>
        },
        Some(now) if now.server_url.is_none() => html! {
            <p id="integracoes-sem-servidor" class="muted">
                { "Este computador não está registrado em um servidor de sincronização: as \
                   integrações enviam mensagens ao servidor. Registre-o em \"Sincronização\"." }
            </p>
        },
        Some(_) => html! { <ServerIntegrations /> },
    };
    html! {
        <section id="integracoes" class="admin-page" aria-labelledby="integracoes-titulo">
            <header class="admin-page-header">
                <h1 id="integracoes-titulo">{ "Integrações" }</h1>
                <span class="spacer"></span>
                <button id="integracoes-voltar" type="button"
                    onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Voltar" }</button>
            </header>
            { shown }
        </section>
    }
}
