//! A ticket's history in the order it happened, each entry read in Portuguese.
use helpdesk_api::TicketEvent;
use helpdesk_core::date::format_instant;
use helpdesk_core::ticket_history::describe;
use yew::prelude::*;

use crate::dom::local_offset_minutes;

/// Props of [`History`].
#[derive(Properties, PartialEq)]
pub struct HistoryProps {
    pub events: Vec<TicketEvent>,
}

/// `ol#historico` with an `li[data-kind]` per event: its title, who and when, its details.
#[function_component]
pub fn History(props: &HistoryProps) -> Html {
    let offset = local_offset_minutes();
    html! {
        <ol id="historico" class="history">
            { for props.events.iter().map(|event| {
                let (title, details) = describe(event, offset);
                html! {
                    <li key={event.id.to_string()} data-kind={event.kind.clone()}>
                        <span class="history-title">{ title }</span>
                        <span class="muted">
                            { format!(" · {} · {}", event.user_name, format_instant(event.at, offset)) }
                        </span>
                        if !details.is_empty() {
                            <ul>{ for details.into_iter().map(|detail| html! { <li>{ detail }</li> }) }</ul>
                        }
                    </li>
                }
            }) }
        </ol>
    }
}
