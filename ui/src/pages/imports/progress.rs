//! The import's progress (a bar per file, its counts) and report (the refused rows), and
//! the offer to resume an interrupted import.
use helpdesk_api::{ImportStatus, PendingImport};
use helpdesk_core::import::job::FileState;
use helpdesk_core::import::ImportCounts;
use helpdesk_core::plural;
use yew::prelude::*;

use super::file_card::stem;

fn counts_text(counts: &ImportCounts, dry_run: bool) -> String {
    if dry_run {
        let accepted = counts.read.saturating_sub(counts.rejected);
        format!(
            "{} {}, {accepted} {}, {} {}",
            plural::count(counts.read, "linha", "linhas"),
            plural::word(counts.read, "lida", "lidas"),
            plural::word(accepted, "aceita", "aceitas"),
            counts.rejected,
            plural::word(counts.rejected, "recusada", "recusadas"),
        )
    } else {
        format!(
            "{} {}: {} {}, {} {}, {} sem mudança, {} {}",
            plural::count(counts.read, "linha", "linhas"),
            plural::word(counts.read, "lida", "lidas"),
            counts.created,
            plural::word(counts.created, "incluído", "incluídos"),
            counts.updated,
            plural::word(counts.updated, "alterado", "alterados"),
            counts.unchanged,
            counts.rejected,
            plural::word(counts.rejected, "recusado", "recusados"),
        )
    }
}

fn state_text(state: FileState) -> &'static str {
    match state {
        FileState::Waiting => "Aguardando",
        FileState::Running => "Importando…",
        FileState::Done => "Concluído",
        FileState::Cancelled => "Cancelado",
        FileState::Failed => "Interrompido",
    }
}

/// Props of [`ProgressView`].
#[derive(Properties, PartialEq)]
pub struct ProgressViewProps {
    pub status: ImportStatus,
    pub running: bool,
    /// "Salvar relatório (CSV)".
    pub onsave: Callback<MouseEvent>,
}

/// `div#importar-situacao`: each file's bar and counts, why it stopped, and the report.
#[function_component]
pub fn ProgressView(props: &ProgressViewProps) -> Html {
    let status = &props.status;
    let title = if status.dry_run {
        "Simulação"
    } else {
        "Importação"
    };
    html! {
        <div id="importar-situacao" role="status" aria-busy={props.running.to_string()}>
            <h2>{ title }</h2>
            { for status.files.iter().map(|file| {
                let stem = stem(file.kind);
                html! {
                    <div class="field" id={format!("importar-progresso-{stem}")}>
                        <label for={format!("importar-barra-{stem}")}>
                            { format!("{} ({}): {}", file.kind.label(), file.file_name, state_text(file.state)) }
                        </label>
                        <progress id={format!("importar-barra-{stem}")} max="1000"
                            value={file.permille.to_string()}></progress>
                        <span class="muted">{ counts_text(&file.counts, status.dry_run) }</span>
                    </div>
                }
            }) }
            if let Some(message) = &status.error {
                <p class="form-error" role="alert" id="importar-erro">{ message.clone() }</p>
            }
            if !props.running {
                if status.rejected.is_empty() {
                    <p id="importar-sem-recusas" class="saved-note">{ "Nenhuma linha recusada." }</p>
                } else {
                    <h3>{ "Linhas recusadas" }</h3>
                    <div class="table-scroll compact">
                        <table id="importar-relatorio" class="admin-table">
                            <thead><tr>
                                <th>{ "Arquivo" }</th><th>{ "Linha" }</th>
                                <th>{ "Coluna" }</th><th>{ "Motivo" }</th>
                            </tr></thead>
                            <tbody>
                                { for status.rejected.iter().map(|row| html! {
                                    <tr>
                                        <td>{ row.file.clone() }</td><td>{ row.line }</td>
                                        <td>{ row.column.clone() }</td><td>{ row.reason.clone() }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                    <div class="form-actions">
                        <button id="importar-salvar-relatorio" type="button" onclick={props.onsave.clone()}>
                            { "Salvar relatório (CSV)" }
                        </button>
                    </div>
                }
            }
        </div>
    }
}

/// Props of [`PendingOffer`].
#[derive(Properties, PartialEq)]
pub struct PendingOfferProps {
    pub runs: Vec<PendingImport>,
    /// "Retomar".
    pub onresume: Callback<()>,
}

/// `div#importar-pendente`: the imports left halfway, and "Retomar".
#[function_component]
pub fn PendingOffer(props: &PendingOfferProps) -> Html {
    html! {
        <div id="importar-pendente" class="admin-form" role="status">
            <p>{ "Uma importação ficou pela metade. Retome-a de onde parou:" }</p>
            <ul>
                { for props.runs.iter().map(|run| html! {
                    <li>{ format!("{} ({}): {} já {}", run.kind.label(), run.file_name,
                        plural::count(run.counts.read, "linha", "linhas"),
                        plural::word(run.counts.read, "gravada", "gravadas")) }</li>
                }) }
            </ul>
            <button id="importar-retomar" type="button" class="primary"
                onclick={props.onresume.reform(|_: MouseEvent| ())}>{ "Retomar" }</button>
        </div>
    }
}
