//! The home page's header: the app's name (and the demonstration mark), the operator, the
//! buttons to the pages (those of an administrator too), "Tema", "Trocar senha" and "Sair", with
//! why leaving failed under it.
use helpdesk_api::Operator;
use yew::prelude::*;

use crate::components::FormError;
use crate::pages::password::PasswordDialog;
use crate::pages::screen::{AdminScreen, Navigate, Screen};
use crate::pages::sign_out::use_sign_out;
use crate::pages::theme_choice::ThemeChoice;

/// Props of [`AppHeader`].
#[derive(Properties, PartialEq)]
pub struct AppHeaderProps {
    /// The logged-in operator.
    pub operator: Operator,
    /// The database holds the demonstration's data.
    pub demo: bool,
    /// The buttons to the pages are offered (not over the wizard nor an administrator's
    /// screen).
    pub navigation: bool,
    /// A page's button pressed.
    pub onnavigate: Callback<Navigate>,
    /// Called once the shell has ended the session.
    pub onlogout: Callback<()>,
}

/// `header.app-header` and the message of a failed "Sair".
#[function_component]
pub fn AppHeader(props: &AppHeaderProps) -> Html {
    let leave = use_sign_out(props.onlogout.clone());
    let changing_password = use_state(|| false);
    let password_dialog = |open: bool| {
        let changing_password = changing_password.clone();
        Callback::from(move |()| changing_password.set(open))
    };
    let button = |id: &'static str, label: &'static str, to: Navigate| {
        let onclick = props.onnavigate.reform(move |_: MouseEvent| to.clone());
        html! { <button {id} type="button" {onclick}>{ label }</button> }
    };
    let admin = |id, label, screen| button(id, label, Navigate::Admin(screen));
    let operator = &props.operator;
    html! {
        <>
            <header class="app-header">
                <span class="app-name">{ "Help Desk ISP" }</span>
                if props.demo {
                    <span id="marca-demonstracao" class="demo-mark">{ "Dados de demonstração" }</span>
                }
                <span class="operator">
                    <span id="operator-name">{ operator.name.clone() }</span>
                    <span class="operator-role">{ operator.role.clone() }</span>
                </span>
                if props.navigation {
                    <nav class="app-nav" aria-label="Páginas">
                        { button("atendimentos", "Atendimentos", Navigate::To(Screen::Tickets)) }
                        { button("minhas-tarefas", "Minhas Tarefas", Navigate::To(Screen::Tasks)) }
                        { button("agenda", "Agenda Técnica", Navigate::To(Screen::Agenda)) }
                        { button("ordens-servico", "Ordens de Serviço", Navigate::To(Screen::WorkOrders)) }
                        { button("clientes-nav", "Clientes", Navigate::To(Screen::Customers)) }
                        { button("relatorios", "Relatórios", Navigate::To(Screen::Reports)) }
                        { button("sobre", "Sobre", Navigate::To(Screen::About)) }
                        if operator.is_administrator() {
                            <span class="app-nav-admin" role="group" aria-label="Administração">
                                { admin("scripts", "Scripts", AdminScreen::Scripts) }
                                { admin("email-admin", "E-mail", AdminScreen::Email) }
                                { admin("sincronizacao-admin", "Sincronização", AdminScreen::Sync) }
                                { admin("usuarios-admin", "Usuários", AdminScreen::Users) }
                                { admin("cadastros-admin", "Cadastros", AdminScreen::Catalogs) }
                                { admin("provedor-admin", "Provedor", AdminScreen::Provider) }
                                { admin("expediente-admin", "Expediente e feriados", AdminScreen::BusinessHours) }
                                { admin("importar-admin", "Importar clientes", AdminScreen::Imports) }
                                { admin("caixas-admin", "Caixas de correio", AdminScreen::Mailboxes) }
                                { admin("integracoes-admin", "Integrações", AdminScreen::Integrations) }
                                { admin("copia-seguranca-admin", "Cópia de segurança", AdminScreen::Backup) }
                            </span>
                        }
                    </nav>
                }
                <ThemeChoice />
                <button id="trocar-senha-abrir" type="button"
                    onclick={password_dialog(true).reform(|_: MouseEvent| ())}>
                    { "Trocar senha" }
                </button>
                <button id="sair" type="button" onclick={leave.onclick} disabled={leave.leaving}>
                    { "Sair" }
                </button>
            </header>
            <FormError message={leave.error} />
            if *changing_password {
                <PasswordDialog login={operator.login.clone()} onclose={password_dialog(false)} />
            }
        </>
    }
}
