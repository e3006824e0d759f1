//! The "Novo Atendimento" wizard: the side bar, the current step and its buttons.
//!
//! All the wizard's data lives in its reducer ([`state::WizardState`]), so nothing typed is
//! lost when moving between steps; the steps only show it and report what the operator does.
mod find_customer_step;
mod origin_step;
mod pending_step;
mod sidebar;
mod state;

use helpdesk_api::SearchCustomers;
use helpdesk_core::wizard::Step;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::message_at;
use find_customer_step::FindCustomerStep;
use origin_step::OriginStep;
use pending_step::PendingStep;
use sidebar::Sidebar;
use state::{WizardAction, WizardState, CUSTOMER_FIELD, ORIGIN_FIELD};

/// Props of [`Wizard`].
#[derive(Properties, PartialEq)]
pub struct WizardProps {
    /// "Cancelar": back to the home page, dropping the ticket.
    pub oncancel: Callback<()>,
}

/// The wizard shell.
#[function_component]
pub fn Wizard(props: &WizardProps) -> Html {
    let state = use_reducer(WizardState::default);
    let current = state.current();

    let onsearch = {
        let state = state.clone();
        Callback::from(move |()| {
            if state.searching {
                return;
            }
            let search = match state.search.to_search() {
                Ok(search) => search,
                Err(errors) => return state.dispatch(WizardAction::SearchRejected(errors)),
            };
            state.dispatch(WizardAction::SearchStarted(search.clone()));
            let dispatcher = state.dispatcher();
            spawn_local(async move {
                let result = api::invoke::<SearchCustomers>(&search).await;
                dispatcher.dispatch(WizardAction::SearchFinished(result));
            });
        })
    };
    let advance_errors = state.advance_error.as_slice();

    let body = match current {
        Step::Origin => html! {
            <OriginStep
                chosen={state.origin}
                error={message_at(advance_errors, ORIGIN_FIELD)}
                onchoose={on(&state, WizardAction::ChooseOrigin)}
            />
        },
        Step::FindCustomer => html! {
            <FindCustomerStep
                form={state.search.clone()}
                searching={state.searching}
                errors={state.search_errors.clone()}
                customers={state.customers.clone()}
                answered={(!state.searching).then(|| state.last_search.clone()).flatten()}
                highlighted={state.highlighted}
                selected={state.selected.clone()}
                advance_error={message_at(advance_errors, CUSTOMER_FIELD)}
                onedit={on(&state, WizardAction::EditSearch)}
                {onsearch}
                onselect={on(&state, WizardAction::Select)}
                onmove={on(&state, WizardAction::MoveHighlight)}
                onconfirm={on(&state, |()| WizardAction::SelectHighlighted)}
            />
        },
        _ => html! { <PendingStep /> },
    };

    html! {
        <section class="wizard">
            <header class="wizard-header">
                <h1>{ "Novo Atendimento" }</h1>
            </header>
            <div class="wizard-body">
                <Sidebar
                    current={current}
                    visited={state.visited().to_vec()}
                    onselect={on(&state, WizardAction::GoTo)}
                />
                <main class="wizard-step" aria-labelledby="step-title">
                    <h2 id="step-title">{ current.label() }</h2>
                    { body }
                </main>
            </div>
            <footer class="wizard-actions">
                <button id="cancelar" type="button" onclick={props.oncancel.reform(|_: MouseEvent| ())}>
                    { "Cancelar" }
                </button>
                <span class="spacer"></span>
                <button
                    id="voltar"
                    type="button"
                    disabled={!state.can_go_back()}
                    onclick={on(&state, |_: MouseEvent| WizardAction::Back)}
                >
                    { "Voltar" }
                </button>
                <button
                    id="avancar"
                    type="button"
                    class="primary"
                    disabled={!WizardState::is_available(current)}
                    onclick={on(&state, |_: MouseEvent| WizardAction::Advance)}
                >
                    { "Avançar" }
                </button>
            </footer>
        </section>
    }
}

/// A callback that dispatches the action `action` makes of its value.
fn on<T: 'static>(
    state: &UseReducerHandle<WizardState>,
    action: impl Fn(T) -> WizardAction + 'static,
) -> Callback<T> {
    let dispatcher = state.dispatcher();
    Callback::from(move |value| dispatcher.dispatch(action(value)))
}
