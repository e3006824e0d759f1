//! The home page: the operator's header, and either the start panel (with the draft left
//! from before, if any), the open wizard, the tickets ("Atendimentos", a ticket's page),
//! "Minhas Tarefas", the "Agenda Técnica", or (for an administrator) the scripts, the
//! e-mail templates and settings, or the sync registration. The status bar at the foot
//! shows how sync stands.
use helpdesk_api::{
    DiscardDraft, ErrorCode, LoadDraft, Logout, Operator, SavedDraft, TicketListQuery,
    TicketSummary,
};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::{FormError, SyncIndicator};
use crate::pages::admin::EmailAdminPage;
use crate::pages::agenda::AgendaPage;
use crate::pages::draft_panel::DraftPanel;
use crate::pages::protocol_lookup::ProtocolLookup;
use crate::pages::sync_admin::SyncAdminPage;
use crate::pages::tasks::TasksPage;
use crate::pages::tickets::{TicketList, TicketPage};
use crate::pages::ScriptsPage;
use crate::wizard::Wizard;

/// What the shell said about the operator's draft.
#[derive(Clone, PartialEq)]
enum DraftCheck {
    Checking,
    Nothing,
    Found(Box<SavedDraft>),
}

/// What the home page shows when the wizard and the scripts are closed.
#[derive(Clone, PartialEq)]
enum Page {
    Start,
    /// "Atendimentos".
    Tickets,
    /// A ticket's page; "Voltar" goes to `back`.
    Ticket(Box<TicketSummary>, Box<Page>),
    /// "Minhas Tarefas".
    Tasks,
    /// "Agenda Técnica".
    Agenda,
}

/// Props of [`Home`].
#[derive(Properties, PartialEq)]
pub struct HomeProps {
    /// The logged-in operator.
    pub operator: Operator,
    /// Called once the shell has ended the session.
    pub onlogout: Callback<()>,
}

/// The page after login; "Novo Atendimento" opens the wizard, "Sair" logs out.
#[function_component]
pub fn Home(props: &HomeProps) -> Html {
    // `Some(draft)` while the wizard is open, continuing `draft` if there is one.
    let wizard = use_state(|| None::<Option<SavedDraft>>);
    let draft = use_state(|| DraftCheck::Checking);
    let draft_error = use_state(|| None::<AttrValue>);
    let logout_error = use_state(|| None::<AttrValue>);
    let leaving = use_state(|| false);
    // "Scripts" (administrators): the scripts instead of the start panel.
    let scripts = use_state(|| false);
    // "E-mail" (administrators): the e-mail templates and settings instead of the start panel.
    let email_admin = use_state(|| false);
    let sync_admin = use_state(|| false);
    let page = use_state(|| Page::Start);
    // The list's last filters, kept while the operator opens tickets.
    let ticket_query = use_state(TicketListQuery::default);

    {
        let (draft, draft_error) = (draft.clone(), draft_error.clone());
        use_effect_with(wizard.is_some(), move |open| {
            if !open {
                spawn_local(async move {
                    match api::invoke::<LoadDraft>(&()).await {
                        Ok(Some(saved)) => draft.set(DraftCheck::Found(Box::new(saved))),
                        Ok(None) => draft.set(DraftCheck::Nothing),
                        Err(error) => {
                            draft.set(DraftCheck::Nothing);
                            draft_error.set(Some(error.message.into()));
                        }
                    }
                });
            }
        });
    }
    let onstart = {
        let wizard = wizard.clone();
        Callback::from(move |_: MouseEvent| wizard.set(Some(None)))
    };
    let oncontinue = {
        let (wizard, draft) = (wizard.clone(), draft.clone());
        Callback::from(move |()| {
            if let DraftCheck::Found(saved) = &*draft {
                wizard.set(Some(Some((**saved).clone())));
            }
        })
    };
    let ondiscard = {
        let (draft, draft_error) = (draft.clone(), draft_error.clone());
        Callback::from(move |()| {
            let (draft, draft_error) = (draft.clone(), draft_error.clone());
            spawn_local(async move {
                match api::invoke::<DiscardDraft>(&()).await {
                    Ok(()) => draft.set(DraftCheck::Nothing),
                    Err(error) => draft_error.set(Some(error.message.into())),
                }
            });
        })
    };
    let onclose = {
        let (wizard, draft) = (wizard.clone(), draft.clone());
        Callback::from(move |()| {
            draft.set(DraftCheck::Checking);
            wizard.set(None);
        })
    };
    let onleave = {
        let (logout_error, leaving) = (logout_error.clone(), leaving.clone());
        let onlogout = props.onlogout.clone();
        Callback::from(move |_: MouseEvent| {
            logout_error.set(None);
            leaving.set(true);
            let (logout_error, leaving) = (logout_error.clone(), leaving.clone());
            let onlogout = onlogout.clone();
            spawn_local(async move {
                match api::invoke::<Logout>(&()).await {
                    Ok(()) => onlogout.emit(()),
                    // The session had already ended: the operator is out either way.
                    Err(error) if error.code == ErrorCode::NotAuthenticated => onlogout.emit(()),
                    Err(error) => {
                        logout_error.set(Some(error.message.into()));
                        leaving.set(false);
                    }
                }
            });
        })
    };

    let show_scripts = |open: bool| {
        let scripts = scripts.clone();
        Callback::from(move |()| scripts.set(open))
    };

    let show_email_admin = |open: bool| {
        let email_admin = email_admin.clone();
        Callback::from(move |()| email_admin.set(open))
    };
    let show_sync_admin = |open: bool| {
        let sync_admin = sync_admin.clone();
        Callback::from(move |()| sync_admin.set(open))
    };
    let elsewhere = wizard.is_some() || *scripts || *email_admin || *sync_admin;

    let go = |to: Page| {
        let page = page.clone();
        Callback::from(move |()| page.set(to.clone()))
    };
    let open_ticket = {
        let page = page.clone();
        Callback::from(move |ticket: TicketSummary| {
            let back = match &*page {
                Page::Ticket(_, back) => (**back).clone(),
                other => other.clone(),
            };
            page.set(Page::Ticket(Box::new(ticket), Box::new(back)));
        })
    };
    let on_ticket_query = {
        let ticket_query = ticket_query.clone();
        Callback::from(move |query: TicketListQuery| ticket_query.set(query))
    };

    let operator = &props.operator;
    html! {
        <div class="home">
            <header class="app-header">
                <span class="app-name">{ "Help Desk ISP" }</span>
                <span class="operator">
                    <span id="operator-name">{ operator.name.clone() }</span>
                    <span class="operator-role">{ operator.role.clone() }</span>
                </span>
                if !elsewhere {
                    <button
                        id="atendimentos"
                        type="button"
                        onclick={go(Page::Tickets).reform(|_: MouseEvent| ())}
                    >
                        { "Atendimentos" }
                    </button>
                    <button
                        id="minhas-tarefas"
                        type="button"
                        onclick={go(Page::Tasks).reform(|_: MouseEvent| ())}
                    >
                        { "Minhas Tarefas" }
                    </button>
                    <button
                        id="agenda"
                        type="button"
                        onclick={go(Page::Agenda).reform(|_: MouseEvent| ())}
                    >
                        { "Agenda Técnica" }
                    </button>
                }
                if operator.is_administrator() && !elsewhere {
                    <button
                        id="scripts"
                        type="button"
                        onclick={show_scripts(true).reform(|_: MouseEvent| ())}
                    >
                        { "Scripts" }
                    </button>
                    <button
                        id="email-admin"
                        type="button"
                        onclick={show_email_admin(true).reform(|_: MouseEvent| ())}
                    >
                        { "E-mail" }
                    </button>
                    <button
                        id="sincronizacao-admin"
                        type="button"
                        onclick={show_sync_admin(true).reform(|_: MouseEvent| ())}
                    >
                        { "Sincronização" }
                    </button>
                }
                <button id="sair" type="button" onclick={onleave} disabled={*leaving}>
                    { "Sair" }
                </button>
            </header>
            <FormError message={(*logout_error).clone()} />
            if let Some(continuing) = &*wizard {
                <Wizard operator_id={operator.id} draft={continuing.clone()} {onclose} />
            } else if *scripts {
                <ScriptsPage onclose={show_scripts(false)} />
            } else if *email_admin {
                <EmailAdminPage onclose={show_email_admin(false)} />
            } else if *sync_admin {
                <SyncAdminPage onclose={show_sync_admin(false)} />
            } else if *page == Page::Tickets {
                <TicketList
                    query={(*ticket_query).clone()}
                    onquery={on_ticket_query}
                    onopen={open_ticket.clone()}
                    onclose={go(Page::Start)}
                />
            } else if let Page::Ticket(ticket, back) = &*page {
                <TicketPage
                    key={ticket.id.to_string()}
                    ticket={(**ticket).clone()}
                    onclose={go((**back).clone())}
                />
            } else if *page == Page::Agenda {
                <AgendaPage operator_id={operator.id} onclose={go(Page::Start)} />
            } else if *page == Page::Tasks {
                <TasksPage onopen={open_ticket.clone()} onclose={go(Page::Start)} />
            } else {
                <main class="start-panel">
                    <h1>{ "Atendimentos" }</h1>
                    <FormError message={(*draft_error).clone()} />
                    { match &*draft {
                        DraftCheck::Checking => html! {
                            <p aria-busy="true">{ "Carregando…" }</p>
                        },
                        DraftCheck::Found(saved) => html! {
                            <DraftPanel saved={(**saved).clone()} {oncontinue} {ondiscard} />
                        },
                        DraftCheck::Nothing => html! {
                            <>
                                <p>{ "Registre o contato de um cliente passo a passo." }</p>
                                <button
                                    id="novo-atendimento"
                                    type="button"
                                    class="primary"
                                    onclick={onstart}
                                >
                                    { "Novo Atendimento" }
                                </button>
                            </>
                        },
                    } }
                    <ProtocolLookup onopen={open_ticket} />
                </main>
            }
            <SyncIndicator />
        </div>
    }
}
