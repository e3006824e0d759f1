//! Keys on the time grid itself (not on a visit): the grid taking the focus starts the
//! keyboard's slot, arrows move it (Shift: longer or shorter), Enter selects it, Esc drops
//! the selection, and leaving the grid hides it.
use helpdesk_core::work_order::Slot;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use super::keys::arrow_of;
use super::state::KeyAction;

/// The grid's handlers of the keyboard and the focus.
pub struct GridKeys {
    pub onkeydown: Callback<KeyboardEvent>,
    pub onfocus: Callback<FocusEvent>,
    pub onblur: Callback<FocusEvent>,
}

/// The keys on `overlay` (when `selectable`), whose keyboard's slot is `cursor`.
#[hook]
pub fn use_grid_keys(
    overlay: &NodeRef,
    selectable: bool,
    cursor: Option<Slot>,
    onkey: &Callback<KeyAction>,
) -> GridKeys {
    let onkeydown = {
        let (overlay, onkey) = (overlay.clone(), onkey.clone());
        Callback::from(move |event: KeyboardEvent| {
            if selectable && on_grid(&overlay, event.target_dyn_into::<HtmlElement>()) {
                on_grid_key(&event, cursor, &onkey);
            }
        })
    };
    let onfocus = {
        let (overlay, onkey) = (overlay.clone(), onkey.clone());
        Callback::from(move |event: FocusEvent| {
            let own = on_grid(&overlay, event.target_dyn_into::<HtmlElement>());
            if selectable && own && cursor.is_none() {
                onkey.emit(KeyAction::FirstCursor);
            }
        })
    };
    let onblur = {
        let (overlay, onkey) = (overlay.clone(), onkey.clone());
        Callback::from(move |event: FocusEvent| {
            if on_grid(&overlay, event.target_dyn_into::<HtmlElement>()) {
                onkey.emit(KeyAction::Cursor(None));
            }
        })
    };
    GridKeys {
        onkeydown,
        onfocus,
        onblur,
    }
}

/// Whether `target` is the grid itself.
fn on_grid(overlay: &NodeRef, target: Option<HtmlElement>) -> bool {
    overlay
        .cast::<HtmlElement>()
        .zip(target)
        .is_some_and(|(root, target)| root.is_same_node(Some(&target)))
}

/// Arrows move the keyboard's slot (Shift: longer or shorter), Enter selects it, Esc drops
/// the selection.
fn on_grid_key(event: &KeyboardEvent, cursor: Option<Slot>, onkey: &Callback<KeyAction>) {
    if let Some(arrow) = arrow_of(&event.key()) {
        event.prevent_default();
        onkey.emit(KeyAction::CursorKey(arrow, event.shift_key()));
        return;
    }
    match event.key().as_str() {
        "Enter" => {
            if let Some(cursor) = cursor {
                event.prevent_default();
                onkey.emit(KeyAction::Select(Some(cursor)));
            }
        }
        "Escape" => onkey.emit(KeyAction::Select(None)),
        _ => {}
    }
}
