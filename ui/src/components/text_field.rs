//! A labelled text field, one line (`<input>`) or several (`<textarea>`), with its error.
use helpdesk_core::br::mask::{self as br_mask, Mask};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::labelled::field_props;
use super::DatePicker;

field_props! {
    /// Props of [`TextField`].
    pub struct TextFieldProps {
        pub value: AttrValue,
        /// The `<input>`'s `type`; `text` when not given.
        #[prop_or_default]
        pub kind: Option<AttrValue>,
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
        /// The `id` of the `<datalist>` an `<input>` suggests from.
        #[prop_or_default]
        pub list: Option<AttrValue>,
        /// The control's own `required` attribute.
        #[prop_or_default]
        pub required_attribute: bool,
        /// `spellcheck="false"`: codes, identifiers, JSON.
        #[prop_or_default]
        pub no_spellcheck: bool,
        /// The control's `aria-describedby` (a hint's `id`).
        #[prop_or_default]
        pub describedby: Option<AttrValue>,
        /// Classes of the control itself.
        #[prop_or_default]
        pub control_class: Classes,
        #[prop_or_default]
        pub node_ref: NodeRef,
        /// Applied as the operator types or pastes (CPF/CNPJ, CEP, phone), the caret kept
        /// among the same characters; `oninput` then gets the masked text.
        #[prop_or_default]
        pub mask: Option<Mask>,
        /// A date ("dd/mm/aaaa"): a [`DatePicker`](super::DatePicker) beside the input, its
        /// day given to `oninput`.
        #[prop_or_default]
        pub calendar: bool,
        /// The text as typed (masked, with a `mask`).
        pub oninput: Callback<String>,
        #[prop_or_default]
        pub onfocus: Option<Callback<FocusEvent>>,
    }
}

/// `div.field` with `label[for]`, `input#id` (or `textarea#id`) and its
/// [`FieldError`](super::FieldError).
#[function_component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let labelled = props.labelled();
    // The attributes of one control are `None` on the other, so they are left out.
    let (tag, kind, rows) = match props.rows {
        Some(rows) => ("textarea", None, Some(rows.to_string())),
        None => {
            let kind = props.kind.clone().unwrap_or(AttrValue::Static("text"));
            ("input", Some(kind), None)
        }
    };
    let mask = props.mask;
    let single_line = |value: &Option<AttrValue>| value.clone().filter(|_| rows.is_none());
    let control = html! {
        <@{tag}
            id={props.id.clone()}
            class={props.control_class.clone()}
            type={kind}
            rows={rows.clone()}
            inputmode={single_line(&props.inputmode)}
            autocomplete={single_line(&props.autocomplete)}
            list={single_line(&props.list)}
            maxlength={props.maxlength.clone()}
            placeholder={props.placeholder.clone()}
            required={props.required_attribute}
            spellcheck={props.no_spellcheck.then_some("false")}
            data-autofocus={props.autofocus_attribute()}
            disabled={props.disabled}
            ref={props.node_ref.clone()}
            value={props.value.clone()}
            aria-invalid={labelled.invalid()}
            aria-describedby={props.describedby.clone()}
            oninput={props.oninput.reform(move |event| typed(event, mask))}
            onfocus={props.onfocus.clone()}
        />
    };
    if !props.calendar || rows.is_some() {
        return labelled.around(control);
    }
    labelled.around(html! {
        <span class="date-field">
            { control }
            <DatePicker for_id={props.id.clone()} value={props.value.clone()}
                onpick={props.oninput.clone()} disabled={props.disabled} />
        </span>
    })
}

/// The text in the `<input>` or `<textarea>` typed in; with a `mask`, masked in the
/// `<input>` itself, the caret kept.
fn typed(event: InputEvent, mask: Option<Mask>) -> String {
    let target = event.target();
    match target
        .as_ref()
        .and_then(|target| target.dyn_ref::<HtmlTextAreaElement>())
    {
        Some(area) => area.value(),
        None => {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            match mask {
                Some(mask) => apply_mask(&input, mask),
                None => input.value(),
            }
        }
    }
}

/// Masks what `input` holds in place, moving the caret to the same characters; the text.
pub fn apply_mask(input: &HtmlInputElement, mask: Mask) -> String {
    let typed = input.value();
    let masked = mask.apply(&typed);
    if masked != typed {
        let at = input.selection_start().ok().flatten().unwrap_or(0) as usize;
        let caret = br_mask::caret(&masked, &typed, at) as u32;
        input.set_value(&masked);
        // Only inputs of some types have a selection; those are the masked ones.
        let _ = input.set_selection_range(caret, caret);
    }
    masked
}
