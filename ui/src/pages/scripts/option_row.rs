//! One answer of the selected question: its label, where it leads, how the script ends with
//! it, and its buttons (up, down, remove).
use std::rc::Rc;

use helpdesk_core::script::Outcome;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::editor_state::{Destination, GraphEdit, GraphState, Move};
use super::node_list::excerpt;
use super::select::SyncedSelect;
use crate::dom::{variant_name, variant_named};

/// `value`s of the destination list besides the questions (`n:<index>`).
const UNSET: &str = "";
const END: &str = "fim";
const NEW: &str = "nova";
const MISSING: &str = "ausente";

/// Props of [`OptionRow`].
#[derive(Properties, PartialEq)]
pub struct OptionRowProps {
    pub graph: Rc<GraphState>,
    /// The question, by index.
    pub index: usize,
    /// The answer, by index among the question's.
    pub option: usize,
    /// A change to the answer.
    pub onedit: Callback<GraphEdit>,
}

/// `li.opcao[data-option-index]`.
#[function_component]
pub fn OptionRow(props: &OptionRowProps) -> Html {
    let (graph, index, option, onedit) = (&props.graph, props.index, props.option, &props.onedit);
    let Some(node) = graph.definition.nodes.get(index) else {
        return Html::default();
    };
    let Some(answer) = node.options.get(option) else {
        return Html::default();
    };
    let number = option + 1;
    let count = node.options.len();
    let wrong = graph.options_with_problems(&node.id).contains(&option);
    // An icon button: `verb` is its title, and says what it does to the answer.
    let button =
        |class: &'static str, verb: &'static str, icon: &'static str, disabled, edit: GraphEdit| {
            html! {
                <button
                    type="button"
                    class={classes!("icon", class)}
                    aria-label={format!("{verb} a resposta {number}")}
                    title={verb}
                    {disabled}
                    onclick={onedit.reform(move |_: MouseEvent| edit.clone())}
                >
                    { icon }
                </button>
            }
        };
    let onlabel = onedit.reform(move |event: InputEvent| {
        let value = event.target_unchecked_into::<HtmlInputElement>().value();
        GraphEdit::EditLabel(index, option, value)
    });
    let ontype = onedit.reform(move |event: InputEvent| {
        let value = event.target_unchecked_into::<HtmlInputElement>().value();
        GraphEdit::EditTicketType(index, option, value)
    });
    let ondestination = emit_some(onedit, move |value: String| {
        let destination = match value.as_str() {
            UNSET => Destination::Unset,
            END => Destination::End,
            NEW => Destination::NewNode,
            other => Destination::Node(other.strip_prefix("n:")?.parse().ok()?),
        };
        Some(GraphEdit::SetDestination(index, option, destination))
    });
    let onoutcome = emit_some(onedit, move |value: String| {
        let outcome = variant_named(&Outcome::ALL, &value)?;
        Some(GraphEdit::SetOutcome(index, option, outcome))
    });

    let destination = graph.destination(index, option);
    let dangling = answer
        .next
        .as_ref()
        .filter(|_| destination == Some(Destination::Unset));
    let value = match (destination, dangling) {
        (_, Some(_)) => MISSING.to_owned(),
        (Some(Destination::Node(target)), _) => format!("n:{target}"),
        (Some(Destination::End), _) => END.to_owned(),
        _ => UNSET.to_owned(),
    };
    let targets = graph
        .definition
        .nodes
        .iter()
        .enumerate()
        .map(|(target, other)| {
            let label = match excerpt(&other.question) {
                Some(question) => format!("{} — {question}", other.id),
                None => other.id.clone(),
            };
            html! { <option key={target} value={format!("n:{target}")}>{ label }</option> }
        });
    let ends = answer.next.is_none() && answer.outcome.is_some();
    let marked = graph.marked_option == Some(option);
    html! {
        <li
            class={classes!("opcao", wrong.then_some("has-problem"), marked.then_some("marked"))}
            data-option-index={option.to_string()}
        >
            <span class="option-number" aria-hidden="true">{ format!("{number}.") }</span>
            <input
                type="text"
                class="opcao-rotulo"
                autocomplete="off"
                placeholder="Resposta do cliente"
                aria-label={format!("Resposta {number}")}
                aria-invalid={wrong.then_some("true")}
                value={answer.label.clone()}
                oninput={onlabel}
            />
            <SyncedSelect
                class="opcao-destino"
                label={format!("Destino da resposta {number}")}
                value={value}
                invalid={wrong && !ends}
                onchange={ondestination}
            >
                <option value={UNSET}>{ "— sem destino —" }</option>
                if let Some(missing) = dangling {
                    <option value={MISSING} disabled=true>
                        { format!("“{missing}” (não existe)") }
                    </option>
                }
                <option value={END}>{ "Encerrar o script" }</option>
                <optgroup label="Ir para a pergunta">{ for targets }</optgroup>
                <option value={NEW}>{ "Nova pergunta…" }</option>
            </SyncedSelect>
            if ends {
                <SyncedSelect
                    class="opcao-resultado"
                    label={format!("Resultado da resposta {number}")}
                    value={answer.outcome.map(|o| variant_name(&o)).unwrap_or_default()}
                    onchange={onoutcome}
                >
                    { for Outcome::ALL.into_iter().map(|outcome| html! {
                        <option key={outcome.label()} value={variant_name(&outcome)}>
                            { outcome.label() }
                        </option>
                    }) }
                </SyncedSelect>
                <input
                    type="text"
                    class="opcao-tipo"
                    autocomplete="off"
                    placeholder="Tipo de atendimento sugerido"
                    aria-label={format!("Tipo de atendimento sugerido pela resposta {number}")}
                    value={answer.ticket_type.clone().unwrap_or_default()}
                    oninput={ontype}
                />
            }
            <span class="option-buttons">
                { button("opcao-subir", "Subir", "↑", option == 0, GraphEdit::MoveOption(index, option, Move::Up)) }
                { button("opcao-descer", "Descer", "↓", option + 1 == count, GraphEdit::MoveOption(index, option, Move::Down)) }
                { button("opcao-remover", "Remover", "×", false, GraphEdit::RemoveOption(index, option)) }
            </span>
        </li>
    }
}

/// A callback that emits on `onedit` the edit `edit` makes of its value, if any.
fn emit_some<T: 'static>(
    onedit: &Callback<GraphEdit>,
    edit: impl Fn(T) -> Option<GraphEdit> + 'static,
) -> Callback<T> {
    let onedit = onedit.clone();
    Callback::from(move |value| {
        if let Some(edit) = edit(value) {
            onedit.emit(edit);
        }
    })
}
