//! "Mês": six weeks from a Monday, each day with its visits as chips and the rest counted;
//! a day's number or its "+N" opens it in "Dia"; a chip dragged to another day moves the
//! visit there, at the same hours.
use std::rc::Rc;

use chrono::{Datelike, NaiveDate};
use helpdesk_core::agenda::{month_cells, DayRange, View};
use helpdesk_core::work_order::Slot;
use web_sys::{HtmlElement, KeyboardEvent, PointerEvent};
use yew::prelude::*;

use super::css::set_visit_color;
use super::items::{hours, Item};
use super::month_drag::{MonthDrag, MonthGeometry};
use super::state::{Change, FilterAction, KeyAction, Target};
use super::visit_element::{on_keys, on_press, visit_classes};
use super::visit_keys::{on_visit_key, use_focus_on_edited};

/// Chips shown per day before "+N".
pub const CHIPS_PER_DAY: usize = 3;

/// Props of [`MonthView`].
#[derive(Properties, PartialEq)]
pub struct MonthViewProps {
    pub days: Rc<Vec<NaiveDate>>,
    pub range: DayRange,
    /// The date chosen: its month is the one drawn in full.
    pub date: NaiveDate,
    pub today: NaiveDate,
    pub items: Rc<Vec<Item>>,
    pub editing: Option<Target>,
    pub offset_minutes: i32,
    /// A day opened in "Dia".
    pub onfilter: Callback<FilterAction>,
    /// A key on a visit.
    pub onkey: Callback<KeyAction>,
    /// A visit dropped outside the month.
    pub onoutside: Callback<()>,
    /// A visit dragged to another day, or moved with the keys (Enter).
    pub onchange: Callback<Change>,
}

/// `div.agenda-month` with a `div.agenda-month-cell[data-date]` per day.
#[function_component]
pub fn MonthView(props: &MonthViewProps) -> Html {
    let root = use_node_ref();
    use_focus_on_edited(&root, props.editing, &props.items);
    let slots: Vec<Slot> = props.items.iter().map(|item| item.slot).collect();
    let cells = month_cells(&props.days, props.range, &slots, CHIPS_PER_DAY);
    let open_day = |date: NaiveDate| {
        let onfilter = props.onfilter.clone();
        Callback::from(move |_: MouseEvent| {
            onfilter.emit(FilterAction::Date(date));
            onfilter.emit(FilterAction::View(View::Day));
        })
    };
    let onkey = {
        let (onkey, onchange, editing) =
            (props.onkey.clone(), props.onchange.clone(), props.editing);
        Callback::from(move |(event, item): (KeyboardEvent, Item)| {
            on_visit_key(&event, &item, editing, &onkey, &onchange);
        })
    };
    let grid = use_node_ref();
    let session = use_mut_ref(|| None::<MonthDrag>);
    let ongrab = {
        let (grid, session) = (grid.clone(), session.clone());
        Callback::from(move |grab: ChipGrab| {
            let Some(grid) = grid.cast::<HtmlElement>() else {
                return;
            };
            grab.event.prevent_default();
            let _ = grab.element.focus();
            let _ = grab.element.set_pointer_capture(grab.event.pointer_id());
            *session.borrow_mut() = Some(MonthDrag {
                geometry: MonthGeometry::of(&grid),
                x: f64::from(grab.event.client_x()),
                y: f64::from(grab.event.client_y()),
                item: grab.item,
                element: grab.element,
                cell: grab.cell,
                moved: false,
            });
        })
    };
    let onpointermove = {
        let session = session.clone();
        Callback::from(move |event: PointerEvent| {
            if let Some(drag) = session.borrow_mut().as_mut() {
                drag.follow(f64::from(event.client_x()), f64::from(event.client_y()));
            }
        })
    };
    let onpointerup = {
        let (session, onoutside, onchange) = (
            session.clone(),
            props.onoutside.clone(),
            props.onchange.clone(),
        );
        Callback::from(move |event: PointerEvent| {
            let Some(drag) = session.borrow_mut().take() else {
                return;
            };
            match drag.finish(f64::from(event.client_x()), f64::from(event.client_y())) {
                Ok(Some(change)) => onchange.emit(change),
                Ok(None) => {}
                Err(()) => onoutside.emit(()),
            }
        })
    };
    let onpointercancel = {
        let session = session.clone();
        Callback::from(move |event: PointerEvent| {
            if let Some(drag) = session.borrow_mut().take() {
                let _ = drag.finish(f64::from(event.client_x()), f64::from(event.client_y()));
            }
        })
    };
    html! {
        <div class="agenda-month" ref={root}>
            <div class="agenda-month-head">
                { for ["Seg", "Ter", "Qua", "Qui", "Sex", "Sáb", "Dom"].into_iter().map(|day| html! { <div>{ day }</div> }) }
            </div>
            <div
                class="agenda-month-grid"
                ref={grid}
                onpointermove={onpointermove}
                onpointerup={onpointerup}
                onpointercancel={onpointercancel}
            >
                { for cells.into_iter().enumerate().map(|(at_cell, cell)| {
                    let class = classes!(
                        "agenda-month-cell",
                        (cell.date.month() != props.date.month()).then_some("other-month"),
                        (cell.date == props.today).then_some("today"),
                    );
                    html! {
                        <div {class} key={cell.date.to_string()} data-date={cell.date.to_string()}>
                            <button type="button" class="agenda-month-day" onclick={open_day(cell.date)}>
                                { cell.date.day() }
                            </button>
                            { for cell.shown.iter().map(|&at| {
                                let item = &props.items[at];
                                html! {
                                    <VisitChip
                                        key={item.dom_id().to_string()}
                                        item={item.clone()}
                                        cell={at_cell}
                                        ongrab={ongrab.clone()}
                                        editing={props.editing == Some(item.target)}
                                        offset_minutes={props.offset_minutes}
                                        onkey={onkey.clone()}
                                    />
                                }
                            }) }
                            if cell.more > 0 {
                                <button type="button" class="agenda-month-more" onclick={open_day(cell.date)}>
                                    { format!("+{}", cell.more) }
                                </button>
                            }
                        </div>
                    }
                }) }
            </div>
        </div>
    }
}

/// Props of [`VisitChip`].
#[derive(Properties, PartialEq)]
struct VisitChipProps {
    item: Item,
    /// The day cell it is in.
    cell: usize,
    editing: bool,
    offset_minutes: i32,
    onkey: Callback<(KeyboardEvent, Item)>,
    ongrab: Callback<ChipGrab>,
}

/// A pointer pressed on a chip.
struct ChipGrab {
    event: PointerEvent,
    element: HtmlElement,
    item: Item,
    cell: usize,
}

/// `div.visit-chip[data-visit-id]`: the hours, the customer and the technician.
#[function_component]
fn VisitChip(props: &VisitChipProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.item.color.clone(), move |color| {
            if let Some(element) = node.cast::<HtmlElement>() {
                set_visit_color(&element, color);
            }
        });
    }
    let onkeydown = on_keys(&props.onkey, &props.item);
    let onpointerdown = {
        let (ongrab, item, cell) = (props.ongrab.clone(), props.item.clone(), props.cell);
        on_press(&node, move |event, element| {
            ongrab.emit(ChipGrab {
                event,
                element,
                item: item.clone(),
                cell,
            });
        })
    };
    let item = &props.item;
    let class = visit_classes("visit-chip", item, props.editing);
    let time = hours(&item.slot, props.offset_minutes);
    html! {
        <div
            ref={node}
            {class}
            data-visit-id={item.dom_id()}
            tabindex="0"
            role="button"
            title={format!("{} · {} · {} · {}", item.customer, item.kind, item.status, item.technician)}
            {onkeydown}
            {onpointerdown}
        >
            <span class="visit-time">{ time }</span>
            { " " }
            <span class="visit-customer">{ item.customer.clone() }</span>
            <span class="visit-technician">{ item.technician.clone() }</span>
        </div>
    }
}
