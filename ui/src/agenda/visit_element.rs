//! What a visit's element does alike in every view (a block on the time grid, a chip in
//! the month): its classes, the keys pressed on it, and a press of the main button on it.
use web_sys::{HtmlElement, KeyboardEvent, PointerEvent};
use yew::prelude::*;

use super::items::Item;

/// `base`, then `tentative`, `final`, `cancelled` and `editing` where they apply.
pub fn visit_classes(base: &'static str, item: &Item, editing: bool) -> Classes {
    classes!(
        base,
        item.tentative.then_some("tentative"),
        item.is_final.then_some("final"),
        item.cancelled.then_some("cancelled"),
        editing.then_some("editing"),
    )
}

/// Sends each key pressed on the visit's element to `onkey`, with the visit.
pub fn on_keys(onkey: &Callback<(KeyboardEvent, Item)>, item: &Item) -> Callback<KeyboardEvent> {
    let (onkey, item) = (onkey.clone(), item.clone());
    Callback::from(move |event: KeyboardEvent| onkey.emit((event, item.clone())))
}

/// Calls `grab` with a press of the main button and the element in `node`.
pub fn on_press(
    node: &NodeRef,
    grab: impl Fn(PointerEvent, HtmlElement) + 'static,
) -> Callback<PointerEvent> {
    let node = node.clone();
    Callback::from(move |event: PointerEvent| {
        if event.button() != 0 {
            return;
        }
        if let Some(element) = node.cast::<HtmlElement>() {
            grab(event, element);
        }
    })
}

#[cfg(test)]
mod tests {
    use helpdesk_api::Uuid;
    use helpdesk_core::work_order::Slot;

    use super::*;
    use crate::agenda::state::Target;

    fn item(tentative: bool, is_final: bool) -> Item {
        let slot = Slot {
            technician_id: Uuid::nil(),
            starts_at: 0,
            ends_at: 3_600,
        };
        Item {
            target: Target::Tentative,
            slot,
            own: slot,
            customer: "Cliente".into(),
            kind: "Instalação · O.S.".into(),
            status: "Agendada".into(),
            technician: "Técnico".into(),
            color: "#336699".into(),
            tentative,
            is_final,
            cancelled: false,
        }
    }

    #[test]
    fn the_classes_say_what_the_visit_is() {
        assert_eq!(
            visit_classes("visit", &item(false, false), false).to_string(),
            "visit"
        );
        assert_eq!(
            visit_classes("visit-chip", &item(true, true), true).to_string(),
            "visit-chip tentative final editing"
        );
    }
}
