//! A visit on the time grid: a block placed by its minutes, coloured by its type or status,
//! with a bottom edge to resize it.
use helpdesk_core::agenda::{Block, DragMode};
use web_sys::{HtmlElement, KeyboardEvent, PointerEvent};
use yew::prelude::*;

use super::css::{place_box, set_visit_color};
use super::items::{hours, Item};
use super::visit_element::{on_keys, on_press, visit_classes};

/// A pointer pressed on a block: on its body ([`DragMode::Move`]) or its edge.
#[derive(Clone)]
pub struct Grab {
    pub event: PointerEvent,
    pub element: HtmlElement,
    pub item: Item,
    pub mode: DragMode,
    /// The column it was grabbed in.
    pub column: usize,
}

/// Props of [`VisitBlock`].
#[derive(Properties, PartialEq)]
pub struct VisitBlockProps {
    pub item: Item,
    pub block: Block,
    /// Its column, of `columns`.
    pub column: usize,
    pub columns: usize,
    /// "Semana": the technician is named on it.
    pub show_technician: bool,
    /// Moved with the arrow keys, not saved yet.
    pub editing: bool,
    pub offset_minutes: i32,
    pub ongrab: Callback<Grab>,
    pub onkey: Callback<(KeyboardEvent, Item)>,
}

/// `div.visit[data-visit-id][tabindex=0]` with `.visit-time`, `.visit-customer`,
/// `.visit-kind`, `.visit-status` and `.resize-handle`.
#[function_component]
pub fn VisitBlock(props: &VisitBlockProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        let block = props.block;
        let deps = (
            block.top.to_bits(),
            block.height.to_bits(),
            block.lane,
            block.lanes,
            props.column,
            props.columns,
            props.item.color.clone(),
        );
        use_effect_with(deps, move |(_, _, lane, lanes, column, columns, color)| {
            if let Some(element) = node.cast::<HtmlElement>() {
                place_box(
                    &element,
                    block.top,
                    block.height,
                    *column,
                    *columns,
                    *lane,
                    *lanes,
                );
                set_visit_color(&element, color);
            }
        });
    }
    let grab = |mode: DragMode| {
        let (ongrab, item, column) = (props.ongrab.clone(), props.item.clone(), props.column);
        on_press(&node, move |event, element| {
            event.stop_propagation();
            ongrab.emit(Grab {
                event,
                element,
                item: item.clone(),
                mode,
                column,
            });
        })
    };
    let onkeydown = on_keys(&props.onkey, &props.item);
    let (on_body, on_edge) = (grab(DragMode::Move), grab(DragMode::Resize));
    let item = &props.item;
    let mut class = visit_classes("visit", item, props.editing);
    class.push(props.block.continues_before.then_some("continues-before"));
    class.push(props.block.continues_after.then_some("continues-after"));
    let time = hours(&item.slot, props.offset_minutes);
    let label = format!(
        "{}, {}, {}, {}{}",
        item.customer,
        item.kind,
        item.status,
        time,
        if props.show_technician {
            format!(", {}", item.technician)
        } else {
            String::new()
        }
    );
    html! {
        <div
            ref={node}
            {class}
            data-visit-id={item.dom_id()}
            tabindex="0"
            role="button"
            aria-label={label}
            onpointerdown={on_body}
            {onkeydown}
        >
            <div class="visit-time">{ time }</div>
            <div class="visit-customer">{ item.customer.clone() }</div>
            <div class="visit-kind">{ item.kind.clone() }</div>
            <div class="visit-status">{ item.status.clone() }</div>
            if props.show_technician {
                <div class="visit-technician">{ item.technician.clone() }</div>
            }
            <div class="resize-handle" aria-hidden="true" onpointerdown={on_edge}></div>
        </div>
    }
}
