//! "Rel. Script": the questions asked and the answers given, in order and with their time;
//! it goes with the ticket.
use std::rc::Rc;

use helpdesk_api::PublishedScript;
use helpdesk_core::plural;
use helpdesk_core::wizard::ScriptProgress;
use yew::prelude::*;

use crate::components::ScriptAnswers;

/// Props of [`ScriptReportStep`].
#[derive(Properties, PartialEq)]
pub struct ScriptReportStepProps {
    /// Where the draft's script stands (the report is an ended script's).
    pub progress: ScriptProgress,
    /// The published script it ran, once loaded.
    pub definition: Option<Rc<PublishedScript>>,
}

/// The report table and how the script ended.
#[function_component]
pub fn ScriptReportStep(props: &ScriptReportStepProps) -> Html {
    let ScriptProgress::Ended(run) = &props.progress else {
        return html! { <p class="empty">{ "Nenhum script foi encerrado neste atendimento." }</p> };
    };
    let outcome = props
        .definition
        .as_ref()
        .map(|script| match run.outcome(&script.definition) {
            Some((outcome, Some(kind))) => format!("{} — tipo sugerido: {kind}", outcome.label()),
            Some((outcome, None)) => outcome.label().to_owned(),
            None => "Encerrado antes do fim do script.".to_owned(),
        });
    html! {
        <div class="script-report">
            <p id="relatorio-script-nome">
                { format!("{} (versão {}) · {}", run.script_name, run.version,
                    plural::count(run.report().len(), "pergunta", "perguntas")) }
            </p>
            <div class="table-scroll">
                <ScriptAnswers id="relatorio-script" answers={run.report().to_vec()} numbered=true />
            </div>
            if let Some(outcome) = outcome {
                <p id="resultado-script" class="script-outcome">{ format!("Resultado: {outcome}") }</p>
            }
        </div>
    }
}
