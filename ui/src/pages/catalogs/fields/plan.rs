//! A plan's fields: name, technology, speeds and price.
use helpdesk_api::CatalogFields;
use yew::prelude::*;

use super::{names, KindFieldsProps};

/// "Nome", "Tecnologia", "Download (Mbps)", "Upload (Mbps)", "Preço".
#[function_component]
pub fn PlanFields(props: &KindFieldsProps) -> Html {
    let CatalogFields::Plans {
        technology,
        download_mbps,
        upload_mbps,
        price,
        ..
    } = &props.fields
    else {
        return Html::default();
    };
    html! {
        <>
            { props.name() }
            { props.text(names::TECHNOLOGY, "Tecnologia", technology, |f, v| {
                if let CatalogFields::Plans { technology, .. } = f { *technology = v; }
            }) }
            <div class="field-row">
                { props.text(names::DOWNLOAD, "Download (Mbps)", download_mbps, |f, v| {
                    if let CatalogFields::Plans { download_mbps, .. } = f { *download_mbps = v; }
                }) }
                { props.text(names::UPLOAD, "Upload (Mbps)", upload_mbps, |f, v| {
                    if let CatalogFields::Plans { upload_mbps, .. } = f { *upload_mbps = v; }
                }) }
            </div>
            { props.text(names::PRICE, "Preço", price, |f, v| {
                if let CatalogFields::Plans { price, .. } = f { *price = v; }
            }) }
        </>
    }
}
