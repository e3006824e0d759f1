//! The fields of an O.S. type (usual duration, Site Survey, colour) and of an O.S. status
//! (final or not, colour).
use helpdesk_api::CatalogFields;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{names, KindFieldsProps};
use crate::components::FieldError;

/// "Nome", "Duração (minutos)", "Site Survey", "Cor".
#[function_component]
pub fn WorkOrderTypeFields(props: &KindFieldsProps) -> Html {
    let CatalogFields::WorkOrderTypes {
        minutes,
        site_survey,
        color,
        ..
    } = &props.fields
    else {
        return Html::default();
    };
    html! {
        <>
            { props.name() }
            { props.text(names::MINUTES, "Duração (minutos)", minutes, |f, v| {
                if let CatalogFields::WorkOrderTypes { minutes, .. } = f { *minutes = v; }
            }) }
            <p class="hint">{ "Em múltiplos de 15 minutos: é o que a Agenda propõe para a visita." }</p>
            { props.check(names::SITE_SURVEY, "Site Survey (vistoria)", *site_survey, |f, on| {
                if let CatalogFields::WorkOrderTypes { site_survey, .. } = f { *site_survey = on; }
            }) }
            { color_field(props, color, |f, v| {
                if let CatalogFields::WorkOrderTypes { color, .. } = f { *color = v; }
            }) }
        </>
    }
}

/// "Nome", "Status final (visita encerrada)", "Cor".
#[function_component]
pub fn WorkOrderStatusFields(props: &KindFieldsProps) -> Html {
    let CatalogFields::WorkOrderStatuses {
        is_final, color, ..
    } = &props.fields
    else {
        return Html::default();
    };
    html! {
        <>
            { props.name() }
            { props.check(names::IS_FINAL, "Status final (visita encerrada)", *is_final, |f, on| {
                if let CatalogFields::WorkOrderStatuses { is_final, .. } = f { *is_final = on; }
            }) }
            { color_field(props, color, |f, v| {
                if let CatalogFields::WorkOrderStatuses { color, .. } = f { *color = v; }
            }) }
        </>
    }
}

/// "Cor": an `input[type=color]`.
fn color_field(
    props: &KindFieldsProps,
    color: &str,
    apply: fn(&mut CatalogFields, String),
) -> Html {
    let oninput = props
        .change(names::COLOR, apply)
        .reform(|event: InputEvent| event.target_unchecked_into::<HtmlInputElement>().value());
    html! {
        <div class="field color-field">
            <label for={names::COLOR}>{ "Cor" }</label>
            <input id={names::COLOR} type="color" value={color.to_owned()} {oninput} />
            <FieldError field={names::COLOR} message={props.error(names::COLOR)} />
        </div>
    }
}
