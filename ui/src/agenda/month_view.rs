//! "Mês": six weeks from a Monday, each day with its visits as chips and the rest counted;
//! a day's number or its "+N" opens it in "Dia".
use std::rc::Rc;

use chrono::{Datelike, NaiveDate};
use helpdesk_core::agenda::{month_cells, DayRange, View};
use helpdesk_core::work_order::Slot;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use super::css::set_visit_color;
use super::items::{hours, Item};
use super::state::{AgendaAction, AgendaState, Change, Target};
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
    pub dispatch: UseReducerDispatcher<AgendaState>,
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
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(AgendaAction::Date(date));
            dispatch.dispatch(AgendaAction::View(View::Day));
        })
    };
    let onkey = {
        let (dispatch, onchange, editing) = (
            props.dispatch.clone(),
            props.onchange.clone(),
            props.editing,
        );
        Callback::from(move |(event, item): (KeyboardEvent, Item)| {
            on_visit_key(&event, &item, editing, &dispatch, &onchange);
        })
    };
    html! {
        <div class="agenda-month" ref={root}>
            <div class="agenda-month-head">
                { for ["Seg", "Ter", "Qua", "Qui", "Sex", "Sáb", "Dom"].into_iter().map(|day| html! { <div>{ day }</div> }) }
            </div>
            <div class="agenda-month-grid">
                { for cells.into_iter().map(|cell| {
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
    editing: bool,
    offset_minutes: i32,
    onkey: Callback<(KeyboardEvent, Item)>,
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
    let onkeydown = {
        let (onkey, item) = (props.onkey.clone(), props.item.clone());
        Callback::from(move |event: KeyboardEvent| onkey.emit((event, item.clone())))
    };
    let item = &props.item;
    let class = classes!(
        "visit-chip",
        item.tentative.then_some("tentative"),
        item.is_final.then_some("final"),
        props.editing.then_some("editing"),
    );
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
        >
            <span class="visit-time">{ time }</span>
            { " " }
            <span class="visit-customer">{ item.customer.clone() }</span>
            <span class="visit-technician">{ item.technician.clone() }</span>
        </div>
    }
}
