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

/// The tabs, in order: the catalog and its `id` (the title is the core's label).
const TABS: [(CatalogKind, &str); 9] = [
    (CatalogKind::Roles, "aba-cargos"),
    (CatalogKind::Teams, "aba-equipes"),
    (CatalogKind::TicketTypes, "aba-tipos-atendimento"),
    (CatalogKind::WorkOrderTypes, "aba-tipos-os"),
    (CatalogKind::WorkOrderStatuses, "aba-status-os"),
    (CatalogKind::Technicians, "aba-tecnicos"),
    (CatalogKind::RoutingPoints, "aba-pontos-roteamento"),
    (CatalogKind::Plans, "aba-planos"),
    (CatalogKind::ContactRoles, "aba-funcoes-contato"),
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
    let tab = |(kind, id): (CatalogKind, &'static str)| {
        let onclick = {
            let shown = shown.clone();
            Callback::from(move |_: MouseEvent| shown.set(kind))
        };
        let pressed = if *shown == kind { "true" } else { "false" };
        html! { <button {id} type="button" aria-pressed={pressed} {onclick}>{ kind.label() }</button> }
    };
    let title = shown.label();
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
