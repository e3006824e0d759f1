//! A labelled text field, one line (`<input>`) or several (`<textarea>`), with its error.
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::labelled::Labelled;

/// Props of [`TextField`].
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The control's `id`, named by the label's `for`.
    pub id: AttrValue,
    /// The label's text.
    pub label: AttrValue,
    /// Adds `<span class="required"> *</span>` to the label.
    #[prop_or_default]
    pub required: bool,
    /// The field's name in errors (its message's `data-field`); the `id` when not given.
    #[prop_or_default]
    pub field: Option<AttrValue>,
    /// The field's error: shown under it, and the control marked `aria-invalid`.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub value: AttrValue,
    /// The `<input>`'s `type`.
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    /// Several lines: a `<textarea>` with this many rows instead of an `<input>`.
    #[prop_or_default]
    pub rows: Option<u32>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    #[prop_or_default]
    pub maxlength: Option<AttrValue>,
    /// `data-autofocus="true"`: the first field a step or a dialog focuses.
    #[prop_or_default]
    pub autofocus: bool,
    #[prop_or_default]
    pub disabled: bool,
    #[prop_or_default]
    pub node_ref: NodeRef,
    /// The text as typed.
    pub oninput: Callback<String>,
    #[prop_or_default]
    pub onfocus: Option<Callback<FocusEvent>>,
    /// Classes added to `div.field`.
    #[prop_or_default]
    pub class: Classes,
    /// No `div.field` around: the label, the control and the error go into the parent.
    #[prop_or_default]
    pub bare: bool,
    /// What goes between the control and its error (a note, a checkbox).
    #[prop_or_default]
    pub after: Html,
}

/// `div.field` with `label[for]`, `input#id` (or `textarea#id`) and its
/// [`FieldError`](super::FieldError).
#[function_component]
pub fn TextField(props: &TextFieldProps) -> Html {
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
    let control = match props.rows {
        Some(rows) => html! {
            <textarea
                id={props.id.clone()}
                rows={rows.to_string()}
                maxlength={props.maxlength.clone()}
                placeholder={props.placeholder.clone()}
                data-autofocus={props.autofocus.then_some("true")}
                disabled={props.disabled}
                ref={props.node_ref.clone()}
                value={props.value.clone()}
                aria-invalid={labelled.invalid()}
                oninput={props.oninput.reform(|event: InputEvent| {
                    event.target_unchecked_into::<HtmlTextAreaElement>().value()
                })}
                onfocus={props.onfocus.clone()}
            />
        },
        None => html! {
            <input
                id={props.id.clone()}
                type={props.kind.clone()}
                inputmode={props.inputmode.clone()}
                autocomplete={props.autocomplete.clone()}
                maxlength={props.maxlength.clone()}
                placeholder={props.placeholder.clone()}
                data-autofocus={props.autofocus.then_some("true")}
                disabled={props.disabled}
                ref={props.node_ref.clone()}
                value={props.value.clone()}
                aria-invalid={labelled.invalid()}
                oninput={props.oninput.reform(|event: InputEvent| {
                    event.target_unchecked_into::<HtmlInputElement>().value()
                })}
                onfocus={props.onfocus.clone()}
            />
        },
    };
    labelled.around(control)
}
