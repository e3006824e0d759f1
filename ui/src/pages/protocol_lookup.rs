//! "Consultar protocolo": a ticket found by its protocol number, with its history, and the
//! way to its ticket page.
use helpdesk_api::{CommandError, FindTicket, TicketEvent, TicketHistory, TicketSummary};
use helpdesk_core::date::format_instant;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api;
use crate::components::{message_at, FieldError, FormError};
use crate::dom::local_offset_minutes;
use crate::pages::tickets::History;

const FIELD: &str = "protocolo";

/// What the last lookup found.
#[derive(Clone, PartialEq)]
enum Found {
    Nothing,
    /// No ticket has the number typed.
    Missing(String),
    Ticket(Box<TicketSummary>, Vec<TicketEvent>),
}

/// Props of [`ProtocolLookup`].
#[derive(Properties, PartialEq)]
pub struct ProtocolLookupProps {
    /// Opens the ticket found on its page.
    pub onopen: Callback<TicketSummary>,
}

/// The lookup form and the ticket it finds.
#[function_component]
pub fn ProtocolLookup(props: &ProtocolLookupProps) -> Html {
    let typed = use_state(String::new);
    let found = use_state(|| Found::Nothing);
    let error = use_state(|| None::<CommandError>);
    let searching = use_state(|| false);

    let oninput = {
        let (typed, error) = (typed.clone(), error.clone());
        Callback::from(move |event: InputEvent| {
            typed.set(event.target_unchecked_into::<HtmlInputElement>().value());
            error.set(None);
        })
    };
    let onsubmit = {
        let (typed, found, error, searching) = (
            typed.clone(),
            found.clone(),
            error.clone(),
            searching.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (text, found, error, searching) = (
                (*typed).clone(),
                found.clone(),
                error.clone(),
                searching.clone(),
            );
            searching.set(true);
            spawn_local(async move {
                let outcome = match api::invoke::<FindTicket>(&text).await {
                    Ok(Some(ticket)) => api::invoke::<TicketHistory>(&ticket.id)
                        .await
                        .map(|history| Found::Ticket(Box::new(ticket), history)),
                    Ok(None) => Ok(Found::Missing(text)),
                    Err(failure) => Err(failure),
                };
                match outcome {
                    Ok(result) => {
                        found.set(result);
                        error.set(None);
                    }
                    Err(failure) => error.set(Some(failure)),
                }
                searching.set(false);
            });
        })
    };
    let errors: Vec<CommandError> = error.iter().cloned().collect();
    let offset = local_offset_minutes();

    html! {
        <section class="protocol-lookup" aria-labelledby="consulta-titulo">
            <h2 id="consulta-titulo">{ "Consultar protocolo" }</h2>
            <form class="lookup-form" {onsubmit}>
                <input
                    id="consultar-protocolo"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    placeholder="AAMMDD-DDD-SSSSS"
                    aria-label="Número do protocolo"
                    value={(*typed).clone()}
                    aria-invalid={message_at(&errors, FIELD).is_some().then_some("true")}
                    {oninput}
                />
                <button id="buscar-protocolo" type="submit" disabled={*searching}>{ "Buscar" }</button>
            </form>
            <FieldError field={FIELD} message={message_at(&errors, FIELD)} />
            <FormError message={errors.iter().find(|e| e.field.is_none()).map(|e| AttrValue::from(e.message.clone()))} />
            { match &*found {
                Found::Nothing => html! {},
                Found::Missing(text) => html! {
                    <p id="protocolo-nao-encontrado" class="empty">
                        { format!("Nenhum atendimento com o protocolo {text}.") }
                    </p>
                },
                Found::Ticket(ticket, history) => html! {
                    <article id="ticket-encontrado" class="ticket-card" data-ticket-id={ticket.id.to_string()}>
                        <h3>{ format!("Protocolo {}", ticket.protocol) }</h3>
                        <dl class="facts">
                            <dt>{ "Situação" }</dt><dd id="ticket-situacao">{ ticket.status.label() }</dd>
                            <dt>{ "Cliente" }</dt><dd>{ format!("{} · {}", ticket.customer_code, ticket.customer_name) }</dd>
                            <dt>{ "Tipo" }</dt><dd>{ ticket.ticket_type_name.clone().unwrap_or_else(|| "—".into()) }</dd>
                            <dt>{ "Destinado a" }</dt><dd>{ ticket.assignee.as_ref().map_or_else(|| "—".to_owned(), |a| a.describe()) }</dd>
                            <dt>{ "Aberto em" }</dt><dd>{ format_instant(ticket.opened_at, offset) }</dd>
                            <dt>{ "Prazo" }</dt><dd>{ ticket.due_at.map_or_else(|| "—".to_owned(), |at| format_instant(at, offset)) }</dd>
                        </dl>
                        <button
                            id="abrir-atendimento"
                            type="button"
                            onclick={
                                let (onopen, ticket) = (props.onopen.clone(), (**ticket).clone());
                                Callback::from(move |_: MouseEvent| onopen.emit(ticket.clone()))
                            }
                        >
                            { "Abrir atendimento" }
                        </button>
                        <h4>{ "Histórico" }</h4>
                        <History events={history.clone()} />
                    </article>
                },
            } }
        </section>
    }
}
