//! A routing point's fields: name, type, address, IP and situation.
use helpdesk_api::CatalogFields;
use yew::prelude::*;

use super::{names, KindFieldsProps};

/// "Nome", "Tipo", "Endereço", "IP", "Situação".
#[function_component]
pub fn RoutingPointFields(props: &KindFieldsProps) -> Html {
    let CatalogFields::RoutingPoints {
        kind,
        address,
        ip,
        status,
        ..
    } = &props.fields
    else {
        return Html::default();
    };
    html! {
        <>
            { props.name() }
            { props.text(names::KIND, "Tipo (POP, OLT, concentrador…)", kind, |f, v| {
                if let CatalogFields::RoutingPoints { kind, .. } = f { *kind = v; }
            }) }
            { props.text(names::ADDRESS, "Endereço", address, |f, v| {
                if let CatalogFields::RoutingPoints { address, .. } = f { *address = v; }
            }) }
            <div class="field-row">
                { props.text(names::IP, "IP", ip, |f, v| {
                    if let CatalogFields::RoutingPoints { ip, .. } = f { *ip = v; }
                }) }
                { props.text(names::STATUS, "Situação", status, |f, v| {
                    if let CatalogFields::RoutingPoints { status, .. } = f { *status = v; }
                }) }
            </div>
        </>
    }
}
