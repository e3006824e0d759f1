//! "Primeira configuração": what an empty database shows instead of the sign-in, to create
//! the provider and its administrator, or to join an existing central server; then the
//! wait for that server's users.
mod awaiting;
mod create_provider;
mod join_server;

use helpdesk_api::Operator;
use yew::prelude::*;

pub use awaiting::AwaitingUsers;
use create_provider::CreateProviderForm;
use join_server::JoinServerForm;

/// Props of [`FirstRun`].
#[derive(Properties, PartialEq)]
pub struct FirstRunProps {
    /// Called with the administrator, signed in, once the provider is created.
    pub oncreated: Callback<Operator>,
    /// Called once the desktop joined a server.
    pub onjoined: Callback<()>,
}

/// Which way the operator chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    Create,
    Join,
}

/// `main#primeira-configuracao`: the two ways, one form at a time.
#[function_component]
pub fn FirstRun(props: &FirstRunProps) -> Html {
    let choice = use_state(|| None::<Choice>);
    let choose = |to: Option<Choice>| {
        let choice = choice.clone();
        Callback::from(move |()| choice.set(to))
    };
    let back = choose(None);
    html! {
        <main id="primeira-configuracao" class="login-page">
            <div class="login-card setup-card">
                <h1>{ "Primeira configuração" }</h1>
                { match *choice {
                    None => html! {
                        <>
                            <p class="subtitle">
                                { "Este computador ainda não tem usuários. Como deseja começar?" }
                            </p>
                            <button id="primeira-criar" type="button" class="primary setup-choice"
                                onclick={choose(Some(Choice::Create)).reform(|_: MouseEvent| ())}>
                                <strong>{ "Criar provedor" }</strong>
                                <span>{ "Cadastre o provedor e o primeiro administrador." }</span>
                            </button>
                            <button id="primeira-entrar" type="button" class="setup-choice"
                                onclick={choose(Some(Choice::Join)).reform(|_: MouseEvent| ())}>
                                <strong>{ "Entrar em um servidor existente" }</strong>
                                <span>{ "Os usuários chegam do servidor central." }</span>
                            </button>
                        </>
                    },
                    Some(Choice::Create) => html! {
                        <CreateProviderForm oncreated={props.oncreated.clone()} oncancel={back} />
                    },
                    Some(Choice::Join) => html! {
                        <JoinServerForm onjoined={props.onjoined.clone()} oncancel={back} />
                    },
                } }
            </div>
        </main>
    }
}
