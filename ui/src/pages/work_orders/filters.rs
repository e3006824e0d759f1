//! The list's filters: technician, team, status, type (the wizard's catalog), the period of
//! the scheduled start (dd/mm/aaaa, both days included) and the customer ("Filtrar").
use helpdesk_api::{CommandError, LoadWorkOrderCatalog, Uuid, WorkOrderFilter};
use helpdesk_core::date::{parse_date, start_of_day};
use yew::prelude::*;

use crate::components::{message_at, CustomerFilter, FormError, SelectField, TextField};
use crate::dom::local_offset_minutes;
use crate::hooks::use_command;

/// The field of the period's first day.
pub const FROM: &str = "filtro-os-de";
/// The field of the period's last day.
pub const TO: &str = "filtro-os-ate";
const DAY: i64 = 24 * 60 * 60 * 1000;

/// The filters as set, the period as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filters {
    pub filter: WorkOrderFilter,
    /// "De", dd/mm/aaaa.
    pub from: String,
    /// "Até", dd/mm/aaaa.
    pub to: String,
}

impl Filters {
    /// The query of the first page, the period read in local time; or why a day is
    /// refused, at its field.
    pub fn query(&self) -> Result<WorkOrderFilter, Vec<CommandError>> {
        let offset = local_offset_minutes();
        let mut errors = Vec::new();
        let mut day = |typed: &str, field: &str| {
            if typed.trim().is_empty() {
                return None;
            }
            match parse_date(typed) {
                Ok(date) => Some(start_of_day(date, offset)),
                Err(error) => {
                    errors.push(CommandError::at_field(field, error.to_string()));
                    None
                }
            }
        };
        let from = day(&self.from, FROM);
        let to = day(&self.to, TO).map(|to| to + DAY);
        if let (Some(from), Some(to)) = (from, to) {
            if to <= from {
                errors.push(CommandError::at_field(
                    TO,
                    "O último dia não pode ser antes do primeiro.",
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(WorkOrderFilter {
            from,
            to,
            before: None,
            ..self.filter.clone()
        })
    }
}

/// Props of [`WorkOrderFilters`].
#[derive(Properties, PartialEq)]
pub struct WorkOrderFiltersProps {
    /// The filters to start from (the last ones used).
    pub initial: Filters,
    /// "Filtrar": the filters as set.
    pub onsearch: Callback<Filters>,
    /// Why the last search failed, at its field.
    pub errors: Vec<CommandError>,
}

/// `form#filtros-ordens-servico`.
#[function_component]
pub fn WorkOrderFilters(props: &WorkOrderFiltersProps) -> Html {
    let filters = use_state(|| props.initial.clone());
    let catalog = use_command::<LoadWorkOrderCatalog>(());
    let load_error = catalog.error_message();
    let catalog = catalog
        .value()
        .cloned()
        .unwrap_or_else(|| helpdesk_api::WorkOrderCatalog {
            types: Vec::new(),
            statuses: Vec::new(),
            technicians: Vec::new(),
        });
    let update = |change: fn(&mut Filters, String)| {
        let filters = filters.clone();
        Callback::from(move |value: String| {
            let mut next = (*filters).clone();
            change(&mut next, value);
            filters.set(next);
        })
    };
    let on_technician = update(|f, v| f.filter.technician_id = v.parse().ok());
    let on_team = update(|f, v| f.filter.team_id = v.parse().ok());
    let on_status = update(|f, v| f.filter.status_id = v.parse().ok());
    let on_type = update(|f, v| f.filter.type_id = v.parse().ok());
    let on_from = update(|f, v| f.from = v);
    let on_to = update(|f, v| f.to = v);
    let on_customer = {
        let filters = filters.clone();
        Callback::from(move |customer: Option<Uuid>| {
            let mut next = (*filters).clone();
            next.filter.customer_id = customer;
            filters.set(next);
        })
    };
    let onsubmit = {
        let (filters, onsearch) = (filters.clone(), props.onsearch.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            onsearch.emit((*filters).clone());
        })
    };
    let mut teams: Vec<(Uuid, String)> = catalog
        .technicians
        .iter()
        .map(|technician| (technician.team_id, technician.team_name.clone()))
        .collect();
    teams.sort_by(|a, b| a.1.cmp(&b.1));
    teams.dedup();
    let filter = &filters.filter;
    let options = |chosen: Option<Uuid>, choices: Vec<(Uuid, String)>, all: &'static str| {
        html! {
            <>
                <option value="" selected={chosen.is_none()}>{ all }</option>
                { for choices.into_iter().map(|(id, label)| html! {
                    <option value={id.to_string()} selected={chosen == Some(id)}>{ label }</option>
                }) }
            </>
        }
    };
    let named = |items: Vec<(Uuid, &String)>| -> Vec<(Uuid, String)> {
        items
            .into_iter()
            .map(|(id, name)| (id, name.clone()))
            .collect()
    };
    html! {
        <form id="filtros-ordens-servico" class="ticket-filters" {onsubmit}>
            <SelectField id="filtro-os-tecnico" label="Técnico" onchange={on_technician}>
                { options(filter.technician_id, named(catalog.technicians.iter().map(|t| (t.id, &t.name)).collect()), "Todos") }
            </SelectField>
            <SelectField id="filtro-os-equipe" label="Equipe" onchange={on_team}>
                { options(filter.team_id, teams, "Todas") }
            </SelectField>
            <SelectField id="filtro-os-status" label="Status" onchange={on_status}>
                { options(filter.status_id, named(catalog.statuses.iter().map(|s| (s.id, &s.name)).collect()), "Todos") }
            </SelectField>
            <SelectField id="filtro-os-tipo" label="Tipo" onchange={on_type}>
                { options(filter.type_id, named(catalog.types.iter().map(|t| (t.id, &t.name)).collect()), "Todos") }
            </SelectField>
            <TextField id={FROM} label="De" field={FROM} placeholder="dd/mm/aaaa" autocomplete="off" calendar=true
                value={filters.from.clone()} error={message_at(&props.errors, FROM)} oninput={on_from} />
            <TextField id={TO} label="Até" field={TO} placeholder="dd/mm/aaaa" autocomplete="off" calendar=true
                value={filters.to.clone()} error={message_at(&props.errors, TO)} oninput={on_to} />
            <CustomerFilter chosen={filter.customer_id} onchoose={on_customer} />
            <div class="field action">
                <button id="filtrar-os" type="submit" class="primary">{ "Filtrar" }</button>
            </div>
            <FormError message={load_error} />
        </form>
    }
}
