//! "Ord. Serviço": the work order of the ticket — technician, status, type, date, start, end
//! and duration (two of them make the third), address and the work to be done — scheduled
//! by hand or on the "Agenda Técnica".
use helpdesk_api::{CommandError, ErrorCode, Uuid};
use helpdesk_core::work_order::WorkOrderCatalog;
use helpdesk_core::work_order_form::{fields, TimeField, WorkOrderForm};
use yew::prelude::*;

use crate::components::{message_at, FieldError, FormError, SelectField, TextField};
use crate::fetched::Fetched;
use crate::wizard::state::{usual_minutes, WorkOrderAction, WorkOrderEdit};
use crate::wizard::work_order_agenda::WorkOrderAgenda;

/// Props of [`WorkOrderStep`].
#[derive(Properties, PartialEq)]
pub struct WorkOrderStepProps {
    /// The work order as typed.
    pub form: WorkOrderForm,
    /// Technicians, types and statuses.
    pub catalog: Fetched<(), WorkOrderCatalog>,
    /// Why the save refused, at the fields.
    pub errors: Vec<CommandError>,
    /// The chosen customer's name, to label the work order on the agenda.
    pub customer: Option<AttrValue>,
    /// The logged-in operator ("Meu Usuário" on the agenda).
    pub operator_id: Uuid,
    pub onaction: Callback<WorkOrderAction>,
}

/// The form, and the agenda when it is open.
#[function_component]
pub fn WorkOrderStep(props: &WorkOrderStepProps) -> Html {
    let agenda_open = use_state(|| false);
    let form = &props.form;
    let errors = &props.errors;
    let error = |field: &str| message_at(errors, field);
    let typed = |make: fn(String) -> WorkOrderEdit| {
        props
            .onaction
            .reform(move |text: String| WorkOrderAction::Edit(make(text)))
    };
    let time = |field: TimeField| {
        props
            .onaction
            .reform(move |value: String| WorkOrderAction::Edit(WorkOrderEdit::Time(field, value)))
    };
    let on_allow_clash = props
        .onaction
        .reform(|_: MouseEvent| WorkOrderAction::Edit(WorkOrderEdit::AllowClash));
    let onremove = props
        .onaction
        .reform(|_: MouseEvent| WorkOrderAction::Remove);
    let set_agenda = |open: bool| {
        let agenda_open = agenda_open.clone();
        Callback::from(move |_: MouseEvent| agenda_open.set(open))
    };
    let close_agenda = {
        let agenda_open = agenda_open.clone();
        Callback::from(move |()| agenda_open.set(false))
    };
    // The agenda closes on "Agendar Ordem de Serviço", and the form says so.
    let scheduled = use_state(|| false);
    let on_scheduled = {
        let (agenda_open, scheduled) = (agenda_open.clone(), scheduled.clone());
        Callback::from(move |()| {
            agenda_open.set(false);
            scheduled.set(true);
        })
    };
    let technician_name = props.catalog.value.as_ref().and_then(|catalog| {
        catalog
            .technicians
            .iter()
            .find(|t| Some(t.id) == form.technician_id)
            .map(|t| t.name.clone())
    });
    let clash = errors.iter().any(|error| {
        error.code == ErrorCode::Conflict && error.field.as_deref() == Some(fields::START)
    });
    // The date and the times: a clash is told below them, with what to do about it.
    let time_field = |id: &'static str,
                      label: &'static str,
                      value: &str,
                      hint: &'static str,
                      oninput: Callback<String>| {
        html! {
            <TextField {id} {label} required=true class={classes!(format!("field-{id}"))}
                inputmode="numeric" placeholder={hint} value={value.to_owned()}
                calendar={id == fields::DATE}
                error={error(id)} hide_error={clash && id == fields::START} {oninput} />
        }
    };

    html! {
        <div class="work-order-step">
            { catalog_choices(props) }
            <div class="work-order-times">
                { time_field(fields::DATE, "Data", &form.date, "dd/mm/aaaa", typed(WorkOrderEdit::Date)) }
                { time_field(fields::START, "Início", &form.start, "hh:mm", time(TimeField::Start)) }
                { time_field(fields::END, "até", &form.end, "hh:mm", time(TimeField::End)) }
                { time_field(fields::DURATION, "Duração", &form.duration, "h:mm", time(TimeField::Duration)) }
                <button id="abrir-agenda" type="button" onclick={set_agenda(true)}>{ "Agenda Técnica" }</button>
            </div>
            if *scheduled {
                <p id="os-agendada" class="confirmation" role="status">
                    { format!(
                        "Ordem de serviço agendada para {}, das {} às {}, com {}.",
                        form.date, form.start, form.end,
                        technician_name.clone().unwrap_or_default()
                    ) }
                </p>
            }
            if clash && !form.allow_clash {
                <div class="clash-actions">
                    <FieldError field={fields::START} message={error(fields::START)} />
                    <button id="agendar-mesmo-assim" type="button" class="danger" onclick={on_allow_clash}>
                        { "Agendar mesmo assim" }
                    </button>
                    <span class="muted">{ " ou escolha outro horário ou técnico." }</span>
                </div>
            }
            if form.allow_clash {
                <p id="conflito-aceito" class="muted">{ "Conflito de horário aceito: salve o atendimento para agendar." }</p>
            }
            <TextField id={fields::ADDRESS} label="Endereço" required=true value={form.address.clone()}
                error={error(fields::ADDRESS)}
                oninput={typed(WorkOrderEdit::Address)} />
            <TextField id={fields::DESCRIPTION} label="Descrição Trabalho a ser Realizado" required=true rows={4}
                value={form.description.clone()} error={error(fields::DESCRIPTION)}
                oninput={typed(WorkOrderEdit::Description)} />
            <FormError message={props.catalog.error.as_ref().map(|e| AttrValue::from(e.message.clone()))} />
            <button id="remover-os" type="button" class="link" onclick={onremove}>{ "Remover O.S." }</button>
            if *agenda_open {
                <WorkOrderAgenda
                    form={form.clone()}
                    usual_minutes={usual_minutes(&props.catalog, form.type_id)}
                    customer={props.customer.clone()}
                    operator_id={props.operator_id}
                    onaction={props.onaction.clone()}
                    onclose={close_agenda}
                    onscheduled={on_scheduled}
                />
            }
        </div>
    }
}

/// "Técnico", "Status" and "Tipo de OS", chosen from the catalog.
fn catalog_choices(props: &WorkOrderStepProps) -> Html {
    let form = &props.form;
    let error = |field: &str| message_at(&props.errors, field);
    let choose = |make: fn(Uuid) -> WorkOrderEdit| {
        let onaction = props.onaction.clone();
        Callback::from(move |value: String| {
            if let Ok(id) = value.parse() {
                onaction.emit(WorkOrderAction::Edit(make(id)));
            }
        })
    };
    let catalog = props.catalog.value.clone();
    let options = |items: Vec<(Uuid, String)>, chosen: Option<Uuid>, prompt: &str| {
        html! {
            <>
                <option value="" selected={chosen.is_none()} disabled=true>
                    { if props.catalog.loading { "Carregando…".to_owned() } else { prompt.to_owned() } }
                </option>
                { for items.into_iter().map(|(id, name)| html! {
                    <option key={id.to_string()} value={id.to_string()} selected={chosen == Some(id)}>{ name }</option>
                }) }
            </>
        }
    };
    let technicians = catalog.as_ref().map_or_else(Vec::new, |catalog| {
        catalog
            .technicians
            .iter()
            .map(|t| (t.id, format!("{} · {}", t.name, t.team_name)))
            .collect()
    });
    let statuses = catalog.as_ref().map_or_else(Vec::new, |catalog| {
        catalog
            .statuses
            .iter()
            .map(|s| (s.id, s.name.clone()))
            .collect()
    });
    let types = catalog.as_ref().map_or_else(Vec::new, |catalog| {
        catalog
            .types
            .iter()
            .map(|t| (t.id, format!("{} ({})", t.name, t.kind.label())))
            .collect()
    });
    let technician_gone = form.technician_id.is_some()
        && catalog.as_ref().is_some_and(|catalog| {
            !catalog
                .technicians
                .iter()
                .any(|t| Some(t.id) == form.technician_id)
        });
    let technician_note = html! {
        if technician_gone {
            <p class="field-error" data-field={fields::TECHNICIAN}>{ "O técnico escolhido foi removido: escolha outro." }</p>
        }
    };

    html! {
        <div class="work-order-grid">
            <SelectField id={fields::TECHNICIAN} label="Técnico" required=true autofocus=true
                error={error(fields::TECHNICIAN)} onchange={choose(WorkOrderEdit::Technician)}
                after={technician_note}>
                { options(technicians, form.technician_id, "Escolha o técnico") }
            </SelectField>
            <SelectField id={fields::STATUS} label="Status" required=true error={error(fields::STATUS)}
                onchange={choose(WorkOrderEdit::Status)}>
                { options(statuses, form.status_id, "Escolha o status") }
            </SelectField>
            <SelectField id={fields::TYPE} label="Tipo de OS" required=true error={error(fields::TYPE)}
                onchange={choose(WorkOrderEdit::Type)}>
                { options(types, form.type_id, "Escolha o tipo") }
            </SelectField>
        </div>
    }
}
