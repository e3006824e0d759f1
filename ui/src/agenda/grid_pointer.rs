//! The pointer on the time grid: a visit grabbed and dragged (moved or resized), or slots
//! selected down one column; and Esc on a visit, which also cancels its drag. The drag
//! itself is kept out of Yew's state ([`super::pointer`]), so it redraws only the block.
use std::cell::RefCell;
use std::rc::Rc;

use helpdesk_core::agenda::minute_at;
use helpdesk_core::work_order::Slot;
use web_sys::{HtmlElement, KeyboardEvent, PointerEvent};
use yew::prelude::*;

use super::items::Item;
use super::pointer::{Drag, Geometry, Selecting, Session};
use super::state::{Change, KeyAction, Target};
use super::time_grid::TimeGridProps;
use super::visit_block::Grab;
use super::visit_keys::on_visit_key;

/// The grid's handlers of the pointer, and of the keys on its visits.
pub struct GridPointer {
    /// A block grabbed.
    pub ongrab: Callback<Grab>,
    pub onpointerdown: Callback<PointerEvent>,
    pub onpointermove: Callback<PointerEvent>,
    pub onpointerup: Callback<PointerEvent>,
    pub onpointercancel: Callback<PointerEvent>,
    /// A key on a visit.
    pub onvisitkey: Callback<(KeyboardEvent, Item)>,
}

/// The pointer on the grid whose columns' overlay is `overlay` and whose selection is
/// drawn in `selection_box`.
#[hook]
pub fn use_grid_pointer(
    props: &TimeGridProps,
    overlay: &NodeRef,
    selection_box: &NodeRef,
) -> GridPointer {
    let session = use_mut_ref(|| None::<Session>);
    let count = props.columns.len();
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
    let ender = Ender {
        session: session.clone(),
        onkey: props.onkey.clone(),
        onoutside: props.onoutside.clone(),
        onchange: props.onchange.clone(),
    };
    let onpointerup = {
        let ender = ender.clone();
        Callback::from(move |_: PointerEvent| ender.end(true))
    };
    let onpointercancel = {
        let ender = ender.clone();
        Callback::from(move |_: PointerEvent| ender.end(false))
    };
    let onvisitkey = {
        let editing = props.editing;
        Callback::from(move |(event, item): (KeyboardEvent, Item)| {
            ender.on_visit_key(&event, &item, editing);
        })
    };
    GridPointer {
        ongrab,
        onpointerdown,
        onpointermove,
        onpointerup,
        onpointercancel,
        onvisitkey,
    }
}

/// What ends a session, and where its outcome goes.
#[derive(Clone)]
struct Ender {
    session: Rc<RefCell<Option<Session>>>,
    onkey: Callback<KeyAction>,
    onoutside: Callback<()>,
    onchange: Callback<Change>,
}

impl Ender {
    /// Ends what the pointer was doing: a drop proposes its change (or says it was
    /// outside), a selection becomes the chosen slot. `commit` is false when the pointer
    /// was cancelled.
    fn end(&self, commit: bool) {
        let Some(ended) = self.session.borrow_mut().take() else {
            return;
        };
        match ended {
            Session::Drag(drag) => match drag.finish() {
                Ok(Some(change)) if commit => self.onchange.emit(change),
                Err(()) if commit => self.onoutside.emit(()),
                _ => {}
            },
            Session::Select(selecting) => {
                let _ = selecting.element.remove_attribute("data-selecting");
                if commit {
                    self.onkey.emit(KeyAction::Select(Some(selecting.slot)));
                }
            }
        }
    }

    /// Keys on a visit: Esc also cancels a drag; the rest as in every view.
    fn on_visit_key(&self, event: &KeyboardEvent, item: &Item, editing: Option<Target>) {
        if event.key() == "Escape" && self.session.borrow().is_some() {
            event.prevent_default();
            event.stop_propagation();
            self.end(false);
            return;
        }
        on_visit_key(event, item, editing, &self.onkey, &self.onchange);
    }
}
