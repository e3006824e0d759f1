//! The operator's queue on the home screen ([`helpdesk_api::Queue`]): new messages and the
//! open tickets for the operator, their role and no one, soonest due first, with the counts.
//! Asked again every few seconds while shown, so what sync brings appears by itself. Each
//! entry is a button: Tab reaches it, Enter (or a click) opens it.
mod group;

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use helpdesk_api::{CommandError, LoadQueue, Queue, SupportMessage, TicketSummary};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use self::group::{MessageGroup, TicketGroupView};
use crate::api;
use crate::components::FormError;

/// How often the queue is asked again, in ms.
const POLL_MS: u32 = 5_000;

/// Props of [`QueuePanel`].
#[derive(Properties, PartialEq)]
pub struct QueuePanelProps {
    /// A ticket opened from the queue.
    pub onopen_ticket: Callback<TicketSummary>,
    /// A new message opened: a new ticket answering it.
    pub onopen_message: Callback<SupportMessage>,
    /// A draft is left from before: messages cannot start a ticket until it is continued
    /// or discarded.
    pub draft_pending: bool,
}

/// `section#fila`.
#[function_component]
pub fn QueuePanel(props: &QueuePanelProps) -> Html {
    let queue = use_state(|| None::<Queue>);
    let error = use_state(|| None::<CommandError>);
    {
        let (queue, error) = (queue.clone(), error.clone());
        use_effect_with((), move |()| {
            let shown = Rc::new(Cell::new(true));
            let polling = Rc::clone(&shown);
            spawn_local(async move {
                while polling.get() {
                    match api::invoke::<LoadQueue>(&()).await {
                        Ok(now) => {
                            queue.set(Some(now));
                            error.set(None);
                        }
                        Err(failure) => error.set(Some(failure)),
                    }
                    TimeoutFuture::new(POLL_MS).await;
                }
            });
            move || shown.set(false)
        });
    }
    let body = match &*queue {
        None => html! { <p aria-busy="true">{ "Carregando a fila…" }</p> },
        Some(queue) if queue.is_empty() => html! {
            <p id="fila-vazia" class="empty">{ "Nada esperando por você agora." }</p>
        },
        Some(queue) => html! {
            <div class="queue-groups">
                <MessageGroup
                    count={queue.messages_count}
                    messages={queue.messages.clone()}
                    onopen={props.onopen_message.clone()}
                    blocked={props.draft_pending}
                />
                { for queue.ticket_groups.iter().map(|group| html! {
                    <TicketGroupView
                        key={group.group.id()}
                        group={group.clone()}
                        onopen={props.onopen_ticket.clone()}
                    />
                }) }
            </div>
        },
    };
    html! {
        <section id="fila" class="queue" aria-labelledby="fila-titulo" tabindex="-1">
            <h2 id="fila-titulo">{ "Sua fila" }</h2>
            <FormError message={error.as_ref().map(|e| AttrValue::from(e.message.clone()))} />
            { body }
        </section>
    }
}
