//! "Ordens de Serviço": the work orders by the filters, latest start first, a page at a
//! time ("Mais"); a line opens its status dialog, "Ver na agenda" the agenda on its day.
use chrono::NaiveDate;
use helpdesk_api::{CommandError, ListWorkOrders, Uuid, WorkOrderCursor, WorkOrderLine};
use helpdesk_core::date::{day_of, format_instant};
use helpdesk_core::plural;
use helpdesk_core::work_order_form::format_time;
use helpdesk_core::work_order_life::WorkOrderStage;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::filters::{Filters, WorkOrderFilters, FROM, TO};
use super::status_dialog::StatusDialog;
use crate::api;
use crate::components::{unplaced_message, FormError};
use crate::dom::local_offset_minutes;

/// Where "Ver na agenda" goes: the visit's day and its technician's team.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgendaFocus {
    pub date: NaiveDate,
    pub team_id: Uuid,
}

/// Props of [`WorkOrdersPage`].
#[derive(Properties, PartialEq)]
pub struct WorkOrdersPageProps {
    /// The filters to show first (the last ones used).
    pub filters: Filters,
    /// The filters used, for the next time the page opens.
    pub onfilters: Callback<Filters>,
    /// "Ver na agenda".
    pub onagenda: Callback<AgendaFocus>,
    /// "Voltar".
    pub onclose: Callback<()>,
}

/// What the list shows.
#[derive(Clone, PartialEq)]
struct Shown {
    filters: Filters,
    rows: Vec<WorkOrderLine>,
    /// The last page was full, so there may be more.
    more: bool,
}

/// `main#ordens-servico-pagina`: the filters, `table#ordens-servico-lista` with a
/// `tr[data-work-order-id]` per work order, and `button#mais-ordens-servico`.
#[function_component]
pub fn WorkOrdersPage(props: &WorkOrdersPageProps) -> Html {
    let shown = use_state(|| None::<Shown>);
    let errors = use_state(Vec::<CommandError>::new);
    let loading = use_state(|| false);
    let open = use_state(|| None::<WorkOrderLine>);

    // Loads a page of `filters` after `kept` (the rows already shown).
    let load = {
        let (shown, errors, loading, onfilters) = (
            shown.clone(),
            errors.clone(),
            loading.clone(),
            props.onfilters.clone(),
        );
        Callback::from(
            move |(filters, before, kept): (
                Filters,
                Option<WorkOrderCursor>,
                Vec<WorkOrderLine>,
            )| {
                let query = match filters.query() {
                    Ok(query) => helpdesk_api::WorkOrderFilter { before, ..query },
                    Err(refused) => {
                        errors.set(refused);
                        return;
                    }
                };
                let (shown, errors, loading, onfilters) = (
                    shown.clone(),
                    errors.clone(),
                    loading.clone(),
                    onfilters.clone(),
                );
                loading.set(true);
                spawn_local(async move {
                    match api::invoke::<ListWorkOrders>(&query).await {
                        Ok(page) => {
                            let more = page.len() == query.limit as usize;
                            let mut rows = kept;
                            rows.extend(page);
                            onfilters.emit(filters.clone());
                            shown.set(Some(Shown {
                                filters,
                                rows,
                                more,
                            }));
                            errors.set(Vec::new());
                        }
                        Err(failure) => errors.set(vec![failure]),
                    }
                    loading.set(false);
                });
            },
        )
    };
    {
        let (load, filters) = (load.clone(), props.filters.clone());
        use_effect_with((), move |_| load.emit((filters, None, Vec::new())));
    }
    let onsearch = load.reform(|filters: Filters| (filters, None, Vec::new()));
    let onmore = {
        let (load, shown) = (load.clone(), shown.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(current) = &*shown {
                let before = current.rows.last().map(WorkOrderCursor::after);
                load.emit((current.filters.clone(), before, current.rows.clone()));
            }
        })
    };
    let onclose_dialog = {
        let open = open.clone();
        Callback::from(move |()| open.set(None))
    };
    let ondone = {
        let (open, shown) = (open.clone(), shown.clone());
        Callback::from(move |saved: WorkOrderLine| {
            open.set(None);
            if let Some(current) = &*shown {
                let mut next = current.clone();
                for row in &mut next.rows {
                    if row.visit.id == saved.visit.id {
                        *row = saved.clone();
                    }
                }
                shown.set(Some(next));
            }
        })
    };

    let offset = local_offset_minutes();
    let row = |line: &WorkOrderLine| {
        let opener = {
            let (open, line) = (open.clone(), line.clone());
            Callback::from(move |_: MouseEvent| open.set(Some(line.clone())))
        };
        let to_agenda = {
            let focus = AgendaFocus {
                date: day_of(line.visit.slot.starts_at, offset),
                team_id: line.team_id,
            };
            props.onagenda.reform(move |_: MouseEvent| focus)
        };
        let visit = &line.visit;
        let minute = |at: i64| (at + i64::from(offset) * 60_000).rem_euclid(86_400_000) / 60_000;
        let when = format!(
            "{}–{}",
            format_instant(visit.slot.starts_at, offset),
            format_time(minute(visit.slot.ends_at))
        );
        let stage_class = match visit.stage {
            WorkOrderStage::Done => "done",
            WorkOrderStage::Cancelled => "cancelled",
            WorkOrderStage::InProgress => "in-progress",
            WorkOrderStage::Open => "open",
        };
        html! {
            <tr key={visit.id.to_string()} data-work-order-id={visit.id.to_string()}
                data-protocol={visit.protocol.clone()} class={classes!("os-line", stage_class)}>
                <td>{ visit.protocol.clone() }</td>
                <td>{ visit.customer_name.clone() }</td>
                <td>{ visit.type_name.clone() }</td>
                <td>{ line.technician_name.clone() }</td>
                <td>{ when }</td>
                <td class="os-status">
                    <span class="status-dot" style={format!("background:{}", visit.status_color)}></span>
                    { visit.status_name.clone() }
                </td>
                <td class="os-outcome">{ line.outcome.map(|o| o.label()).unwrap_or("") }</td>
                <td class="row-actions">
                    <button type="button" class="os-abrir" onclick={opener}>{ "Abrir" }</button>
                    <button type="button" class="os-ver-agenda" onclick={to_agenda}>{ "Ver na agenda" }</button>
                </td>
            </tr>
        }
    };
    html! {
        <main id="ordens-servico-pagina" class="tickets-page">
            <div class="page-header">
                <h1>{ "Ordens de Serviço" }</h1>
                <button id="voltar-inicio" type="button" onclick={props.onclose.reform(|_: MouseEvent| ())}>
                    { "Voltar" }
                </button>
            </div>
            <WorkOrderFilters initial={props.filters.clone()} errors={(*errors).clone()} {onsearch} />
            <FormError message={unplaced_message(&errors, &[FROM, TO])} />
            { match &*shown {
                None => html! { <p aria-busy="true">{ "Carregando…" }</p> },
                Some(shown) if shown.rows.is_empty() => html! {
                    <p id="ordens-servico-vazio" class="empty">{ "Nenhuma ordem de serviço com estes filtros." }</p>
                },
                Some(shown) => html! {
                    <>
                        <p class="count" id="ordens-servico-contagem">
                            { plural::count(shown.rows.len(), "ordem de serviço", "ordens de serviço") }
                        </p>
                        <div class="table-scroll">
                            <table id="ordens-servico-lista" class="grid">
                                <thead>
                                    <tr>
                                        <th>{ "Protocolo" }</th>
                                        <th>{ "Cliente" }</th>
                                        <th>{ "Tipo" }</th>
                                        <th>{ "Técnico" }</th>
                                        <th>{ "Início–fim" }</th>
                                        <th>{ "Status" }</th>
                                        <th>{ "Resultado" }</th>
                                        <th></th>
                                    </tr>
                                </thead>
                                <tbody>
                                    { for shown.rows.iter().map(row) }
                                </tbody>
                            </table>
                        </div>
                        if shown.more {
                            <button id="mais-ordens-servico" type="button" onclick={onmore} disabled={*loading}>
                                { "Mais" }
                            </button>
                        }
                    </>
                },
            } }
            if let Some(line) = &*open {
                <StatusDialog key={line.visit.id.to_string()} line={line.clone()}
                    onclose={onclose_dialog} {ondone} />
            }
        </main>
    }
}
