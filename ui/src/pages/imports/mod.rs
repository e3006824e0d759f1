//! "Importar clientes" (administrators): a CSV file per kind (plans, routing points,
//! customers, contracts), its columns mapped to the app's fields, a dry run and its report,
//! the import with its progress bar and "Cancelar", the offer to resume an interrupted one,
//! and "Exportar clientes".
mod file_card;
mod progress;

use gloo_timers::callback::Interval;
use helpdesk_api::{
    CancelImport, ExportCustomers, FileInspection, ImportKind, ImportProgress, ImportRequest,
    ImportStatus, ListPendingImports, ResumeImports, RunImport, SaveImportReport,
};
use helpdesk_core::import::job::ImportFile;
use helpdesk_core::import::MatchCustomersBy;
use helpdesk_core::plural;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::FormError;
use crate::hooks::use_command;
use file_card::FileCard;
use progress::{PendingOffer, ProgressView};

/// How often a running import's progress is asked, in milliseconds.
const POLL_EVERY_MS: u32 = 500;

/// The picked files, by kind, in import order.
type Picked = [Option<FileInspection>; 4];

fn slot(kind: ImportKind) -> usize {
    ImportKind::ALL
        .iter()
        .position(|other| *other == kind)
        .unwrap_or_default()
}

/// Props of [`ImportsPage`].
#[derive(Properties, PartialEq)]
pub struct ImportsPageProps {
    /// "Voltar".
    pub onclose: Callback<()>,
}

/// `section#importar-clientes`.
#[function_component]
pub fn ImportsPage(props: &ImportsPageProps) -> Html {
    let picked = use_state(Picked::default);
    let match_by = use_state(|| MatchCustomersBy::Code);
    let status = use_state(|| None::<ImportStatus>);
    let running = use_state(|| false);
    let error = use_state(|| None::<AttrValue>);
    let note = use_state(|| None::<AttrValue>);
    let pending = use_command::<ListPendingImports>(());
    {
        let status = status.clone();
        use_effect_with(*running, move |running| {
            let timer = running.then(|| {
                Interval::new(POLL_EVERY_MS, move || {
                    let status = status.clone();
                    spawn_local(async move {
                        if let Ok(now) = api::invoke::<ImportProgress>(&()).await {
                            status.set(Some(now));
                        }
                    });
                })
            });
            move || drop(timer)
        });
    }
    // Runs a command that imports (a new run or a resumed one) until it answers.
    let drive = {
        let (status, running, error, note) =
            (status.clone(), running.clone(), error.clone(), note.clone());
        let reload_pending = pending.reload();
        Callback::from(move |request: Option<ImportRequest>| {
            let (status, running, error, note) =
                (status.clone(), running.clone(), error.clone(), note.clone());
            let reload_pending = reload_pending.clone();
            error.set(None);
            note.set(None);
            running.set(true);
            spawn_local(async move {
                let answer = match &request {
                    Some(request) => api::invoke::<RunImport>(request).await,
                    None => api::invoke::<ResumeImports>(&()).await,
                };
                running.set(false);
                match answer {
                    Ok(now) => status.set(Some(now)),
                    Err(failure) => error.set(Some(failure.message.into())),
                }
                reload_pending.emit(());
            });
        })
    };
    let start = |dry_run: bool| {
        let (picked, match_by, drive) = (picked.clone(), match_by.clone(), drive.clone());
        Callback::from(move |_: MouseEvent| {
            let files = picked
                .iter()
                .flatten()
                .map(|file| ImportFile {
                    kind: file.kind,
                    mapping: file.mapping.clone(),
                })
                .collect();
            drive.emit(Some(ImportRequest {
                files,
                match_by: *match_by,
                dry_run,
            }));
        })
    };
    let onpicked = {
        let picked = picked.clone();
        Callback::from(move |file: FileInspection| {
            let mut next = (*picked).clone();
            let index = slot(file.kind);
            next[index] = Some(file);
            picked.set(next);
        })
    };
    let oncancel = Callback::from(|_: MouseEvent| {
        spawn_local(async {
            // The import answers "Cancelado" itself once its batch is written.
            let _ = api::invoke::<CancelImport>(&()).await;
        });
    });
    let onsave_report = {
        let (error, note) = (error.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let (error, note) = (error.clone(), note.clone());
            spawn_local(async move {
                match api::invoke::<SaveImportReport>(&()).await {
                    Ok(true) => note.set(Some("Relatório salvo.".into())),
                    Ok(false) => {}
                    Err(failure) => error.set(Some(failure.message.into())),
                }
            });
        })
    };
    let onexport = {
        let (error, note) = (error.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let (error, note) = (error.clone(), note.clone());
            spawn_local(async move {
                match api::invoke::<ExportCustomers>(&()).await {
                    Ok(Some(lines)) => note.set(Some(
                        format!(
                            "Clientes exportados: {}.",
                            plural::count(lines, "linha", "linhas")
                        )
                        .into(),
                    )),
                    Ok(None) => {}
                    Err(failure) => error.set(Some(failure.message.into())),
                }
            });
        })
    };
    let onmatch = {
        let match_by = match_by.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            match_by.set(MatchCustomersBy::from_code(&value));
        })
    };
    let any_picked = picked.iter().any(Option::is_some);
    let busy = *running;
    let pending_runs = pending.value().cloned().unwrap_or_default();
    html! {
        <section id="importar-clientes" class="admin-page" aria-labelledby="importar-titulo">
            <header class="admin-page-header">
                <h1 id="importar-titulo">{ "Importar clientes" }</h1>
                <span class="spacer"></span>
                <button id="exportar-clientes" type="button" onclick={onexport} disabled={busy}>
                    { "Exportar clientes" }
                </button>
                <button id="importar-voltar" type="button" disabled={busy}
                    onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Voltar" }</button>
            </header>
            <p class="hint">
                { "Escolha abaixo os arquivos CSV exportados do sistema anterior (separados por ; ou ,) \
                   e confira as colunas. Simule primeiro: o relatório mostra cada linha recusada e o motivo." }
            </p>
            if !busy && !pending_runs.is_empty() {
                <PendingOffer runs={pending_runs} onresume={drive.reform(|()| None)} />
            }
            <div class="field">
                <label for="importar-identificar">{ "Identificar os clientes já cadastrados pelo" }</label>
                <select id="importar-identificar" onchange={onmatch} disabled={busy}>
                    <option value="code" selected={*match_by == MatchCustomersBy::Code}>{ "Código" }</option>
                    <option value="document" selected={*match_by == MatchCustomersBy::Document}>{ "CPF/CNPJ" }</option>
                </select>
            </div>
            <FormError message={(*error).clone()} />
            if let Some(message) = (*note).clone() {
                <p id="importar-aviso" class="saved-note" role="status">{ message }</p>
            }
            <div class="form-actions">
                <button id="importar-simular" type="button" disabled={busy || !any_picked}
                    onclick={start(true)}>{ "Simular" }</button>
                <button id="importar-executar" type="button" class="primary"
                    disabled={busy || !any_picked} onclick={start(false)}>{ "Importar" }</button>
                if busy {
                    <button id="importar-cancelar" type="button" onclick={oncancel}>{ "Cancelar" }</button>
                }
            </div>
            if let Some(now) = (*status).clone() {
                <ProgressView status={now} running={busy} onsave={onsave_report} />
            }
            { for ImportKind::ALL.into_iter().map(|kind| html! {
                <FileCard
                    {kind}
                    file={picked[slot(kind)].clone()}
                    disabled={busy}
                    onpicked={onpicked.clone()}
                />
            }) }
        </section>
    }
}
