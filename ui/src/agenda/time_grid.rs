//! "Dia" and "Semana": columns side by side (technicians, or days), hours down on a
//! 15-minute grid, visits as blocks to drag, resize or move with the keys, and slots to
//! select for "Agendar Ordem de Serviço".
use std::rc::Rc;

use helpdesk_api::Uuid;
use helpdesk_core::agenda::{layout_column, place, Block, HourSpan, DAY};
use helpdesk_core::work_order::Slot;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::css::{place_box, set};
use super::grid_keys::use_grid_keys;
use super::grid_pointer::use_grid_pointer;
use super::items::{Column, Item};
use super::state::{Change, KeyAction, Target};
use super::visit_block::VisitBlock;
use super::visit_keys::use_focus_on_edited;

/// Pixels per minute down the grid; `agenda.css` draws an hour as 72 px to match.
pub const PX_PER_MINUTE: f64 = 1.2;
/// The narrowest a column gets before the grid scrolls sideways, in pixels.
const MIN_COLUMN_PX: usize = 150;

/// Props of [`TimeGrid`].
#[derive(Properties, PartialEq)]
pub struct TimeGridProps {
    pub columns: Rc<Vec<Column>>,
    pub items: Rc<Vec<Item>>,
    pub span: HourSpan,
    /// "Semana": visits name their technician.
    pub show_technician: bool,
    /// The technician a slot selected in a day column is for ("Semana" with one
    /// technician); "Dia" takes the column's.
    pub week_technician: Option<Uuid>,
    /// Slots can be selected ("Agendar Ordem de Serviço" is offered).
    pub selectable: bool,
    pub selection: Option<Slot>,
    pub cursor: Option<Slot>,
    /// The visit moved with the keys, if any.
    pub editing: Option<Target>,
    pub offset_minutes: i32,
    /// A key on the grid or a visit, or a slot selected with the pointer.
    pub onkey: Callback<KeyAction>,
    /// A visit dropped outside the grid.
    pub onoutside: Callback<()>,
    /// A visit dropped, resized or moved with the keys (Enter).
    pub onchange: Callback<Change>,
}

/// `div.agenda-grid` with `div.agenda-columns` (the columns and, over them, the visits).
#[function_component]
pub fn TimeGrid(props: &TimeGridProps) -> Html {
    let overlay = use_node_ref();
    let selection_box = use_node_ref();
    let cursor_box = use_node_ref();
    let count = props.columns.len();
    let blocks = blocks(&props.columns, &props.items, props.span);
    {
        let overlay = overlay.clone();
        use_effect_with(count, move |count| {
            if let Some(element) = overlay.cast::<HtmlElement>() {
                set(
                    &element,
                    "min-width",
                    &format!("{}px", count * MIN_COLUMN_PX),
                );
            }
        });
    }
    use_marker(&selection_box, props.selection, &props.columns, props.span);
    use_marker(&cursor_box, props.cursor, &props.columns, props.span);
    use_focus_on_edited(&overlay, props.editing, &props.items);
    let pointer = use_grid_pointer(props, &overlay, &selection_box);
    let keys = use_grid_keys(&overlay, props.selectable, props.cursor, &props.onkey);

    html! {
        <div class="agenda-grid">
            <div class="agenda-grid-head">
                <div class="agenda-gutter"></div>
                <div class="agenda-heads">
                    { for props.columns.iter().enumerate().map(|(at, col)| html! {
                        <div class="agenda-column-head" data-column={at.to_string()}>{ col.title.clone() }</div>
                    }) }
                </div>
            </div>
            <div class="agenda-grid-body">
                <div class="agenda-gutter">
                    { for props.span.hours().map(|minute| html! {
                        <div class="agenda-hour-label">{ format!("{:02}:00", minute / 60) }</div>
                    }) }
                </div>
                <div
                    ref={overlay}
                    class={classes!("agenda-columns", props.selectable.then_some("selectable"))}
                    tabindex={props.selectable.then_some("0")}
                    aria-label={props.selectable.then_some("Horários: setas escolhem, Enter agenda")}
                    onpointerdown={pointer.onpointerdown}
                    onpointermove={pointer.onpointermove}
                    onpointerup={pointer.onpointerup}
                    onpointercancel={pointer.onpointercancel}
                    onkeydown={keys.onkeydown}
                    onfocus={keys.onfocus}
                    onblur={keys.onblur}
                >
                    { for props.columns.iter().enumerate().map(|(at, col)| html! {
                        <div
                            class="agenda-column"
                            data-column={at.to_string()}
                            data-technician-id={col.technician_id.map(|id| id.to_string())}
                        >
                            { for props.span.hours().map(|_| html! { <div class="agenda-hour"></div> }) }
                        </div>
                    }) }
                    { for blocks.iter().map(|(column, at, block)| {
                        let item = &props.items[*at];
                        html! {
                            <VisitBlock
                                key={format!("{}-{column}", item.dom_id())}
                                item={item.clone()}
                                block={*block}
                                column={*column}
                                columns={count}
                                show_technician={props.show_technician}
                                editing={props.editing == Some(item.target)}
                                offset_minutes={props.offset_minutes}
                                ongrab={pointer.ongrab.clone()}
                                onkey={pointer.onvisitkey.clone()}
                            />
                        }
                    }) }
                    <div
                        ref={selection_box}
                        id="agenda-selecao"
                        class="agenda-selection"
                        data-active={props.selection.is_some().then_some("true")}
                    ></div>
                    <div
                        ref={cursor_box}
                        class="agenda-cursor"
                        data-active={props.cursor.is_some().then_some("true")}
                    ></div>
                </div>
            </div>
        </div>
    }
}

/// The placed blocks: each item (by index) in each column (by index) it shows in.
fn blocks(columns: &[Column], items: &[Item], span: HourSpan) -> Vec<(usize, usize, Block)> {
    columns
        .iter()
        .enumerate()
        .flat_map(|(column, col)| {
            let held: Vec<usize> = (0..items.len())
                .filter(|&at| col.holds(&items[at]))
                .collect();
            let slots: Vec<Slot> = held.iter().map(|&at| items[at].slot).collect();
            let laid = layout_column(&slots, col.day_start, span, PX_PER_MINUTE);
            held.into_iter()
                .zip(laid)
                .filter_map(move |(at, block)| block.map(|block| (column, at, block)))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Places a marker (the selection, the keyboard's slot) over the column of `slot`.
#[hook]
fn use_marker(node: &NodeRef, slot: Option<Slot>, columns: &Rc<Vec<Column>>, span: HourSpan) {
    let node = node.clone();
    use_effect_with(
        (slot, columns.clone(), span),
        move |(slot, columns, span)| {
            let (Some(slot), Some(element)) = (slot, node.cast::<HtmlElement>()) else {
                return;
            };
            let found = columns.iter().enumerate().find_map(|(at, col)| {
                let on_day =
                    slot.starts_at >= col.day_start && slot.starts_at < col.day_start + DAY;
                let mine = col.technician_id.is_none_or(|id| id == slot.technician_id);
                (on_day && mine)
                    .then(|| place(slot, col.day_start, *span, PX_PER_MINUTE))
                    .flatten()
                    .map(|block| (at, block))
            });
            match found {
                Some((at, block)) => {
                    place_box(&element, block.top, block.height, at, columns.len(), 0, 1);
                    let _ = element.remove_attribute("hidden");
                }
                None => {
                    let _ = element.set_attribute("hidden", "");
                }
            }
        },
    );
}
