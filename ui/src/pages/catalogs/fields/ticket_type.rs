//! A ticket type's fields: name, who its tickets go to (nobody, a user or a role), the SLA
//! in hours and whether it counts calendar hours rather than business hours.
use helpdesk_api::{CatalogFields, CatalogKind, ListCatalog, ListUsers};
use yew::prelude::*;

use super::{names, KindFieldsProps};
use crate::components::SelectField;
use crate::hooks::use_command;
use crate::pages::catalogs::entries::{
    destination_from, destination_value, role_destination, user_destination, NONE,
};

/// "Nome", "Destino", "SLA (horas)", "Prazo em horas corridas".
#[function_component]
pub fn TicketTypeFields(props: &KindFieldsProps) -> Html {
    let users = use_command::<ListUsers>(());
    let roles = use_command::<ListCatalog>(CatalogKind::Roles);
    let CatalogFields::TicketTypes {
        destination,
        sla_hours,
        sla_calendar,
        ..
    } = &props.fields
    else {
        return Html::default();
    };
    let chosen = destination_value(destination.as_ref());
    let onchange = {
        let (users, roles) = (users.shared_value(), roles.shared_value());
        props
            .change(names::DESTINATION, |f, to| {
                if let CatalogFields::TicketTypes { destination, .. } = f {
                    *destination = to;
                }
            })
            .reform(move |value: String| {
                destination_from(
                    &value,
                    users.as_deref().map_or(&[], Vec::as_slice),
                    roles.as_deref().map_or(&[], Vec::as_slice),
                )
            })
    };
    // The active ones, and the one chosen even when it is no longer active.
    let option = |value: String, label: &str, active: bool| {
        let selected = value == chosen;
        (active || selected).then(|| {
            let label = if active {
                label.to_owned()
            } else {
                format!("{label} (inativo)")
            };
            html! { <option key={value.clone()} {value} {selected}>{ label }</option> }
        })
    };
    let user_options = users
        .value()
        .into_iter()
        .flatten()
        .filter_map(|user| option(user_destination(user.id), &user.name, user.active));
    let role_options = roles
        .value()
        .into_iter()
        .flatten()
        .filter_map(|role| option(role_destination(role.id), role.fields.name(), role.active));
    html! {
        <>
            { props.name() }
            <SelectField id={names::DESTINATION} label="Destino" error={props.error(names::DESTINATION)} {onchange}>
                <option value={NONE} selected={destination.is_none()}>{ "Ninguém (fica na fila)" }</option>
                <optgroup label="Cargos">{ for role_options }</optgroup>
                <optgroup label="Usuários">{ for user_options }</optgroup>
            </SelectField>
            { props.text(names::SLA_HOURS, "SLA (horas)", sla_hours, |f, v| {
                if let CatalogFields::TicketTypes { sla_hours, .. } = f { *sla_hours = v; }
            }) }
            { props.check(names::SLA_CALENDAR, "Prazo em horas corridas", *sla_calendar, |f, on| {
                if let CatalogFields::TicketTypes { sla_calendar, .. } = f { *sla_calendar = on; }
            }) }
        </>
    }
}
