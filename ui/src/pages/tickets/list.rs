//! "Atendimentos": the tickets by the filters, newest first, a page at a time ("Mais").
use helpdesk_api::{CommandError, ListTickets, TicketCursor, TicketListQuery, TicketSummary};
use helpdesk_core::date::format_instant;
use helpdesk_core::plural;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::filters::TicketFilters;
use crate::api;
use crate::components::{unplaced_message, FormError, SlaMark};
use crate::dom::local_offset_minutes;

/// Props of [`TicketList`].
#[derive(Properties, PartialEq)]
pub struct TicketListProps {
    /// The filters to show first (the last ones used).
    pub query: TicketListQuery,
    /// The filters used, for the next time the list opens.
    pub onquery: Callback<TicketListQuery>,
    /// Opens a ticket's page.
    pub onopen: Callback<TicketSummary>,
    /// "Voltar".
    pub onclose: Callback<()>,
}

/// What the list shows.
#[derive(Clone, PartialEq)]
struct Shown {
    /// The filters of the rows shown.
    query: TicketListQuery,
    rows: Vec<TicketSummary>,
    /// Whether the last page was full, so there may be more.
    more: bool,
}

/// `section#atendimentos-pagina`: the filters, `table#atendimentos-lista` with a
/// `tr[data-protocol]` and an "Abrir" button per ticket, and `button#mais-atendimentos`.
#[function_component]
pub fn TicketList(props: &TicketListProps) -> Html {
    let shown = use_state(|| None::<Shown>);
    let error = use_state(|| None::<CommandError>);
    let loading = use_state(|| false);

    // Loads a page of `query`, appending it to `kept` (the rows already shown).
    let load = {
        let (shown, error, loading, onquery) = (
            shown.clone(),
            error.clone(),
            loading.clone(),
            props.onquery.clone(),
        );
        Callback::from(
            move |(query, kept): (TicketListQuery, Vec<TicketSummary>)| {
                let (shown, error, loading, onquery) = (
                    shown.clone(),
                    error.clone(),
                    loading.clone(),
                    onquery.clone(),
                );
                loading.set(true);
                spawn_local(async move {
                    match api::invoke::<ListTickets>(&query).await {
                        Ok(page) => {
                            let more = page.len() == query.filter.limit as usize
                                && query.protocol.trim().is_empty();
                            let mut rows = kept;
                            rows.extend(page);
                            let first_page = TicketListQuery {
                                filter: helpdesk_api::TicketFilter {
                                    before: None,
                                    ..query.filter.clone()
                                },
                                ..query
                            };
                            onquery.emit(first_page.clone());
                            shown.set(Some(Shown {
                                query: first_page,
                                rows,
                                more,
                            }));
                            error.set(None);
                        }
                        Err(failure) => error.set(Some(failure)),
                    }
                    loading.set(false);
                });
            },
        )
    };
    {
        let (load, query) = (load.clone(), props.query.clone());
        use_effect_with((), move |_| load.emit((query, Vec::new())));
    }
    let onsearch = load.reform(|query: TicketListQuery| (query, Vec::new()));
    let onmore = {
        let (load, shown) = (load.clone(), shown.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(current) = &*shown {
                let mut next = current.query.clone();
                next.filter.before = current.rows.last().map(TicketCursor::after);
                load.emit((next, current.rows.clone()));
            }
        })
    };

    let errors: Vec<CommandError> = error.iter().cloned().collect();
    let offset = local_offset_minutes();
    html! {
        <main id="atendimentos-pagina" class="tickets-page">
            <div class="page-header">
                <h1>{ "Atendimentos" }</h1>
                <button id="voltar-inicio" type="button" onclick={props.onclose.reform(|_: MouseEvent| ())}>
                    { "Voltar" }
                </button>
            </div>
            <TicketFilters initial={props.query.clone()} error={(*error).clone()} {onsearch} />
            <FormError message={unplaced_message(&errors, &["protocolo"])} />
            { match &*shown {
                None => html! { <p aria-busy="true">{ "Carregando…" }</p> },
                Some(shown) if shown.rows.is_empty() => html! {
                    <p id="atendimentos-vazio" class="empty">{ "Nenhum atendimento com estes filtros." }</p>
                },
                Some(shown) => html! {
                    <>
                        <p class="count" id="atendimentos-contagem">
                            { plural::count(shown.rows.len(), "atendimento", "atendimentos") }
                        </p>
                        <div class="table-scroll">
                            <table id="atendimentos-lista" class="grid">
                                <thead>
                                    <tr>
                                        <th>{ "Protocolo" }</th>
                                        <th>{ "Situação" }</th>
                                        <th>{ "Cliente" }</th>
                                        <th>{ "Origem" }</th>
                                        <th>{ "Tipo" }</th>
                                        <th>{ "Destinado a" }</th>
                                        <th>{ "Aberto em" }</th>
                                        <th>{ "Prazo" }</th>
                                        <th></th>
                                    </tr>
                                </thead>
                                <tbody>
                                    { for shown.rows.iter().map(|ticket| row(ticket, offset, &props.onopen)) }
                                </tbody>
                            </table>
                        </div>
                        if shown.more {
                            <button id="mais-atendimentos" type="button" onclick={onmore} disabled={*loading}>
                                { "Mais" }
                            </button>
                        }
                    </>
                },
            } }
        </main>
    }
}

fn row(ticket: &TicketSummary, offset: i32, onopen: &Callback<TicketSummary>) -> Html {
    let protocol = ticket.protocol.to_string();
    let open = {
        let (onopen, ticket) = (onopen.clone(), ticket.clone());
        Callback::from(move |_: MouseEvent| onopen.emit(ticket.clone()))
    };
    let dash = || "—".to_owned();
    html! {
        <tr key={ticket.id.to_string()} data-protocol={protocol.clone()} data-status={ticket.status.label()}>
            <td>{ protocol.clone() }</td>
            <td>{ ticket.status.label() }</td>
            <td>{ format!("{} · {}", ticket.customer_code, ticket.customer_name) }</td>
            <td>{ ticket.origin.label() }</td>
            <td>{ ticket.ticket_type_name.clone().unwrap_or_else(dash) }</td>
            <td>{ ticket.assignee.as_ref().map_or_else(dash, |a| a.describe()) }</td>
            <td>{ format_instant(ticket.opened_at, offset) }</td>
            <td><SlaMark due_at={ticket.due_at} resolved_at={ticket.resolved_at} {offset} /></td>
            <td>
                <button type="button" class="abrir" data-protocol={protocol} onclick={open}>
                    { "Abrir" }
                </button>
            </td>
        </tr>
    }
}
