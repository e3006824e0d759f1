//! Keys on a visit, in every view: arrows move it (Shift+arrows resize it) without saving,
//! Enter saves where it is shown, Esc puts it back.
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use super::items::Item;
use super::keys::arrow_of;
use super::state::{Change, KeyAction, Target};

/// Handles `event` on `item` (`editing`: the visit being moved with the keys, if any):
/// the keys' steps go to `onkey`, the change Enter saves to `onchange`.
pub fn on_visit_key(
    event: &KeyboardEvent,
    item: &Item,
    editing: Option<Target>,
    onkey: &Callback<KeyAction>,
    onchange: &Callback<Change>,
) {
    if let Some(arrow) = arrow_of(&event.key()) {
        event.prevent_default();
        event.stop_propagation();
        onkey.emit(KeyAction::EditKey(
            item.target,
            item.own,
            arrow,
            event.shift_key(),
        ));
        return;
    }
    if editing != Some(item.target) {
        return;
    }
    match event.key().as_str() {
        "Enter" => {
            event.prevent_default();
            event.stop_propagation();
            onkey.emit(KeyAction::StopEditing);
            if item.slot != item.own {
                onchange.emit(Change {
                    target: item.target,
                    from: item.own,
                    to: item.slot,
                    undo: false,
                });
            }
        }
        "Escape" => {
            event.prevent_default();
            event.stop_propagation();
            onkey.emit(KeyAction::StopEditing);
        }
        _ => {}
    }
}

/// Keeps the keyboard's focus on the visit being moved with the keys: its element may be
/// drawn anew elsewhere (another column, another day) after each step.
#[hook]
pub fn use_focus_on_edited(root: &NodeRef, editing: Option<Target>, items: &Rc<Vec<Item>>) {
    let root = root.clone();
    let editing = editing.map(Target::dom_id);
    use_effect_with((editing, items.clone()), move |(editing, _)| {
        if let (Some(id), Some(root)) = (editing, root.cast::<HtmlElement>()) {
            focus_visit(&root, id);
        }
    });
}

/// Focuses the first element of visit `id` under `root`, unless it has the focus already.
fn focus_visit(root: &HtmlElement, id: &str) {
    let selector = format!("[data-visit-id=\"{id}\"]");
    let Ok(Some(found)) = root.query_selector(&selector) else {
        return;
    };
    let active = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element());
    if active.is_some_and(|active| active.is_same_node(Some(&found))) {
        return;
    }
    if let Ok(element) = found.dyn_into::<HtmlElement>() {
        let _ = element.focus();
    }
}
