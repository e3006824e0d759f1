//! The window's keyboard shortcuts (the list is `helpdesk_core::shortcuts`): the document's
//! key handler and the help overlay `#atalhos` that lists them.
use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use helpdesk_core::shortcuts::{
    action_for, KeyPress, ShortcutAction, HELP_DESCRIPTION, HELP_KEYS, SHORTCUTS,
};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::components::Dialog;

/// Calls `onaction` with each shortcut pressed in the window (not inside a dialog, which
/// keeps its keys), the browser's own use of the key prevented.
#[hook]
pub fn use_shortcuts(onaction: Callback<ShortcutAction>) {
    // The listener is added once; it calls the latest callback.
    let latest = use_mut_ref(|| onaction.clone());
    *latest.borrow_mut() = onaction;
    use_effect_with((), move |_| {
        let listener = web_sys::window()
            .and_then(|window| window.document())
            .map(|document| listen(&document, latest));
        move || drop(listener)
    });
}

fn listen(
    document: &web_sys::Document,
    latest: Rc<RefCell<Callback<ShortcutAction>>>,
) -> EventListener {
    EventListener::new(document, "keydown", move |event| {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        if event.default_prevented() {
            return;
        }
        let (key, code) = (event.key(), event.code());
        let press = KeyPress {
            key: &key,
            code: &code,
            alt: event.alt_key(),
            ctrl: event.ctrl_key(),
            meta: event.meta_key(),
            in_text_field: focus_in_text_field(),
        };
        if let Some(action) = action_for(&press) {
            event.prevent_default();
            latest.borrow().emit(action);
        }
    })
}

/// Whether the focus is where text is typed (a text `<input>`, a `<textarea>`).
fn focus_in_text_field() -> bool {
    let Some(active) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element())
    else {
        return false;
    };
    if active.tag_name().eq_ignore_ascii_case("textarea") {
        return true;
    }
    active.dyn_ref::<HtmlInputElement>().is_some_and(|input| {
        !matches!(
            input.type_().as_str(),
            "checkbox" | "radio" | "button" | "submit" | "reset" | "file" | "color" | "range"
        )
    })
}

/// Props of [`ShortcutHelp`].
#[derive(Properties, PartialEq)]
pub struct ShortcutHelpProps {
    /// Esc or "Fechar".
    pub onclose: Callback<()>,
}

/// The dialog `#atalhos`: a `table#atalhos-lista` of every shortcut and its key.
#[function_component]
pub fn ShortcutHelp(props: &ShortcutHelpProps) -> Html {
    let row = |keys: &'static str, description: &'static str| {
        html! {
            <tr>
                <td><kbd>{ keys }</kbd></td>
                <td>{ description }</td>
            </tr>
        }
    };
    html! {
        <Dialog id="atalhos" title="Atalhos do teclado" onclose={props.onclose.clone()}>
            <div class="dialog-body">
                <table id="atalhos-lista" class="grid static shortcuts">
                    <thead><tr><th>{ "Tecla" }</th><th>{ "Ação" }</th></tr></thead>
                    <tbody>
                        { for SHORTCUTS.iter().map(|shortcut| row(shortcut.keys, shortcut.description)) }
                        { row(HELP_KEYS, HELP_DESCRIPTION) }
                    </tbody>
                </table>
            </div>
            <div class="dialog-footer">
                <button id="atalhos-fechar" type="button" class="primary"
                    onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Fechar" }</button>
            </div>
        </Dialog>
    }
}
