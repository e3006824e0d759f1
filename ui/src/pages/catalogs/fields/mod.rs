//! The fields of each catalog's form, one component per catalog, and what they share: the
//! field names (the `data-field` of their messages, as the shell gives them), the props,
//! and the helpers that draw a text field, a checkbox and a `<select>` of entries.
mod named;
mod people;
mod plan;
mod routing_point;
mod ticket_type;
mod work_order;

use helpdesk_api::{CatalogFields, CommandError, Uuid};
use yew::prelude::*;

use super::entries::{set_name, Choice, NONE};
use crate::components::{message_at, FieldError, TextField};

pub use named::{NameOnlyFields, RoleFields};
pub use people::TechnicianFields;
pub use plan::PlanFields;
pub use routing_point::RoutingPointFields;
pub use ticket_type::TicketTypeFields;
pub use work_order::{WorkOrderStatusFields, WorkOrderTypeFields};

/// The field names of the catalog forms (the core's, which the shell answers at).
pub use helpdesk_core::catalog::fields as names;

/// Props of every catalog's fields.
#[derive(Properties, PartialEq)]
pub struct KindFieldsProps {
    /// The entry as typed.
    pub fields: CatalogFields,
    /// What is wrong, each at its field.
    pub errors: Vec<CommandError>,
    /// Called with the entry changed and the name of the field changed.
    pub onchange: Callback<(CatalogFields, &'static str)>,
}

impl KindFieldsProps {
    /// A callback that applies what was given to a copy of the entry and reports it.
    fn change<T: 'static>(
        &self,
        field: &'static str,
        apply: fn(&mut CatalogFields, T),
    ) -> Callback<T> {
        let (fields, onchange) = (self.fields.clone(), self.onchange.clone());
        Callback::from(move |value: T| {
            let mut next = fields.clone();
            apply(&mut next, value);
            onchange.emit((next, field));
        })
    }

    /// A labelled text field of the entry, marked as required (the core refuses it empty).
    pub fn text(
        &self,
        field: &'static str,
        label: &'static str,
        value: &str,
        apply: fn(&mut CatalogFields, String),
    ) -> Html {
        self.text_field(field, label, value, apply, true)
    }

    /// A labelled text field of the entry that may stay empty.
    pub fn optional_text(
        &self,
        field: &'static str,
        label: &'static str,
        value: &str,
        apply: fn(&mut CatalogFields, String),
    ) -> Html {
        self.text_field(field, label, value, apply, false)
    }

    fn text_field(
        &self,
        field: &'static str,
        label: &'static str,
        value: &str,
        apply: fn(&mut CatalogFields, String),
        required: bool,
    ) -> Html {
        html! {
            <TextField id={field} {label} {required} value={value.to_owned()} autocomplete="off"
                error={message_at(&self.errors, field)} oninput={self.change(field, apply)} />
        }
    }

    /// "Nome", which every catalog has.
    pub fn name(&self) -> Html {
        html! {
            <TextField id={names::NAME} label="Nome" required=true autocomplete="off"
                value={self.fields.name().to_owned()}
                error={message_at(&self.errors, names::NAME)}
                oninput={self.change(names::NAME, set_name)} />
        }
    }

    /// A checkbox of the entry.
    pub fn check(
        &self,
        field: &'static str,
        label: &'static str,
        checked: bool,
        apply: fn(&mut CatalogFields, bool),
    ) -> Html {
        let onchange = self.change(field, apply).reform(|event: Event| {
            event
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked()
        });
        html! {
            <div class="field checkbox-field">
                <label for={field}>
                    <input id={field} type="checkbox" {checked} {onchange} />
                    { label }
                </label>
                <FieldError {field} message={message_at(&self.errors, field)} />
            </div>
        }
    }

    /// The message at `field`, if any.
    pub fn error(&self, field: &str) -> Option<AttrValue> {
        message_at(&self.errors, field)
    }
}

/// The `<option>`s of a `<select>` of entries: `none` first (the value [`NONE`]), then
/// `choices`, `chosen` selected.
pub fn options(none: &'static str, choices: &[Choice], chosen: Option<Uuid>) -> Html {
    html! {
        <>
            <option value={NONE} selected={chosen.is_none()}>{ none }</option>
            { for choices.iter().map(|choice| html! {
                <option key={choice.id.to_string()} value={choice.id.to_string()}
                    selected={chosen == Some(choice.id)}>
                    { choice.label.clone() }
                </option>
            }) }
        </>
    }
}
