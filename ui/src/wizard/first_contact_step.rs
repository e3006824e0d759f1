//! "Prim. Contato": what was checked in the first contact and how it stands, and the
//! "Tipo de Atendimento", which shows at once who the ticket goes to and when it is due.
use chrono::NaiveDate;
use helpdesk_api::{CommandError, LoadSlaCalendar, TicketType};
use helpdesk_core::date::{day_of, format_instant};
use helpdesk_core::wizard::{fields, Step, WizardDraft, MAX_PROBLEM_CHARS};
use yew::prelude::*;

use crate::components::{message_at, Dialog, FormError, SelectField, TextField};
use crate::dom::local_offset_minutes;
use crate::fetched::Fetched;
use crate::hooks::use_command;
use crate::wizard::state::FirstContactAction;

/// What the ticket carries from the optional steps, counted on their buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extras {
    pub attachments: usize,
    pub task: bool,
    pub work_order: bool,
    pub email: bool,
}

impl Extras {
    /// What `draft` carries.
    pub fn of(draft: &WizardDraft) -> Self {
        Self {
            attachments: draft.attachments.len(),
            task: draft.task.is_some(),
            work_order: draft.work_order.is_some(),
            email: draft.email.is_some(),
        }
    }
}

/// Props of [`FirstContactStep`].
#[derive(Properties, PartialEq)]
pub struct FirstContactStepProps {
    /// The description as typed.
    pub description: AttrValue,
    /// The type chosen.
    pub ticket_type: Option<TicketType>,
    /// The types to choose from.
    pub ticket_types: Fetched<(), Vec<TicketType>>,
    /// Why "Avançar" or the save refused, at the fields.
    pub errors: Vec<CommandError>,
    pub extras: Extras,
    /// The ticket is being saved (or will be once the draft is).
    pub saving: bool,
    pub onaction: Callback<FirstContactAction>,
    /// An optional step asked for.
    pub onopen: Callback<Step>,
    /// "Pedir OS", on the desktop's local date.
    pub onworkorder: Callback<NaiveDate>,
    /// Saves the ticket; `true` when "Atend. Resolvido" was confirmed.
    pub onsave: Callback<bool>,
}

/// The description, the ticket type and where the ticket goes from here.
#[function_component]
pub fn FirstContactStep(props: &FirstContactStepProps) -> Html {
    // "Resolvido" asks before saving the ticket solved.
    let confirming = use_state(|| false);
    // The provider's business hours and holidays, for the due time shown; until they are
    // read (or if they cannot be), calendar hours.
    let calendar = use_command::<LoadSlaCalendar>(());
    let calendar = calendar.value().cloned().unwrap_or_default();
    let errors = &props.errors;
    let onchange = {
        let onaction = props.onaction.clone();
        Callback::from(move |value: String| {
            if let Ok(id) = value.parse() {
                onaction.emit(FirstContactAction::ChooseTicketType(id));
            }
        })
    };
    let open = |step: Step| props.onopen.reform(move |_: MouseEvent| step);
    let open_work_order = props
        .onworkorder
        .reform(|_: MouseEvent| day_of(js_sys::Date::now() as i64, local_offset_minutes()));
    let extras = props.extras;
    let attachments_label = match extras.attachments {
        0 => "Adicionar Anexo".to_owned(),
        count => format!("Adicionar Anexo ({count})"),
    };
    let chosen = props.ticket_type.as_ref();
    let typed = props.description.trim().chars().count();
    let types = props.ticket_types.value.clone().unwrap_or_default();
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
            <TextField
                id="primeiro-contato"
                label="Descrição do primeiro contato"
                required=true
                field={fields::FIRST_CONTACT}
                rows={6}
                autofocus=true
                placeholder="O que foi verificado com o cliente e como ficou: resolvido, precisa de visita, encaminhado…"
                value={props.description.clone()}
                error={message_at(errors, fields::FIRST_CONTACT)}
                oninput={props.onaction.reform(FirstContactAction::Describe)}
                after={html! {
                    <p id="primeiro-contato-contagem" class={classes!("counter", (typed > MAX_PROBLEM_CHARS).then_some("over"))}>
                        { format!("{typed}/{MAX_PROBLEM_CHARS}") }
                    </p>
                }}
            />
            <div class="field ticket-type">
                <SelectField
                    id="tipo-atendimento"
                    label="Tipo de Atendimento"
                    required=true
                    field={fields::TICKET_TYPE}
                    bare=true
                    error={message_at(errors, fields::TICKET_TYPE)}
                    disabled={types.is_empty()}
                    {onchange}
                >
                    <option value="" selected={chosen.is_none()} disabled=true>
                        { if props.ticket_types.loading { "Carregando…" } else { "Escolha o tipo" } }
                    </option>
                    { for types.iter().map(option) }
                </SelectField>
                <FormError message={props.ticket_types.error.as_ref().map(|e| AttrValue::from(e.message.clone()))} />
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
                            "{} ({} h) · {}",
                            format_instant(calendar.due_at(js_sys::Date::now() as i64, kind), local_offset_minutes()),
                            kind.sla_hours,
                            if calendar.counts_business_hours(kind) { "horas úteis" } else { "horas corridas" },
                        ) }
                    </dd>
                </dl>
            }
            <div class="first-contact-actions" aria-label="A partir daqui">
                <button
                    id="resolvido"
                    type="button"
                    disabled={props.saving}
                    onclick={let confirming = confirming.clone(); move |_: MouseEvent| confirming.set(true)}
                >
                    { "Resolvido" }
                </button>
                <button id="adicionar-anexo" type="button" onclick={open(Step::Attachment)}>
                    { attachments_label }
                </button>
                <button id="criar-tarefa" type="button" onclick={open(Step::Task)}>
                    { if extras.task { "Tarefa (1)" } else { "Tarefa" } }
                </button>
                <button id="pedir-os" type="button" onclick={open_work_order}>
                    { if extras.work_order { "Pedir OS (1)" } else { "Pedir OS" } }
                </button>
                <button id="enviar-email" type="button" onclick={open(Step::SendEmail)}>
                    { if extras.email { "Enviar E-mail (1)" } else { "Enviar E-mail" } }
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
