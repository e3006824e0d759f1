//! The slot chosen on the grid, with "Agendar Ordem de Serviço".
use helpdesk_core::date::format_instant;
use helpdesk_core::work_order::Slot;
use yew::prelude::*;

use super::items::hours;
use crate::dom::focus;

/// Props of [`SelectionBar`].
#[derive(Properties, PartialEq)]
pub struct SelectionBarProps {
    pub slot: Slot,
    pub technician: AttrValue,
    /// The clash warning, when the slot clashes with the technician's visits.
    pub clash: Option<AttrValue>,
    pub offset_minutes: i32,
    /// "Agendar Ordem de Serviço".
    pub onschedule: Callback<Slot>,
    /// "Cancelar".
    pub oncancel: Callback<()>,
}

/// `div#agenda-selecao-barra` with `#agenda-agendar`, which takes the focus.
#[function_component]
pub fn SelectionBar(props: &SelectionBarProps) -> Html {
    let button = use_node_ref();
    {
        let button = button.clone();
        use_effect_with(props.slot, move |_| focus(&button));
    }
    let slot = props.slot;
    let day = format_instant(slot.starts_at, props.offset_minutes);
    html! {
        <div id="agenda-selecao-barra" class="agenda-selection-bar" role="region" aria-label="Horário escolhido">
            <span id="agenda-selecao-texto">
                { format!("{} · {} · {}", props.technician, day.get(..10).unwrap_or_default(), hours(&slot, props.offset_minutes)) }
            </span>
            if let Some(clash) = &props.clash {
                <span id="agenda-selecao-conflito" class="agenda-warning">{ clash.clone() }</span>
            }
            <button
                ref={button}
                id="agenda-agendar"
                type="button"
                class="primary"
                onclick={props.onschedule.reform(move |_: MouseEvent| slot)}
            >
                { "Agendar Ordem de Serviço" }
            </button>
            <button id="agenda-selecao-cancelar" type="button" onclick={props.oncancel.reform(|_: MouseEvent| ())}>
                { "Cancelar" }
            </button>
        </div>
    }
}
