//! The list's filters: status, type, assignee, customer and protocol ("Filtrar").
use helpdesk_api::{
    Assignee, CommandError, ListAssignees, ListTicketTypes, TicketListQuery, TicketStatus, Uuid,
};
use yew::prelude::*;

use super::assignee_value::{assignee_of, value_of};
use super::customer_filter::CustomerFilter;
use crate::components::{message_at, FormError, SelectField, TextField};
use crate::dom::{variant_name, variant_named};
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
    let onsubmit = {
        let (query, onsearch) = (query.clone(), props.onsearch.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let mut next = (*query).clone();
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
