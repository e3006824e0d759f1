//! The wizard's traffic with the shell that no button starts: saving the draft after every
//! change, and fetching what the step on screen shows (after "Avançar", a jump in the side
//! bar, or a restored draft alike).
use helpdesk_api::{
    CustomerSearch, FindSupportMessages, ListAssignees, ListEmailTemplates, ListScripts,
    ListTicketTypes, LoadCustomer, LoadScript, LoadWorkOrderCatalog, ReserveProtocol, SaveDraft,
    ScriptVersionRef, SearchCustomers, Uuid,
};
use helpdesk_core::wizard::{ScriptProgress, Step};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::wizard::state::{WizardAction, WizardState};

/// Saves the draft whenever it changes. Saves may overlap; the shell keeps the newest
/// revision, and the state the newest confirmation.
#[hook]
pub fn use_draft_saving(state: &UseReducerHandle<WizardState>) {
    let draft = state.draft.clone();
    let needs_saving = !state.is_saved();
    let dispatcher = state.dispatcher();
    use_effect_with(draft, move |draft| {
        if needs_saving {
            let draft = draft.clone();
            dispatcher.dispatch(WizardAction::SaveStarted);
            spawn_local(async move {
                dispatcher.dispatch(match api::invoke::<SaveDraft>(&draft).await {
                    Ok(()) => WizardAction::Saved(draft.revision, js_sys::Date::now() as i64),
                    Err(error) => WizardAction::SaveFailed(error),
                });
            });
        }
    });
}

/// Gives the ticket its protocol number as the wizard opens (a draft continued keeps its
/// own).
#[hook]
pub fn use_protocol(state: &UseReducerHandle<WizardState>) {
    let needed = state.draft.protocol.is_none();
    let dispatcher = state.dispatcher();
    use_effect_with(needed, move |needed| {
        if *needed {
            spawn_local(async move {
                let result = api::invoke::<ReserveProtocol>(&()).await;
                dispatcher.dispatch(WizardAction::ProtocolReserved(result));
            });
        }
    });
}

/// Fetches what the current step shows when it is not there yet.
#[hook]
pub fn use_step_data(state: &UseReducerHandle<WizardState>) {
    let current = state.current();
    let needed = match current {
        Step::FindMessage => state
            .draft
            .filters
            .validate()
            .ok()
            .filter(|query| state.messages.request.as_ref() != Some(query))
            .map(Need::Messages),
        Step::FindCustomer if state.customers.request.is_none() => {
            let for_message = state.draft.searches_for_message();
            if state.draft.customer.is_none() && !for_message.is_empty() {
                Some(Need::MessageCustomer(for_message))
            } else {
                state.draft.search.to_search().ok().map(Need::Customers)
            }
        }
        Step::CustomerData | Step::TicketData => state
            .draft
            .customer
            .as_ref()
            .map(|customer| customer.id)
            .filter(|id| state.record.request.as_ref() != Some(id))
            .map(Need::Record),
        Step::Script | Step::ScriptReport => match &state.draft.script {
            ScriptProgress::Running(run) | ScriptProgress::Ended(run) => {
                let version = ScriptVersionRef {
                    script_id: run.script_id,
                    version: Some(run.version),
                };
                (state.script.request != Some(version)).then_some(Need::Script(version))
            }
            _ if current == Step::Script && state.scripts.request.is_none() => Some(Need::Scripts),
            _ => None,
        },
        Step::FirstContact if state.ticket_types.request.is_none() => Some(Need::TicketTypes),
        Step::Task if state.assignees.request.is_none() => Some(Need::Assignees),
        Step::WorkOrder if state.work_order_catalog.request.is_none() => {
            Some(Need::WorkOrderCatalog)
        }
        // The customer's addresses first, then the operator's templates.
        Step::SendEmail => state
            .draft
            .customer
            .as_ref()
            .map(|customer| customer.id)
            .filter(|id| state.record.request.as_ref() != Some(id))
            .map(Need::Record)
            .or_else(|| {
                state
                    .email_templates
                    .request
                    .is_none()
                    .then_some(Need::EmailTemplates)
            }),
        _ => None,
    };
    let dispatcher = state.dispatcher();
    use_effect_with(needed, move |needed| {
        if let Some(need) = needed.clone() {
            spawn_local(need.fetch(dispatcher));
        }
    });
}

/// What a step needs from the shell.
#[derive(Debug, Clone, PartialEq)]
enum Need {
    Messages(helpdesk_api::MessageQuery),
    /// The searches that may find the chosen message's customer, in order.
    MessageCustomer(Vec<CustomerSearch>),
    Customers(CustomerSearch),
    Record(Uuid),
    Scripts,
    TicketTypes,
    Assignees,
    WorkOrderCatalog,
    EmailTemplates,
    /// The version of the script the draft is running.
    Script(ScriptVersionRef),
}

impl Need {
    async fn fetch(self, dispatcher: UseReducerDispatcher<WizardState>) {
        match self {
            Need::Messages(query) => {
                dispatcher.dispatch(WizardAction::MessagesStarted(query.clone()));
                let result = api::invoke::<FindSupportMessages>(&query).await;
                dispatcher.dispatch(WizardAction::MessagesFinished(query, result));
            }
            Need::MessageCustomer(searches) => {
                for search in searches {
                    dispatcher.dispatch(WizardAction::SearchStarted(search.clone()));
                    let result = api::invoke::<SearchCustomers>(&search).await;
                    let found = matches!(&result, Ok(rows) if rows.len() == 1);
                    dispatcher.dispatch(WizardAction::SearchFinished {
                        search,
                        result,
                        preselect: true,
                    });
                    if found {
                        break;
                    }
                }
            }
            Need::Customers(search) => run_search(dispatcher, search).await,
            Need::Record(id) => {
                dispatcher.dispatch(WizardAction::RecordStarted(id));
                let result = api::invoke::<LoadCustomer>(&id).await;
                dispatcher.dispatch(WizardAction::RecordFinished(id, Box::new(result)));
            }
            Need::Scripts => {
                dispatcher.dispatch(WizardAction::ScriptsStarted);
                let result = api::invoke::<ListScripts>(&()).await;
                dispatcher.dispatch(WizardAction::ScriptsFinished(result));
            }
            Need::TicketTypes => {
                dispatcher.dispatch(WizardAction::TicketTypesStarted);
                let result = api::invoke::<ListTicketTypes>(&()).await;
                dispatcher.dispatch(WizardAction::TicketTypesFinished(result));
            }
            Need::Assignees => {
                dispatcher.dispatch(WizardAction::AssigneesStarted);
                let result = api::invoke::<ListAssignees>(&()).await;
                dispatcher.dispatch(WizardAction::AssigneesFinished(result));
            }
            Need::WorkOrderCatalog => {
                dispatcher.dispatch(WizardAction::WorkOrderCatalogStarted);
                let result = api::invoke::<LoadWorkOrderCatalog>(&()).await;
                dispatcher.dispatch(WizardAction::WorkOrderCatalogFinished(result));
            }
            Need::EmailTemplates => {
                dispatcher.dispatch(WizardAction::EmailTemplatesStarted);
                let result = api::invoke::<ListEmailTemplates>(&()).await;
                dispatcher.dispatch(WizardAction::EmailTemplatesFinished(result));
            }
            Need::Script(version) => {
                load_script(dispatcher, version.script_id, version.version, false).await;
            }
        }
    }
}

/// Loads a script's version (the latest when `version` is `None`); `start` runs it from its
/// first question once loaded.
pub async fn load_script(
    dispatcher: UseReducerDispatcher<WizardState>,
    script_id: Uuid,
    version: Option<u32>,
    start: bool,
) {
    let version = ScriptVersionRef { script_id, version };
    dispatcher.dispatch(WizardAction::ScriptStarted(version));
    let result = api::invoke::<LoadScript>(&version).await;
    dispatcher.dispatch(WizardAction::ScriptFinished {
        version,
        result: Box::new(result),
        start,
    });
}

/// Runs a customer search the operator asked for.
pub async fn run_search(dispatcher: UseReducerDispatcher<WizardState>, search: CustomerSearch) {
    dispatcher.dispatch(WizardAction::SearchStarted(search.clone()));
    let result = api::invoke::<SearchCustomers>(&search).await;
    dispatcher.dispatch(WizardAction::SearchFinished {
        search,
        result,
        preselect: false,
    });
}
