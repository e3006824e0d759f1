//! "Pré-visualizar": runs the script being edited as the operator will, and shows its
//! report when "Encerrar Script" is pressed. Nothing is saved.
use std::rc::Rc;

use helpdesk_api::Uuid;
use helpdesk_core::script::{ScriptDefinition, ScriptRun};
use yew::prelude::*;

use crate::components::{Dialog, ScriptAnswers, ScriptRunner};

/// Props of [`PreviewDialog`].
#[derive(Properties, PartialEq)]
pub struct PreviewDialogProps {
    pub script: Rc<ScriptDefinition>,
    /// The script's id, once published.
    pub id: Option<Uuid>,
    pub name: AttrValue,
    /// The version it would be published as.
    pub version: u32,
    /// "Fechar" or Esc.
    pub onclose: Callback<()>,
}

/// The dialog `#pre-visualizacao`: the script runner, then "Rel. Script".
#[function_component]
pub fn PreviewDialog(props: &PreviewDialogProps) -> Html {
    let fresh = {
        let (id, name, version) = (
            props.id.unwrap_or(Uuid::nil()),
            props.name.clone(),
            props.version,
        );
        move || ScriptRun::new(id, name.to_string(), version)
    };
    let run = use_state(fresh.clone());
    let ended = use_state(|| false);
    let onchange = {
        let run = run.clone();
        Callback::from(move |next: ScriptRun| run.set(next))
    };
    let onend = {
        let ended = ended.clone();
        Callback::from(move |()| ended.set(true))
    };
    let onrestart = {
        let (run, ended) = (run.clone(), ended.clone());
        Callback::from(move |_: MouseEvent| {
            run.set(fresh());
            ended.set(false);
        })
    };
    let title = if props.name.trim().is_empty() {
        "Pré-visualização".to_owned()
    } else {
        format!("Pré-visualização: {}", props.name.trim())
    };
    let body = if *ended {
        let answers = run.report();
        let ending = run
            .outcome(&props.script)
            .map(|(outcome, ticket_type)| match ticket_type {
                Some(kind) => format!("Resultado: {} — tipo sugerido: {kind}", outcome.label()),
                None => format!("Resultado: {}", outcome.label()),
            });
        html! {
            <section id="pre-visualizacao-relatorio" class="script-report" aria-labelledby="rel-script-titulo">
                <h4 id="rel-script-titulo">{ "Rel. Script" }</h4>
                if let Some(ending) = ending {
                    <p id="pre-visualizacao-resultado" class="script-ending">{ ending }</p>
                }
                if answers.is_empty() {
                    <p class="empty">{ "Nenhuma pergunta respondida." }</p>
                } else {
                    <ScriptAnswers answers={answers.to_vec()} />
                }
            </section>
        }
    } else {
        html! {
            <ScriptRunner script={props.script.clone()} run={(*run).clone()} {onchange} {onend} />
        }
    };
    html! {
        <Dialog id="pre-visualizacao" {title} onclose={props.onclose.clone()}>
            <div class="dialog-body">
                <p class="hint-below">{ "Pré-visualização: nada é gravado." }</p>
                { body }
            </div>
            <div class="dialog-footer">
                <button id="reiniciar-pre-visualizacao" type="button" onclick={onrestart}>
                    { "Recomeçar" }
                </button>
                <button
                    id="fechar-pre-visualizacao"
                    type="button"
                    class="primary"
                    onclick={props.onclose.reform(|_: MouseEvent| ())}
                >
                    { "Fechar" }
                </button>
            </div>
        </Dialog>
    }
}
