//! "Caixas de correio" (administrators): the support mailboxes read for online-support
//! messages. On a desktop registered with a sync server, the server reads them and this
//! screen manages them there, with the server administrator's token; on a desktop without
//! one, it reads its own mailbox ([`local::LocalMailboxPanel`]).
mod draft;
mod fields;
mod form;
mod list;
mod local;
mod server;

use helpdesk_api::LoadSyncStatus;
use yew::prelude::*;

use crate::components::FormError;
use crate::hooks::use_command;
use local::LocalMailboxPanel;
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
        Some(now) if now.server_url.is_none() => html! { <LocalMailboxPanel /> },
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
