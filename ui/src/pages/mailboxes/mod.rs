//! "Caixas de correio" (administrators): the support mailboxes read for online-support
//! messages. On a desktop registered with a sync server, the server reads them and this
//! screen manages them there, with the server administrator's token.
mod draft;
mod form;
mod list;
mod server;

use helpdesk_api::LoadSyncStatus;
use yew::prelude::*;

use crate::components::FormError;
use crate::hooks::use_command;
use server::ServerMailboxes;

/// Props of [`MailboxesPage`].
#[derive(Properties, PartialEq)]
pub struct MailboxesPageProps {
    /// "Voltar".
    pub onclose: Callback<()>,
}

/// `section#caixas-correio`.
#[function_component]
pub fn MailboxesPage(props: &MailboxesPageProps) -> Html {
    let sync = use_command::<LoadSyncStatus>(());
    let shown = match sync.value() {
        None => html! {
            <>
                <FormError message={sync.error_message()} />
                <p aria-busy="true">{ "Carregando…" }</p>
            </>
        },
        // The one branch point for a desktop without a sync server: it will read its
        // mailbox itself, and that mode's form takes this place.
        Some(now) if now.server_url.is_none() => html! {
            <p id="caixas-sem-servidor" class="muted">
                { "Este computador não está registrado em um servidor de sincronização: as \
                   caixas de correio são lidas pelo servidor. Registre-o em \"Sincronização\"." }
            </p>
        },
        Some(_) => html! { <ServerMailboxes /> },
    };
    html! {
        <section id="caixas-correio" class="admin-page" aria-labelledby="caixas-titulo">
            <header class="admin-page-header">
                <h1 id="caixas-titulo">{ "Caixas de correio" }</h1>
                <span class="spacer"></span>
                <button id="caixas-voltar" type="button"
                    onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Voltar" }</button>
            </header>
            { shown }
        </section>
    }
}
