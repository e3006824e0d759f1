//! The wizard's side bar: every step, the current one marked, the visited ones clickable.
use helpdesk_core::wizard::Step;
use yew::prelude::*;

use crate::dom::variant_name;

/// Props of [`Sidebar`].
#[derive(Properties, PartialEq)]
pub struct SidebarProps {
    /// The step on screen.
    pub current: Step,
    /// The steps reached so far.
    pub visited: Vec<Step>,
    /// Called with a visited step the operator wants to go back to.
    pub onselect: Callback<Step>,
}

/// `nav#wizard-steps`: the main steps, then the optional ones taken from "Prim. Contato".
#[function_component]
pub fn Sidebar(props: &SidebarProps) -> Html {
    let item = |step: Step| {
        let current = step == props.current;
        let visited = props.visited.contains(&step);
        let onclick = props.onselect.reform(move |_: MouseEvent| step);
        html! {
            <li
                key={step.label()}
                data-step={variant_name(&step)}
                class={classes!(current.then_some("current"), (visited && !current).then_some("done"))}
                aria-current={current.then_some("step")}
            >
                <button type="button" disabled={current || !visited} {onclick}>
                    { step.label() }
                </button>
            </li>
        }
    };
    let (optional, main): (Vec<Step>, Vec<Step>) =
        Step::ALL.into_iter().partition(|step| step.is_optional());

    html! {
        <nav id="wizard-steps" aria-label="Etapas do atendimento">
            <ol class="steps">{ for main.into_iter().map(item) }</ol>
            <p class="steps-group">{ "Opcionais" }</p>
            <ol class="steps optional">{ for optional.into_iter().map(item) }</ol>
        </nav>
    }
}
