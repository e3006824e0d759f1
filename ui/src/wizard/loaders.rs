//! The wizard's traffic with the shell that no button starts: saving the draft after every
//! change, and fetching what the step on screen shows (after "Avançar", a jump in the side
//! bar, or a restored draft alike).
use helpdesk_api::{
    CustomerSearch, FindSupportMessages, ListAssignees, ListEmailTemplates, ListPlanChoices,
    ListScripts, ListTicketTypes, LoadCustomer, LoadScript, LoadWorkOrderCatalog, ReserveProtocol,
    SaveDraft, ScriptVersionRef, SearchCustomers, TakeSupportMessage, Uuid,
};
use helpdesk_core::wizard::{ScriptProgress, Step};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::wizard::state::{
    CustomerDataAction, EmailAction, FindCustomerAction, FindMessageAction, FirstContactAction,
    ScriptAction, TaskAction, TicketDataAction, WizardAction, WizardState, WorkOrderAction,
};
use crate::wizard::steps::actions;

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

/// Takes the chosen message once the operator goes on from "Localizar Reg." with it, so the
/// other operators see it "Em atendimento" by this one.
#[hook]
pub fn use_message_taking(state: &UseReducerHandle<WizardState>) {
    let taking = (state.current() == Step::FindCustomer)
        .then(|| state.draft.message.as_ref().map(|message| message.id))
        .flatten();
    use_effect_with(taking, move |taking| {
        if let Some(id) = *taking {
            spawn_local(async move {
                // Only a courtesy to the other operators: the ticket goes on without it (a
                // message deleted meanwhile is told when the ticket is saved).
                let _ = api::invoke::<TakeSupportMessage>(&id).await;
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
            .message_query()
            .ok()
            .filter(|query| state.find_message.messages.request.as_ref() != Some(query))
            .map(Need::Messages),
        Step::FindCustomer if state.find_customer.customers.request.is_none() => {
            let for_message = state.draft.searches_for_message();
            if state.draft.customer.is_none() && !for_message.is_empty() {
                Some(Need::MessageCustomer(for_message))
            } else {
                state.draft.search.to_search().ok().map(Need::Customers)
            }
        }
        Step::CustomerData => record_needed(state),
        // The customer's contracts, then the plans on offer for a new one.
        Step::TicketData => record_needed(state).or_else(|| plan_choices_needed(state, true)),
        Step::Script | Step::ScriptReport => match &state.draft.script {
            ScriptProgress::Running(run) | ScriptProgress::Ended(run) => {
                let version = ScriptVersionRef {
                    script_id: run.script_id,
                    version: Some(run.version),
                };
                (state.script.published.request != Some(version)).then_some(Need::Script(version))
            }
            _ if current == Step::Script && state.script.scripts.request.is_none() => {
                Some(Need::Scripts)
            }
            _ => None,
        },
        Step::FirstContact if state.first_contact.ticket_types.request.is_none() => {
            Some(Need::TicketTypes)
        }
        Step::Task if state.task.assignees.request.is_none() => Some(Need::Assignees),
        Step::WorkOrder if state.work_order.catalog.request.is_none() => {
            Some(Need::WorkOrderCatalog)
        }
        // The customer's addresses first, the new plan's name for "{plano}", then the
        // operator's templates.
        Step::SendEmail => record_needed(state)
            .or_else(|| plan_choices_needed(state, state.draft.new_plan.is_some()))
            .or_else(|| {
                state
                    .email
                    .templates
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

/// The chosen customer's record, unless it is loaded or on its way.
fn record_needed(state: &WizardState) -> Option<Need> {
    state
        .draft
        .customer
        .as_ref()
        .map(|customer| customer.id)
        .filter(|id| state.customer_data.record.request.as_ref() != Some(id))
        .map(Need::Record)
}

/// The plans on offer, when `wanted` and they were not asked for yet.
fn plan_choices_needed(state: &WizardState, wanted: bool) -> Option<Need> {
    (wanted && state.ticket_data.plan_choices.request.is_none()).then_some(Need::PlanChoices)
}

/// What a step needs from the shell.
#[derive(Debug, Clone, PartialEq)]
enum Need {
    Messages(helpdesk_api::MessageQuery),
    /// The searches that may find the chosen message's customer, in order.
    MessageCustomer(Vec<CustomerSearch>),
    Customers(CustomerSearch),
    Record(Uuid),
    PlanChoices,
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
        let dispatch = |action: WizardAction| dispatcher.dispatch(action);
        match self {
            Need::Messages(query) => {
                dispatch(FindMessageAction::Started(query.clone()).into());
                let result = api::invoke::<FindSupportMessages>(&query).await;
                dispatch(FindMessageAction::Finished(query, result).into());
            }
            // The first search that finds one customer chooses them; when none does, the
            // first that found several lists them.
            Need::MessageCustomer(searches) => {
                let mut several = None;
                for search in searches {
                    dispatch(FindCustomerAction::Started(search.clone()).into());
                    let result = api::invoke::<SearchCustomers>(&search).await;
                    let found = matches!(&result, Ok(rows) if rows.len() == 1);
                    if several.is_none() && matches!(&result, Ok(rows) if rows.len() > 1) {
                        several = Some((search.clone(), result.clone()));
                    }
                    dispatch(
                        FindCustomerAction::Finished {
                            search,
                            result,
                            preselect: true,
                        }
                        .into(),
                    );
                    if found {
                        return;
                    }
                }
                if let Some((search, result)) = several {
                    dispatch(FindCustomerAction::Started(search.clone()).into());
                    dispatch(
                        FindCustomerAction::Finished {
                            search,
                            result,
                            preselect: true,
                        }
                        .into(),
                    );
                }
            }
            Need::Customers(search) => run_search(actions(dispatcher), search).await,
            Need::Record(id) => {
                dispatch(CustomerDataAction::RecordStarted(id).into());
                let result = api::invoke::<LoadCustomer>(&id).await;
                dispatch(CustomerDataAction::RecordFinished(id, Box::new(result)).into());
            }
            Need::PlanChoices => {
                dispatch(TicketDataAction::PlanChoicesStarted.into());
                let result = api::invoke::<ListPlanChoices>(&()).await;
                dispatch(TicketDataAction::PlanChoicesFinished(result).into());
            }
            Need::Scripts => {
                dispatch(ScriptAction::ListStarted.into());
                let result = api::invoke::<ListScripts>(&()).await;
                dispatch(ScriptAction::ListFinished(result).into());
            }
            Need::TicketTypes => {
                dispatch(FirstContactAction::TicketTypesStarted.into());
                let result = api::invoke::<ListTicketTypes>(&()).await;
                dispatch(FirstContactAction::TicketTypesFinished(result).into());
            }
            Need::Assignees => {
                dispatch(TaskAction::AssigneesStarted.into());
                let result = api::invoke::<ListAssignees>(&()).await;
                dispatch(TaskAction::AssigneesFinished(result).into());
            }
            Need::WorkOrderCatalog => {
                dispatch(WorkOrderAction::CatalogStarted.into());
                let result = api::invoke::<LoadWorkOrderCatalog>(&()).await;
                dispatch(WorkOrderAction::CatalogFinished(result).into());
            }
            Need::EmailTemplates => {
                dispatch(EmailAction::TemplatesStarted.into());
                let result = api::invoke::<ListEmailTemplates>(&()).await;
                dispatch(EmailAction::TemplatesFinished(result).into());
            }
            Need::Script(version) => {
                let onaction = actions(dispatcher);
                load_script(onaction, version.script_id, version.version, false).await;
            }
        }
    }
}

/// Loads a script's version (the latest when `version` is `None`); `start` runs it from its
/// first question once loaded.
pub async fn load_script(
    onaction: Callback<ScriptAction>,
    script_id: Uuid,
    version: Option<u32>,
    start: bool,
) {
    let version = ScriptVersionRef { script_id, version };
    onaction.emit(ScriptAction::LoadStarted(version));
    let result = api::invoke::<LoadScript>(&version).await;
    onaction.emit(ScriptAction::LoadFinished {
        version,
        result: Box::new(result),
        start,
    });
}

/// Runs a customer search the operator asked for.
pub async fn run_search(onaction: Callback<FindCustomerAction>, search: CustomerSearch) {
    onaction.emit(FindCustomerAction::Started(search.clone()));
    let result = api::invoke::<SearchCustomers>(&search).await;
    onaction.emit(FindCustomerAction::Finished {
        search,
        result,
        preselect: false,
    });
}
