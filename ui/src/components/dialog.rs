//! A modal dialog: keyboard-first, it keeps the focus inside until it closes.
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// What the Tab key can reach inside a dialog.
const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]):not([type=\"hidden\"]), \
     select:not([disabled]), textarea:not([disabled]), a[href], \
     [tabindex]:not([tabindex=\"-1\"])";
/// Where the focus goes first when a dialog opens: its first form field, else its first
/// button, else whatever else takes the focus.
const FORM_FIELDS: &str = "input:not([disabled]):not([type=\"hidden\"]), \
     select:not([disabled]), textarea:not([disabled])";
const BUTTONS: &str = "button:not([disabled])";

/// Props of [`Dialog`].
#[derive(Properties, PartialEq)]
pub struct DialogProps {
    /// The dialog box's `id`; its title gets `<id>-titulo`.
    pub id: AttrValue,
    /// The title, in an `h3`, which also names the dialog for screen readers.
    pub title: AttrValue,
    /// Called on Esc; the owner closes the dialog (by no longer rendering it).
    pub onclose: Callback<()>,
    /// The content, laid out with the classes `dialog-body` (scrolls) and `dialog-footer`
    /// (the buttons); a `<form class="dialog-form">` may hold both.
    #[prop_or_default]
    pub children: Html,
}

/// `div.dialog-backdrop > div.dialog[role=dialog][aria-modal=true]`.
///
/// When it opens, the focus moves to its first form field (else its first button); Tab and
/// Shift+Tab wrap around inside it; Esc calls `onclose`; when it closes, the focus returns
/// to the element that had it (the button that opened it). Clicking the backdrop does
/// nothing, so a stray click never loses what was typed. Keys pressed inside do not reach
/// the page's own key handlers (the wizard's Enter → "Avançar").
#[function_component]
pub fn Dialog(props: &DialogProps) -> Html {
    let dialog_ref = use_node_ref();
    {
        let dialog_ref = dialog_ref.clone();
        use_effect_with((), move |_| {
            let opener =
                active_element().and_then(|element| element.dyn_into::<HtmlElement>().ok());
            if let Some(dialog) = dialog_ref.cast::<Element>() {
                let first = [FORM_FIELDS, BUTTONS, FOCUSABLE]
                    .into_iter()
                    .find_map(|selector| first_match(&dialog, selector));
                if let Some(first) = first {
                    // An element that cannot take focus is simply left alone.
                    let _ = first.focus();
                }
            }
            move || {
                if let Some(opener) = opener.filter(|opener| opener.is_connected()) {
                    let _ = opener.focus();
                }
            }
        });
    }
    {
        // Listened to on the document, in the capture phase, so Esc and Tab work even when
        // the focus was lost (a clicked backdrop, a button disabled while saving).
        let dialog_ref = dialog_ref.clone();
        use_effect_with(props.onclose.clone(), move |onclose| {
            let onclose = onclose.clone();
            let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |event: KeyboardEvent| {
                on_document_key(&event, &dialog_ref, &onclose);
            });
            let document = web_sys::window().and_then(|window| window.document());
            if let Some(document) = &document {
                let _ = document.add_event_listener_with_callback_and_bool(
                    "keydown",
                    listener.as_ref().unchecked_ref(),
                    true,
                );
            }
            move || {
                if let Some(document) = document {
                    let _ = document.remove_event_listener_with_callback_and_bool(
                        "keydown",
                        listener.as_ref().unchecked_ref(),
                        true,
                    );
                }
                drop(listener);
            }
        });
    }
    let isolate = Callback::from(|event: KeyboardEvent| event.stop_propagation());
    let title_id = format!("{}-titulo", props.id);
    html! {
        <div class="dialog-backdrop">
            <div
                id={props.id.clone()}
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby={title_id.clone()}
                data-own-escape=""
                ref={dialog_ref}
                onkeydown={isolate}
            >
                <h3 id={title_id} class="dialog-title">{ props.title.clone() }</h3>
                { props.children.clone() }
            </div>
        </div>
    }
}

/// Esc closes; Tab wraps around the dialog's focusable elements.
/// Whether Esc belongs to a widget inside the dialog that uses it itself (marked
/// `data-own-escape`, e.g. the agenda cancelling a drag, or a dialog opened over this one):
/// the dialog then stays open. A dialog opened by that widget still closes on its own Esc.
fn handled_inside(event: &KeyboardEvent, dialog: &Element) -> bool {
    event
        .target_dyn_into::<Element>()
        .and_then(|target| target.closest("[data-own-escape]").ok().flatten())
        .is_some_and(|owner| !owner.is_same_node(Some(dialog)) && dialog.contains(Some(&owner)))
}

fn on_document_key(event: &KeyboardEvent, dialog: &NodeRef, onclose: &Callback<()>) {
    let Some(dialog) = dialog.cast::<Element>() else {
        return;
    };
    if event.is_composing() {
        return;
    }
    match event.key().as_str() {
        "Escape" if handled_inside(event, &dialog) => {}
        "Escape" => {
            event.prevent_default();
            event.stop_propagation();
            onclose.emit(());
        }
        "Tab" => {
            let focusable = all_matches(&dialog, FOCUSABLE);
            let active = active_element();
            let position = active.as_ref().and_then(|active| {
                focusable
                    .iter()
                    .position(|element| element.is_same_node(Some(active)))
            });
            match wrap_target(focusable.len(), position, event.shift_key()) {
                Wrap::Browser => {}
                Wrap::Stay => event.prevent_default(),
                Wrap::To(index) => {
                    event.prevent_default();
                    if let Some(element) = focusable.get(index) {
                        let _ = element.focus();
                    }
                }
            }
        }
        _ => {}
    }
}

/// Where Tab moves the focus among a dialog's focusable elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wrap {
    /// The browser's own move stays inside.
    Browser,
    /// Nothing inside can take the focus: it stays where it is.
    Stay,
    /// To the element at this index.
    To(usize),
}

/// The move for Tab (Shift+Tab when `backwards`) among `count` elements, with the focus on
/// the one at `position` (`None`: on something else, inside the dialog or not).
fn wrap_target(count: usize, position: Option<usize>, backwards: bool) -> Wrap {
    let last = match count.checked_sub(1) {
        Some(last) => last,
        None => return Wrap::Stay,
    };
    match (position, backwards) {
        (None, false) => Wrap::To(0),
        (None, true) => Wrap::To(last),
        (Some(0), true) => Wrap::To(last),
        (Some(at), false) if at == last => Wrap::To(0),
        _ => Wrap::Browser,
    }
}

fn active_element() -> Option<Element> {
    web_sys::window()?.document()?.active_element()
}

fn first_match(root: &Element, selector: &str) -> Option<HtmlElement> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
}

fn all_matches(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_wraps_from_the_last_to_the_first() {
        assert_eq!(wrap_target(3, Some(2), false), Wrap::To(0));
        assert_eq!(wrap_target(3, Some(0), false), Wrap::Browser);
        assert_eq!(wrap_target(3, Some(1), false), Wrap::Browser);
    }

    #[test]
    fn shift_tab_wraps_from_the_first_to_the_last() {
        assert_eq!(wrap_target(3, Some(0), true), Wrap::To(2));
        assert_eq!(wrap_target(3, Some(2), true), Wrap::Browser);
    }

    #[test]
    fn a_lost_focus_comes_back_inside() {
        assert_eq!(wrap_target(3, None, false), Wrap::To(0));
        assert_eq!(wrap_target(3, None, true), Wrap::To(2));
        assert_eq!(wrap_target(1, Some(0), false), Wrap::To(0));
        assert_eq!(wrap_target(1, Some(0), true), Wrap::To(0));
        assert_eq!(wrap_target(0, None, false), Wrap::Stay);
    }
}
