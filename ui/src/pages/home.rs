//! The home page: the operator's header, and one [`Screen`] under it: the start panel (with
//! the draft left from before, if any), the open wizard, the tickets ("Atendimentos", a
//! ticket's page), "Minhas Tarefas", the "Agenda Técnica", "Clientes" (a customer's page),
//! or (for an administrator) the scripts, the e-mail templates and settings, the sync
//! registration, the users, the catalogs, the provider's settings, the business hours and
//! holidays, the sync server's mailboxes or its integrations; "Sobre". The status bar at the
//! foot shows how sync stands. The keyboard shortcuts (Alt+N, Alt+P, Alt+F, Alt+A; F1 or
//! "?" for their list) act here.
use helpdesk_api::{DiscardDraft, LoadDraft, Operator, SetupState, TicketListQuery, TicketSummary};
use helpdesk_core::shortcuts::ShortcutAction;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::api;
use crate::components::SyncIndicator;
use crate::hooks::use_command_when;
use crate::pages::admin::EmailAdminPage;
use crate::pages::agenda::AgendaPage;
use crate::pages::app_header::AppHeader;
use crate::pages::catalogs::CatalogsPage;
use crate::pages::customers::{CustomerPage, CustomersPage, KeptSearch};
use crate::pages::integrations::IntegrationsPage;
use crate::pages::mailboxes::MailboxesPage;
use crate::pages::provider::ProviderPage;
use crate::pages::reports::ReportsPage;
use crate::pages::screen::{AdminScreen, Navigate, Screen};
use crate::pages::shortcuts::{use_shortcuts, ShortcutHelp};
use crate::pages::start_panel::StartPanel;
use crate::pages::sync_admin::SyncAdminPage;
use crate::pages::tasks::TasksPage;
use crate::pages::tickets::{TicketList, TicketPage};
use crate::pages::users::UsersPage;
use crate::pages::work_orders::{WorkOrderFilters, WorkOrdersPage};
use crate::pages::ScriptsPage;
use crate::wizard::Wizard;

/// Props of [`Home`].
#[derive(Properties, PartialEq)]
pub struct HomeProps {
    /// The logged-in operator.
    pub operator: Operator,
    /// The database holds the demonstration's data.
    pub demo: bool,
    /// Called once the shell has ended the session.
    pub onlogout: Callback<()>,
    /// Called with the setup once "Provedor" saved it.
    pub onsetup: Callback<SetupState>,
}

/// The page after login; "Novo Atendimento" opens the wizard, "Sair" logs out.
#[function_component]
pub fn Home(props: &HomeProps) -> Html {
    let screen = use_reducer(|| Screen::Start);
    // Asked again each time the wizard closes.
    let draft = use_command_when::<LoadDraft>(screen.wants_draft().then_some(()));
    let discard_error = use_state(|| None::<AttrValue>);
    // The list's last filters, kept while the operator opens tickets.
    let ticket_query = use_state(TicketListQuery::default);
    // "Ordens de Serviço"'s last filters, kept while the operator looks at the agenda.
    let work_order_filters = use_state(WorkOrderFilters::default);
    // "Clientes"'s search and rows, kept while the operator opens customers.
    let customer_search = use_state(KeptSearch::default);

    let navigate = {
        let screen = screen.dispatcher();
        Callback::from(move |to: Navigate| screen.dispatch(to))
    };
    let go = |to: Navigate| navigate.reform(move |()| to.clone());
    let open_ticket =
        navigate.reform(|ticket: TicketSummary| Navigate::OpenTicket(Box::new(ticket)));
    // The shortcuts' help, and the start panel's element a shortcut focuses once drawn.
    let help_open = use_state(|| false);
    let focus_after = use_state(|| None::<&'static str>);
    {
        let focus_after = focus_after.clone();
        use_effect_with(*focus_after, move |target| {
            if let Some(id) = target {
                focus_by_id(id);
                focus_after.set(None);
            }
        });
    }
    {
        let (screen, help_open, focus_after) =
            (screen.clone(), help_open.clone(), focus_after.clone());
        let has_draft = draft.value().cloned().flatten().is_some();
        let navigate = navigate.clone();
        use_shortcuts(Callback::from(move |action: ShortcutAction| {
            if action == ShortcutAction::Help {
                help_open.set(true);
                return;
            }
            // Not over the wizard nor an administrator's screen: what is typed there stays.
            if !screen.offers_navigation() {
                return;
            }
            match action {
                // With a draft left, the start panel offers it ("Continuar" / "Descartar").
                ShortcutAction::NewTicket if has_draft => {
                    navigate.emit(Navigate::To(Screen::Start))
                }
                ShortcutAction::NewTicket => navigate.emit(Navigate::To(Screen::Wizard(None))),
                ShortcutAction::FindProtocol | ShortcutAction::Queue => {
                    navigate.emit(Navigate::To(Screen::Start));
                    focus_after.set(Some(match action {
                        ShortcutAction::FindProtocol => "consultar-protocolo",
                        _ => "fila",
                    }));
                }
                ShortcutAction::Agenda => navigate.emit(Navigate::To(Screen::Agenda)),
                ShortcutAction::Help => {}
            }
        }));
    }
    let on_ticket_query = {
        let ticket_query = ticket_query.clone();
        Callback::from(move |query: TicketListQuery| ticket_query.set(query))
    };

    let ondiscard = {
        let (draft, discard_error) = (draft.clone(), discard_error.clone());
        Callback::from(move |()| {
            let (draft, discard_error) = (draft.clone(), discard_error.clone());
            spawn_local(async move {
                match api::invoke::<DiscardDraft>(&()).await {
                    Ok(()) => draft.set(None),
                    Err(error) => discard_error.set(Some(error.message.into())),
                }
            });
        })
    };

    let operator = &props.operator;
    let shown = match &*screen {
        Screen::Start => html! {
            <StartPanel
                checking={draft.loading()}
                saved={draft.value().cloned().flatten()}
                error={(*discard_error).clone().or_else(|| draft.error_message())}
                onnavigate={navigate.clone()}
                {ondiscard}
            />
        },
        Screen::Wizard(continuing) => html! {
            <Wizard
                operator_id={operator.id}
                draft={continuing.as_deref().cloned()}
                onclose={go(Navigate::Back)}
            />
        },
        Screen::Admin(AdminScreen::Scripts, _) => html! {
            <ScriptsPage onclose={go(Navigate::Back)} />
        },
        Screen::Admin(AdminScreen::Email, _) => html! {
            <EmailAdminPage onclose={go(Navigate::Back)} />
        },
        Screen::Admin(AdminScreen::Sync, _) => html! {
            <SyncAdminPage onclose={go(Navigate::Back)} />
        },
        Screen::Admin(AdminScreen::Users, _) => html! {
            <UsersPage onclose={go(Navigate::Back)} />
        },
        Screen::Admin(AdminScreen::Catalogs, _) => html! {
            <CatalogsPage onclose={go(Navigate::Back)} />
        },
        Screen::Admin(AdminScreen::Imports, _) => html! {
            <crate::pages::imports::ImportsPage onclose={go(Navigate::Back)} />
        },
        Screen::Admin(AdminScreen::Mailboxes, _) => html! {
            <MailboxesPage onclose={go(Navigate::Back)} />
        },
        Screen::Admin(AdminScreen::Integrations, _) => html! {
            <IntegrationsPage onclose={go(Navigate::Back)} />
        },
        Screen::Admin(AdminScreen::BusinessHours, _) => html! {
            <crate::pages::business_hours::BusinessHoursPage onclose={go(Navigate::Back)} />
        },
        Screen::Admin(AdminScreen::Backup, _) => html! {
            <crate::pages::backup::BackupPage onclose={go(Navigate::Back)} />
        },
        Screen::Admin(AdminScreen::Provider, _) => html! {
            <ProviderPage onsaved={props.onsetup.clone()} onclose={go(Navigate::Back)} />
        },
        Screen::Tickets => html! {
            <TicketList
                query={(*ticket_query).clone()}
                onquery={on_ticket_query}
                onopen={open_ticket}
                onclose={go(Navigate::Back)}
            />
        },
        Screen::Ticket(ticket, _) => html! {
            <TicketPage
                key={ticket.id.to_string()}
                ticket={(**ticket).clone()}
                operator_id={operator.id}
                onclose={go(Navigate::Back)}
            />
        },
        Screen::Customers => html! {
            <CustomersPage
                kept={(*customer_search).clone()}
                onkeep={let kept = customer_search.clone(); Callback::from(move |now| kept.set(now))}
                may_edit={operator.may_edit_customers()}
                onopen={navigate.reform(|id| Navigate::To(Screen::Customer(id)))}
                onclose={go(Navigate::Back)}
            />
        },
        Screen::Customer(id) => html! {
            <CustomerPage
                key={id.to_string()}
                id={*id}
                may_edit={operator.may_edit_customers()}
                onopen_ticket={open_ticket}
                onclose={go(Navigate::Back)}
            />
        },
        Screen::Agenda => html! {
            <AgendaPage operator_id={operator.id} onclose={go(Navigate::Back)} />
        },
        Screen::Reports => html! {
            <ReportsPage onclose={go(Navigate::Back)} />
        },
        Screen::About => html! {
            <crate::pages::about::AboutPage onclose={go(Navigate::Back)} />
        },
        Screen::AgendaAt(focus) => html! {
            <AgendaPage operator_id={operator.id} focus={*focus} onclose={go(Navigate::Back)} />
        },
        Screen::WorkOrders => html! {
            <WorkOrdersPage
                filters={(*work_order_filters).clone()}
                onfilters={let kept = work_order_filters.clone(); Callback::from(move |now| kept.set(now))}
                onagenda={navigate.reform(|focus| Navigate::To(Screen::AgendaAt(focus)))}
                onclose={go(Navigate::Back)}
            />
        },
        Screen::Tasks => html! {
            <TasksPage onopen={open_ticket} onclose={go(Navigate::Back)} />
        },
    };
    html! {
        <div class="home">
            <AppHeader
                operator={operator.clone()}
                demo={props.demo}
                navigation={screen.offers_navigation()}
                onnavigate={navigate.clone()}
                onlogout={props.onlogout.clone()}
            />
            { shown }
            <SyncIndicator />
            if *help_open {
                <ShortcutHelp onclose={let help_open = help_open.clone(); Callback::from(move |()| help_open.set(false))} />
            }
        </div>
    }
}

/// Focuses the element `#id` (a section gets `tabindex="-1"` in its markup) and brings it
/// into view.
fn focus_by_id(id: &str) {
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let Some(element) = element {
        element.scroll_into_view();
        // An element that cannot take focus is left alone.
        let _ = element.focus();
    }
}
