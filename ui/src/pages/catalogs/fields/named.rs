//! The catalogs that are little more than a name: "Cargos" (with whether the role is
//! administrative), "Equipes" and "Funções de contato".
use helpdesk_api::CatalogFields;
use yew::prelude::*;

use super::{names, KindFieldsProps};

/// "Nome" alone: a team, a contact role.
#[function_component]
pub fn NameOnlyFields(props: &KindFieldsProps) -> Html {
    props.name()
}

/// A role: "Nome", "Cargo administrativo" and "Edita clientes".
#[function_component]
pub fn RoleFields(props: &KindFieldsProps) -> Html {
    let CatalogFields::Roles {
        administrator,
        edits_customers,
        ..
    } = &props.fields
    else {
        return Html::default();
    };
    html! {
        <>
            { props.name() }
            { props.check(names::ADMINISTRATOR, "Cargo administrativo", *administrator, |f, on| {
                if let CatalogFields::Roles { administrator, .. } = f {
                    *administrator = on;
                }
            }) }
            <p class="hint">
                { "Quem tem um cargo administrativo cuida de usuários, cadastros, scripts e modelos de e-mail." }
            </p>
            { props.check(names::EDITS_CUSTOMERS, "Edita clientes", *edits_customers, |f, on| {
                if let CatalogFields::Roles { edits_customers, .. } = f {
                    *edits_customers = on;
                }
            }) }
            <p class="hint">
                { "Quem edita clientes cadastra clientes, contratos e contatos no módulo Clientes. Cargos administrativos sempre editam." }
            </p>
        </>
    }
}
