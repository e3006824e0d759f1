//! The "Novo Atendimento" wizard: the side bar, the current step and its buttons.
//!
//! All the wizard's data lives in its reducer ([`state::WizardState`]), so nothing typed is
//! lost when moving between steps; the steps only show it and report what the operator does.
//! Every change is saved to the shell as a draft, so closing or killing the app loses nothing.
mod attachment_step;
mod contact_dialog;
mod contact_form;
mod customer_data_step;
mod customer_record_dialog;
mod customer_view;
mod draft_status;
mod email_attachments;
mod email_context;
mod email_copy;
mod email_preview;
mod email_recipients;
pub(crate) mod email_step;
mod filters_step;
mod find_customer_step;
mod find_message_step;
mod first_contact_step;
mod loaders;
mod message_report;
mod origin_step;
mod pending_step;
mod script_report_step;
mod script_step;
mod sidebar;
pub(crate) mod state;
mod steps;
pub(crate) mod task_step;
mod ticket_data_step;
mod ticket_save;
mod work_order_agenda;
pub(crate) mod work_order_step;

use helpdesk_api::{DiscardDraft, SavedDraft, Uuid};
use helpdesk_core::wizard::Step;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::api;
use crate::components::FormError;
use draft_status::DraftStatus;
use sidebar::Sidebar;
use state::{WizardAction, WizardState};
use steps::{current_step, on};

// Shared with "Clientes": the same search form and "Novo Contato" dialog.
pub(crate) use contact_dialog::ContactDialog;
pub(crate) use find_customer_step::FindCustomerStep;
pub(crate) use state::{FindCustomerAction, FindCustomerState, SearchEdit};

/// Props of [`Wizard`].
#[derive(Properties, PartialEq)]
pub struct WizardProps {
    /// The logged-in operator.
    pub operator_id: Uuid,
    /// A draft left from before, to continue where it was.
    pub draft: Option<SavedDraft>,
    /// Called once the wizard is closed ("Cancelar" discards its draft first).
    pub onclose: Callback<()>,
}

/// The wizard shell.
#[function_component]
pub fn Wizard(props: &WizardProps) -> Html {
    let state = {
        let draft = props.draft.clone();
        use_reducer(move || match draft {
            Some(saved) => WizardState::from_draft(saved.draft, saved.saved_at),
            None => WizardState::default(),
        })
    };
    let current = state.current();
    let step_ref = use_node_ref();
    let cancel_error = use_state(|| None::<AttrValue>);
    // "Cancelar" asks once more; then the draft is discarded once no save is on its way
    // (a save answered after the discard would bring the draft back).
    let cancel = use_state(|| Cancel::No);

    loaders::use_protocol(&state);
    loaders::use_draft_saving(&state);
    loaders::use_message_taking(&state);
    loaders::use_step_data(&state);
    {
        let step_ref = step_ref.clone();
        use_effect_with(current, move |_| focus_first_field(&step_ref));
    }

    {
        let (onclose, cancel_error, cancel) =
            (props.onclose.clone(), cancel_error.clone(), cancel.clone());
        let ready = *cancel == Cancel::Confirmed && state.saves_in_flight == 0;
        use_effect_with(ready, move |ready| {
            if *ready {
                spawn_local(async move {
                    match api::invoke::<DiscardDraft>(&()).await {
                        Ok(()) => onclose.emit(()),
                        Err(error) => {
                            cancel_error.set(Some(error.message.into()));
                            cancel.set(Cancel::No);
                        }
                    }
                });
            }
        });
    }
    let onsave = ticket_save::use_ticket_save(&state);
    let set_cancel = |value: Cancel| {
        let cancel = cancel.clone();
        Callback::from(move |_: MouseEvent| cancel.set(value))
    };
    let onkeydown = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" && !event.default_prevented() && enter_advances(&event) {
                event.prevent_default();
                dispatcher.dispatch(WizardAction::Advance);
            }
        })
    };

    if let Some(saved) = &state.saved_ticket {
        let onclose = props.onclose.reform(|_: MouseEvent| ());
        return html! {
            <section id="atendimento-salvo" class="wizard saved-ticket" aria-live="polite">
                <div class="saved-card">
                    <h1>{ "Atendimento salvo" }</h1>
                    <p>{ "Informe ao cliente o número do protocolo:" }</p>
                    <p id="protocolo-final" class="protocol big">{ saved.protocol.to_string() }</p>
                    <p id="situacao-final" class="muted">{ format!("Situação: {}", saved.status.label()) }</p>
                    <button id="concluir" type="button" class="primary" onclick={onclose}>{ "Concluir" }</button>
                </div>
            </section>
        };
    }
    let body = current_step(&state, props.operator_id, &onsave);

    html! {
        <section class="wizard" {onkeydown}>
            <header class="wizard-header">
                <h1>{ "Novo Atendimento" }</h1>
                <span id="protocolo" class="protocol" aria-live="polite">
                    { match (&state.draft.protocol, &state.protocol_error) {
                        (Some(protocol), _) => format!("Protocolo {protocol}"),
                        (None, Some(error)) => format!("Sem protocolo: {}", error.message),
                        (None, None) => "Gerando protocolo…".to_owned(),
                    } }
                </span>
                <DraftStatus
                    saved_at={state.saved.map(|(_, at)| at).filter(|at| *at > 0)}
                    pending={!state.is_saved()}
                    error={state.save_error.as_ref().map(|e| AttrValue::from(e.message.clone()))}
                />
            </header>
            <FormError message={(*cancel_error).clone()} />
            <FormError message={state.ticket_error.as_ref().map(|e| AttrValue::from(e.message.clone()))} />
            <div class="wizard-body">
                <Sidebar
                    current={current}
                    visited={state.draft.visited().to_vec()}
                    onselect={on(&state, WizardAction::GoTo)}
                />
                <main class="wizard-step" aria-labelledby="step-title" ref={step_ref}>
                    <h2 id="step-title">{ current.label() }</h2>
                    { body }
                </main>
            </div>
            <footer class="wizard-actions">
                if *cancel == Cancel::No {
                    <button id="cancelar" type="button" onclick={set_cancel(Cancel::Asking)}>
                        { "Cancelar" }
                    </button>
                } else {
                    <span class="confirm" role="alertdialog" aria-label="Confirmar cancelamento">
                        { "Descartar este atendimento? O que foi digitado será perdido." }
                        <button
                            id="confirmar-cancelamento"
                            type="button"
                            class="danger"
                            disabled={*cancel == Cancel::Confirmed}
                            onclick={set_cancel(Cancel::Confirmed)}
                        >
                            { "Sim, descartar" }
                        </button>
                        <button id="continuar-atendimento" type="button" onclick={set_cancel(Cancel::No)}>
                            { "Não" }
                        </button>
                    </span>
                }
                <span class="spacer"></span>
                <button
                    id="voltar"
                    type="button"
                    disabled={!state.draft.can_go_back()}
                    onclick={on(&state, |_: MouseEvent| WizardAction::Back)}
                >
                    { "Voltar" }
                </button>
                if current == Step::FirstContact || current.is_optional() {
                    <button
                        id="salvar-atendimento"
                        type="button"
                        class="primary"
                        disabled={state.ticket_save_pending() || state.attaching}
                        onclick={onsave.reform(|_: MouseEvent| false)}
                    >
                        { if state.ticket_save_pending() { "Salvando…" } else { "Salvar atendimento" } }
                    </button>
                } else {
                    <button
                        id="avancar"
                        type="button"
                        class="primary"
                        disabled={!WizardState::is_available(current)}
                        onclick={on(&state, |_: MouseEvent| WizardAction::Advance)}
                    >
                        { "Avançar" }
                    </button>
                }
            </footer>
        </section>
    }
}

/// Where "Cancelar" stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cancel {
    No,
    /// Asking the operator to confirm.
    Asking,
    /// Confirmed: discarding the draft.
    Confirmed,
}

/// Whether Enter pressed on this element means "Avançar": not in a form (Enter submits it,
/// e.g. "Pesquisar"), a text area (a new line, unless with Ctrl), or a button.
fn enter_advances(event: &KeyboardEvent) -> bool {
    let Some(target) = event.target_dyn_into::<web_sys::Element>() else {
        return true;
    };
    if target
        .closest("form, button, [role=dialog]")
        .ok()
        .flatten()
        .is_some()
    {
        return false;
    }
    target.tag_name() != "TEXTAREA" || event.ctrl_key()
}

/// Puts the keyboard in the step's first field: the one marked `data-autofocus`, else the
/// chosen radio button, else the first input, list or text area.
fn focus_first_field(step: &NodeRef) {
    let Some(step) = step.cast::<HtmlElement>() else {
        return;
    };
    let field = [
        "[data-autofocus]",
        "input[type=radio]:checked",
        "input, select, textarea, table[tabindex]",
    ]
    .into_iter()
    .find_map(|selector| step.query_selector(selector).ok().flatten());
    if let Some(field) =
        field.and_then(|field| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(field).ok())
    {
        // Focusing can only fail on elements that cannot take focus; nothing to do then.
        let _ = field.focus();
    }
}
