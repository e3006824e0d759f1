//! Where the keyboard goes in the script editor: to the first wrong field after a refused
//! "Publicar", and to the field a change asked for (a new question, a new answer, a
//! problem clicked).
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::editor_state::FocusTarget;
use crate::dom::focus;

/// The editor's fields the focus goes to after a refusal.
#[derive(Clone, PartialEq)]
pub struct EditorRefs {
    /// The whole editor, to find the problems and the questions' fields in.
    pub editor: NodeRef,
    pub name: NodeRef,
    pub keywords: NodeRef,
    pub publish: NodeRef,
}

/// After each refusal (`refusals` raised), focuses the name when it is wrong, else the
/// keywords when they are, else the first problem, else "Publicar".
#[hook]
pub fn use_refusal_focus(refs: &EditorRefs, refusals: u32, name_wrong: bool, keywords_wrong: bool) {
    let refs = refs.clone();
    let handled = use_mut_ref(|| refusals);
    use_effect_with(refusals, move |refusals| {
        if *handled.borrow() != *refusals {
            *handled.borrow_mut() = *refusals;
            if name_wrong {
                focus(&refs.name);
            } else if keywords_wrong {
                focus(&refs.keywords);
            } else if !focus_selector(&refs.editor, "#problemas button:not([disabled])") {
                focus(&refs.publish);
            }
        }
    });
}

/// Moves the keyboard to `target` each time `focuses` is raised.
#[hook]
pub fn use_requested_focus(editor: &NodeRef, target: Option<FocusTarget>, focuses: u32) {
    let editor = editor.clone();
    let handled = use_mut_ref(|| focuses);
    use_effect_with(focuses, move |focuses| {
        if *handled.borrow() != *focuses {
            *handled.borrow_mut() = *focuses;
            let selector = match target {
                Some(FocusTarget::Question) => "#no-pergunta".to_owned(),
                Some(FocusTarget::OptionLabel(option)) => {
                    format!("#opcoes li[data-option-index=\"{option}\"] .opcao-rotulo")
                }
                None => return,
            };
            focus_selector(&editor, &selector);
        }
    });
}

/// Focuses the first element inside `root` matching `selector`; `false` when there is none.
fn focus_selector(root: &NodeRef, selector: &str) -> bool {
    let element = root
        .cast::<HtmlElement>()
        .and_then(|root| root.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    match element {
        Some(element) => {
            // An element that cannot take focus is simply left alone.
            let _ = element.focus();
            true
        }
        None => false,
    }
}
