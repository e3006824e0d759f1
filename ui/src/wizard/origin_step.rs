//! "Origem": where the contact came from.
use helpdesk_core::wizard::Origin;
use yew::prelude::*;

use crate::components::FieldError;
use crate::dom::variant_name;
use helpdesk_core::wizard::fields::ORIGIN;

/// Props of [`OriginStep`].
#[derive(Properties, PartialEq)]
pub struct OriginStepProps {
    /// The origin chosen, if any.
    pub chosen: Option<Origin>,
    /// The message shown when "Avançar" was pressed with no choice.
    pub error: Option<AttrValue>,
    /// Called with the origin the operator picks.
    pub onchoose: Callback<Origin>,
}

/// One radio button per origin, none chosen at first.
#[function_component]
pub fn OriginStep(props: &OriginStepProps) -> Html {
    let option = |origin: Origin| {
        let onchange = props.onchoose.reform(move |_: Event| origin);
        html! {
            <label class="choice" key={origin.label()}>
                <input
                    type="radio"
                    name="origem"
                    value={variant_name(&origin)}
                    checked={props.chosen == Some(origin)}
                    {onchange}
                />
                { origin.label() }
            </label>
        }
    };
    html! {
        <fieldset class="origin-choices">
            <legend>{ "Origem do atendimento" }</legend>
            { for Origin::ALL.into_iter().map(option) }
            <FieldError field={ORIGIN} message={props.error.clone()} />
        </fieldset>
    }
}
