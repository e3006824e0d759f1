//! A technician's fields: name, team, the user the technician signs in as, and phone.
use helpdesk_api::{CatalogFields, CatalogKind, ListCatalog, ListUsers};
use yew::prelude::*;

use super::{names, options, KindFieldsProps};
use crate::components::SelectField;
use crate::hooks::use_command;
use crate::pages::catalogs::entries::{choices, parse_choice, Choice};

/// "Nome", "Equipe", "Usuário vinculado", "Telefone".
#[function_component]
pub fn TechnicianFields(props: &KindFieldsProps) -> Html {
    let teams = use_command::<ListCatalog>(CatalogKind::Teams);
    let users = use_command::<ListUsers>(());
    let CatalogFields::Technicians {
        team_id,
        user_id,
        phone,
        ..
    } = &props.fields
    else {
        return Html::default();
    };
    let team_choices = choices(teams.value().map_or(&[], Vec::as_slice), *team_id);
    let user_choices: Vec<Choice> = users
        .value()
        .into_iter()
        .flatten()
        .filter(|user| user.active || Some(user.id) == *user_id)
        .map(|user| Choice {
            id: user.id,
            label: format!("{} ({})", user.name, user.login),
        })
        .collect();
    let on_team = props
        .change(names::TEAM, |f, chosen| {
            if let CatalogFields::Technicians { team_id, .. } = f {
                *team_id = chosen;
            }
        })
        .reform(|value: String| parse_choice(&value));
    let on_user = props
        .change(names::USER, |f, chosen| {
            if let CatalogFields::Technicians { user_id, .. } = f {
                *user_id = chosen;
            }
        })
        .reform(|value: String| parse_choice(&value));
    html! {
        <>
            { props.name() }
            <SelectField id={names::TEAM} label="Equipe" required=true error={props.error(names::TEAM)}
                onchange={on_team}>
                { options("Selecione…", &team_choices, *team_id) }
            </SelectField>
            <SelectField id={names::USER} label="Usuário vinculado" error={props.error(names::USER)} onchange={on_user}>
                { options("Nenhum", &user_choices, *user_id) }
            </SelectField>
            { props.optional_text(names::PHONE, "Telefone", phone, |f, v| {
                if let CatalogFields::Technicians { phone, .. } = f { *phone = v; }
            }) }
        </>
    }
}
