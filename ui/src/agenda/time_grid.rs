//! "Dia" and "Semana": columns side by side (technicians, or days), hours down on a
//! 15-minute grid, visits as blocks to drag, resize or move with the keys, and slots to
//! select for "Agendar Ordem de Serviço".
use std::cell::RefCell;
use std::rc::Rc;

use helpdesk_api::Uuid;
use helpdesk_core::agenda::{layout_column, minute_at, place, Block, HourSpan, DAY};
use helpdesk_core::work_order::Slot;
use web_sys::{HtmlElement, KeyboardEvent, PointerEvent};
use yew::prelude::*;

use super::css::{place_box, set};
use super::items::{Column, Item};
use super::keys::arrow_of;
use super::pointer::{Drag, Geometry, Selecting, Session};
use super::state::{AgendaAction, AgendaState, Change, Target};
use super::visit_block::{Grab, VisitBlock};
use super::visit_keys::{on_visit_key, use_focus_on_edited};

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
    pub dispatch: UseReducerDispatcher<AgendaState>,
    /// A visit dropped, resized or moved with the keys (Enter).
    pub onchange: Callback<Change>,
}

/// `div.agenda-grid` with `div.agenda-columns` (the columns and, over them, the visits).
#[function_component]
pub fn TimeGrid(props: &TimeGridProps) -> Html {
    let overlay = use_node_ref();
    let selection_box = use_node_ref();
    let cursor_box = use_node_ref();
    let session = use_mut_ref(|| None::<Session>);
    let count = props.columns.len();

    // The placed blocks: each visit in each column it shows in.
    let blocks: Vec<(usize, usize, Block)> = props
        .columns
        .iter()
        .enumerate()
        .flat_map(|(column, col)| {
            let held: Vec<usize> = (0..props.items.len())
                .filter(|&at| col.holds(&props.items[at]))
                .collect();
            let slots: Vec<Slot> = held.iter().map(|&at| props.items[at].slot).collect();
            let laid = layout_column(&slots, col.day_start, props.span, PX_PER_MINUTE);
            held.into_iter()
                .zip(laid)
                .filter_map(move |(at, block)| block.map(|block| (column, at, block)))
                .collect::<Vec<_>>()
        })
        .collect();

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

    let ongrab = {
        let (overlay, session, span, offset) = (
            overlay.clone(),
            session.clone(),
            props.span,
            props.offset_minutes,
        );
        Callback::from(move |grab: Grab| {
            let Some(root) = overlay.cast::<HtmlElement>() else {
                return;
            };
            grab.event.prevent_default();
            let _ = grab.element.focus();
            let _ = grab.element.set_pointer_capture(grab.event.pointer_id());
            let height = grab
                .element
                .style()
                .get_property_value("height")
                .ok()
                .and_then(|px| px.trim_end_matches("px").parse().ok())
                .unwrap_or(0.0);
            *session.borrow_mut() = Some(Session::Drag(Drag {
                geometry: Geometry::of(&root, count, span),
                x: f64::from(grab.event.client_x()),
                y: f64::from(grab.event.client_y()),
                item: grab.item,
                mode: grab.mode,
                element: grab.element,
                column: grab.column,
                moved: false,
                to: None,
                offset_minutes: offset,
                height,
            }));
        })
    };
    let onpointerdown = {
        let (overlay, selection_box, session) =
            (overlay.clone(), selection_box.clone(), session.clone());
        let (columns, span, week_technician) =
            (props.columns.clone(), props.span, props.week_technician);
        let selectable = props.selectable;
        Callback::from(move |event: PointerEvent| {
            if !selectable || event.button() != 0 {
                return;
            }
            let (Some(root), Some(element)) = (
                overlay.cast::<HtmlElement>(),
                selection_box.cast::<HtmlElement>(),
            ) else {
                return;
            };
            let geometry = Geometry::of(&root, columns.len(), span);
            let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
            let Some(column) = geometry.column_at(x, y) else {
                return;
            };
            let Some(col) = columns.get(column) else {
                return;
            };
            let Some(technician_id) = col.technician_id.or(week_technician) else {
                return;
            };
            event.prevent_default();
            let _ = root.focus();
            let _ = root.set_pointer_capture(event.pointer_id());
            let first = minute_at(y - geometry.top, span, geometry.px_per_minute);
            let mut selecting = Selecting {
                column,
                technician_id,
                day_start: col.day_start,
                span,
                geometry,
                first,
                slot: Slot {
                    technician_id,
                    starts_at: 0,
                    ends_at: 0,
                },
                element,
            };
            selecting.follow(y);
            *session.borrow_mut() = Some(Session::Select(selecting));
        })
    };
    let onpointermove = {
        let (session, columns) = (session.clone(), props.columns.clone());
        Callback::from(move |event: PointerEvent| {
            let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
            match session.borrow_mut().as_mut() {
                Some(Session::Drag(drag)) => drag.follow(x, y, &columns),
                Some(Session::Select(selecting)) => selecting.follow(y),
                None => {}
            }
        })
    };
    let onpointerup = {
        let (session, dispatch, onchange) = (
            session.clone(),
            props.dispatch.clone(),
            props.onchange.clone(),
        );
        Callback::from(move |_: PointerEvent| {
            end_session(&session, &dispatch, &onchange, true);
        })
    };
    let onpointercancel = {
        let (session, dispatch, onchange) = (
            session.clone(),
            props.dispatch.clone(),
            props.onchange.clone(),
        );
        Callback::from(move |_: PointerEvent| end_session(&session, &dispatch, &onchange, false))
    };
    let onkey = {
        let (session, dispatch, onchange) = (
            session.clone(),
            props.dispatch.clone(),
            props.onchange.clone(),
        );
        let editing = props.editing;
        Callback::from(move |(event, item): (KeyboardEvent, Item)| {
            on_visit_key_in_grid(&event, &item, editing, &session, &dispatch, &onchange);
        })
    };
    let onkeydown = {
        let (overlay, dispatch) = (overlay.clone(), props.dispatch.clone());
        let (selectable, cursor) = (props.selectable, props.cursor);
        Callback::from(move |event: KeyboardEvent| {
            let on_grid = overlay
                .cast::<HtmlElement>()
                .zip(event.target_dyn_into::<HtmlElement>())
                .is_some_and(|(root, target)| root.is_same_node(Some(&target)));
            if selectable && on_grid {
                on_grid_key(&event, cursor, &dispatch);
            }
        })
    };
    let onfocus = {
        let (overlay, dispatch) = (overlay.clone(), props.dispatch.clone());
        let (selectable, cursor) = (props.selectable, props.cursor);
        Callback::from(move |event: FocusEvent| {
            let on_grid = overlay
                .cast::<HtmlElement>()
                .zip(event.target_dyn_into::<HtmlElement>())
                .is_some_and(|(root, target)| root.is_same_node(Some(&target)));
            if selectable && on_grid && cursor.is_none() {
                dispatch.dispatch(AgendaAction::FirstCursor);
            }
        })
    };

    let onblur = {
        let (overlay, dispatch) = (overlay.clone(), props.dispatch.clone());
        Callback::from(move |event: FocusEvent| {
            let on_grid = overlay
                .cast::<HtmlElement>()
                .zip(event.target_dyn_into::<HtmlElement>())
                .is_some_and(|(root, target)| root.is_same_node(Some(&target)));
            if on_grid {
                dispatch.dispatch(AgendaAction::Cursor(None));
            }
        })
    };

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
                    {onpointerdown}
                    {onpointermove}
                    {onpointerup}
                    {onpointercancel}
                    {onkeydown}
                    {onfocus}
                    {onblur}
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
                                ongrab={ongrab.clone()}
                                onkey={onkey.clone()}
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

/// Ends what the pointer was doing: a drop proposes its change (or says it was outside),
/// a selection becomes the chosen slot. `commit` is false when the pointer was cancelled.
fn end_session(
    session: &Rc<RefCell<Option<Session>>>,
    dispatch: &UseReducerDispatcher<AgendaState>,
    onchange: &Callback<Change>,
    commit: bool,
) {
    let Some(ended) = session.borrow_mut().take() else {
        return;
    };
    match ended {
        Session::Drag(drag) => match drag.finish() {
            Ok(Some(change)) if commit => onchange.emit(change),
            Err(()) if commit => dispatch.dispatch(AgendaAction::Notice(Some(
                "Solte a visita dentro da agenda.".into(),
            ))),
            _ => {}
        },
        Session::Select(selecting) => {
            let _ = selecting.element.remove_attribute("data-selecting");
            if commit {
                dispatch.dispatch(AgendaAction::Select(Some(selecting.slot)));
            }
        }
    }
}

/// Keys on a visit: Esc also cancels a drag; the rest as in every view.
fn on_visit_key_in_grid(
    event: &KeyboardEvent,
    item: &Item,
    editing: Option<Target>,
    session: &Rc<RefCell<Option<Session>>>,
    dispatch: &UseReducerDispatcher<AgendaState>,
    onchange: &Callback<Change>,
) {
    if event.key() == "Escape" && session.borrow().is_some() {
        event.prevent_default();
        event.stop_propagation();
        end_session(session, dispatch, onchange, false);
        return;
    }
    on_visit_key(event, item, editing, dispatch, onchange);
}

/// Keys on the grid itself: arrows move the keyboard's slot (Shift: longer or shorter),
/// Enter selects it, Esc drops the selection.
fn on_grid_key(
    event: &KeyboardEvent,
    cursor: Option<Slot>,
    dispatch: &UseReducerDispatcher<AgendaState>,
) {
    if let Some(arrow) = arrow_of(&event.key()) {
        event.prevent_default();
        dispatch.dispatch(AgendaAction::CursorKey(arrow, event.shift_key()));
        return;
    }
    match event.key().as_str() {
        "Enter" => {
            if let Some(cursor) = cursor {
                event.prevent_default();
                dispatch.dispatch(AgendaAction::Select(Some(cursor)));
            }
        }
        "Escape" => dispatch.dispatch(AgendaAction::Select(None)),
        _ => {}
    }
}
