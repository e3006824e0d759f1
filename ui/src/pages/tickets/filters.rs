//! The list's filters: status, type, assignee, customer and protocol ("Filtrar").
use helpdesk_api::{
    Assignee, ListAssignees, ListTicketTypes, TicketListQuery, TicketStatus, TicketType, Uuid,
};
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::assignee_value::{assignee_of, value_of};
use super::customer_filter::CustomerFilter;
use crate::api;
use crate::components::{message_at, FieldError, FormError};
use crate::dom::{variant_name, variant_named};
use helpdesk_api::CommandError;

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
    let types = use_state(Vec::<TicketType>::new);
    let assignees = use_state(Vec::<Assignee>::new);
    let load_error = use_state(|| None::<AttrValue>);
    {
        let (types, assignees, load_error) = (types.clone(), assignees.clone(), load_error.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                match api::invoke::<ListTicketTypes>(&()).await {
                    Ok(list) => types.set(list),
                    Err(error) => load_error.set(Some(error.message.into())),
                }
                match api::invoke::<ListAssignees>(&()).await {
                    Ok(list) => assignees.set(list),
                    Err(error) => load_error.set(Some(error.message.into())),
                }
            });
        });
    }

    let update = |change: fn(&mut TicketListQuery, String)| {
        let query = query.clone();
        Callback::from(move |value: String| {
            let mut next = (*query).clone();
            change(&mut next, value);
            query.set(next);
        })
    };
    let select_value = |callback: Callback<String>| {
        callback.reform(|event: Event| event.target_unchecked_into::<HtmlSelectElement>().value())
    };
    let on_status = select_value(update(|query, value| {
        query.filter.status = variant_named(&TicketStatus::ALL, &value);
    }));
    let on_type = select_value(update(|query, value| {
        query.filter.ticket_type_id = value.parse().ok();
    }));
    let on_assignee = {
        let (query, assignees) = (query.clone(), assignees.clone());
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
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
    let on_protocol = update(|query, value| query.protocol = value)
        .reform(|event: InputEvent| event.target_unchecked_into::<HtmlInputElement>().value());
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
            <div class="field">
                <label for="filtro-situacao">{ "Situação" }</label>
                <select id="filtro-situacao" onchange={on_status}>
                    <option value="" selected={status.is_empty()}>{ "Todas" }</option>
                    { for TicketStatus::ALL.iter().map(|s| {
                        let value = variant_name(s);
                        html! {
                            <option value={value.clone()} selected={*value == *status}>{ s.label() }</option>
                        }
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="filtro-tipo">{ "Tipo" }</label>
                <select id="filtro-tipo" onchange={on_type}>
                    <option value="" selected={kind.is_empty()}>{ "Todos" }</option>
                    { for types.iter().map(|t| {
                        let value = t.id.to_string();
                        html! {
                            <option value={value.clone()} selected={value == kind}>{ t.name.clone() }</option>
                        }
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="filtro-destino">{ "Destinado a" }</label>
                <select id="filtro-destino" onchange={on_assignee}>
                    <option value="" selected={assignee.is_empty()}>{ "Todos" }</option>
                    { for assignees.iter().map(|a| {
                        let value = value_of(a);
                        html! {
                            <option value={value.clone()} selected={value == assignee}>{ a.describe() }</option>
                        }
                    }) }
                </select>
            </div>
            <CustomerFilter chosen={filter.customer_id} onchoose={on_customer} />
            <div class="field">
                <label for="filtro-protocolo">{ "Protocolo" }</label>
                <input
                    id="filtro-protocolo"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    placeholder="AAMMDD-DDD-SSSSS"
                    value={query.protocol.clone()}
                    aria-invalid={protocol_error.is_some().then_some("true")}
                    oninput={on_protocol}
                />
                <FieldError field="protocolo" message={protocol_error} />
            </div>
            <div class="field action">
                <button id="filtrar" type="submit" class="primary">{ "Filtrar" }</button>
            </div>
            <FormError message={(*load_error).clone()} />
        </form>
    }
}
