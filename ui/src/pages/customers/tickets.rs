//! The customer's tickets, newest first; "Abrir" opens a ticket's page as "Atendimentos"
//! does.
use helpdesk_api::{ListTickets, TicketFilter, TicketListQuery, TicketSummary, Uuid};
use helpdesk_core::date::format_instant;
use yew::prelude::*;

use crate::components::FormError;
use crate::dom::local_offset_minutes;
use crate::hooks::use_command;

/// Props of [`CustomerTickets`].
#[derive(Properties, PartialEq)]
pub struct CustomerTicketsProps {
    pub customer_id: Uuid,
    pub onopen: Callback<TicketSummary>,
}

/// `section#cliente-atendimentos`: `table#atendimentos-cliente` with a `tr[data-protocol]`
/// each.
#[function_component]
pub fn CustomerTickets(props: &CustomerTicketsProps) -> Html {
    let tickets = use_command::<ListTickets>(TicketListQuery {
        filter: TicketFilter {
            customer_id: Some(props.customer_id),
            ..TicketFilter::default()
        },
        protocol: String::new(),
    });
    let offset = local_offset_minutes();
    let row = |ticket: &TicketSummary| {
        let protocol = ticket.protocol.to_string();
        let onclick = {
            let (onopen, ticket) = (props.onopen.clone(), ticket.clone());
            Callback::from(move |_: MouseEvent| onopen.emit(ticket.clone()))
        };
        html! {
            <tr key={ticket.id.to_string()} data-protocol={protocol.clone()}>
                <td>{ protocol.clone() }</td>
                <td>{ ticket.status.label() }</td>
                <td>{ ticket.ticket_type_name.clone().unwrap_or_else(|| "—".to_owned()) }</td>
                <td>{ format_instant(ticket.opened_at, offset) }</td>
                <td>
                    <button type="button" class="abrir" data-protocol={protocol} {onclick}>{ "Abrir" }</button>
                </td>
            </tr>
        }
    };
    html! {
        <section id="cliente-atendimentos" class="customer-section card"
            aria-labelledby="cliente-atendimentos-titulo">
            <div class="section-heading">
                <h3 id="cliente-atendimentos-titulo">{ "Atendimentos" }</h3>
            </div>
            <FormError message={tickets.error_message()} />
            { match tickets.value() {
                None if tickets.error().is_none() => html! { <p aria-busy="true">{ "Carregando…" }</p> },
                None => Html::default(),
                Some(rows) if rows.is_empty() => html! { <p class="empty">{ "Nenhum atendimento." }</p> },
                Some(rows) => html! {
                    <div class="table-scroll compact">
                        <table id="atendimentos-cliente" class="grid static">
                            <thead><tr>
                                <th>{ "Protocolo" }</th><th>{ "Situação" }</th><th>{ "Tipo" }</th>
                                <th>{ "Aberto em" }</th><th></th>
                            </tr></thead>
                            <tbody>{ for rows.iter().map(row) }</tbody>
                        </table>
                    </div>
                },
            } }
        </section>
    }
}
