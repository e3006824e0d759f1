//! The selected question's form: its id, whether it is the first, its three texts, and its
//! answers ("Opções"), each with where it leads.
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::editor_state::{GraphEdit, GraphState, NodeText};
use super::option_row::OptionRow;
use crate::components::{Confirm, TextField};

/// Props of [`NodeEditor`].
#[derive(Properties, PartialEq)]
pub struct NodeEditorProps {
    pub graph: Rc<GraphState>,
    /// The question shown, by index.
    pub index: usize,
    /// A change to the question or its answers.
    pub onedit: Callback<GraphEdit>,
}

/// `div.node-editor[data-node-id]`.
#[function_component]
pub fn NodeEditor(props: &NodeEditorProps) -> Html {
    let (graph, index, onedit) = (&props.graph, props.index, &props.onedit);
    // "Remover pergunta" asks once more.
    let confirming = use_state(|| false);
    {
        let confirming = confirming.clone();
        use_effect_with(index, move |_| confirming.set(false));
    }
    let Some(node) = graph.definition.nodes.get(index) else {
        return Html::default();
    };
    let onid = onedit.reform(move |value: String| GraphEdit::EditId(index, value));
    let is_start = node.id == graph.definition.start;
    let onstart = onedit.reform(move |event: Event| {
        let checked = event.target_unchecked_into::<HtmlInputElement>().checked();
        GraphEdit::SetStart(index, checked)
    });
    let onaddoption = onedit.reform(move |_: MouseEvent| GraphEdit::AddOption(index));
    let onremove = {
        let (onedit, confirming) = (onedit.clone(), confirming.clone());
        Callback::from(move |()| {
            confirming.set(false);
            onedit.emit(GraphEdit::RemoveNode(index));
        })
    };
    let ask = |value: bool| {
        let confirming = confirming.clone();
        Callback::from(move |()| confirming.set(value))
    };
    let id_error = graph
        .id_error(index)
        .map(|error| AttrValue::from(error.to_owned()));
    let textarea = |id: &'static str, label: &'static str, value: &str, which, rows| {
        html! {
            <TextField
                {id}
                {label}
                rows={Some(rows)}
                value={value.to_owned()}
                oninput={onedit.reform(move |value: String| GraphEdit::EditText(index, which, value))}
            />
        }
    };

    html! {
        <div class="node-editor" data-node-id={node.id.clone()}>
            <div class="node-editor-heading">
                <TextField
                    id="no-id"
                    label="Identificador"
                    required=true
                    asterisk_hidden=true
                    class="node-id-field"
                    control_class="mono"
                    autocomplete="off"
                    no_spellcheck=true
                    value={graph.id_text(index).unwrap_or_default().to_owned()}
                    error={id_error}
                    oninput={onid}
                />
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
                    <Confirm
                        class="confirm"
                        inline=true
                        label="Confirmar remoção"
                        yes_id="confirmar-remocao"
                        yes="Sim, remover"
                        onyes={onremove}
                        no_id="cancelar-remocao"
                        no="Não"
                        onno={ask(false)}
                    >
                        { "Remover esta pergunta? As respostas que levam a ela ficarão sem destino." }
                    </Confirm>
                } else {
                    <button
                        id="remover-pergunta"
                        type="button"
                        onclick={ask(true).reform(|_: MouseEvent| ())}
                    >
                        { "Remover pergunta" }
                    </button>
                }
            </div>
            { textarea("no-pergunta", "Pergunta", &node.question, NodeText::Question, 2) }
            <div class="field-row">
                { textarea(
                    "no-explicacao-cliente",
                    "Explicação para o cliente",
                    &node.customer_explanation,
                    NodeText::CustomerExplanation,
                    4,
                ) }
                { textarea(
                    "no-explicacao-operador",
                    "Explicação para o operador",
                    &node.operator_explanation,
                    NodeText::OperatorExplanation,
                    4,
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
                    { for (0..node.options.len()).map(|option| html! {
                        <OptionRow
                            graph={graph.clone()}
                            {index}
                            {option}
                            onedit={onedit.clone()}
                        />
                    }) }
                </ol>
            }
        </div>
    }
}
