//! A labelled `<select>` with its error.
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::labelled::Labelled;

/// Props of [`SelectField`].
#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    /// The `<select>`'s `id`, named by the label's `for`.
    pub id: AttrValue,
    /// The label's text.
    pub label: AttrValue,
    /// Adds `<span class="required"> *</span>` to the label.
    #[prop_or_default]
    pub required: bool,
    /// The field's name in errors (its message's `data-field`); the `id` when not given.
    #[prop_or_default]
    pub field: Option<AttrValue>,
    /// The field's error: shown under it, and the `<select>` marked `aria-invalid`.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// `data-autofocus="true"`: the first field a step or a dialog focuses.
    #[prop_or_default]
    pub autofocus: bool,
    #[prop_or_default]
    pub disabled: bool,
    /// The value of the option chosen.
    pub onchange: Callback<String>,
    /// Classes added to `div.field`.
    #[prop_or_default]
    pub class: Classes,
    /// No `div.field` around: the label, the `<select>` and the error go into the parent.
    #[prop_or_default]
    pub bare: bool,
    /// What goes between the `<select>` and its error (a note, a button).
    #[prop_or_default]
    pub after: Html,
    /// The `<option>`s.
    #[prop_or_default]
    pub children: Html,
}

/// `div.field` with `label[for]`, `select#id` and its [`FieldError`](super::FieldError).
#[function_component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let labelled = Labelled {
        id: &props.id,
        label: &props.label,
        required: props.required,
        field: props.field.as_ref(),
        error: &props.error,
        class: &props.class,
        bare: props.bare,
        after: &props.after,
    };
    labelled.around(html! {
        <select
            id={props.id.clone()}
            data-autofocus={props.autofocus.then_some("true")}
            disabled={props.disabled}
            aria-invalid={labelled.invalid()}
            onchange={props.onchange.reform(|event: Event| {
                event.target_unchecked_into::<HtmlSelectElement>().value()
            })}
        >
            { props.children.clone() }
        </select>
    })
}
