//! The selected question's form: its id, whether it is the first, its three texts, and its
//! answers ("Opções"), each with where it leads.
use helpdesk_core::script::{Outcome, ScriptNode, ScriptOption};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::editor_state::{Destination, EditorAction, EditorState, Move, NodeText};
use super::node_list::excerpt;
use super::select::SyncedSelect;
use crate::components::FieldError;
use crate::dom::{variant_name, variant_named};

/// `value`s of the destination list besides the questions (`n:<index>`).
const UNSET: &str = "";
const END: &str = "fim";
const NEW: &str = "nova";
const MISSING: &str = "ausente";

/// Props of [`NodeEditor`].
#[derive(Properties, PartialEq)]
pub struct NodeEditorProps {
    pub state: UseReducerHandle<EditorState>,
    /// The question shown, by index.
    pub index: usize,
}

/// `div.node-editor[data-node-id]`.
#[function_component]
pub fn NodeEditor(props: &NodeEditorProps) -> Html {
    let (state, index) = (&props.state, props.index);
    // "Remover pergunta" asks once more.
    let confirming = use_state(|| false);
    {
        let confirming = confirming.clone();
        use_effect_with(index, move |_| confirming.set(false));
    }
    let Some(node) = state.definition.nodes.get(index) else {
        return Html::default();
    };
    let text = |which: NodeText| {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            dispatcher.dispatch(EditorAction::EditText(index, which, value));
        })
    };
    let onid = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            dispatcher.dispatch(EditorAction::EditId(index, value));
        })
    };
    let is_start = node.id == state.definition.start;
    let onstart = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: Event| {
            let checked = event.target_unchecked_into::<HtmlInputElement>().checked();
            dispatcher.dispatch(EditorAction::SetStart(index, checked));
        })
    };
    let onaddoption = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(EditorAction::AddOption(index)))
    };
    let onremove = {
        let (dispatcher, confirming) = (state.dispatcher(), confirming.clone());
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            dispatcher.dispatch(EditorAction::RemoveNode(index));
        })
    };
    let ask = |value: bool| {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(value))
    };
    let id_error = state
        .id_error(index)
        .map(|error| AttrValue::from(error.to_owned()));
    let wrong_options = state.options_with_problems(&node.id);
    let textarea =
        |id: &'static str, label: &'static str, value: &str, which, rows: &'static str| {
            html! {
                <div class="field">
                    <label for={id}>{ label }</label>
                    <textarea {id} {rows} value={value.to_owned()} oninput={text(which)} />
                </div>
            }
        };

    html! {
        <div class="node-editor" data-node-id={node.id.clone()}>
            <div class="node-editor-heading">
                <div class="field node-id-field">
                    <label for="no-id">
                        { "Identificador" }
                        <span class="required" aria-hidden="true">{ " *" }</span>
                    </label>
                    <input
                        id="no-id"
                        type="text"
                        class="mono"
                        autocomplete="off"
                        spellcheck="false"
                        value={state.id_text(index).unwrap_or_default().to_owned()}
                        aria-invalid={id_error.is_some().then_some("true")}
                        oninput={onid}
                    />
                    <FieldError field="no-id" message={id_error} />
                </div>
                <label class="choice inline start-choice" for="no-primeira">
                    <input
                        id="no-primeira"
                        type="checkbox"
                        checked={is_start}
                        onchange={onstart}
                    />
                    { "Primeira pergunta" }
                </label>
                <span class="spacer"></span>
                if *confirming {
                    <span class="confirm" role="alertdialog" aria-label="Confirmar remoção">
                        { "Remover esta pergunta? As respostas que levam a ela ficarão sem destino." }
                        <button id="confirmar-remocao" type="button" class="danger" onclick={onremove}>
                            { "Sim, remover" }
                        </button>
                        <button id="cancelar-remocao" type="button" onclick={ask(false)}>
                            { "Não" }
                        </button>
                    </span>
                } else {
                    <button id="remover-pergunta" type="button" onclick={ask(true)}>
                        { "Remover pergunta" }
                    </button>
                }
            </div>
            { textarea("no-pergunta", "Pergunta", &node.question, NodeText::Question, "2") }
            <div class="field-row">
                { textarea(
                    "no-explicacao-cliente",
                    "Explicação para o cliente",
                    &node.customer_explanation,
                    NodeText::CustomerExplanation,
                    "4",
                ) }
                { textarea(
                    "no-explicacao-operador",
                    "Explicação para o operador",
                    &node.operator_explanation,
                    NodeText::OperatorExplanation,
                    "4",
                ) }
            </div>
            <div class="options-heading">
                <h3 id="opcoes-titulo">{ "Opções" }</h3>
                <button id="adicionar-opcao" type="button" onclick={onaddoption}>
                    { "Adicionar opção" }
                </button>
            </div>
            if node.options.is_empty() {
                <p class="empty">{ "Nenhuma opção de resposta ainda." }</p>
            } else {
                <ol id="opcoes" class="options" aria-labelledby="opcoes-titulo">
                    { for node.options.iter().enumerate().map(|(option, answer)| option_row(
                        state,
                        node,
                        index,
                        option,
                        answer,
                        wrong_options.contains(&option),
                    )) }
                </ol>
            }
        </div>
    }
}

/// One answer: its label, where it leads, how the script ends with it, and its buttons.
fn option_row(
    state: &UseReducerHandle<EditorState>,
    node: &ScriptNode,
    index: usize,
    option: usize,
    answer: &ScriptOption,
    wrong: bool,
) -> Html {
    let number = option + 1;
    let count = node.options.len();
    let dispatch = |action: EditorAction| {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(action.clone()))
    };
    let onlabel = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            dispatcher.dispatch(EditorAction::EditLabel(index, option, value));
        })
    };
    let ontype = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            dispatcher.dispatch(EditorAction::EditTicketType(index, option, value));
        })
    };
    let ondestination = {
        let dispatcher = state.dispatcher();
        Callback::from(move |value: String| {
            let destination = match value.as_str() {
                UNSET => Destination::Unset,
                END => Destination::End,
                NEW => Destination::NewNode,
                other => match other.strip_prefix("n:").and_then(|n| n.parse().ok()) {
                    Some(target) => Destination::Node(target),
                    None => return,
                },
            };
            dispatcher.dispatch(EditorAction::SetDestination(index, option, destination));
        })
    };
    let onoutcome = {
        let dispatcher = state.dispatcher();
        Callback::from(move |value: String| {
            if let Some(outcome) = variant_named(&Outcome::ALL, &value) {
                dispatcher.dispatch(EditorAction::SetOutcome(index, option, outcome));
            }
        })
    };

    let destination = state.destination(index, option);
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
    let targets = state
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
    let marked = state.marked_option == Some(option);
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
                <button
                    type="button"
                    class="icon opcao-subir"
                    aria-label={format!("Subir a resposta {number}")}
                    title="Subir"
                    disabled={option == 0}
                    onclick={dispatch(EditorAction::MoveOption(index, option, Move::Up))}
                >
                    { "↑" }
                </button>
                <button
                    type="button"
                    class="icon opcao-descer"
                    aria-label={format!("Descer a resposta {number}")}
                    title="Descer"
                    disabled={option + 1 == count}
                    onclick={dispatch(EditorAction::MoveOption(index, option, Move::Down))}
                >
                    { "↓" }
                </button>
                <button
                    type="button"
                    class="icon opcao-remover"
                    aria-label={format!("Remover a resposta {number}")}
                    title="Remover"
                    onclick={dispatch(EditorAction::RemoveOption(index, option))}
                >
                    { "×" }
                </button>
            </span>
        </li>
    }
}
