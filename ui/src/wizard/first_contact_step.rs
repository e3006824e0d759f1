//! "Prim. Contato": what was checked in the first contact and how it stands, and the
//! "Tipo de Atendimento", which shows at once who the ticket goes to and when it is due.
use helpdesk_api::TicketType;
use helpdesk_core::date::{day_of, format_instant};
use helpdesk_core::wizard::{fields, Step, MAX_PROBLEM_CHARS};
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::{message_at, Dialog, FieldError, FormError};
use crate::dom::local_offset_minutes;
use crate::wizard::state::{WizardAction, WizardState};

/// Props of [`FirstContactStep`].
#[derive(Properties, PartialEq)]
pub struct FirstContactStepProps {
    pub state: UseReducerHandle<WizardState>,
    /// Saves the ticket; `true` when "Atend. Resolvido" was confirmed.
    pub onsave: Callback<bool>,
}

/// The description, the ticket type and where the ticket goes from here.
#[function_component]
pub fn FirstContactStep(props: &FirstContactStepProps) -> Html {
    let state = &props.state;
    // "Resolvido" asks before saving the ticket solved.
    let confirming = use_state(|| false);
    let errors = &state.advance_errors;
    let description_error = message_at(errors, fields::FIRST_CONTACT);
    let type_error = message_at(errors, fields::TICKET_TYPE);
    let oninput = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            dispatcher.dispatch(WizardAction::EditFirstContact(text));
        })
    };
    let onchange = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(id) = value.parse() {
                dispatcher.dispatch(WizardAction::ChooseTicketType(id));
            }
        })
    };
    let open = |step: Step| {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(WizardAction::OpenStep(step)))
    };
    let open_work_order = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            let today = day_of(js_sys::Date::now() as i64, local_offset_minutes());
            dispatcher.dispatch(WizardAction::OpenWorkOrder(today));
        })
    };
    let attachments_label = match state.draft.attachments.len() {
        0 => "Adicionar Anexo".to_owned(),
        count => format!("Adicionar Anexo ({count})"),
    };
    let chosen = state.draft.ticket_type.as_ref();
    let typed = state.draft.first_contact.trim().chars().count();
    let types = state.ticket_types.value.clone().unwrap_or_default();
    let option = |kind: &TicketType| {
        let suffix = if kind.is_assignable() {
            ""
        } else {
            " (usuário removido)"
        };
        html! {
            <option
                key={kind.id.to_string()}
                value={kind.id.to_string()}
                selected={chosen.map(|c| c.id) == Some(kind.id)}
            >
                { format!("{}{suffix}", kind.name) }
            </option>
        }
    };

    html! {
        <div class="first-contact">
            <div class="field">
                <label for="primeiro-contato">
                    { "Descrição do primeiro contato" }<span class="required">{ " *" }</span>
                </label>
                <textarea
                    id="primeiro-contato"
                    rows="6"
                    data-autofocus="true"
                    placeholder="O que foi verificado com o cliente e como ficou: resolvido, precisa de visita, encaminhado…"
                    value={state.draft.first_contact.clone()}
                    aria-invalid={description_error.is_some().then_some("true")}
                    {oninput}
                />
                <p id="primeiro-contato-contagem" class={classes!("counter", (typed > MAX_PROBLEM_CHARS).then_some("over"))}>
                    { format!("{typed}/{MAX_PROBLEM_CHARS}") }
                </p>
                <FieldError field={fields::FIRST_CONTACT} message={description_error} />
            </div>
            <div class="field ticket-type">
                <label for="tipo-atendimento">
                    { "Tipo de Atendimento" }<span class="required">{ " *" }</span>
                </label>
                <select
                    id="tipo-atendimento"
                    aria-invalid={type_error.is_some().then_some("true")}
                    disabled={types.is_empty()}
                    {onchange}
                >
                    <option value="" selected={chosen.is_none()} disabled=true>
                        { if state.ticket_types.loading { "Carregando…" } else { "Escolha o tipo" } }
                    </option>
                    { for types.iter().map(option) }
                </select>
                <FieldError field={fields::TICKET_TYPE} message={type_error} />
                <FormError message={state.ticket_types.error.as_ref().map(|e| AttrValue::from(e.message.clone()))} />
            </div>
            if let Some(kind) = chosen {
                <dl id="destino-atendimento" class="facts ticket-routing">
                    <dt>{ "Destinado a" }</dt>
                    <dd id="destinado-a">
                        { kind.assignee.as_ref().map_or_else(
                            || "Fila do atendente (sem destino fixo)".to_owned(),
                            |assignee| assignee.describe(),
                        ) }
                    </dd>
                    <dt>{ "Prazo" }</dt>
                    <dd id="prazo-atendimento">
                        { format!(
                            "{} ({} h)",
                            format_instant(kind.due_at(js_sys::Date::now() as i64), local_offset_minutes()),
                            kind.sla_hours
                        ) }
                    </dd>
                </dl>
            }
            <div class="first-contact-actions" aria-label="A partir daqui">
                <button
                    id="resolvido"
                    type="button"
                    disabled={state.ticket_save_pending()}
                    onclick={let confirming = confirming.clone(); move |_: MouseEvent| confirming.set(true)}
                >
                    { "Resolvido" }
                </button>
                <button id="adicionar-anexo" type="button" onclick={open(Step::Attachment)}>
                    { attachments_label }
                </button>
                <button id="criar-tarefa" type="button" onclick={open(Step::Task)}>
                    { if state.draft.task.is_some() { "Tarefa (1)" } else { "Tarefa" } }
                </button>
                <button id="pedir-os" type="button" onclick={open_work_order}>
                    { if state.draft.work_order.is_some() { "Pedir OS (1)" } else { "Pedir OS" } }
                </button>
                <button id="enviar-email" type="button" onclick={open(Step::SendEmail)}>
                    { if state.draft.email.is_some() { "Enviar E-mail (1)" } else { "Enviar E-mail" } }
                </button>
            </div>
            if *confirming {
                <Dialog id="atendimento-resolvido" title="Atend. Resolvido" onclose={let confirming = confirming.clone(); move |()| confirming.set(false)}>
                    <div class="dialog-body">
                        <p>{ "Marcar este atendimento como resolvido e salvá-lo?" }</p>
                    </div>
                    <div class="dialog-footer">
                        <button id="nao-resolvido" type="button" onclick={let confirming = confirming.clone(); move |_: MouseEvent| confirming.set(false)}>
                            { "Não" }
                        </button>
                        <button
                            id="confirmar-resolvido"
                            type="button"
                            class="primary"
                            onclick={let (onsave, confirming) = (props.onsave.clone(), confirming.clone()); move |_: MouseEvent| { confirming.set(false); onsave.emit(true); }}
                        >
                            { "Sim" }
                        </button>
                    </div>
                </Dialog>
            }
        </div>
    }
}
