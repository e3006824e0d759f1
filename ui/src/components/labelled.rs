//! What every labelled form field shares: the `div.field` around it, its `<label for>`
//! (with ` *` when required), the control, and the field's error under it.
use yew::prelude::*;

use super::field_error::FieldError;

/// The parts of a field around its control.
pub struct Labelled<'a> {
    /// The control's `id`, named by the label's `for`.
    pub id: &'a AttrValue,
    pub label: &'a AttrValue,
    pub required: bool,
    /// The field's name in errors; the `id` when `None`.
    pub field: Option<&'a AttrValue>,
    pub error: &'a Option<AttrValue>,
    /// Classes added to `div.field`.
    pub class: &'a Classes,
    /// No `div.field`: the parts go straight into the parent.
    pub bare: bool,
    /// What goes between the control and the error.
    pub after: &'a Html,
}

impl Labelled<'_> {
    /// `aria-invalid` of the control: set while the field has an error.
    pub fn invalid(&self) -> Option<&'static str> {
        self.error.is_some().then_some("true")
    }

    /// The label, `control`, what goes after it and the error, in a `div.field` unless bare.
    pub fn around(&self, control: Html) -> Html {
        let parts = html! {
            <>
                <label for={self.id.clone()}>
                    { self.label.clone() }
                    if self.required {
                        <span class="required">{ " *" }</span>
                    }
                </label>
                { control }
                { self.after.clone() }
                <FieldError
                    field={self.field.unwrap_or(self.id).clone()}
                    message={self.error.clone()}
                />
            </>
        };
        if self.bare {
            parts
        } else {
            html! { <div class={classes!("field", self.class.clone())}>{ parts }</div> }
        }
    }
}
