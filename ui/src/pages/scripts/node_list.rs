//! The script's questions, in order: the start one and those with a problem marked. Click
//! one, or move with the arrows, to show it in the form.
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::editor_state::GraphState;

/// The longest part of a question shown in the list (the rest is cut with "…").
const EXCERPT_CHARS: usize = 80;

/// Props of [`NodeList`].
#[derive(Properties, PartialEq)]
pub struct NodeListProps {
    pub graph: Rc<GraphState>,
    /// The question to show in the form, by index.
    pub onselect: Callback<usize>,
}

/// `nav.script-nodes > ul#nos > li[data-node-id]`.
#[function_component]
pub fn NodeList(props: &NodeListProps) -> Html {
    let graph = &props.graph;
    let nodes = &graph.definition.nodes;
    let with_problems = graph.nodes_with_problems();
    let onkeydown = {
        let onselect = props.onselect.clone();
        let count = nodes.len();
        Callback::from(move |event: KeyboardEvent| {
            let Some(at) = event
                .target()
                .and_then(|target| target.dyn_into::<Element>().ok())
                .and_then(|target| target.closest("li[data-index]").ok().flatten())
                .and_then(|item| item.get_attribute("data-index"))
                .and_then(|index| index.parse::<usize>().ok())
            else {
                return;
            };
            let to = match event.key().as_str() {
                "ArrowDown" if at + 1 < count => at + 1,
                "ArrowUp" if at > 0 => at - 1,
                "Home" => 0,
                "End" => count.saturating_sub(1),
                _ => return,
            };
            event.prevent_default();
            onselect.emit(to);
            let button = event
                .current_target()
                .and_then(|list| list.dyn_into::<Element>().ok())
                .and_then(|list| {
                    list.query_selector(&format!("li[data-index=\"{to}\"] button"))
                        .ok()
                        .flatten()
                })
                .and_then(|button| button.dyn_into::<HtmlElement>().ok());
            if let Some(button) = button {
                let _ = button.focus();
            }
        })
    };
    let item = |(index, node): (usize, &helpdesk_core::script::ScriptNode)| {
        let start = node.id == graph.definition.start;
        let selected = graph.selected == Some(index);
        let wrong = with_problems.contains(node.id.as_str());
        let onclick = props.onselect.reform(move |_: MouseEvent| index);
        let question = excerpt(&node.question);
        html! {
            <li
                key={index}
                data-node-id={node.id.clone()}
                data-index={index.to_string()}
                class={classes!(
                    selected.then_some("selected"),
                    start.then_some("start"),
                    wrong.then_some("has-problem"),
                )}
            >
                <button
                    type="button"
                    class="node-button"
                    aria-current={selected.then_some("true")}
                    {onclick}
                >
                    <span class="node-heading">
                        <span class="node-id mono">{ node.id.clone() }</span>
                        if start {
                            <span class="badge badge-start">{ "Início" }</span>
                        }
                        if wrong {
                            <span class="badge badge-danger">{ "Problema" }</span>
                        }
                    </span>
                    <span class={classes!("node-question", question.is_none().then_some("muted"))}>
                        { question.unwrap_or_else(|| "(sem pergunta)".to_owned()) }
                    </span>
                </button>
            </li>
        }
    };
    html! {
        <nav class="script-nodes" aria-labelledby="nos-titulo">
            <h3 id="nos-titulo">{ format!("Perguntas ({})", nodes.len()) }</h3>
            if nodes.is_empty() {
                <p class="empty">{ "Nenhuma pergunta ainda." }</p>
            } else {
                <ul id="nos" {onkeydown}>
                    { for nodes.iter().enumerate().map(item) }
                </ul>
            }
        </nav>
    }
}

/// The question's first characters on one line, or `None` when it is blank.
pub fn excerpt(question: &str) -> Option<String> {
    let mut line = String::new();
    let mut count = 0;
    for word in question.split_whitespace() {
        let glue = (!line.is_empty()).then_some(' ');
        for c in glue.into_iter().chain(word.chars()) {
            if count == EXCERPT_CHARS {
                line.push('…');
                return Some(line);
            }
            line.push(c);
            count += 1;
        }
    }
    (!line.is_empty()).then_some(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_one_short_line() {
        assert_eq!(excerpt("  \n "), None);
        assert_eq!(
            excerpt("Como\n estão  as luzes?").as_deref(),
            Some("Como estão as luzes?")
        );
        let long = excerpt(&"á".repeat(200)).expect("some");
        assert_eq!(long.chars().count(), EXCERPT_CHARS + 1);
        assert!(long.ends_with('…'));
    }
}
