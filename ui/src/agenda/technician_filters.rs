//! The technician filters: "Equipe", "Meu Usuário", "Todos" and a box per technician.
use helpdesk_api::{Technician, Uuid};
use helpdesk_core::agenda::{teams, TechnicianFilter};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::FilterAction;
use crate::components::SelectField;

/// Props of [`TechnicianFilters`].
#[derive(Properties, PartialEq)]
pub struct TechnicianFiltersProps {
    pub technicians: Vec<Technician>,
    pub filter: TechnicianFilter,
    pub operator_id: Uuid,
    /// A filter changed.
    pub onfilter: Callback<FilterAction>,
}

/// `aside.agenda-filters` with `#agenda-equipe`, `#agenda-meu-usuario`, `#agenda-todos`
/// and `input[name="agenda-tecnico"][value=<id>]`.
#[function_component]
pub fn TechnicianFilters(props: &TechnicianFiltersProps) -> Html {
    let onfilter = &props.onfilter;
    let on_team = onfilter.reform(|value: String| FilterAction::Team(value.parse().ok()));
    let on_mine = onfilter.reform(|event: Event| {
        FilterAction::Mine(event.target_unchecked_into::<HtmlInputElement>().checked())
    });
    let on_all = onfilter.reform(|_: MouseEvent| FilterAction::AllTechnicians);
    let on_check = {
        let onfilter = onfilter.clone();
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            if let Ok(id) = input.value().parse() {
                onfilter.emit(FilterAction::Check(id, input.checked()));
            }
        })
    };
    let filter = &props.filter;
    let offered = filter.offered(&props.technicians, props.operator_id);
    let team = filter.team_id.map(|id| id.to_string()).unwrap_or_default();
    html! {
        <aside class="agenda-filters" aria-label="Técnicos">
            <div class="agenda-filters-head">
                <h3>{ "Técnicos" }</h3>
                <button id="agenda-todos" type="button" disabled={filter.is_all()} onclick={on_all}>
                    { "Todos" }
                </button>
            </div>
            <SelectField id="agenda-equipe" label="Equipe" bare=true onchange={on_team}>
                <option value="" selected={team.is_empty()}>{ "Todas" }</option>
                { for teams(&props.technicians).into_iter().map(|(id, name)| {
                    let value = id.to_string();
                    html! { <option value={value.clone()} selected={value == team}>{ name.to_owned() }</option> }
                }) }
            </SelectField>
            <label class="check">
                <input id="agenda-meu-usuario" type="checkbox" checked={filter.mine} onchange={on_mine} />
                { "Meu Usuário" }
            </label>
            if offered.is_empty() {
                <p id="agenda-sem-tecnicos" class="empty">
                    { if filter.mine { "Seu usuário não é de um técnico desta seleção." } else { "Nenhum técnico nesta equipe." } }
                </p>
            }
            <ul class="agenda-technicians">
                { for offered.into_iter().map(|technician| html! {
                    <li key={technician.id.to_string()}>
                        <label class="check">
                            <input
                                type="checkbox"
                                name="agenda-tecnico"
                                value={technician.id.to_string()}
                                checked={!filter.unchecked.contains(&technician.id)}
                                onchange={on_check.clone()}
                            />
                            <span>{ technician.name.clone() }</span>
                            <span class="muted">{ technician.team_name.clone() }</span>
                        </label>
                    </li>
                }) }
            </ul>
        </aside>
    }
}
