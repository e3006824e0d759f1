//! "Script": choose the troubleshooting script the ticket's context suggests (or another),
//! run it with the customer, end it, or skip it.
use std::rc::Rc;

use helpdesk_api::{PublishedScript, ScriptSummary};
use helpdesk_core::date::format_day;
use helpdesk_core::plural;
use helpdesk_core::wizard::{fields, ScriptProgress};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::components::{FieldError, FormError, ScriptRunner};
use crate::dom::local_offset_minutes;
use crate::wizard::loaders::load_script;
use crate::wizard::state::{ScriptAction, ScriptState};

/// Props of [`ScriptStep`].
#[derive(Properties, PartialEq)]
pub struct ScriptStepProps {
    /// Where the draft's script stands.
    pub progress: ScriptProgress,
    /// The scripts to choose from, and the version being run.
    pub state: ScriptState,
    /// The published script `progress` runs, once loaded.
    pub definition: Option<Rc<PublishedScript>>,
    /// What the ticket is about, to suggest scripts.
    pub topic: AttrValue,
    /// Why "Avançar" refused: no script run or skipped.
    pub error: Option<AttrValue>,
    pub onaction: Callback<ScriptAction>,
    /// "Encerrar Script".
    pub onend: Callback<()>,
}

/// The script chooser, or the script being run.
#[function_component]
pub fn ScriptStep(props: &ScriptStepProps) -> Html {
    let state = &props.state;
    // The definition the runner shows, copied once per version loaded, not on every render.
    let definition = use_memo(props.definition.clone(), |published| {
        published
            .as_ref()
            .map(|published| Rc::new(published.definition.clone()))
    });
    let dispatch =
        |action: ScriptAction| props.onaction.reform(move |_: MouseEvent| action.clone());
    let body = match &props.progress {
        ScriptProgress::NotStarted => chooser(props),
        ScriptProgress::Skipped => html! {
            <div class="script-skipped">
                <p id="script-pulado">{ "O script foi pulado neste atendimento." }</p>
                <button id="executar-script" type="button" onclick={dispatch(ScriptAction::ChooseAnother)}>
                    { "Executar um script" }
                </button>
            </div>
        },
        ScriptProgress::Running(run) | ScriptProgress::Ended(run) => {
            let heading = html! {
                <div class="script-heading">
                    <span id="script-nome">{ format!("{} (versão {})", run.script_name, run.version) }</span>
                    <span class="spacer"></span>
                    <button id="trocar-script" type="button" onclick={dispatch(ScriptAction::ChooseAnother)}>
                        { "Trocar script" }
                    </button>
                    <button id="pular-script" type="button" onclick={dispatch(ScriptAction::Skip)}>
                        { "Pular script" }
                    </button>
                </div>
            };
            match (*definition).clone() {
                Some(script) => {
                    let onchange = props.onaction.reform(ScriptAction::RunChanged);
                    let onend = props.onend.clone();
                    html! {
                        <>
                            { heading }
                            <ScriptRunner
                                {script}
                                run={run.clone()}
                                {onchange}
                                {onend}
                            />
                        </>
                    }
                }
                None => html! {
                    <>
                        { heading }
                        <FormError message={state.published.error.as_ref().map(|e| AttrValue::from(e.message.clone()))} />
                        if state.published.error.is_none() {
                            <p class="loading" aria-busy="true">{ "Carregando o script…" }</p>
                        }
                    </>
                },
            }
        }
    };
    html! {
        <div class="script-step">
            { body }
            <FieldError field={fields::SCRIPT} message={props.error.clone()} />
        </div>
    }
}

/// The scripts, those whose keywords match the ticket's subject and problem first.
fn chooser(props: &ScriptStepProps) -> Html {
    let state = &props.state;
    let Some(scripts) = &state.scripts.value else {
        return match &state.scripts.error {
            Some(error) => html! { <FormError message={AttrValue::from(error.message.clone())} /> },
            None => html! { <p class="loading" aria-busy="true">{ "Carregando os scripts…" }</p> },
        };
    };
    let mut ranked: Vec<(usize, &ScriptSummary)> = scripts
        .iter()
        .map(|script| (script.relevance(&props.topic), script))
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    let loading = state.published.loading;
    let item = |(relevance, script): (usize, &ScriptSummary)| {
        let (onaction, id) = (props.onaction.clone(), script.id);
        let onclick = Callback::from(move |_: MouseEvent| {
            spawn_local(load_script(onaction.clone(), id, None, true));
        });
        html! {
            <li key={script.id.to_string()}>
                <button
                    type="button"
                    class="script-choice"
                    data-script-id={script.id.to_string()}
                    data-suggested={(relevance > 0).to_string()}
                    disabled={loading}
                    {onclick}
                >
                    <span class="script-choice-name">{ script.name.clone() }</span>
                    if relevance > 0 {
                        <span class="badge badge-ok">{ "Sugerido" }</span>
                    }
                    <span class="muted">
                        { format!(
                            "versão {} · {} · publicado em {}",
                            script.version,
                            plural::count(script.nodes, "pergunta", "perguntas"),
                            format_day(script.published_at, local_offset_minutes())
                        ) }
                    </span>
                </button>
            </li>
        }
    };
    html! {
        <div class="script-chooser">
            <p>{ "Escolha o script para seguir com o cliente. Os sugeridos combinam com o assunto e o problema." }</p>
            if scripts.is_empty() {
                <p class="empty">{ "Nenhum script publicado." }</p>
            } else {
                <ul id="scripts-sugeridos" class="script-choices">
                    { for ranked.into_iter().map(item) }
                </ul>
            }
            <FormError message={state.published.error.as_ref().map(|e| AttrValue::from(e.message.clone()))} />
            <button
                id="pular-script"
                type="button"
                onclick={props.onaction.reform(|_: MouseEvent| ScriptAction::Skip)}
            >
                { "Pular script" }
            </button>
        </div>
    }
}
