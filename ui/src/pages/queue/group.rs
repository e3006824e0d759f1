//! One group of the queue: its heading with the counts, and its entries as buttons.
use helpdesk_api::{QueueCount, SupportMessage, TicketGroup, TicketSummary};
use helpdesk_core::date::format_instant;
use helpdesk_core::queue::QueueGroup;
use yew::prelude::*;

use crate::components::SlaMark;
use crate::dom::local_offset_minutes;

/// The heading of a group: its label, its count and, when there are, how many are overdue
/// and due today.
fn heading(group: QueueGroup, count: QueueCount) -> Html {
    html! {
        <h3>
            { group.label() }
            <span class="queue-count" data-count={count.total.to_string()}>
                { QueueCount::shown(count.total) }
            </span>
            if count.overdue > 0 {
                <span class="queue-overdue" data-count={count.overdue.to_string()}>
                    { format!("{} atrasado{}", QueueCount::shown(count.overdue),
                        if count.overdue == 1 { "" } else { "s" }) }
                </span>
            }
            if count.due_today > 0 {
                <span class="queue-today" data-count={count.due_today.to_string()}>
                    { format!("{} vence{} hoje", QueueCount::shown(count.due_today),
                        if count.due_today == 1 { "" } else { "m" }) }
                </span>
            }
        </h3>
    }
}

/// Props of [`TicketGroupView`].
#[derive(Properties, PartialEq)]
pub struct TicketGroupProps {
    pub group: TicketGroup,
    pub onopen: Callback<TicketSummary>,
}

/// `div#fila-<group>`: the group's tickets, soonest due first.
#[function_component]
pub fn TicketGroupView(props: &TicketGroupProps) -> Html {
    let group = &props.group;
    let offset = local_offset_minutes();
    html! {
        <div id={format!("fila-{}", group.group.id())} class="queue-group">
            { heading(group.group, group.count) }
            if group.tickets.is_empty() {
                <p class="empty">{ "Nenhum atendimento." }</p>
            } else {
                <ul>
                    { for group.tickets.iter().map(|ticket| {
                        let open = {
                            let (onopen, ticket) = (props.onopen.clone(), ticket.clone());
                            Callback::from(move |_: MouseEvent| onopen.emit(ticket.clone()))
                        };
                        let protocol = ticket.protocol.to_string();
                        html! {
                            <li key={ticket.id.to_string()}>
                                <button type="button" class="queue-entry"
                                    data-protocol={protocol.clone()} onclick={open}>
                                    <span class="queue-protocol">{ protocol }</span>
                                    <span>{ format!("{} · {}", ticket.customer_code, ticket.customer_name) }</span>
                                    <span>{ ticket.ticket_type_name.clone().unwrap_or_default() }</span>
                                    <SlaMark due_at={ticket.due_at} resolved_at={ticket.resolved_at} {offset} />
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}

/// Props of [`MessageGroup`].
#[derive(Properties, PartialEq)]
pub struct MessageGroupProps {
    pub count: QueueCount,
    pub messages: Vec<SupportMessage>,
    pub onopen: Callback<SupportMessage>,
    /// Whether a draft left from before keeps them from starting a ticket.
    pub blocked: bool,
}

/// `div#fila-mensagens`: the new online-support messages, newest first.
#[function_component]
pub fn MessageGroup(props: &MessageGroupProps) -> Html {
    let offset = local_offset_minutes();
    html! {
        <div id={format!("fila-{}", QueueGroup::NewMessages.id())} class="queue-group">
            { heading(QueueGroup::NewMessages, props.count) }
            if props.messages.is_empty() {
                <p class="empty">{ "Nenhuma mensagem nova." }</p>
            } else {
                if props.blocked {
                    <p class="hint" id="fila-rascunho">
                        { "Continue ou descarte o rascunho acima para atender uma mensagem." }
                    </p>
                }
                <ul>
                    { for props.messages.iter().map(|message| {
                        let open = {
                            let (onopen, message) = (props.onopen.clone(), message.clone());
                            Callback::from(move |_: MouseEvent| onopen.emit(message.clone()))
                        };
                        let sender = if message.sender_name.is_empty() {
                            message.email.clone()
                        } else {
                            format!("{} <{}>", message.sender_name, message.email)
                        };
                        html! {
                            <li key={message.id.to_string()}>
                                <button type="button" class="queue-entry queue-message"
                                    data-message={message.id.to_string()} onclick={open}
                                    disabled={props.blocked}>
                                    <span class="queue-subject">{ message.subject.clone() }</span>
                                    <span>{ format_instant(message.received_at, offset) }</span>
                                    <span class="queue-sender">{ sender }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}
