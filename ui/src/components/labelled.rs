//! What every labelled form field shares: its props ([`field_props!`]) and its frame
//! ([`Labelled`]): the `div.field` around it, its `<label for>` (with ` *` when required),
//! the control, and the field's error under it.
use yew::prelude::*;

use super::field_error::FieldError;

/// Declares the props of a labelled field: the props every field has, then the
/// control's own (given in the braces), and `labelled()`, the frame around the control.
/// In the braces, a default is `#[prop_or_default]`: `#[prop_or(..)]` and
/// `#[prop_or_else(..)]` do not compile through a `macro_rules!`.
macro_rules! field_props {
    ($(#[$meta:meta])* pub struct $name:ident { $($own:tt)* }) => {
        // Inside a `macro_rules!`, the setters `Properties` derives for props no caller
        // sets yet count as dead code (they do not when written out).
        #[allow(dead_code)]
        mod props {
            use super::*;

            $(#[$meta])*
            #[derive(Properties, PartialEq)]
            pub struct $name {
                /// The control's `id`, named by the label's `for`.
                pub id: AttrValue,
                /// The label's text.
                pub label: AttrValue,
                /// Adds `<span class="required"> *</span>` to the label.
                #[prop_or_default]
                pub required: bool,
                /// The label's ` *` is hidden from screen readers (`aria-hidden`).
                #[prop_or_default]
                pub asterisk_hidden: bool,
                /// The field's name in errors (its message's `data-field`); the `id` when not
                /// given.
                #[prop_or_default]
                pub field: Option<AttrValue>,
                /// The field's error: shown under it, and the control marked `aria-invalid`.
                #[prop_or_default]
                pub error: Option<AttrValue>,
                /// The error is shown elsewhere (in `after`, or below the form): the control
                /// stays `aria-invalid`, but no message is rendered under it.
                #[prop_or_default]
                pub hide_error: bool,
                /// `data-autofocus="true"`: the first field a step or a dialog focuses.
                #[prop_or_default]
                pub autofocus: bool,
                #[prop_or_default]
                pub disabled: bool,
                /// Classes added to `div.field`.
                #[prop_or_default]
                pub class: Classes,
                /// No `div.field` around: the label, the control and the error go into the
                /// parent.
                #[prop_or_default]
                pub bare: bool,
                /// What goes between the control and its error (a note, a button).
                #[prop_or_default]
                pub after: Html,
                $($own)*
            }

            impl $name {
                /// The frame around the control.
                pub(super) fn labelled(&self) -> crate::components::labelled::Labelled<'_> {
                    crate::components::labelled::Labelled {
                        id: &self.id,
                        label: &self.label,
                        required: self.required,
                        asterisk_hidden: self.asterisk_hidden,
                        field: self.field.as_ref(),
                        error: &self.error,
                        hide_error: self.hide_error,
                        class: &self.class,
                        bare: self.bare,
                        after: &self.after,
                    }
                }

                /// `data-autofocus` of the control.
                pub(super) fn autofocus_attribute(&self) -> Option<&'static str> {
                    self.autofocus.then_some("true")
                }
            }
        }
        pub use props::$name;
    };
}
pub(crate) use field_props;

/// The parts of a field around its control.
pub struct Labelled<'a> {
    /// The control's `id`, named by the label's `for`.
    pub id: &'a AttrValue,
    pub label: &'a AttrValue,
    pub required: bool,
    /// The ` *` is `aria-hidden`.
    pub asterisk_hidden: bool,
    /// The field's name in errors; the `id` when `None`.
    pub field: Option<&'a AttrValue>,
    pub error: &'a Option<AttrValue>,
    /// The error is not rendered here (it is shown elsewhere); the control stays invalid.
    pub hide_error: bool,
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
                        <span class="required" aria-hidden={self.asterisk_hidden.then_some("true")}>
                            { " *" }
                        </span>
                    }
                </label>
                { control }
                { self.after.clone() }
                if !self.hide_error {
                    <FieldError
                        field={self.field.unwrap_or(self.id).clone()}
                        message={self.error.clone()}
                    />
                }
            </>
        };
        if self.bare {
            parts
        } else {
            html! { <div class={classes!("field", self.class.clone())}>{ parts }</div> }
        }
    }
}
