//! What keeps the script from being published, found again after every change: each
//! problem shows its question and answer when clicked.
use std::rc::Rc;

use helpdesk_core::script::{fields, ScriptProblem};
use yew::prelude::*;

use super::editor_state::{GraphState, Navigation};
use crate::components::FieldError;

/// Props of [`ProblemList`].
#[derive(Properties, PartialEq)]
pub struct ProblemListProps {
    pub graph: Rc<GraphState>,
    /// "O script tem N problemas…", after a refused "Publicar".
    pub definition_error: Option<AttrValue>,
    /// A problem clicked: its question and answer.
    pub onjump: Callback<Navigation>,
}

/// `section.script-problems` with `ul#problemas` (or `p#sem-problemas`).
#[function_component]
pub fn ProblemList(props: &ProblemListProps) -> Html {
    let problems = &props.graph.problems;
    let item = |problem: &ScriptProblem| {
        let onclick = {
            let (node, option) = (problem.node.clone(), problem.option);
            props.onjump.reform(move |_: MouseEvent| Navigation::Jump {
                node: node.clone(),
                option,
            })
        };
        let place = match (&problem.node, problem.option) {
            (Some(node), Some(option)) => Some(format!("{node} · resposta {}", option + 1)),
            (Some(node), None) => Some(node.clone()),
            _ => None,
        };
        let content = html! {
            <>
                if let Some(place) = place {
                    <span class="problem-place mono">{ place }</span>
                }
                <span class="problem-message">{ problem.message.clone() }</span>
            </>
        };
        html! {
            <li
                data-node-id={problem.node.clone()}
                data-option={problem.option.map(|option| option.to_string())}
            >
                if problem.node.is_some() {
                    <button type="button" class="problem-link" {onclick}>{ content }</button>
                } else {
                    <span class="problem-link">{ content }</span>
                }
            </li>
        }
    };
    html! {
        <section
            class={classes!("script-problems", (!problems.is_empty()).then_some("has-problems"))}
            aria-labelledby="problemas-titulo"
        >
            <h3 id="problemas-titulo">
                { if problems.is_empty() {
                    "Validação".to_owned()
                } else {
                    format!("Problemas ({})", problems.len())
                } }
            </h3>
            <FieldError field={fields::DEFINITION} message={props.definition_error.clone()} />
            if problems.is_empty() {
                <p id="sem-problemas" class="ok-note">
                    { "Nenhum problema: o script pode ser publicado." }
                </p>
            } else {
                <ul id="problemas">{ for problems.iter().map(item) }</ul>
            }
        </section>
    }
}
