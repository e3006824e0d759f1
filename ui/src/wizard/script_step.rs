//! "Script": choose the troubleshooting script the ticket's context suggests (or another),
//! run it with the customer, end it, or skip it.
use std::rc::Rc;

use helpdesk_api::ScriptSummary;
use helpdesk_core::date::format_day;
use helpdesk_core::wizard::{fields, ScriptProgress};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::components::{message_at, FieldError, FormError, ScriptRunner};
use crate::dom::local_offset_minutes;
use crate::wizard::loaders::load_script;
use crate::wizard::state::{WizardAction, WizardState};

/// Props of [`ScriptStep`].
#[derive(Properties, PartialEq)]
pub struct ScriptStepProps {
    pub state: UseReducerHandle<WizardState>,
}

/// The script chooser, or the script being run.
#[function_component]
pub fn ScriptStep(props: &ScriptStepProps) -> Html {
    let state = &props.state;
    // The definition the runner shows, copied once per version loaded, not on every render.
    let definition = use_memo(state.script_definition(), |published| {
        published
            .as_ref()
            .map(|published| Rc::new(published.definition.clone()))
    });
    let dispatch = |action: fn() -> WizardAction| {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(action()))
    };
    let body = match &state.draft.script {
        ScriptProgress::NotStarted => chooser(state),
        ScriptProgress::Skipped => html! {
            <div class="script-skipped">
                <p id="script-pulado">{ "O script foi pulado neste atendimento." }</p>
                <button id="executar-script" type="button" onclick={dispatch(|| WizardAction::ChooseAnotherScript)}>
                    { "Executar um script" }
                </button>
            </div>
        },
        ScriptProgress::Running(run) | ScriptProgress::Ended(run) => {
            let heading = html! {
                <div class="script-heading">
                    <span id="script-nome">{ format!("{} (versão {})", run.script_name, run.version) }</span>
                    <span class="spacer"></span>
                    <button id="trocar-script" type="button" onclick={dispatch(|| WizardAction::ChooseAnotherScript)}>
                        { "Trocar script" }
                    </button>
                    <button id="pular-script" type="button" onclick={dispatch(|| WizardAction::SkipScript)}>
                        { "Pular script" }
                    </button>
                </div>
            };
            match (*definition).clone() {
                Some(script) => {
                    let dispatcher = state.dispatcher();
                    let onchange = Callback::from(move |run| {
                        dispatcher.dispatch(WizardAction::ScriptRunChanged(run));
                    });
                    let dispatcher = state.dispatcher();
                    let onend =
                        Callback::from(move |()| dispatcher.dispatch(WizardAction::EndScript));
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
                        <FormError message={state.script.error.as_ref().map(|e| AttrValue::from(e.message.clone()))} />
                        if state.script.error.is_none() {
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
            <FieldError field={fields::SCRIPT} message={message_at(&state.advance_errors, fields::SCRIPT)} />
        </div>
    }
}

/// The scripts, those whose keywords match the ticket's subject and problem first.
fn chooser(state: &UseReducerHandle<WizardState>) -> Html {
    let Some(scripts) = &state.scripts.value else {
        return match &state.scripts.error {
            Some(error) => html! { <FormError message={AttrValue::from(error.message.clone())} /> },
            None => html! { <p class="loading" aria-busy="true">{ "Carregando os scripts…" }</p> },
        };
    };
    let context = format!(
        "{} {}",
        state
            .draft
            .message
            .as_ref()
            .map_or("", |message| message.subject.as_str()),
        state.draft.problem
    );
    let mut ranked: Vec<(usize, &ScriptSummary)> = scripts
        .iter()
        .map(|script| (script.relevance(&context), script))
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    let loading = state.script.loading;
    let item = |(relevance, script): (usize, &ScriptSummary)| {
        let (dispatcher, id) = (state.dispatcher(), script.id);
        let onclick = Callback::from(move |_: MouseEvent| {
            spawn_local(load_script(dispatcher.clone(), id, None, true));
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
                            "versão {} · {} perguntas · publicado em {}",
                            script.version,
                            script.nodes,
                            format_day(script.published_at, local_offset_minutes())
                        ) }
                    </span>
                </button>
            </li>
        }
    };
    let dispatcher = state.dispatcher();
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
            <FormError message={state.script.error.as_ref().map(|e| AttrValue::from(e.message.clone()))} />
            <button
                id="pular-script"
                type="button"
                onclick={Callback::from(move |_: MouseEvent| dispatcher.dispatch(WizardAction::SkipScript))}
            >
                { "Pular script" }
            </button>
        </div>
    }
}
