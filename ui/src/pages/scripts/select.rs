//! A `<select>` whose chosen option always follows the state, even after the author picked
//! another one that the state turned into something else ("Nova pergunta…" becomes the new
//! question): the `selected` attribute alone does not move a selection the user changed.
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`SyncedSelect`].
#[derive(Properties, PartialEq)]
pub struct SyncedSelectProps {
    #[prop_or_default]
    pub id: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    /// The option chosen, by `value`.
    pub value: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub invalid: bool,
    /// The value of the option the author picked.
    pub onchange: Callback<String>,
    /// The `<option>`s.
    pub children: Html,
}

/// `<select>` set to `value` after every render.
#[function_component]
pub fn SyncedSelect(props: &SyncedSelectProps) -> Html {
    let select_ref = use_node_ref();
    {
        let (select_ref, value) = (select_ref.clone(), props.value.clone());
        use_effect(move || {
            if let Some(select) = select_ref.cast::<HtmlSelectElement>() {
                if select.value() != value.as_str() {
                    select.set_value(&value);
                }
            }
        });
    }
    let onchange = props
        .onchange
        .reform(|event: Event| event.target_unchecked_into::<HtmlSelectElement>().value());
    html! {
        <select
            id={props.id.clone()}
            class={props.class.clone()}
            aria-label={props.label.clone()}
            aria-invalid={props.invalid.then_some("true")}
            ref={select_ref}
            {onchange}
        >
            { props.children.clone() }
        </select>
    }
}
