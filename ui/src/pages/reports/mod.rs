//! "Relatórios": choose a report, its period (this month by default) and filters, "Gerar";
//! the table and its bar chart (drawn from the core's chart model), "Exportar CSV" through
//! the system's save dialog, and "Imprimir" (the print stylesheet keeps the table and the
//! chart).
mod chart;
mod form;
mod table;

use chrono::Datelike;
use helpdesk_api::{ExportReportCsv, Report, ReportFilters, ReportKind, ReportRequest, RunReport};
use helpdesk_core::date::{day_of, format_date};
use helpdesk_core::report::fields;
use yew::prelude::*;

use crate::components::FormError;
use crate::dom::local_offset_minutes;
use crate::hooks::use_submit;
use chart::ReportChart;
use form::ReportForm;
use table::ReportTable;

/// Props of [`ReportsPage`].
#[derive(Properties, PartialEq)]
pub struct ReportsPageProps {
    /// "Voltar".
    pub onclose: Callback<()>,
}

/// This month, from its first day to its last, in local time.
fn this_month() -> ReportRequest {
    let today = day_of(js_sys::Date::now() as i64, local_offset_minutes());
    let first = today.with_day0(0).unwrap_or(today);
    let last = first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(today);
    ReportRequest {
        kind: ReportKind::TicketsByOrigin,
        from: format_date(first),
        to: format_date(last),
        filters: ReportFilters::default(),
    }
}

/// `main#relatorios-pagina`.
#[function_component]
pub fn ReportsPage(props: &ReportsPageProps) -> Html {
    let request = use_state(this_month);
    let report = use_state(|| None::<Report>);
    let run = use_submit::<RunReport>();
    let export = use_submit::<ExportReportCsv>();
    let exported = use_state(|| None::<AttrValue>);

    let onchange = {
        let (request, run, export) = (request.clone(), run.clone(), export.clone());
        Callback::from(
            move |(next, field): (ReportRequest, Option<&'static str>)| {
                if let Some(field) = field {
                    run.edited(field);
                    export.edited(field);
                }
                request.set(next);
            },
        )
    };
    let ongenerate = {
        let (request, report, run, exported) = (
            request.clone(),
            report.clone(),
            run.clone(),
            exported.clone(),
        );
        Callback::from(move |()| {
            let found = request
                .period(local_offset_minutes())
                .err()
                .unwrap_or_default();
            let report = report.clone();
            exported.set(None);
            run.send(
                (*request).clone(),
                found,
                Callback::from(move |answer: Report| report.set(Some(answer))),
            );
        })
    };
    let onexport = {
        let (request, export, exported) = (request.clone(), export.clone(), exported.clone());
        Callback::from(move |_: MouseEvent| {
            let found = request
                .period(local_offset_minutes())
                .err()
                .unwrap_or_default();
            let exported = exported.clone();
            export.send(
                (*request).clone(),
                found,
                Callback::from(move |path: Option<String>| {
                    if let Some(path) = path {
                        exported.set(Some(format!("Relatório exportado para {path}").into()));
                    }
                }),
            );
        })
    };
    let onprint = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let error_at = |field: &str| run.error(field).or_else(|| export.error(field));
    let unplaced = run
        .unplaced(&[fields::FROM, fields::TO])
        .or_else(|| export.unplaced(&[fields::FROM, fields::TO]));

    html! {
        <main id="relatorios-pagina" class="reports-page">
            <div class="page-header report-controls">
                <h1>{ "Relatórios" }</h1>
                <button id="voltar-inicio" type="button" onclick={props.onclose.reform(|_: MouseEvent| ())}>
                    { "Voltar" }
                </button>
            </div>
            <ReportForm
                request={(*request).clone()}
                from_error={error_at(fields::FROM)}
                to_error={error_at(fields::TO)}
                sending={run.sending()}
                {onchange}
                {ongenerate}
            />
            <FormError message={unplaced} />
            if let Some(report) = &*report {
                <section id="relatorio-resultado" class="report-result" aria-live="polite">
                    <div class="report-heading">
                        <h2 id="relatorio-titulo">{ report.title.clone() }</h2>
                        <p id="relatorio-periodo" class="report-period">
                            { format!("Período: {}", report.period) }
                        </p>
                    </div>
                    <div class="report-actions report-controls">
                        <button id="exportar-csv" type="button" onclick={onexport}
                            disabled={export.sending()}>
                            { "Exportar CSV" }
                        </button>
                        <button id="imprimir" type="button" onclick={onprint}>{ "Imprimir" }</button>
                        if let Some(message) = &*exported {
                            <span id="relatorio-exportado" class="report-exported" role="status">
                                { message.clone() }
                            </span>
                        }
                    </div>
                    if report.is_empty() {
                        <p id="relatorio-vazio" class="empty">
                            { "Nenhum dado no período e filtros escolhidos." }
                        </p>
                    } else {
                        <ReportChart chart={report.chart.clone()} />
                        <ReportTable report={report.clone()} />
                    }
                </section>
            }
        </main>
    }
}
