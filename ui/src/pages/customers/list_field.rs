//! A labelled list of one-line values (the customer's e-mails, phones): a line each, a
//! button to add one and one to remove each, and the list's error under it.
use helpdesk_core::br::mask::Mask;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::{apply_mask, FieldError};

/// Props of [`ListField`].
#[derive(Properties, PartialEq)]
pub struct ListFieldProps {
    /// Prefix of the inputs' `id`s (`<id>-0`, `<id>-1`, …) and of the buttons'.
    pub id: AttrValue,
    /// The list's name in errors.
    pub field: AttrValue,
    /// The legend ("E-mails").
    pub label: AttrValue,
    /// What one line is called in its buttons ("e-mail").
    pub item: AttrValue,
    /// The `<input>`s' `type` and `inputmode`.
    pub kind: AttrValue,
    pub values: Vec<String>,
    pub error: Option<AttrValue>,
    /// Each line is a phone, masked as it is typed or pasted.
    #[prop_or_default]
    pub phone_mask: bool,
    /// The list as it is after an edit.
    pub onchange: Callback<Vec<String>>,
}

/// `fieldset.list-field` with `input#<id>-N`, `button.remover-linha` per line and
/// `button#<id>-adicionar`.
#[function_component]
pub fn ListField(props: &ListFieldProps) -> Html {
    let line = |(index, value): (usize, &String)| {
        let phone_mask = props.phone_mask;
        let oninput = {
            let (values, onchange) = (props.values.clone(), props.onchange.clone());
            Callback::from(move |event: InputEvent| {
                let input = event.target_unchecked_into::<HtmlInputElement>();
                let text = match phone_mask {
                    true => apply_mask(&input, Mask::Phone),
                    false => input.value(),
                };
                let mut next = values.clone();
                if let Some(slot) = next.get_mut(index) {
                    *slot = text;
                }
                onchange.emit(next);
            })
        };
        let remove = changed(props, move |values| {
            if index < values.len() {
                values.remove(index);
            }
        });
        let id = format!("{}-{index}", props.id);
        html! {
            <div class="list-line" key={index}>
                <input id={id.clone()} type={props.kind.clone()} inputmode={props.kind.clone()}
                    aria-label={format!("{} {}", props.item, index + 1)} autocomplete="off"
                    aria-invalid={props.error.is_some().then_some("true")}
                    value={value.clone()} {oninput} />
                <button type="button" class="remover-linha" aria-controls={id}
                    onclick={remove}>
                    { format!("Remover {}", props.item) }
                </button>
            </div>
        }
    };
    let add = changed(props, |values| values.push(String::new()));
    html! {
        <fieldset class="field list-field" id={props.id.clone()}>
            <legend>{ props.label.clone() }</legend>
            { for props.values.iter().enumerate().map(line) }
            <button id={format!("{}-adicionar", props.id)} type="button"
                onclick={add}>
                { format!("Adicionar {}", props.item) }
            </button>
            <FieldError field={props.field.clone()} message={props.error.clone()} />
        </fieldset>
    }
}

/// A click that changes the list with `edit`.
fn changed(
    props: &ListFieldProps,
    edit: impl Fn(&mut Vec<String>) + 'static,
) -> Callback<MouseEvent> {
    let (values, onchange) = (props.values.clone(), props.onchange.clone());
    Callback::from(move |_: MouseEvent| {
        let mut next = values.clone();
        edit(&mut next);
        onchange.emit(next);
    })
}
