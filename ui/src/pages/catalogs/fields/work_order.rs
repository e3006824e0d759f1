//! The fields of an O.S. type (usual duration, Site Survey, colour) and of an O.S. status
//! (its stage in the visit's life, colour).
use helpdesk_api::CatalogFields;
use helpdesk_core::work_order_life::WorkOrderStage;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{names, KindFieldsProps};
use crate::components::{FieldError, SelectField};

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

/// "Nome", "Etapa" (Aberta, Em execução, Concluída, Cancelada: the last two close the
/// visit), "Cor".
#[function_component]
pub fn WorkOrderStatusFields(props: &KindFieldsProps) -> Html {
    let CatalogFields::WorkOrderStatuses { stage, color, .. } = &props.fields else {
        return Html::default();
    };
    let on_stage = props
        .change(names::STAGE, |f, chosen| {
            if let CatalogFields::WorkOrderStatuses { stage, .. } = f {
                *stage = chosen;
            }
        })
        .reform(|code: String| WorkOrderStage::from_code(&code).unwrap_or(WorkOrderStage::Open));
    html! {
        <>
            { props.name() }
            <SelectField id={names::STAGE} label="Etapa" required=true error={props.error(names::STAGE)}
                onchange={on_stage}>
                { for WorkOrderStage::ALL.into_iter().map(|option| html! {
                    <option value={option.code()} selected={option == *stage}>{ option.label() }</option>
                }) }
            </SelectField>
            <p class="hint">{ "Concluída e Cancelada encerram a visita: ela fica na agenda, marcada, e não muda mais." }</p>
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
