//! A question asked once more before something is lost: the question, a red "yes" and a
//! "no", announced as an alert dialog.
use yew::prelude::*;

/// Props of [`Confirm`].
#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    /// Classes of the element around it.
    pub class: Classes,
    /// Its `aria-label` ("Confirmar …").
    pub label: AttrValue,
    /// `id` and text of the red button that goes ahead.
    pub yes_id: AttrValue,
    pub yes: AttrValue,
    pub onyes: Callback<()>,
    /// `id` and text of the button that keeps things as they are.
    pub no_id: AttrValue,
    pub no: AttrValue,
    pub onno: Callback<()>,
    /// A `<span>` in a line of other controls, instead of a `<div>`.
    #[prop_or_default]
    pub inline: bool,
    /// The question.
    pub children: Html,
}

/// `div[role=alertdialog]` (or `span`) with the question, `button.danger#yes_id` and
/// `button#no_id`.
#[function_component]
pub fn Confirm(props: &ConfirmProps) -> Html {
    let tag = if props.inline { "span" } else { "div" };
    html! {
        <@{tag} class={props.class.clone()} role="alertdialog" aria-label={props.label.clone()}>
            { props.children.clone() }
            <button
                id={props.yes_id.clone()}
                type="button"
                class="danger"
                onclick={props.onyes.reform(|_: MouseEvent| ())}
            >
                { props.yes.clone() }
            </button>
            <button id={props.no_id.clone()} type="button" onclick={props.onno.reform(|_: MouseEvent| ())}>
                { props.no.clone() }
            </button>
        </@>
    }
}
