//! The list's filters: status, type, assignee, origin, who opened, period, SLA state,
//! customer and protocol ("Filtrar").
use helpdesk_api::{
    Assignee, CommandError, ListAssignees, ListTicketTypes, TicketListQuery, TicketStatus, Uuid,
};
use helpdesk_core::date::format_day;
use helpdesk_core::form::FieldError as CoreFieldError;
use helpdesk_core::sla_state::SlaState;
use helpdesk_core::ticket_list::{period, PERIOD_END, PERIOD_START};
use helpdesk_core::wizard::Origin;
use yew::prelude::*;

use super::assignee_value::{assignee_of, value_of};
use crate::components::{message_at, CustomerFilter, FormError, SelectField, TextField};
use crate::dom::{local_offset_minutes, variant_name, variant_named};
use crate::hooks::use_command;

/// Props of [`TicketFilters`].
#[derive(Properties, PartialEq)]
pub struct TicketFiltersProps {
    /// The filters to start from (the last ones used).
    pub initial: TicketListQuery,
    /// The last search's error (a protocol that is not one), shown at its field.
    pub error: Option<CommandError>,
    /// "Filtrar": the filters as set.
    pub onsearch: Callback<TicketListQuery>,
}

/// `form#filtros-atendimentos`.
#[function_component]
pub fn TicketFilters(props: &TicketFiltersProps) -> Html {
    let query = use_state(|| props.initial.clone());
    let offset = local_offset_minutes();
    // "Período" as typed (the filter keeps instants); the days of the last search at first.
    let period_typed = {
        let filter = &props.initial.filter;
        use_state(|| {
            (
                filter
                    .opened_from
                    .map(|at| format_day(at, offset))
                    .unwrap_or_default(),
                filter
                    .opened_until
                    .map(|at| format_day(at - 1, offset))
                    .unwrap_or_default(),
            )
        })
    };
    let period_errors = use_state(Vec::<CoreFieldError>::new);
    let types = use_command::<ListTicketTypes>(());
    let assignees = use_command::<ListAssignees>(());
    // When both fail, the assignees' failure is told (it was asked last).
    let load_error = assignees.error_message().or_else(|| types.error_message());
    let types = types.value().cloned().unwrap_or_default();
    let assignees = assignees.value().cloned().unwrap_or_default();

    let update = |change: fn(&mut TicketListQuery, String)| {
        let query = query.clone();
        Callback::from(move |value: String| {
            let mut next = (*query).clone();
            change(&mut next, value);
            query.set(next);
        })
    };
    let on_status = update(|query, value| {
        query.filter.status = variant_named(&TicketStatus::ALL, &value);
    });
    let on_type = update(|query, value| {
        query.filter.ticket_type_id = value.parse().ok();
    });
    let on_assignee = {
        let (query, assignees) = (query.clone(), assignees.clone());
        Callback::from(move |value: String| {
            let mut next = (*query).clone();
            let chosen = assignee_of(&assignees, &value);
            next.filter.assigned_user_id = match &chosen {
                Some(Assignee::User { id, .. }) => Some(*id),
                _ => None,
            };
            next.filter.assigned_role_id = match &chosen {
                Some(Assignee::Role { id, .. }) => Some(*id),
                _ => None,
            };
            query.set(next);
        })
    };
    let on_customer = {
        let query = query.clone();
        Callback::from(move |customer: Option<Uuid>| {
            let mut next = (*query).clone();
            next.filter.customer_id = customer;
            query.set(next);
        })
    };
    let on_protocol = update(|query, value| query.protocol = value);
    let on_origin = update(|query, value| {
        query.filter.origin = variant_named(&Origin::ALL, &value);
    });
    let on_opened_by = update(|query, value| query.filter.opened_by = value.parse().ok());
    let on_sla = update(|query, value| query.filter.sla = variant_named(&SlaState::ALL, &value));
    let on_period = |start: bool| {
        let period_typed = period_typed.clone();
        Callback::from(move |value: String| {
            let mut typed = (*period_typed).clone();
            if start {
                typed.0 = value;
            } else {
                typed.1 = value;
            }
            period_typed.set(typed);
        })
    };
    let onsubmit = {
        let (query, onsearch) = (query.clone(), props.onsearch.clone());
        let (period_typed, period_errors) = (period_typed.clone(), period_errors.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            // A period that is not one is told at its field; nothing is searched.
            let (from, until) = match period(&period_typed.0, &period_typed.1, |_| offset) {
                Ok(bounds) => bounds,
                Err(errors) => return period_errors.set(errors),
            };
            period_errors.set(Vec::new());
            let mut next = (*query).clone();
            next.filter.opened_from = from;
            next.filter.opened_until = until;
            next.filter.before = None;
            onsearch.emit(next);
        })
    };

    let filter = &query.filter;
    let status = filter
        .status
        .map(|s| variant_name(&s).to_string())
        .unwrap_or_default();
    let kind = filter
        .ticket_type_id
        .map(|id| id.to_string())
        .unwrap_or_default();
    let assignee = match (filter.assigned_user_id, filter.assigned_role_id) {
        (Some(id), _) => format!("u:{id}"),
        (None, Some(id)) => format!("r:{id}"),
        (None, None) => String::new(),
    };
    let errors: Vec<CommandError> = props.error.iter().cloned().collect();
    let protocol_error = message_at(&errors, "protocolo");
    let period_error = |field: &str| {
        period_errors
            .iter()
            .find(|error| error.field == field)
            .map(|error| AttrValue::from(error.message.clone()))
    };
    let origin = filter
        .origin
        .map(|o| variant_name(&o).to_string())
        .unwrap_or_default();
    let opened_by = filter
        .opened_by
        .map(|id| id.to_string())
        .unwrap_or_default();
    let sla = filter
        .sla
        .map(|s| variant_name(&s).to_string())
        .unwrap_or_default();
    html! {
        <form id="filtros-atendimentos" class="ticket-filters" {onsubmit}>
            <SelectField id="filtro-situacao" label="Situação" onchange={on_status}>
                <option value="" selected={status.is_empty()}>{ "Todas" }</option>
                { for TicketStatus::ALL.iter().map(|s| {
                    let value = variant_name(s);
                    html! {
                        <option value={value.clone()} selected={*value == *status}>{ s.label() }</option>
                    }
                }) }
            </SelectField>
            <SelectField id="filtro-tipo" label="Tipo" onchange={on_type}>
                <option value="" selected={kind.is_empty()}>{ "Todos" }</option>
                { for types.iter().map(|t| {
                    let value = t.id.to_string();
                    html! {
                        <option value={value.clone()} selected={value == kind}>{ t.name.clone() }</option>
                    }
                }) }
            </SelectField>
            <SelectField id="filtro-destino" label="Destinado a" onchange={on_assignee}>
                <option value="" selected={assignee.is_empty()}>{ "Todos" }</option>
                { for assignees.iter().map(|a| {
                    let value = value_of(a);
                    html! {
                        <option value={value.clone()} selected={value == assignee}>{ a.describe() }</option>
                    }
                }) }
            </SelectField>
            <SelectField id="filtro-origem" label="Origem" onchange={on_origin}>
                <option value="" selected={origin.is_empty()}>{ "Todas" }</option>
                { for Origin::ALL.iter().map(|o| {
                    let value = variant_name(o);
                    html! {
                        <option value={value.clone()} selected={*value == *origin}>{ o.label() }</option>
                    }
                }) }
            </SelectField>
            <SelectField id="filtro-aberto-por" label="Aberto por" onchange={on_opened_by}>
                <option value="" selected={opened_by.is_empty()}>{ "Todos" }</option>
                { for assignees.iter().filter_map(|a| match a {
                    Assignee::User { id, name, .. } => Some((id.to_string(), name.clone())),
                    Assignee::Role { .. } => None,
                }).map(|(value, name)| html! {
                    <option value={value.clone()} selected={value == opened_by}>{ name }</option>
                }) }
            </SelectField>
            <SelectField id="filtro-prazo" label="Prazo" onchange={on_sla}>
                <option value="" selected={sla.is_empty()}>{ "Todos" }</option>
                { for SlaState::ALL.iter().map(|state| {
                    let value = variant_name(state);
                    html! {
                        <option value={value.clone()} selected={*value == *sla}>{ state.label() }</option>
                    }
                }) }
            </SelectField>
            <TextField
                id="filtro-periodo-inicio"
                label="Aberto de"
                field={PERIOD_START}
                placeholder="dd/mm/aaaa"
                autocomplete="off"
                calendar=true
                value={period_typed.0.clone()}
                error={period_error(PERIOD_START)}
                oninput={on_period(true)}
            />
            <TextField
                id="filtro-periodo-fim"
                label="até"
                field={PERIOD_END}
                placeholder="dd/mm/aaaa"
                autocomplete="off"
                calendar=true
                value={period_typed.1.clone()}
                error={period_error(PERIOD_END)}
                oninput={on_period(false)}
            />
            <CustomerFilter chosen={filter.customer_id} onchoose={on_customer} />
            <TextField
                id="filtro-protocolo"
                label="Protocolo"
                field="protocolo"
                inputmode="numeric"
                autocomplete="off"
                placeholder="AAMMDD-DDD-SSSSS"
                value={query.protocol.clone()}
                error={protocol_error}
                oninput={on_protocol}
            />
            <div class="field action">
                <button id="filtrar" type="submit" class="primary">{ "Filtrar" }</button>
            </div>
            <FormError message={load_error} />
        </form>
    }
}
