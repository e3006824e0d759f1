//! The report's form: which report, its period ("De", "Até", dd/mm/aaaa) and the filters
//! that report takes, then "Gerar".
use helpdesk_api::{
    Assignee, ListAssignees, ListTicketTypes, LoadWorkOrderCatalog, ReportKind, ReportRequest, Uuid,
};
use helpdesk_core::report::{fields, FilterKind, ReportFilters};
use helpdesk_core::wizard::Origin;
use yew::prelude::*;

use crate::components::{FormError, SelectField, TextField};
use crate::dom::{variant_name, variant_named};
use crate::hooks::use_command;

/// Props of [`ReportForm`].
#[derive(Properties, PartialEq)]
pub struct ReportFormProps {
    pub request: ReportRequest,
    pub from_error: Option<AttrValue>,
    pub to_error: Option<AttrValue>,
    pub sending: bool,
    /// The request changed, and the field typed in, if it was one of the period's.
    pub onchange: Callback<(ReportRequest, Option<&'static str>)>,
    /// "Gerar".
    pub ongenerate: Callback<()>,
}

/// A filter's `<select>`: "Todos" then `options` (value, text).
fn filter_select(
    id: &'static str,
    label: &'static str,
    chosen: Option<String>,
    options: Vec<(String, String)>,
    onchange: Callback<String>,
) -> Html {
    let chosen = chosen.unwrap_or_default();
    html! {
        <SelectField id={id} label={label} {onchange}>
            <option value="" selected={chosen.is_empty()}>{ "Todos" }</option>
            { for options.into_iter().map(|(value, text)| html! {
                <option value={value.clone()} selected={value == chosen}>{ text }</option>
            }) }
        </SelectField>
    }
}

/// `form#relatorio-form`.
#[function_component]
pub fn ReportForm(props: &ReportFormProps) -> Html {
    let types = use_command::<ListTicketTypes>(());
    let assignees = use_command::<ListAssignees>(());
    let catalog = use_command::<LoadWorkOrderCatalog>(());
    let load_error = catalog
        .error_message()
        .or_else(|| assignees.error_message())
        .or_else(|| types.error_message());
    let request = &props.request;
    let change = |edit: fn(&mut ReportRequest, String), field: Option<&'static str>| {
        let (request, onchange) = (request.clone(), props.onchange.clone());
        Callback::from(move |value: String| {
            let mut next = request.clone();
            edit(&mut next, value);
            onchange.emit((next, field));
        })
    };
    let filter = |edit: fn(&mut ReportFilters, Option<Uuid>)| {
        let (request, onchange) = (request.clone(), props.onchange.clone());
        Callback::from(move |value: String| {
            let mut next = request.clone();
            edit(&mut next.filters, value.parse().ok());
            onchange.emit((next, None));
        })
    };
    let onsubmit = {
        let ongenerate = props.ongenerate.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            ongenerate.emit(());
        })
    };
    let takes = |filter: FilterKind| request.kind.filters().contains(&filter);
    let id_text = |id: Option<Uuid>| id.map(|id| id.to_string());
    let users: Vec<(String, String)> = assignees
        .value()
        .into_iter()
        .flatten()
        .filter_map(|a| match a {
            Assignee::User { id, name, .. } => Some((id.to_string(), name.clone())),
            Assignee::Role { .. } => None,
        })
        .collect();
    let roles: Vec<(String, String)> = assignees
        .value()
        .into_iter()
        .flatten()
        .filter_map(|a| match a {
            Assignee::Role { id, name } => Some((id.to_string(), name.clone())),
            Assignee::User { .. } => None,
        })
        .collect();
    let type_options: Vec<(String, String)> = types
        .value()
        .into_iter()
        .flatten()
        .map(|t| (t.id.to_string(), t.name.clone()))
        .collect();
    let technicians: Vec<(String, String)> = catalog
        .value()
        .into_iter()
        .flat_map(|c| c.technicians.iter())
        .map(|t| (t.id.to_string(), t.name.clone()))
        .collect();
    let mut teams: Vec<(String, String)> = catalog
        .value()
        .into_iter()
        .flat_map(|c| c.technicians.iter())
        .map(|t| (t.team_id.to_string(), t.team_name.clone()))
        .collect();
    teams.sort_by(|a, b| a.1.cmp(&b.1));
    teams.dedup();
    let kind = variant_name(&request.kind);
    let filters = &request.filters;

    html! {
        <form id="relatorio-form" class="report-form report-controls" novalidate=true {onsubmit}>
            <SelectField id="relatorio-tipo" label="Relatório"
                onchange={change(|r, v| {
                    if let Some(kind) = variant_named(&ReportKind::ALL, &v) {
                        r.kind = kind;
                    }
                }, None)}>
                { for ReportKind::ALL.iter().map(|k| {
                    let value = variant_name(k);
                    html! {
                        <option value={value.clone()} selected={value == kind}>{ k.title() }</option>
                    }
                }) }
            </SelectField>
            <TextField id="relatorio-de" label="De" field={fields::FROM}
                inputmode="numeric" autocomplete="off" placeholder="dd/mm/aaaa" calendar=true
                value={request.from.clone()} error={props.from_error.clone()}
                oninput={change(|r, v| r.from = v, Some(fields::FROM))} />
            <TextField id="relatorio-ate" label="Até" field={fields::TO}
                inputmode="numeric" autocomplete="off" placeholder="dd/mm/aaaa" calendar=true
                value={request.to.clone()} error={props.to_error.clone()}
                oninput={change(|r, v| r.to = v, Some(fields::TO))} />
            if takes(FilterKind::Origin) {
                { filter_select("relatorio-origem", "Origem",
                    filters.origin.map(|o| variant_name(&o).to_string()),
                    Origin::ALL.iter().map(|o| (variant_name(o).to_string(), o.label().to_owned())).collect(),
                    change(|r, v| r.filters.origin = variant_named(&Origin::ALL, &v), None)) }
            }
            if takes(FilterKind::TicketType) {
                { filter_select("relatorio-filtro-tipo", "Tipo de atendimento",
                    id_text(filters.ticket_type_id), type_options,
                    filter(|f, id| f.ticket_type_id = id)) }
            }
            if takes(FilterKind::Operator) {
                { filter_select("relatorio-operador", "Operador",
                    id_text(filters.operator_id), users.clone(),
                    filter(|f, id| f.operator_id = id)) }
            }
            if takes(FilterKind::AssignedUser) {
                { filter_select("relatorio-usuario", "Responsável (usuário)",
                    id_text(filters.assigned_user_id), users,
                    filter(|f, id| f.assigned_user_id = id)) }
            }
            if takes(FilterKind::AssignedRole) {
                { filter_select("relatorio-cargo", "Responsável (cargo)",
                    id_text(filters.assigned_role_id), roles,
                    filter(|f, id| f.assigned_role_id = id)) }
            }
            if takes(FilterKind::Technician) {
                { filter_select("relatorio-tecnico", "Técnico",
                    id_text(filters.technician_id), technicians,
                    filter(|f, id| f.technician_id = id)) }
            }
            if takes(FilterKind::Team) {
                { filter_select("relatorio-equipe", "Equipe",
                    id_text(filters.team_id), teams,
                    filter(|f, id| f.team_id = id)) }
            }
            <div class="field action">
                <button id="gerar" type="submit" class="primary" disabled={props.sending}>
                    { "Gerar" }
                </button>
            </div>
            <FormError message={load_error} />
        </form>
    }
}
