//! "Caixas de correio" (administrators): where support mail is read. On a desktop without a
//! sync server, the mailbox it reads itself ([`local::LocalMailboxPanel`]).
mod local;

use yew::prelude::*;

use local::LocalMailboxPanel;

/// Props of [`MailboxesPage`].
#[derive(Properties, PartialEq)]
pub struct MailboxesPageProps {
    /// "Voltar".
    pub onclose: Callback<()>,
}

/// `section#caixas-de-correio-pagina`.
#[function_component]
pub fn MailboxesPage(props: &MailboxesPageProps) -> Html {
    html! {
        <section id="caixas-de-correio-pagina" class="admin-page" aria-labelledby="caixas-titulo">
            <header class="admin-page-header">
                <h1 id="caixas-titulo">{ "Caixas de correio" }</h1>
                <span class="spacer"></span>
                <button id="caixas-voltar" type="button"
                    onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Voltar" }</button>
            </header>
            <LocalMailboxPanel />
        </section>
    }
}
