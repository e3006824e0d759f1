//! "Cadastros" (administrators): every catalog the wizard chooses from, one tab each; each
//! tab lists its entries ([`list::CatalogList`]) and edits one with the catalog's form.
mod editor;
mod entries;
mod fields;
mod list;

use helpdesk_api::CatalogKind;
use yew::prelude::*;

use list::CatalogList;

pub use entries::{choices, parse_choice};
pub use fields::options as choice_options;

/// The tabs, in order: the catalog, its `id` and its title.
const TABS: [(CatalogKind, &str, &str); 9] = [
    (CatalogKind::Roles, "aba-cargos", "Cargos"),
    (CatalogKind::Teams, "aba-equipes", "Equipes"),
    (
        CatalogKind::TicketTypes,
        "aba-tipos-atendimento",
        "Tipos de Atendimento",
    ),
    (CatalogKind::WorkOrderTypes, "aba-tipos-os", "Tipos de OS"),
    (
        CatalogKind::WorkOrderStatuses,
        "aba-status-os",
        "Status de OS",
    ),
    (CatalogKind::Technicians, "aba-tecnicos", "Técnicos"),
    (
        CatalogKind::RoutingPoints,
        "aba-pontos-roteamento",
        "Pontos de Roteamento",
    ),
    (CatalogKind::Plans, "aba-planos", "Planos"),
    (
        CatalogKind::ContactRoles,
        "aba-funcoes-contato",
        "Funções de contato",
    ),
];

/// Props of [`CatalogsPage`].
#[derive(Properties, PartialEq)]
pub struct CatalogsPageProps {
    /// "Voltar".
    pub onclose: Callback<()>,
}

/// `section#cadastros`: the tabs and the catalog shown.
#[function_component]
pub fn CatalogsPage(props: &CatalogsPageProps) -> Html {
    let shown = use_state(|| CatalogKind::Roles);
    let tab = |(kind, id, title): (CatalogKind, &'static str, &'static str)| {
        let onclick = {
            let shown = shown.clone();
            Callback::from(move |_: MouseEvent| shown.set(kind))
        };
        let pressed = if *shown == kind { "true" } else { "false" };
        html! { <button {id} type="button" aria-pressed={pressed} {onclick}>{ title }</button> }
    };
    let title = TABS
        .iter()
        .find(|(kind, ..)| *kind == *shown)
        .map_or("", |(.., title)| *title);
    html! {
        <section id="cadastros" class="admin-page" aria-labelledby="cadastros-titulo">
            <header class="admin-page-header">
                <h1 id="cadastros-titulo">{ "Cadastros" }</h1>
                <span class="spacer"></span>
                <button id="cadastros-voltar" type="button"
                    onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Voltar" }</button>
            </header>
            <nav class="admin-tabs" aria-label="Cadastros">{ for TABS.into_iter().map(tab) }</nav>
            <CatalogList key={title} kind={*shown} {title} />
        </section>
    }
}
