//! Small helpers over the DOM and over enum values written into it.
use std::fmt::Debug;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Clipboard, HtmlElement};
use yew::{AttrValue, NodeRef};

/// Moves the keyboard focus to `node`, if it is rendered.
pub fn focus(node: &NodeRef) {
    if let Some(element) = node.cast::<HtmlElement>() {
        // Focusing can only fail on elements that cannot take focus; nothing to do then.
        let _ = element.focus();
    }
}

/// The name of a unit enum variant (`StartsWith`), used as the stable `value` / `data-*`
/// attribute of the element that stands for it.
pub fn variant_name<T: Debug>(value: &T) -> AttrValue {
    AttrValue::from(format!("{value:?}"))
}

/// The value among `all` whose [`variant_name`] is `name`.
pub fn variant_named<T: Debug + Copy>(all: &[T], name: &str) -> Option<T> {
    all.iter()
        .copied()
        .find(|value| variant_name(value) == name)
}

/// The desktop's offset from UTC now, in minutes east (São Paulo: -180).
pub fn local_offset_minutes() -> i32 {
    // JavaScript counts minutes west; the offset is at most a few hundred minutes.
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// Puts `text` on the clipboard; `false` when the page has none (outside a secure context)
/// or it refused, for the caller to select the text instead.
pub async fn copy_text(text: &str) -> bool {
    match clipboard() {
        Some(clipboard) => JsFuture::from(clipboard.write_text(text)).await.is_ok(),
        None => false,
    }
}

/// The page's clipboard, when it has one.
fn clipboard() -> Option<Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    (!clipboard.is_undefined() && !clipboard.is_null()).then(|| clipboard.unchecked_into())
}

#[cfg(test)]
mod tests {
    use helpdesk_core::customer::SearchCondition;
    use helpdesk_core::wizard::Step;

    use super::*;

    #[test]
    fn variant_names_round_trip() {
        assert_eq!(variant_name(&Step::FindCustomer), "FindCustomer");
        for condition in SearchCondition::ALL {
            let name = variant_name(&condition);
            assert_eq!(variant_named(&SearchCondition::ALL, &name), Some(condition));
        }
        assert_eq!(variant_named(&SearchCondition::ALL, "Nope"), None);
    }
}
