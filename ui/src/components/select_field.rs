//! A labelled `<select>` with its error.
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::labelled::field_props;

field_props! {
    /// Props of [`SelectField`].
    pub struct SelectFieldProps {
        /// The value of the option chosen.
        pub onchange: Callback<String>,
        #[prop_or_default]
        pub node_ref: NodeRef,
        /// The `<option>`s.
        #[prop_or_default]
        pub children: Html,
    }
}

/// `div.field` with `label[for]`, `select#id` and its [`FieldError`](super::FieldError).
#[function_component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let labelled = props.labelled();
    labelled.around(html! {
        <select
            id={props.id.clone()}
            data-autofocus={props.autofocus_attribute()}
            disabled={props.disabled}
            ref={props.node_ref.clone()}
            aria-invalid={labelled.invalid()}
            onchange={props.onchange.reform(|event: Event| {
                event.target_unchecked_into::<HtmlSelectElement>().value()
            })}
        >
            { props.children.clone() }
        </select>
    })
}
