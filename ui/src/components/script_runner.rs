//! Runs a script with the customer, one question at a time: the question, what to tell the
//! customer, what the operator does meanwhile, and the customer's possible answers.
use std::rc::Rc;

use helpdesk_core::script::{ScriptDefinition, ScriptRun};
use yew::prelude::*;

/// Props of [`ScriptRunner`].
#[derive(Properties, PartialEq)]
pub struct ScriptRunnerProps {
    pub script: Rc<ScriptDefinition>,
    /// Where the run is.
    pub run: ScriptRun,
    /// The run after "Próximo" or "Anterior".
    pub onchange: Callback<ScriptRun>,
    /// "Encerrar Script".
    pub onend: Callback<()>,
}

/// The question on screen, its answers as radio buttons, and "Anterior", "Próximo",
/// "Encerrar Script".
#[function_component]
pub fn ScriptRunner(props: &ScriptRunnerProps) -> Html {
    let run = &props.run;
    // The answer marked on screen: the one given before, until the operator marks another.
    let marked = use_state(|| run.chosen());
    {
        let marked = marked.clone();
        use_effect_with(run.clone(), move |run| marked.set(run.chosen()));
    }
    let node = run.current(&props.script);

    let answer = {
        let (run, script) = (run.clone(), props.script.clone());
        let onchange = props.onchange.clone();
        Callback::from(move |option: u32| {
            let mut run = run.clone();
            if run.answer(&script, option, js_sys::Date::now() as i64) {
                onchange.emit(run);
            }
        })
    };
    let onnext = {
        let (answer, marked) = (answer.clone(), *marked);
        Callback::from(move |_: MouseEvent| {
            if let Some(option) = marked {
                answer.emit(option);
            }
        })
    };
    let onback = {
        let run = run.clone();
        let onchange = props.onchange.clone();
        Callback::from(move |_: MouseEvent| {
            let mut run = run.clone();
            run.back();
            onchange.emit(run);
        })
    };
    let onend = props.onend.reform(|_: MouseEvent| ());

    let body = match node {
        Some(node) => {
            let option = |(index, option): (usize, &helpdesk_core::script::ScriptOption)| {
                let index = u32::try_from(index).unwrap_or(u32::MAX);
                let marked_setter = marked.clone();
                let onchange = Callback::from(move |_: Event| marked_setter.set(Some(index)));
                // Enter on an answer gives it and goes on, as "Próximo".
                let answer = answer.clone();
                let onkeydown = Callback::from(move |event: KeyboardEvent| {
                    if event.key() == "Enter" {
                        event.prevent_default();
                        answer.emit(index);
                    }
                });
                html! {
                    <label class="choice script-option" key={index}>
                        <input
                            type="radio"
                            name="script-opcao"
                            value={index.to_string()}
                            checked={*marked == Some(index)}
                            {onchange}
                            {onkeydown}
                        />
                        { option.label.clone() }
                    </label>
                }
            };
            html! {
                <>
                    <p class="script-progress">{ format!("Pergunta {}", run.report().len() + 1) }</p>
                    <h3 id="script-pergunta" class="script-question">{ node.question.clone() }</h3>
                    <div class="script-explanations">
                        <section class="script-explanation for-customer">
                            <h4>{ "Explicação para o cliente" }</h4>
                            <p id="script-explicacao-cliente">{ node.customer_explanation.clone() }</p>
                        </section>
                        <section class="script-explanation for-operator">
                            <h4>{ "Explicação para o operador" }</h4>
                            <p id="script-explicacao-operador">{ node.operator_explanation.clone() }</p>
                        </section>
                    </div>
                    <fieldset class="script-options" data-node-id={node.id.clone()}>
                        <legend>{ "Opções" }</legend>
                        { for node.options.iter().enumerate().map(option) }
                    </fieldset>
                </>
            }
        }
        None => {
            let ending = run
                .outcome(&props.script)
                .map(|(outcome, ticket_type)| match ticket_type {
                    Some(kind) => format!("{} — tipo sugerido: {kind}", outcome.label()),
                    None => outcome.label().to_owned(),
                })
                .unwrap_or_default();
            html! {
                <div id="script-fim" class="script-end">
                    <h3>{ "Fim do script" }</h3>
                    <p>{ ending }</p>
                    <p class="muted">{ "Encerre o script para ver o relatório." }</p>
                </div>
            }
        }
    };

    html! {
        <div class="script-runner">
            { body }
            <div class="script-actions">
                <button id="script-anterior" type="button" disabled={!run.can_go_back()} onclick={onback}>
                    { "Anterior" }
                </button>
                <button
                    id="script-proximo"
                    type="button"
                    class="primary"
                    disabled={node.is_none() || marked.is_none()}
                    onclick={onnext}
                >
                    { "Próximo" }
                </button>
                <span class="spacer"></span>
                <button id="encerrar-script" type="button" onclick={onend}>
                    { "Encerrar Script" }
                </button>
            </div>
        </div>
    }
}
